"""An OpenAI-compatible facade, so chat clients (Open WebUI, LobeChat, Chatbox, Dify) can use the assistant as
a model: `POST /v1/chat/completions` (streaming and not) and `GET /v1/models`.

The last user message is the question, the earlier user/assistant messages the history (system prompts are
ignored: the assistant's behaviour is not the client's to change). The sources follow the answer in the
content as a short 来源 list, and come whole in a `citations` field next to `choices`. Keys and errors are
those of `/api/v1`. Nothing is stored as a session: these clients resend the whole conversation each time.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Literal

from fastapi import APIRouter
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from assistant.api.deps import CallerDep, MetricsDep, RequestIdDep, ServiceDep, SettingsDep
from assistant.api.errors import ApiError
from assistant.api.schemas import ERROR_RESPONSES, CitationOut
from assistant.core.errors import AssistantError
from assistant.core.types import Citation, Turn
from assistant.service.chat import ChatReply

MODEL_ID = "jinjiang-talent-assistant"
SOURCES_HEADING = "来源："

router = APIRouter(prefix="/v1", tags=["openai"], responses=ERROR_RESPONSES)


class ContentPart(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    type: str = Field(max_length=50)
    text: str | None = Field(None, max_length=20_000)


class Message(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[ContentPart] | None = Field(None, description="Text, or text parts (others are ignored)")

    def text(self) -> str:
        if isinstance(self.content, str):
            return self.content
        return "".join(p.text or "" for p in self.content or [] if p.type == "text")


class CompletionRequest(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    model: str = Field(MODEL_ID, max_length=200)
    messages: list[Message] = Field(min_length=1, max_length=200)
    stream: bool = False


class ModelCard(BaseModel):
    id: str
    object: Literal["model"] = "model"
    created: int
    owned_by: str = "jinjiang"


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelCard]


def sources_block(citations: list[Citation]) -> str:
    if not citations:
        return ""
    lines = [f"\n\n{SOURCES_HEADING}"]
    for c in citations:
        page = f"，第{c.page}页" if c.page else ""
        lines.append(f"[{c.id}] 《{c.title}》 {c.section}{page}")
    return "\n".join(lines)


def _strip_sources(text: str) -> str:
    # Earlier replies come back with their 来源 list; it is not part of what was said.
    head, sep, _ = text.partition(f"\n\n{SOURCES_HEADING}")
    return head if sep else text


def split_conversation(messages: list[Message], max_turns: int, max_chars: int) -> tuple[str, list[Turn]]:
    last_user = next((i for i in range(len(messages) - 1, -1, -1) if messages[i].role == "user"), None)
    if last_user is None:
        raise ApiError(422, "validation_error", "messages 中没有 user 消息。")
    question = messages[last_user].text().strip()
    if not question:
        raise ApiError(422, "validation_error", "最后一条 user 消息为空。")
    if len(question) > max_chars:
        raise ApiError(422, "question_too_long", f"问题不能超过 {max_chars} 个字。")
    history = [
        Turn(role=m.role, content=_strip_sources(m.text()))  # type: ignore[arg-type]
        for m in messages[:last_user]
        if m.role in ("user", "assistant") and m.text().strip()
    ]
    return question, history[-max_turns:] if max_turns else []


def _completion(reply: ChatReply, model: str, created: int) -> dict[str, object]:
    content = reply.answer + sources_block(reply.citations)
    return {
        "id": f"chatcmpl-{reply.answer_id}",
        "object": "chat.completion",
        "created": created,
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 0, "completion_tokens": len(content), "total_tokens": len(content)},
        "citations": [CitationOut.of(c).model_dump() for c in reply.citations],
        "answerable": reply.answerable,
        "answer_id": reply.answer_id,
    }


def _chunk(
    chunk_id: str, model: str, created: int, delta: dict[str, str], finish: str | None = None, **extra: object
) -> str:
    body = {
        "id": chunk_id,
        "object": "chat.completion.chunk",
        "created": created,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        **extra,
    }
    return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"


@router.get("/models", response_model=ModelList)
def models(_caller: CallerDep) -> ModelList:
    return ModelList(data=[ModelCard(id=MODEL_ID, created=1_700_000_000)])


_END = object()


def _next(parts: Iterator[str | ChatReply]) -> object:
    return next(parts, _END)


def _final(first: object, parts: Iterator[str | ChatReply]) -> ChatReply:
    part = first
    while not isinstance(part, ChatReply):
        part = next(parts)  # the service's stream always ends with its reply
    return part


@router.post("/chat/completions", response_model=None)
async def chat_completions(
    req: CompletionRequest, service: ServiceDep, settings: SettingsDep, metrics: MetricsDep, request_id: RequestIdDep,
    _caller: CallerDep,
) -> dict[str, object] | StreamingResponse:
    question, history = split_conversation(req.messages, settings.api.max_history_turns, settings.api.max_question_chars)
    created = int(time.time())
    parts = service.chat_stream(question, history=history, request_id=request_id, keep_session=False)
    first = await run_in_threadpool(_next, parts)
    if not req.stream:
        reply = await run_in_threadpool(_final, first, parts)
        metrics.observe_answer(reply.answerable, reply.generator, reply.fallback_reason)
        return _completion(reply, req.model, created)

    chunk_id = f"chatcmpl-{request_id or created}"

    def events() -> Iterator[str]:
        part = first
        yield _chunk(chunk_id, req.model, created, {"role": "assistant", "content": ""})
        try:
            while part is not _END:
                if isinstance(part, ChatReply):
                    metrics.observe_answer(part.answerable, part.generator, part.fallback_reason)
                    if block := sources_block(part.citations):
                        yield _chunk(chunk_id, req.model, created, {"content": block})
                    citations = [CitationOut.of(c).model_dump() for c in part.citations]
                    yield _chunk(
                        chunk_id, req.model, created, {}, "stop", citations=citations, answer_id=part.answer_id
                    )
                elif isinstance(part, str):
                    yield _chunk(chunk_id, req.model, created, {"content": part})
                part = next(parts, _END)
        except AssistantError as e:
            yield f"data: {json.dumps({'error': {'code': e.code, 'message': e.message}}, ensure_ascii=False)}\n\n"
        yield "data: [DONE]\n\n"

    return StreamingResponse(events(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})
