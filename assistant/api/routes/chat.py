"""`/api/v1/chat`, `/api/v1/chat/stream` and `/api/v1/feedback` (API.md), all through the `ChatService`."""

from __future__ import annotations

import json
from collections.abc import Iterator

from fastapi import APIRouter
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from assistant.api.deps import CallerDep, MetricsDep, RequestIdDep, ServiceDep, SettingsDep
from assistant.api.errors import ApiError
from assistant.api.schemas import (
    ERROR_RESPONSES,
    ChatRequest,
    ChatResponse,
    CitationOut,
    FeedbackRequest,
    FeedbackResponse,
)
from assistant.core.config import Settings
from assistant.core.errors import AssistantError
from assistant.core.types import Turn
from assistant.service.chat import ChatOptions, ChatReply

router = APIRouter(prefix="/api/v1", tags=["chat"], responses=ERROR_RESPONSES)


def check_limits(question: str, history_len: int, settings: Settings) -> None:
    """The configurable limits, on top of the schema's hard bounds."""
    if len(question) > settings.api.max_question_chars:
        raise ApiError(422, "question_too_long", f"question：长度不能超过 {settings.api.max_question_chars} 个字符")
    if history_len > settings.api.max_history_turns:
        raise ApiError(422, "history_too_long", f"history：最多 {settings.api.max_history_turns} 条")


def to_response(reply: ChatReply) -> ChatResponse:
    return ChatResponse(
        **reply.model_dump(exclude={"citations"}),
        citations=[CitationOut.of(c) for c in reply.citations],
    )


def _options(req: ChatRequest, settings: Settings, request_id: str | None) -> ChatOptions:
    """What `/chat` and `/chat/stream` pass the service besides the question, once the limits are checked."""
    check_limits(req.question, len(req.history), settings)
    history = [Turn(role=t.role, content=t.content) for t in req.history]
    return ChatOptions(history=history, session_id=req.session_id, top_k=req.top_k, request_id=request_id)


@router.post("/chat", response_model=ChatResponse)
def chat(
    req: ChatRequest, service: ServiceDep, settings: SettingsDep, metrics: MetricsDep, request_id: RequestIdDep,
    _caller: CallerDep,
) -> ChatResponse:
    reply = service.chat(req.question, **_options(req, settings, request_id))
    metrics.observe_answer(reply.answerable, reply.generator, reply.fallback_reason)
    return to_response(reply)


def sse(event: str, data: object) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


_END = object()


def _next(parts: Iterator[str | ChatReply]) -> object:
    # StopIteration cannot cross a thread-pool future, so the end of the stream becomes a sentinel.
    return next(parts, _END)


@router.post(
    "/chat/stream",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "delta events, then done"}},
)
async def chat_stream(
    req: ChatRequest, service: ServiceDep, settings: SettingsDep, metrics: MetricsDep, request_id: RequestIdDep,
    _caller: CallerDep,
) -> StreamingResponse:
    parts = service.chat_stream(req.question, **_options(req, settings, request_id))
    # Run up to the first part before answering 200, so a failure known at once (not ready, bad input)
    # is a proper error response rather than an event inside a successful stream.
    first = await run_in_threadpool(_next, parts)

    def events() -> Iterator[str]:
        part = first
        try:
            while part is not _END:
                if isinstance(part, ChatReply):
                    metrics.observe_answer(part.answerable, part.generator, part.fallback_reason)
                    yield sse("done", to_response(part).model_dump(mode="json"))
                else:
                    yield sse("delta", {"text": part})
                part = next(parts, _END)
        except AssistantError as e:
            yield sse("error", {"error": {"code": e.code, "message": e.message}})

    return StreamingResponse(
        events(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


@router.post("/feedback", status_code=201, response_model=FeedbackResponse)
def feedback(req: FeedbackRequest, service: ServiceDep, _caller: CallerDep) -> FeedbackResponse:
    feedback_id = service.feedback(req.answer_id, req.rating, req.comment)
    return FeedbackResponse(feedback_id=feedback_id, answer_id=req.answer_id, rating=req.rating)
