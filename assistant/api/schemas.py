"""The HTTP contract's shapes (API.md), kept apart from the domain types so either can change alone; only a
citation and a document are shown exactly as the engine has them, so their shapes extend the domain types
(tests/test_api.py pins the field names a client relies on).

Requests are strict about what a caller controls (lengths, ranges, the shape of `history`) and ignore
fields they do not know, so an older server accepts a newer client. Responses add fields, never rename.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from assistant.core.types import Citation, DocumentInfo, Fact, ScoredChunk

QUESTION_MAX = 500
HISTORY_MAX = 50  # the configured `max_history_turns` (default 20) is checked on top of this hard bound

Question = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=QUESTION_MAX)]
SessionId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")]


class _Request(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class _Response(BaseModel):
    model_config = ConfigDict(frozen=True)


# ---------------------------------------------------------------- chat


class HistoryTurn(_Request):
    role: Literal["user", "assistant"]
    content: str = Field(max_length=4000)


class ChatRequest(_Request):
    question: Question = Field(description="1-500 characters after trimming")
    history: list[HistoryTurn] = Field(default_factory=list, max_length=HISTORY_MAX, description="Oldest first")
    session_id: SessionId | None = Field(
        None,
        description="A session_id from an earlier reply: its stored turns become the history. An id this server "
        "never issued (or lost with a database reset) is a 404 `session_not_found`; drop it to start a new session.",
    )
    top_k: int | None = Field(None, ge=1, le=50)


class CitationOut(Citation):
    @classmethod
    def of(cls, c: Citation) -> CitationOut:
        return cls(**c.model_dump())


class ChatResponse(_Response):
    answer: str
    answerable: bool
    confidence: float
    citations: list[CitationOut]
    session_id: str | None
    answer_id: str
    route: str
    suggestions: list[str]
    generator: str
    fallback_reason: str | None
    standalone_question: str | None
    request_id: str | None
    latency_ms: float


class FeedbackRequest(_Request):
    answer_id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    rating: Literal["up", "down"]
    comment: str | None = Field(None, max_length=2000)


class FeedbackResponse(_Response):
    feedback_id: str
    answer_id: str
    rating: str


# ---------------------------------------------------------------- search and facts


class SearchRequest(_Request):
    query: Question
    top_k: int = Field(5, ge=1, le=50)


class SearchResult(_Response):
    chunk_id: str
    doc_id: str
    title: str
    section: str
    page: int | None
    text: str
    score: float
    bm25_score: float | None = None
    dense_score: float | None = None

    @classmethod
    def of(cls, sc: ScoredChunk) -> SearchResult:
        c = sc.chunk
        return cls(
            chunk_id=c.chunk_id, doc_id=c.doc_id, title=c.title, section=c.section, page=c.page, text=c.text,
            score=sc.score, bm25_score=sc.bm25_score, dense_score=sc.dense_score,
        )


class SearchResponse(_Response):
    results: list[SearchResult]


class FactOut(_Response):
    fact_id: str
    doc_id: str
    kind: str
    name: str
    group: str | None
    number: str | None
    unit: str | None
    baseline: str | None
    baseline_year: str | None
    target: str | None
    target_year: str | None
    content: str | None
    actions: str | None
    period: str | None
    lead_units: list[str]
    lead_units_text: str | None
    section: str
    page: int | None
    quote: str
    chunk_id: str | None
    subject: str | None = None
    value: str | None = None
    column: str | None = None
    items: list[str] = []
    start: str | None = None
    end: str | None = None

    @classmethod
    def of(cls, f: Fact) -> FactOut:
        return cls(**f.model_dump())


class FactsResponse(_Response):
    facts: list[FactOut]


# ---------------------------------------------------------------- documents


class DocumentOut(DocumentInfo):
    @classmethod
    def of(cls, d: DocumentInfo) -> DocumentOut:
        return cls(**d.model_dump())


class DocumentsResponse(_Response):
    documents: list[DocumentOut]


# ---------------------------------------------------------------- reports, health, errors


class UnansweredOut(_Response):
    question: str
    count: int
    refused: int
    low_confidence: int
    thumbs_down: int
    variants: list[str]
    first_asked: datetime
    last_asked: datetime


class UnansweredResponse(_Response):
    start: datetime
    end: datetime
    groups: list[UnansweredOut]


class Status(_Response):
    status: str


class Readiness(Status):
    vectors: str = Field(
        description='The background vector fill: "filling 120/270" (chunks with a vector / all chunks) while it '
        'runs, then "complete"; "failed 120/270" if it stopped on an error. Queries are answered (BM25) meanwhile.',
        examples=["complete", "filling 120/270"],
    )


class ErrorDetail(_Response):
    code: str = Field(
        description="snake_case error code, stable for clients: validation_error, invalid_json, question_too_long, "
        "session_not_found, answer_not_found, document_not_found, not_found, unauthorized, payload_too_large, "
        "unsupported_file_type, rate_limited, not_ready …",
        examples=["validation_error"],
    )
    message: str = Field(
        description="Chinese, for people; names the field at fault (\"字段：问题\")",
        examples=["question：长度至少为 1 个字符"],
    )


class ErrorResponse(_Response):
    """Every error response has this shape (API.md, Errors)."""

    model_config = ConfigDict(
        frozen=True,
        json_schema_extra={"example": {"error": {"code": "validation_error", "message": "top_k：不能大于 50"}}},
    )

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorResponse, "description": text}
    for status, text in {
        401: "Missing or wrong key",
        403: "Admin endpoints while no admin key is configured",
        404: "Unknown route, document, answer (`answer_not_found`) or session (`session_not_found`)",
        415: "Unsupported file or media type",
        413: "Body too large",
        422: "Validation error (`validation_error`, `invalid_json` …), message in Chinese naming the field",
        429: "Rate limited",
        503: "Index not loaded yet",
    }.items()
}


# ---------------------------------------------------------------- policy matching


class MatchRequest(_Request):
    text: str | None = Field(None, max_length=500, description="Free text, e.g. 我是做芯片的博士，想来晋江")
    education: str | None = Field(None, max_length=20, description="One of /match/options education, or a synonym (PhD, 博士后)")
    talent_kinds: list[Annotated[str, StringConstraints(max_length=20)]] = Field(default_factory=list, max_length=20)
    industry: str | None = Field(None, max_length=50, description="One of /match/options industry, or a synonym (IT, 芯片)")
    employer_kind: str | None = Field(None, max_length=50)
    jinjiang_born: bool | None = None
    limit: int = Field(10, ge=1, le=50)


class MatchOut(_Response):
    name: str
    kind: str = Field(description="重点工程 / 重点项目 / 重点平台 / 重点政策, a section, 产业人才需求, or 政策待遇 (a document's amounts)")
    why: list[str]
    matched: list[str]
    lead_units: list[str]
    period: str | None
    citations: list[CitationOut]
    score: float


class MatchResponse(_Response):
    profile: dict[str, object]
    matches: list[MatchOut]
    answer: str = Field(description="A short Chinese reply listing the matches")
    markdown: str = Field("", description="The matches as Markdown, one block per item (as the UI shows them)")


class MatchOptions(_Response):
    education: list[str] = Field(description="学历")
    talent_kinds: list[str] = Field(description="人才类别")
    industry: list[str] = Field(description="产业, as the indexed documents name them first")
    employer_kind: list[str] = Field(description="单位类型")
