"""Fakes for the one part no test can run for real: the LLM.

`FakeChatModel` is a real LangChain `BaseChatModel`: it goes through prompts, runnables, callbacks and
streaming exactly as ChatOpenAI does, but its replies come from a queue of strings given by the test. A reply
that is an Exception instance is raised instead; `delay_s` makes each call slow (for timeout paths). Every
prompt it was sent is kept in `prompts` so tests can check what the model saw.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import Field


class FakeChatModel(BaseChatModel):
    replies: list[str | Exception] = Field(default_factory=list)
    delay_s: float = 0.0
    chunk_chars: int = 4
    prompts: list[list[BaseMessage]] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "fake-queue"

    def _next(self, messages: list[BaseMessage]) -> str:
        self.prompts.append(list(messages))
        if self.delay_s:
            time.sleep(self.delay_s)
        if not self.replies:
            raise RuntimeError("FakeChatModel: no reply queued")
        reply = self.replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        return reply

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=self._next(messages)))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        text = self._next(messages)
        for i in range(0, len(text), self.chunk_chars):
            piece = text[i : i + self.chunk_chars]
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=piece))
            if run_manager:
                run_manager.on_llm_new_token(piece, chunk=chunk)
            yield chunk
