"""The conversation service shared by the HTTP API and the Gradio UI: sessions, the engine's answer, the log.

    service = ChatService(engine, LogStore(db))
    reply = service.chat("博士后工作站现在有几家？")                      -> ChatReply (answer_id, session_id …)
    reply = service.chat("那到2025年呢？", session_id=reply.session_id)  # the stored turns are the history
    for part in service.chat_stream(question, session_id=…): str deltas, then one ChatReply
    service.feedback(answer_id, "down", "comment")                       -> feedback id (AnswerNotFound if unknown)
    service.unanswered_report(start, end) / service.unanswered_csv(start, end)

Sessions: a reply always carries a `session_id`; sending it back makes the session's stored turns the history
(unless the request brings its own `history`). An id the store never issued (or lost with a database reset)
raises `SessionNotFound` (404 `session_not_found`) before anything is answered: silently starting a new session
would answer a follow-up ("那到2025年呢？") with no history. The client drops the id and starts over. Sessions
live in the database, so they survive a restart and any worker can continue any conversation. Every answer is
logged, streamed or not.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from typing import Any, TypedDict, Unpack

from pydantic import Field

from assistant.core.config import Settings
from assistant.core.timing import stage
from assistant.core.types import Answer, Turn
from assistant.service.records import LogStore, QueryRecord, Rating, UnansweredGroup, new_id
from assistant.store.db import make_db_engine


class ChatReply(Answer):
    """An engine `Answer` plus what the service adds: where it is stored and how long it took."""

    session_id: str | None = Field(None, description="Send back to continue the conversation; None when unsaved")
    answer_id: str = Field(description="Identifies this answer for feedback")
    request_id: str | None = None
    latency_ms: float = 0.0


class ChatOptions(TypedDict, total=False):
    """The keyword arguments of `ChatService.chat` and `chat_stream`, for callers that pass them along."""

    history: list[Turn] | None
    session_id: str | None
    top_k: int | None
    request_id: str | None
    keep_session: bool


class ChatService:
    def __init__(self, engine: Any, store: LogStore, *, max_history_turns: int = 20) -> None:
        self.engine = engine
        self.store = store
        self.max_history_turns = max_history_turns

    @classmethod
    def from_settings(cls, engine: Any, settings: Settings) -> ChatService:
        return cls(engine, LogStore(make_db_engine(settings.db_url)), max_history_turns=settings.api.max_history_turns)

    # ---- asking

    def chat(self, question: str, **options: Unpack[ChatOptions]) -> ChatReply:
        """`chat_stream` run to its end: the logged `ChatReply` alone."""
        reply: ChatReply | None = None
        for part in self.chat_stream(question, **options):
            if isinstance(part, ChatReply):
                reply = part
        assert reply is not None
        return reply

    def chat_stream(
        self,
        question: str,
        *,
        history: list[Turn] | None = None,
        session_id: str | None = None,
        top_k: int | None = None,
        request_id: str | None = None,
        keep_session: bool = True,
    ) -> Iterator[str | ChatReply]:
        """Text deltas as the engine yields them, then the logged `ChatReply`. `keep_session=False` answers
        from `history` alone and stores no turns (the OpenAI facade, whose clients resend the history)."""
        question = question.strip()
        session_id, turns, new_session = self._resolve_session(session_id, history, keep_session)
        started = time.perf_counter()
        answer: Answer | None = None
        for part in self.engine.ask_stream(question, turns, top_k):
            if isinstance(part, Answer):
                answer = part
            else:
                yield part
        assert answer is not None, "the engine's stream ends with an Answer"
        reply = ChatReply(
            **answer.model_dump(),
            session_id=session_id,
            answer_id=new_id(),
            request_id=request_id,
            latency_ms=round((time.perf_counter() - started) * 1000, 1),
        )
        with stage("log_write"):
            self._record(question, reply, new_session)
        yield reply

    def _resolve_session(
        self, session_id: str | None, history: list[Turn] | None, keep_session: bool
    ) -> tuple[str | None, list[Turn], bool]:
        """(session id, the turns to answer with, whether the session is new). A new session is written with
        the answer, in the same transaction."""
        given = list(history or [])[-self.max_history_turns :] if self.max_history_turns else []
        if not keep_session:
            return None, given, False
        if session_id:
            self.store.require_session(session_id)
            return session_id, given or self.store.turns(session_id, self.max_history_turns), False
        return new_id(), given, True

    def _record(self, question: str, reply: ChatReply, new_session: bool) -> None:
        # A QueryRecord is the reply's fields of the same names (the rest is not logged) plus the question.
        record = QueryRecord.model_validate({**reply.model_dump(), "question": question})
        self.store.record_answer(record, new_session=new_session)

    # ---- sessions, feedback, reports

    def history(self, session_id: str) -> list[Turn]:
        return self.store.turns(session_id, self.max_history_turns)

    def feedback(self, answer_id: str, rating: Rating, comment: str | None = None) -> str:
        return self.store.add_feedback(answer_id, rating, comment)

    def unanswered_report(self, start: datetime, end: datetime) -> list[UnansweredGroup]:
        return self.store.unanswered_report(start, end)

    def unanswered_csv(self, start: datetime, end: datetime) -> str:
        return self.store.unanswered_csv(start, end)
