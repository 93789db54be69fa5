"""The Gradio UI's handlers, called directly on the real engine and service (no browser; see test_ui_browser)."""

from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import gradio as gr
import pytest
from pydantic import SecretStr

from assistant.api.ratelimit import RateLimiter
from assistant.ask.engine import Engine
from assistant.core.config import APISettings
from assistant.service.chat import ChatService
from assistant.ui.actions import RateLimited, StaffOnly, UIActions
from assistant.ui.blocks import build_desk, build_ui
from assistant.ui.views import NOT_STATED, highlight, message_text
from tests.conftest import PLAN_PDF, PLAN_TXT, make_settings

ADMIN_KEY, DESK_KEY = "ui-admin-5c1e", "ui-desk-90ab"

GUIDE = """晋江市青年人才驿站服务指南（试行）

一、服务对象
来晋江求职的高校毕业生，可在青年人才驿站申请免费住宿，每人最长入住14天。

二、牵头单位
青年人才驿站由团市委牵头，市人社局配合。
"""


@pytest.fixture(scope="module")
def service(plan_engine: Engine) -> ChatService:
    return ChatService.from_settings(plan_engine, plan_engine.settings)


@pytest.fixture(scope="module")
def actions(service: ChatService) -> UIActions:
    """The UI as a deployment with an admin key and one client key (for hotline operators) runs it."""
    keys = APISettings(admin_key=SecretStr(ADMIN_KEY), keys=[SecretStr(DESK_KEY)])
    return UIActions(service, service.engine.settings.model_copy(update={"api": keys}))


def ask(actions: UIActions, question: str, messages=None, session_id=None, answer_ids=None, client=None):
    steps = list(actions.ask(question, messages, session_id, answer_ids, client))
    return steps, steps[-1]


def last_answer(step) -> str:
    return message_text(step.messages[-1]["content"])


# ---------------------------------------------------------------- chat


def test_answer_streams_then_shows_its_sources(actions: UIActions) -> None:
    steps, final = ask(actions, "组建人才集团的实施年限是哪几年？")
    assert [m["role"] for m in final.messages] == ["user", "assistant"]
    growing = [last_answer(s) for s in steps[1:-1]]
    assert len(growing) >= 2 and growing[0] != growing[-1], "the answer appears piece by piece"
    text = last_answer(final)
    assert "2021-2022" in text
    assert "**来源**" in text and "《晋江市“十四五”人才发展规划" in text
    assert "人才集团" in text.split("**来源**")[1], "the quoted source text is shown under the answer"
    assert final.session_id and final.answer_ids == {1: final.answer_ids[1]}


def test_question_the_documents_do_not_answer_says_so(actions: UIActions) -> None:
    _, final = ask(actions, "市图书馆周末几点开门？")
    text = last_answer(final)
    assert text.startswith(f"**{NOT_STATED}**")
    assert "**相关段落**" in text, "the closest passages are offered, marked as such"


def test_five_turn_conversation_keeps_its_session(actions: UIActions) -> None:
    questions = [
        "硕博人才倍增工程主要做什么？",
        "那它谁牵头？",
        "博士后工作站现在有几家？",
        "那到2025年呢？",
        "人才集团由哪些单位牵头？",
    ]
    messages, session_id, ids, answers = [], None, {}, []
    for q in questions:
        _, step = ask(actions, q, messages, session_id, ids)
        assert session_id in (None, step.session_id), "every turn stays in the first turn's session"
        messages, session_id, ids = step.messages, step.session_id, step.answer_ids
        answers.append(last_answer(step))
    assert len(messages) == 10 and len(ids) == 5
    assert "市直涉才部门" in answers[1]
    assert "4" in answers[3].split("**来源**")[0]
    assert "人社局" in answers[4]


def test_suggested_follow_ups_can_be_asked(actions: UIActions) -> None:
    _, first = ask(actions, "晋江给博士的安家补贴是多少钱？")
    assert first.suggestions, "even a refusal offers questions the documents can answer"
    _, second = ask(actions, first.suggestions[0], first.messages, first.session_id, first.answer_ids)
    assert NOT_STATED not in last_answer(second)


def test_thumbs_down_reaches_the_unanswered_report_and_its_csv(
    actions: UIActions, service: ChatService
) -> None:
    question = "晋江人才公寓的租金是怎么定的？"
    _, final = ask(actions, question)
    assert actions.rate(final.answer_ids, [1, None], False).startswith("已记录")
    assert service.store.feedback_for(final.answer_ids[1])[0][0] == "down"
    assert actions.rate(final.answer_ids, 0, True) == "这条消息不能评价。", (
        "a user message has no answer to rate"
    )

    headers, rows, csv_path = actions.unanswered(str(date.today()), str(date.today()), ADMIN_KEY)
    assert headers[0] == "问题"
    assert any(row[0] == question for row in rows)
    with open(csv_path, encoding="utf-8-sig") as f:
        assert any(question in line for line in csv.reader(f))
    _, old_rows, _ = actions.unanswered("2020-01-01", "2020-12-31", ADMIN_KEY)
    assert old_rows == []


# ---------------------------------------------------------------- hotline desk


def test_hotline_highlights_keywords_and_gives_a_ready_answer_with_source(actions: UIActions) -> None:
    found = actions.hotline("博士后 工作站", DESK_KEY)
    assert found.hits
    top = found.hits[0]
    assert "<mark" in top.html and ">博士后</mark>" in top.html
    assert top.ready_answer.startswith(
        "根据《晋江市“十四五”人才发展规划（2021-2025年）》（晋政文〔2021〕346号）"
    )
    assert PLAN_TXT.name not in top.ready_answer, "the document is named by its title, not its file name"
    assert actions.hotline("   ", DESK_KEY).hits == []


def test_hotline_table_row_reads_as_a_sentence_with_its_headers(actions: UIActions) -> None:
    found = actions.hotline("人才集团 牵头单位", DESK_KEY)
    row = next(h for h in found.hits if "组建成立人才集团" in h.ready_answer)
    answer = row.ready_answer
    assert " | " not in answer and "序号" not in answer, "not the raw row"
    assert "实施年限为2021-2022" in answer and "牵头单位为" in answer
    assert "附件1—三、重点平台" in answer, "the section the row sits in"
    assert answer.endswith("。")


def test_hotline_skips_generic_words(actions: UIActions) -> None:
    # 人才 is in nearly every chunk of a talent plan: it is neither highlighted nor enough to list a passage.
    found = actions.hotline("人才 驿站", DESK_KEY)
    assert "人才" in found.generic
    assert found.hits, "the specific word still finds passages"
    for hit in found.hits:
        assert ">人才</mark>" not in hit.html
        assert "驿站" in hit.html, "every passage listed holds the specific word"
    only_generic = actions.hotline("人才", DESK_KEY)
    assert only_generic.hits == [] and "更具体" in only_generic.note


def test_highlight_escapes_markup_in_passages() -> None:
    shown = highlight("<script>alert(1)</script>人才集团", ["人才集团"])
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert shown.endswith(">人才集团</mark>")


# ---------------------------------------------------------------- staff data behind the key


def test_staff_functions_refuse_without_the_key_and_read_nothing(actions: UIActions) -> None:
    for key in (None, "", "wrong-key", ADMIN_KEY + " "):
        with pytest.raises(StaffOnly):
            actions.unanswered("2020-01-01", "2099-12-31", key)
        with pytest.raises(StaffOnly):
            actions.document_rows(key)
        with pytest.raises(StaffOnly):
            actions.hotline("博士后", key)
        assert not actions.reindex(key).ok and not actions.delete("x", key).ok
    # A client key opens the desk, not the staff data.
    with pytest.raises(StaffOnly, match="管理员密钥"):
        actions.unanswered("2020-01-01", "2099-12-31", DESK_KEY)
    with pytest.raises(StaffOnly):
        actions.document_rows(DESK_KEY)
    assert actions.staff_role(DESK_KEY) == "desk" and actions.staff_role(ADMIN_KEY) == "admin"
    assert [row[1] for row in actions.document_rows(ADMIN_KEY)] == [PLAN_TXT.name]


def test_staff_functions_are_closed_when_no_key_is_configured(service: ChatService) -> None:
    closed = UIActions(service)
    assert closed.settings.api.admin_key is None and not closed.settings.api.keys
    with pytest.raises(StaffOnly, match="ASSISTANT_API__ADMIN_KEY"):
        closed.unanswered(None, None, "")
    with pytest.raises(StaffOnly, match="ASSISTANT_API__ADMIN_KEY"):
        closed.hotline("博士后", "anything")
    result = closed.reindex("")
    assert not result.ok and "ASSISTANT_API__ADMIN_KEY" in result.message


def test_chat_and_matching_share_the_api_rate_limit_per_client(service: ChatService) -> None:
    limiter = RateLimiter(3)
    limited = UIActions(service, limiter=limiter)
    ask(limited, "人才集团由哪些单位牵头？", client="10.0.0.7")
    assert "牵头" in limited.match_profile("博士", [], None, None, False, client="10.0.0.7")
    ask(limited, "博士后工作站有几家？", client="10.0.0.7")
    with pytest.raises(RateLimited, match="秒后再试"):
        ask(limited, "博士后工作站有几家？", client="10.0.0.7")
    with pytest.raises(RateLimited):
        limited.match_profile("博士", [], None, None, False, client="10.0.0.7")
    assert limiter.acquire("ip:10.0.0.7") is not None, (
        "the same bucket as an open /api/v1 caller from that address"
    )
    _, other = ask(limited, "博士后工作站有几家？", client="10.0.0.8")
    assert "博士后" in last_answer(other), "another address has its own bucket"


# ---------------------------------------------------------------- admin


@pytest.fixture
def admin_actions(tmp_path: Path, embedding_cache: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "guide.md").write_text(GUIDE, encoding="utf-8")
    settings = make_settings(tmp_path / "data", corpus, embedding_cache, api=APISettings(admin_key="s3cret"))
    engine = Engine(settings)
    engine.start(progress=False)
    yield UIActions(ChatService.from_settings(engine, settings))
    engine.close()


def test_admin_upload_list_ask_delete(admin_actions: UIActions, tmp_path: Path) -> None:
    assert [row[1] for row in admin_actions.document_rows("s3cret")] == ["guide.md"]
    upload = tmp_path / "upload" / PLAN_PDF.name
    upload.parent.mkdir()
    shutil.copy(PLAN_PDF, upload)

    refused = admin_actions.upload(str(upload), "wrong")
    assert not refused.ok and "密钥" in refused.message
    assert len(admin_actions.document_rows("s3cret")) == 1, "a refused upload changes nothing"

    done = admin_actions.upload(str(upload), "s3cret")
    assert done.ok, done.message
    rows = admin_actions.document_rows("s3cret")
    assert {row[1] for row in rows} == {"guide.md", PLAN_PDF.name}
    plan_hits = admin_actions.hotline("博士后 工作站", "s3cret").hits
    assert any("第" in h.ready_answer and "页" in h.ready_answer for h in plan_hits), (
        "a PDF passage names its page"
    )

    plan_id = next(row[-1] for row in rows if row[1] == PLAN_PDF.name)
    assert admin_actions.delete(plan_id, "s3cret").ok
    assert [row[1] for row in admin_actions.document_rows("s3cret")] == ["guide.md"]
    assert not admin_actions.delete(plan_id, "s3cret").ok, "deleting twice says the document is gone"


def test_admin_refuses_unsupported_files_and_keeps_working(admin_actions: UIActions, tmp_path: Path) -> None:
    exe = tmp_path / "setup.exe"
    exe.write_bytes(b"MZ\x00\x00")
    result = admin_actions.upload(str(exe), "s3cret")
    assert not result.ok and "不支持" in result.message
    _, final = ask(admin_actions, "青年人才驿站由谁牵头？")
    assert "团市委" in last_answer(final)


# ---------------------------------------------------------------- policy matching and the layout


def test_profile_form_shows_one_block_per_item(actions: UIActions) -> None:
    shown = actions.match_profile("博士", [], "集成电路", "企业", False)
    assert "硕博人才“倍增工程”" in shown
    blocks = shown.split("\n\n")
    items = [b for b in blocks if b.startswith("**")]
    assert len(items) >= 3
    for block in items:
        lines = block.split("\n")
        assert lines[0].startswith("**") and all(line.startswith("- ") for line in lines[1:]), block
        assert lines[-1].startswith("- 出处："), "the source closes the item, on its own line"
        assert "**" not in lines[-1], "the next item's title never runs into the source line"
    doubling = next(b for b in items if "倍增工程" in b.split("\n")[0])
    assert "\n- 牵头单位：" in doubling and "\n- 原因：“" in doubling
    assert "““" not in shown, "a quoted clause is quoted once"
    assert actions.match_profile(None, [], None, None, False).startswith("请至少选择")


def test_profile_form_uses_the_match_apis_normaliser(actions: UIActions) -> None:
    assert "信息技术" in actions.match_profile(None, [], "IT", None, False).split("\n")[0]
    typed = actions.match_profile("博士", [], "芯片", None, False)
    assert "集成电路" in typed.split("\n")[0], "a typed synonym is read as the industry it names"
    assert "无法识别" in actions.match_profile(None, [], "量子烘焙", None, False)


def test_talent_tabs_and_staff_tabs_are_separate_apps(service: ChatService) -> None:
    def tabs(blocks: gr.Blocks) -> list[str]:
        return [b.label for b in blocks.blocks.values() if isinstance(b, gr.Tab)]

    assert tabs(build_ui(service)) == ["咨询", "政策匹配"]
    assert tabs(build_desk(service)) == ["热线检索", "文档管理", "未解答问题"]
    for blocks in (build_ui(service), build_desk(service)):
        assert all(fn.api_visibility != "public" for fn in blocks.fns.values()), "no event is a public API"
