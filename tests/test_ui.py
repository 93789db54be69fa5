"""The Gradio UI's handlers, called directly on the real engine and service (no browser; see test_ui_browser)."""

from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import gradio as gr
import pytest

from assistant.ask.engine import Engine
from assistant.core.config import APISettings
from assistant.service.chat import ChatService
from assistant.ui.actions import NOT_STATED, UIActions, highlight, message_text
from assistant.ui.blocks import build_ui
from tests.conftest import PLAN_PDF, make_settings

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
    return UIActions(service)


def ask(actions: UIActions, question: str, messages=None, session_id=None, answer_ids=None):
    steps = list(actions.ask(question, messages, session_id, answer_ids))
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
    _, final = ask(actions, "在晋江买房，博士能领到多少万元购房补贴？")
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

    headers, rows, csv_path = actions.unanswered(str(date.today()), str(date.today()))
    assert headers[0] == "问题"
    assert any(row[0] == question for row in rows)
    with open(csv_path, encoding="utf-8-sig") as f:
        assert any(question in line for line in csv.reader(f))
    _, old_rows, _ = actions.unanswered("2020-01-01", "2020-12-31")
    assert old_rows == []


# ---------------------------------------------------------------- hotline desk


def test_hotline_highlights_keywords_and_gives_a_ready_answer_with_source(actions: UIActions) -> None:
    hits = actions.hotline("博士后 工作站")
    assert hits
    top = hits[0]
    assert "<mark" in top.html and ">博士后</mark>" in top.html
    assert "晋政文〔2021〕346号" in top.ready_answer
    assert top.section.split(" > ")[-1] in top.ready_answer
    assert actions.hotline("   ") == []


def test_highlight_escapes_markup_in_passages() -> None:
    shown = highlight("<script>alert(1)</script>人才集团", ["人才集团"])
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert shown.endswith(">人才集团</mark>")


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
    assert [row[1] for row in admin_actions.document_rows()] == ["guide.md"]
    upload = tmp_path / "upload" / PLAN_PDF.name
    upload.parent.mkdir()
    shutil.copy(PLAN_PDF, upload)

    refused = admin_actions.upload(str(upload), "wrong")
    assert not refused.ok and "密钥" in refused.message
    assert len(admin_actions.document_rows()) == 1, "a refused upload changes nothing"

    done = admin_actions.upload(str(upload), "s3cret")
    assert done.ok, done.message
    rows = admin_actions.document_rows()
    assert {row[1] for row in rows} == {"guide.md", PLAN_PDF.name}
    plan_hits = admin_actions.hotline("博士后 工作站")
    assert any("第" in h.ready_answer and "页" in h.ready_answer for h in plan_hits), (
        "a PDF passage names its page"
    )

    plan_id = next(row[-1] for row in rows if row[1] == PLAN_PDF.name)
    assert admin_actions.delete(plan_id, "s3cret").ok
    assert [row[1] for row in admin_actions.document_rows()] == ["guide.md"]
    assert not admin_actions.delete(plan_id, "s3cret").ok, "deleting twice says the document is gone"


def test_admin_refuses_unsupported_files_and_keeps_working(admin_actions: UIActions, tmp_path: Path) -> None:
    exe = tmp_path / "setup.exe"
    exe.write_bytes(b"MZ\x00\x00")
    result = admin_actions.upload(str(exe), "s3cret")
    assert not result.ok and "不支持" in result.message
    _, final = ask(admin_actions, "青年人才驿站由谁牵头？")
    assert "团市委" in last_answer(final)


def test_admin_is_closed_when_no_admin_key_is_configured(actions: UIActions) -> None:
    assert actions.settings.api.admin_key is None
    result = actions.reindex("")
    assert not result.ok and "ASSISTANT_API__ADMIN_KEY" in result.message


# ---------------------------------------------------------------- policy matching and the layout


def test_profile_form_lists_programmes_with_lead_units(actions: UIActions) -> None:
    shown = actions.match_profile("博士", [], "集成电路", "企业", False)
    assert "硕博人才“倍增工程”" in shown
    assert "牵头单位" in shown and "出处" in shown
    assert "相关原文：“" in shown and "““" not in shown, "a quoted clause is quoted once"
    assert "金额" in shown, "the plan states no amounts, and the reply says so"
    assert actions.match_profile(None, [], None, None, False).startswith("请至少选择")


def test_build_ui_has_every_tab(service: ChatService) -> None:
    ui = build_ui(service)
    assert isinstance(ui, gr.Blocks)
    labels = {b.label for b in ui.blocks.values() if isinstance(b, gr.Tab)}
    assert labels == {"政策咨询", "热线检索", "文档管理", "未解答问题", "政策匹配"}
