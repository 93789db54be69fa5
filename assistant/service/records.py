"""The service's own records: every question asked, feedback on answers, and conversation sessions.

    store = LogStore(make_db_engine(settings.db_url))      # creates its tables if missing (idempotent)
    store.log_query(QueryRecord(...))                      # one row per answered question
    store.add_feedback(answer_id, "down", "金额不对")        # raises AnswerNotFound for an unknown answer_id
    store.new_session() / store.turns(session_id, limit)   # sessions survive a restart and are shared by workers
    store.require_session(session_id)                      # raises SessionNotFound for an id it never issued
    store.unanswered_report(start, end) -> list[UnansweredGroup]
    store.unanswered_csv(start, end) -> str

The unanswered report gathers the questions a supervisor should look at (refused, low confidence, or rated
thumbs-down) and groups those worded alike, so "人才公寓怎么申请？" and "人才公寓如何申请" count as one need.
All tables live on `assistant.store.db.Base`, so SQLite and PostgreSQL both work through the same code.
"""

from __future__ import annotations

import csv
import io
import re
import threading
import unicodedata
import uuid
from contextlib import AbstractContextManager, nullcontext
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import JSON, Boolean, DateTime, Engine, Float, ForeignKey, Integer, String, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from assistant.core.errors import AssistantError
from assistant.core.types import Citation, Turn
from assistant.store.db import Base, create_all

# Below this confidence an answer counts as shaky even when it was given; the extractive composer's answers
# that cite a single loosely matching passage land under it.
LOW_CONFIDENCE = 0.5
# Two questions are "worded alike" when their character bigrams overlap this much (Jaccard); Chinese has no
# spaces, so bigrams stand in for words and absorb 如何/怎么-style variation around a shared core.
SIMILAR_WORDING = 0.5

Rating = Literal["up", "down"]


class AnswerNotFound(AssistantError):
    status, code = 404, "answer_not_found"


class SessionNotFound(AssistantError):
    """A `session_id` the store never issued (or lost with its database): continuing it would answer a
    follow-up with no history, so the caller is told instead."""

    status, code = 404, "session_not_found"


def _now() -> datetime:
    # Local wall-clock time: supervisors ask for reports by local calendar day.
    return datetime.now()


def new_id() -> str:
    return uuid.uuid4().hex


# ---------------------------------------------------------------- tables


class QueryLogRow(Base):
    __tablename__ = "query_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    answer_id: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    request_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    session_id: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    citations: Mapped[list] = mapped_column(JSON, default=list)
    answerable: Mapped[bool] = mapped_column(Boolean)
    confidence: Mapped[float] = mapped_column(Float)
    route: Mapped[str | None] = mapped_column(String(64), nullable=True)
    latency_ms: Mapped[float] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=_now, index=True)


class FeedbackRow(Base):
    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    feedback_id: Mapped[str] = mapped_column(String(64), unique=True)
    answer_id: Mapped[str] = mapped_column(String(64), ForeignKey("query_log.answer_id"), index=True)
    rating: Mapped[str] = mapped_column(String(8))
    comment: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=_now)


class SessionRow(Base):
    __tablename__ = "sessions"

    session_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=_now)


class TurnRow(Base):
    __tablename__ = "turns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(String(64), ForeignKey("sessions.session_id"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    content: Mapped[str] = mapped_column(Text)
    answer_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=_now)


_TABLES = [Base.metadata.tables[name] for name in ("query_log", "feedback", "sessions", "turns")]


# ---------------------------------------------------------------- values


class QueryRecord(BaseModel):
    """One answered question as it goes into the log."""

    model_config = ConfigDict(frozen=True)

    answer_id: str
    question: str
    answer: str
    citations: list[Citation] = Field(default_factory=list)
    answerable: bool
    confidence: float
    route: str | None = None
    latency_ms: float
    session_id: str | None = None
    request_id: str | None = None


class UnansweredGroup(BaseModel):
    """Questions worded alike that the assistant refused, answered shakily, or got a thumbs-down for."""

    model_config = ConfigDict(frozen=True)

    question: str = Field(description="The group's most frequent wording")
    count: int = Field(description="How many times a question of this group was asked and fell short")
    refused: int = Field(description="Of those, answered 'the documents do not say'")
    low_confidence: int = Field(description="Of those, answered with confidence under LOW_CONFIDENCE")
    thumbs_down: int = Field(description="Of those, rated thumbs-down by the asker")
    variants: list[str] = Field(description="Distinct wordings in the group, most frequent first")
    first_asked: datetime
    last_asked: datetime


# ---------------------------------------------------------------- wording


def normalize_question(text: str) -> str:
    """Fold width and case and drop punctuation and spaces, so wordings differing only in those match."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith(("P", "Z", "S", "C")))


# Question words and particles carry no topic: "人才公寓怎么申请" and "人才公寓如何申请" ask the same thing.
_QUESTION_WORDS = re.compile(
    "请问|怎么样|怎么|如何|怎样|什么|多少|哪些|哪个|哪里|哪儿|是否|能否|可不可以|可以|能不能|吗|呢|吧|啊|的|了|是|有"
)


def wording_key(text: str) -> str:
    """What two questions must share to be grouped: the normalized text without question words."""
    normalized = normalize_question(text)
    return _QUESTION_WORDS.sub("", normalized) or normalized


def _bigrams(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 2] for i in range(len(text) - 1)) if len(text) > 1 else frozenset({text})


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a | b) and len(a & b) / len(a | b) >= SIMILAR_WORDING


# ---------------------------------------------------------------- the store


class LogStore:
    def __init__(self, db: Engine) -> None:
        self.db = db
        create_all(db, tables=_TABLES)
        # SQLite takes one writer at a time and makes the others sleep and retry (its busy handler backs off
        # in steps of milliseconds): under 8 concurrent answers that wait was 57 ms per answer. Threads of this
        # process queue on a lock instead; other processes still meet SQLite's own locking.
        self._write_lock: threading.Lock | None = threading.Lock() if db.dialect.name == "sqlite" else None

    def _writing(self) -> AbstractContextManager[object]:
        return self._write_lock if self._write_lock is not None else nullcontext()

    # ---- query log

    def log_query(self, record: QueryRecord) -> None:
        with Session(self.db) as s, s.begin():
            s.add(QueryLogRow(**record.model_dump()))  # the columns are QueryRecord's fields, named alike

    def record_answer(self, record: QueryRecord, *, new_session: bool = False) -> None:
        """Log the answer and, when it belongs to a session, add the exchange to it (creating the session first
        when `new_session`): one transaction, one commit per answer, where it used to take three."""
        with self._writing(), Session(self.db) as s, s.begin():
            if new_session and record.session_id is not None:
                s.add(SessionRow(session_id=record.session_id))
                s.flush()
            s.add(QueryLogRow(**record.model_dump()))
            if record.session_id is not None:
                self._add_exchange(s, record.session_id, record.question, record.answer, record.answer_id)

    def queries(self, session_id: str | None = None, limit: int = 100) -> list[QueryRecord]:
        stmt = select(QueryLogRow).order_by(QueryLogRow.id.desc()).limit(limit)
        if session_id is not None:
            stmt = stmt.where(QueryLogRow.session_id == session_id)
        with Session(self.db) as s:
            return [_record(r) for r in s.scalars(stmt)]

    def count_queries(self) -> int:
        with Session(self.db) as s:
            return int(s.scalar(select(func.count()).select_from(QueryLogRow)) or 0)

    # ---- feedback

    def add_feedback(self, answer_id: str, rating: Rating, comment: str | None = None) -> str:
        with Session(self.db) as s, s.begin():
            if s.scalar(select(QueryLogRow.id).where(QueryLogRow.answer_id == answer_id)) is None:
                raise AnswerNotFound(f"没有 answer_id 为 {answer_id[:64]} 的回答。")
            feedback_id = new_id()
            s.add(FeedbackRow(feedback_id=feedback_id, answer_id=answer_id, rating=rating, comment=comment))
        return feedback_id

    def feedback_for(self, answer_id: str) -> list[tuple[Rating, str | None]]:
        with Session(self.db) as s:
            rows = s.execute(
                select(FeedbackRow.rating, FeedbackRow.comment).where(FeedbackRow.answer_id == answer_id).order_by(FeedbackRow.id)
            )
            return [(r.rating, r.comment) for r in rows]  # type: ignore[misc]

    # ---- sessions

    def new_session(self) -> str:
        session_id = new_id()
        with Session(self.db) as s, s.begin():
            s.add(SessionRow(session_id=session_id))
        return session_id

    def session_exists(self, session_id: str) -> bool:
        with Session(self.db) as s:
            return s.get(SessionRow, session_id) is not None

    def require_session(self, session_id: str) -> None:
        if not self.session_exists(session_id):
            raise SessionNotFound(
                f"session_id：没有这个会话（{session_id[:64]}），可能已被清除。请去掉 session_id 重新开始对话，"
                "回复会带回新的 session_id。"
            )

    def turns(self, session_id: str, limit: int) -> list[Turn]:
        """The last `limit` turns of the session, oldest first."""
        if limit <= 0:
            return []
        with Session(self.db) as s:
            rows = s.scalars(
                select(TurnRow).where(TurnRow.session_id == session_id).order_by(TurnRow.id.desc()).limit(limit)
            ).all()
        return [Turn(role=r.role, content=r.content) for r in reversed(rows)]  # type: ignore[arg-type]

    def append_exchange(self, session_id: str, question: str, answer: str, answer_id: str) -> None:
        with Session(self.db) as s, s.begin():
            self._add_exchange(s, session_id, question, answer, answer_id)

    @staticmethod
    def _add_exchange(s: Session, session_id: str, question: str, answer: str, answer_id: str) -> None:
        s.add(TurnRow(session_id=session_id, role="user", content=question))
        s.add(TurnRow(session_id=session_id, role="assistant", content=answer, answer_id=answer_id))
        row = s.get(SessionRow, session_id)
        if row is not None:
            row.updated_at = _now()

    # ---- what the assistant could not answer

    def unanswered_report(self, start: datetime, end: datetime) -> list[UnansweredGroup]:
        """Refused, low-confidence and thumbs-down questions asked in [start, end), grouped by wording,
        largest group first."""
        start, end = _naive_local(start), _naive_local(end)
        down = select(FeedbackRow.answer_id).where(FeedbackRow.rating == "down")
        stmt = (
            select(QueryLogRow.question, QueryLogRow.answerable, QueryLogRow.confidence, QueryLogRow.created_at,
                   QueryLogRow.answer_id.in_(down).label("down"))
            .where(QueryLogRow.created_at >= start, QueryLogRow.created_at < end)
            .where(
                (QueryLogRow.answerable.is_(False))
                | (QueryLogRow.confidence < LOW_CONFIDENCE)
                | QueryLogRow.answer_id.in_(down)
            )
            .order_by(QueryLogRow.created_at)
        )
        with Session(self.db) as s:
            rows = s.execute(stmt).all()
        groups: list[_Group] = []
        for question, answerable, confidence, created_at, thumbs_down in rows:
            grams = _bigrams(wording_key(question) or question)
            group = next((g for g in groups if _similar(g.grams, grams)), None)
            if group is None:
                group = _Group(grams=grams)
                groups.append(group)
            group.add(question, not answerable, answerable and confidence < LOW_CONFIDENCE, bool(thumbs_down), created_at)
        return sorted((g.result() for g in groups), key=lambda g: (-g.count, g.first_asked))

    def unanswered_csv(self, start: datetime, end: datetime) -> str:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["question", "count", "refused", "low_confidence", "thumbs_down", "variants", "first_asked", "last_asked"])
        for g in self.unanswered_report(start, end):
            writer.writerow(
                [g.question, g.count, g.refused, g.low_confidence, g.thumbs_down, " | ".join(g.variants),
                 g.first_asked.isoformat(timespec="seconds"), g.last_asked.isoformat(timespec="seconds")]
            )
        return out.getvalue()


class _Group:
    def __init__(self, grams: frozenset[str]) -> None:
        self.grams = grams
        self.wordings: dict[str, int] = {}
        self.refused = self.low = self.down = 0
        self.times: list[datetime] = []

    def add(self, question: str, refused: bool, low: bool, down: bool, at: datetime) -> None:
        wording = re.sub(r"\s+", " ", question).strip()
        self.wordings[wording] = self.wordings.get(wording, 0) + 1
        self.refused += refused
        self.low += low
        self.down += down
        self.times.append(at)

    def result(self) -> UnansweredGroup:
        variants = sorted(self.wordings, key=lambda w: -self.wordings[w])
        return UnansweredGroup(
            question=variants[0],
            count=sum(self.wordings.values()),
            refused=self.refused,
            low_confidence=self.low,
            thumbs_down=self.down,
            variants=variants,
            first_asked=min(self.times),
            last_asked=max(self.times),
        )


def _naive_local(value: datetime) -> datetime:
    return value.astimezone().replace(tzinfo=None) if value.tzinfo else value


def _record(r: QueryLogRow) -> QueryRecord:
    return QueryRecord.model_validate(r, from_attributes=True)
