"""The UI in a real browser: the real server app (API + the talent UI at /ui + the staff desk at /desk) under
uvicorn on a loopback port, with the admin key set, driven by Debian's headless Chromium through Playwright (no
browser download), on a desktop screen and on a 390×844 phone. A failing test leaves a screenshot of its page in
tests/artifacts/ (git-ignored)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PLAN_TXT
from tests.conftest_api import ADMIN, ADMIN_KEY, CLIENT_KEY, api_settings, keyed
from tests.ui_harness import plant_question, serve

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).parent / "artifacts"
WAIT_MS = 60_000
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
PLAN_TITLE = "《晋江市“十四五”人才发展规划（2021-2025年）》"
# A question with personal details, asked and given a thumbs-down before the tests: it is in the report.
PLANTED = "我叫陈晓峰，手机13950001234，人才公寓的装修补贴怎么领？"
PHONE = "13950001234"
# Pictographs and dingbats: no emoji font is installed on a plain server, so they render as empty boxes.
EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f]")


@pytest.fixture(scope="module")
def base_url(plan_engine: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from assistant.api.app import create_app
    from assistant.ui.blocks import mount_ui

    settings = api_settings(plan_engine.settings, tmp_path_factory.mktemp("ui-browser"), **keyed())
    # As server.py serves it: the API, the UI at /ui and the desk at /desk in one process.
    with serve(mount_ui(create_app(settings, plan_engine))) as url:
        plant_question(url, PLANTED, ADMIN)
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(params=list(VIEWPORTS))
def page(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    """A fresh page at the given screen size; a screenshot of it is saved when the test fails."""
    context = browser.new_context(viewport=VIEWPORTS[request.param], locale="zh-CN")
    page = context.new_page()
    failed_before = request.session.testsfailed
    yield page
    if request.session.testsfailed > failed_before:
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / ".gitignore").write_text("*\n")
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()


def open_ui(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/ui/")
    page.locator("#question textarea").wait_for(timeout=WAIT_MS)


def visible_tabs(page: Any) -> list[str]:
    return [t.inner_text().strip() for t in page.get_by_role("tab").all() if t.is_visible()]


# ---------------------------------------------------------------- /ui: talents


def test_talent_tabs_come_first_and_fit_the_screen(page: Any, base_url: str) -> None:
    open_ui(page, base_url)
    assert visible_tabs(page) == ["咨询", "政策匹配"], "the talent UI shows only the talent tabs"
    match_tab = page.get_by_role("tab", name="政策匹配")
    box = match_tab.bounding_box()
    assert box is not None and box["x"] + box["width"] <= page.viewport_size["width"], (
        "no overflow menu needed"
    )
    assert not EMOJI.findall(page.locator("body").inner_text()), "no emoji as icons"


def test_question_shows_the_answer_and_its_source_line(page: Any, base_url: str) -> None:
    open_ui(page, base_url)
    page.locator("#question textarea").fill("组建人才集团的实施年限是哪几年？")
    page.locator("#send").click()
    chat = page.locator("#chatbot")
    chat.get_by_text("来源", exact=True).wait_for(timeout=WAIT_MS)
    text = chat.inner_text()
    assert "2021-2022" in text
    assert PLAN_TITLE in text, "a source line names the document"
    assert "人才集团" in text.split("来源")[-1], "the quoted passage is shown under the answer"


def test_unanswerable_question_shows_the_not_stated_message(page: Any, base_url: str) -> None:
    from assistant.ui.views import NOT_STATED

    open_ui(page, base_url)
    page.locator("#question textarea").fill("市图书馆周末几点开门？")
    page.locator("#question textarea").press("Enter")
    page.locator("#chatbot").get_by_text(NOT_STATED).wait_for(timeout=WAIT_MS)


def test_match_form_lists_items_one_per_block(page: Any, base_url: str) -> None:
    open_ui(page, base_url)
    page.get_by_role("tab", name="政策匹配").click()
    page.locator("#match-education input").click()
    page.get_by_role("option", name="博士", exact=True).click()
    page.locator("#match-industry input").fill("集成电路")
    page.locator("#match-industry input").press("Enter")
    page.locator("#match-go").click()
    result = page.locator("#match-result")
    result.get_by_text("出处").first.wait_for(timeout=WAIT_MS)
    titles = result.locator("strong").all_inner_texts()
    assert any("硕博人才“倍增工程”" in t for t in titles), titles
    sources = [li for li in result.locator("li").all_inner_texts() if li.startswith("出处")]
    assert len(sources) >= len([t for t in titles if re.match(r"\d+\.", t)]) >= 3
    for line in sources:
        assert PLAN_TITLE in line and not re.search(r"\d+\.\s*\S+（重点", line), f"出处 runs on: {line}"


# ---------------------------------------------------------------- /desk: staff, behind the key


def test_desk_shows_nothing_without_the_key(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/desk/")
    page.locator("#staff-key input").wait_for(timeout=WAIT_MS)
    assert visible_tabs(page) == []
    for key in ("", "wrong-key"):
        page.locator("#staff-key input").fill(key)
        page.locator("#staff-enter").click()
        page.locator("#staff-status").get_by_text("密钥" if key else "请输入密钥").wait_for(timeout=WAIT_MS)
        assert visible_tabs(page) == []
        body = page.locator("body").inner_text()
        assert PHONE not in body and PLAN_TXT.name not in body, "no report row and no document list"
    assert not EMOJI.findall(page.locator("body").inner_text())


def test_desk_report_rows_appear_with_the_admin_key(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/desk/")
    page.locator("#staff-key input").fill(ADMIN_KEY)
    page.locator("#staff-key input").press("Enter")
    page.get_by_role("tab", name="未解答问题").wait_for(timeout=WAIT_MS)
    assert visible_tabs(page) == ["热线检索", "文档管理", "未解答问题"]
    page.get_by_role("tab", name="未解答问题").click()
    page.locator("#report-go").click()
    page.locator("#report-status").get_by_text("组问题").wait_for(timeout=WAIT_MS)
    assert PHONE in page.locator("#report-table").inner_text()
    page.get_by_role("tab", name="文档管理").click()
    page.locator("#doc-list").get_by_text(PLAN_TXT.name).first.wait_for(state="attached", timeout=WAIT_MS)


def test_desk_copy_text_names_the_document_section_and_reads_as_a_sentence(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/desk/")
    page.locator("#staff-key input").fill(CLIENT_KEY)  # an operator's client key opens the desk alone
    page.locator("#staff-enter").click()
    page.get_by_role("tab", name="热线检索").wait_for(timeout=WAIT_MS)
    assert visible_tabs(page) == ["热线检索"]
    page.locator("#hotline-query textarea").fill("人才集团 实施年限")
    page.locator("#hotline-go").click()
    first = page.locator("#hotline-hit-0")
    first.locator("mark").first.wait_for(timeout=WAIT_MS)
    marked = set(page.locator("[id^=hotline-hit-] mark").all_inner_texts())
    assert "人才集团" in marked and "人才" not in marked, "a generic word is not highlighted"
    copies = [page.locator(f"#hotline-ready-{n} textarea").input_value() for n in range(3)]
    row = next(c for c in copies if "组建成立人才集团" in c)
    assert row.startswith(f"根据{PLAN_TITLE}（晋政文〔2021〕346号）“附件1—三、重点平台”部分：")
    assert "实施年限为2021-2022" in row and " | " not in row and PLAN_TXT.name not in row
    assert page.locator("#hotline-ready-0 button[aria-label=Copy]").count() == 1, "a copy button"
