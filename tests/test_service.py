"""ChatService: sessions, history, logging, streaming, on the real engine over the plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.core.types import Turn
from assistant.service.chat import ChatReply, ChatService
from assistant.service.records import AnswerNotFound, LogStore, SessionNotFound
from assistant.store.db import make_db_engine


@pytest.fixture
def service(plan_engine: Any, tmp_path: Path) -> ChatService:
    return ChatService(plan_engine, LogStore(make_db_engine(f"sqlite:///{tmp_path / 'log.db'}")), max_history_turns=6)


def test_every_answer_is_logged_with_its_session(service: ChatService) -> None:
    reply = service.chat("人才集团由谁组建？", request_id="r-1")
    [record] = service.store.queries()
    assert record.answer_id == reply.answer_id and record.session_id == reply.session_id
    assert record.request_id == "r-1" and record.citations == reply.citations and record.answerable
    assert [t.role for t in service.history(reply.session_id or "")] == ["user", "assistant"]


def test_a_session_carries_the_conversation_for_five_turns(service: ChatService) -> None:
    first = service.chat("博士后工作站现在有几家？")
    sid = first.session_id
    replies = [first]
    for q in ["那到2025年呢？", "人才集团由谁组建？", "它的实施年限是？", "硕博倍增工程谁牵头？"]:
        replies.append(service.chat(q, session_id=sid))
    assert {r.session_id for r in replies} == {sid}
    assert "4" in replies[1].answer
    assert "2021-2022" in replies[3].answer
    assert "市直涉才部门" in replies[4].answer
    assert len(service.store.queries(session_id=sid)) == 5
    assert len(service.history(sid or "")) == 6  # the last max_history_turns turns


def test_history_given_by_the_caller_is_used_instead_of_the_session(service: ChatService) -> None:
    sid = service.chat("人才集团由谁组建？").session_id
    history = [Turn(role="user", content="博士后工作站现在有几家？"), Turn(role="assistant", content="2家。")]
    reply = service.chat("那到2025年呢？", session_id=sid, history=history)
    assert "4" in reply.answer


def test_streaming_yields_text_then_one_logged_reply_equal_to_chat(service: ChatService) -> None:
    parts = list(service.chat_stream("硕博倍增工程谁牵头？"))
    *deltas, reply = parts
    assert all(isinstance(d, str) for d in deltas) and isinstance(reply, ChatReply)
    assert "".join(deltas) == reply.answer
    plain = service.chat("硕博倍增工程谁牵头？")
    assert (plain.answer, plain.citations) == (reply.answer, reply.citations)
    assert service.store.count_queries() == 2


def test_an_unknown_session_is_refused_before_anything_is_answered_or_logged(service: ChatService) -> None:
    for ask in (service.chat, lambda q, **kw: list(service.chat_stream(q, **kw))):
        with pytest.raises(SessionNotFound) as caught:
            ask("那到2025年呢？", session_id="never-issued")
        assert caught.value.status == 404 and caught.value.code == "session_not_found"
    assert service.store.count_queries() == 0 and not service.store.session_exists("never-issued")


def test_without_keeping_a_session_nothing_is_stored_but_the_log(service: ChatService) -> None:
    reply = service.chat("人才集团由谁组建？", keep_session=False)
    assert reply.session_id is None and service.store.count_queries() == 1


def test_feedback_goes_to_a_known_answer_only(service: ChatService) -> None:
    reply = service.chat("人才集团由谁组建？")
    service.feedback(reply.answer_id, "up")
    with pytest.raises(AnswerNotFound):
        service.feedback("not-an-answer", "down")
