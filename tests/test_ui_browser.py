"""The UI in a real browser: the real server app (API + Gradio at /ui) under uvicorn on a loopback port, driven
by Debian's headless Chromium through Playwright (no browser download)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from tests.conftest import free_port, make_settings, wait_until_up

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
SCREENSHOT = Path("/tmp/ui-browser-chat.png")
WAIT_MS = 60_000


@pytest.fixture(scope="module")
def base_url(
    tmp_path_factory: pytest.TempPathFactory, plan_corpus: Path, embedding_cache: Path
) -> Iterator[str]:
    from assistant.api.app import create_app
    from assistant.ui.blocks import mount_ui

    settings = make_settings(tmp_path_factory.mktemp("ui-browser"), plan_corpus, embedding_cache)
    port = free_port()
    app = mount_ui(create_app(settings))  # as server.py serves it: the API and the UI at /ui in one process
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="uvicorn-ui-test", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    wait_until_up(f"{url}/readyz", "the UI server", seconds=300, alive=thread.is_alive)
    yield url
    server.should_exit = True
    thread.join(timeout=15)


@pytest.fixture(scope="module")
def page(base_url: str):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 1200}, locale="zh-CN")
        page.goto(f"{base_url}/ui/")
        page.locator("#question textarea").wait_for(timeout=WAIT_MS)
        yield page
        browser.close()


def test_question_shows_the_answer_and_its_source_line(page) -> None:  # type: ignore[no-untyped-def]
    page.locator("#question textarea").fill("组建人才集团的实施年限是哪几年？")
    page.locator("#send").click()
    chat = page.locator("#chatbot")
    chat.get_by_text("来源", exact=True).wait_for(timeout=WAIT_MS)
    text = chat.inner_text()
    assert "2021-2022" in text
    assert "《晋江市“十四五”人才发展规划（2021-2025年）》" in text, "a source line names the document"
    assert "人才集团" in text.split("来源")[-1], "the quoted passage is shown under the answer"


def test_unanswerable_question_shows_the_not_stated_message(page) -> None:  # type: ignore[no-untyped-def]
    from assistant.ui.actions import NOT_STATED

    page.locator("#question textarea").fill("晋江给博士的安家补贴是多少钱？")
    page.locator("#question textarea").press("Enter")
    chat = page.locator("#chatbot")
    chat.get_by_text(NOT_STATED).wait_for(timeout=WAIT_MS)
    assert chat.get_by_text("来源", exact=True).count() == 1, "the first answer's sources are still there"
    page.screenshot(path=str(SCREENSHOT), full_page=True)


def test_hotline_desk_highlights_keywords(page) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("tab", name="热线检索").click()
    page.locator("#hotline-query textarea").fill("博士后 工作站")
    page.locator("#hotline-go").click()
    first = page.locator("#hotline-hit-0")
    first.locator("mark").first.wait_for(timeout=WAIT_MS)
    assert "博士后" in first.locator("mark").all_inner_texts()
    assert "晋政文〔2021〕346号" in page.locator("#hotline-ready-0 textarea").input_value()
