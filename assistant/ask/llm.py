"""Optional LLM answers and follow-up condensing, as LangChain chains over any chat model.

    model = make_chat_model(settings.llm)                 # ChatOpenAI, or None when no endpoint is configured
    gen = LLMGenerator(model, timeout_s=20)
    gen.generate_checked(question, sources, history) -> (Answer | None, reason | None)
    gen.generate(question, sources, history) -> Answer | None          (protocols.Generator)
    gen.stream(question, sources, history, fallback) -> Iterator[str | Answer]   deltas, then the final Answer
    gen.condense(question, history) -> str               standalone question ('' when the model failed)

Contract: the prompt is Chinese, numbers the sources [1]..[n], asks for [n] citations and for "文件未明确"
when the sources do not say. An answer is accepted only if it cites at least one source, every cited id
exists, and the fidelity checker finds every figure and unit name in the cited quotes. Anything else (a
timeout, an unreachable endpoint, an exception in the model, an invented number) gives None and a reason, so
the caller keeps the extractive answer; nothing here raises to the caller.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from langchain_core.language_models import BaseChatModel
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import Runnable

from assistant.core.config import LLMSettings
from assistant.core.types import Answer, Citation, ScoredChunk, Turn

Checker = Callable[[str, list[Citation]], list[str]]

NOT_STATED = "文件未明确"

ANSWER_SYSTEM = """你是{role}，只能依据下面编号的文件片段回答。
要求：
1. 用简洁的中文直接回答（一般不超过150字），数字、单位名称、年份必须与片段原文完全一致，不得推算或编造。
2. 每句话后用 [编号] 标注依据的片段，例如 [1]；只能引用下面给出的编号。
3. 如果片段中没有答案，只回答“文件未明确”，并简要说明文件中相关的表述。

文件片段：
{sources}"""

CONDENSE_SYSTEM = """根据对话历史，把用户最后的追问改写成一个完整、独立的问题，补全其中指代的工程、项目、指标、单位或年份。
只输出改写后的问题，不要回答，不要解释。如果追问本身已经完整，原样输出。"""

_CITE = re.compile(r"\[(\d+)\]")


def make_chat_model(settings: LLMSettings) -> BaseChatModel | None:
    """A ChatOpenAI client for the configured OpenAI-compatible endpoint, or None when none is configured."""
    if not settings.base_url:
        return None
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        base_url=settings.base_url,
        model=settings.model,
        api_key=settings.api_key or "not-needed",  # local servers (vLLM, Ollama) accept any key
        temperature=settings.temperature,
        timeout=settings.timeout_s,
        max_retries=0,
    )


def format_sources(sources: list[ScoredChunk]) -> str:
    lines = []
    for n, hit in enumerate(sources, start=1):
        chunk = hit.chunk
        where = chunk.section + (f"，第{chunk.page}页" if chunk.page else "")
        lines.append(f"[{n}]（{where}）{chunk.text}")
    return "\n".join(lines)


def _history_messages(history: list[Turn], limit: int = 6) -> list[tuple[str, str]]:
    return [("human" if t.role == "user" else "ai", t.content) for t in history[-limit:]]


def _default_checker() -> Checker:
    from assistant.ask.fidelity import check_answer

    return check_answer


class LLMGenerator:
    """Generator (protocols.Generator) backed by a LangChain chat model; falls back by returning None."""

    def __init__(
        self,
        chat_model: BaseChatModel,
        timeout_s: float = 20.0,
        checker: Checker | None = None,
        role: str = "人才政策咨询助手",
    ) -> None:
        self.chat_model = chat_model
        self.timeout_s = timeout_s
        self.checker = checker or _default_checker()
        self.answer_chain: Runnable = (
            ChatPromptTemplate.from_messages(
                [("system", ANSWER_SYSTEM), ("placeholder", "{history}"), ("human", "{question}")]
            ).partial(role=role)
            | chat_model
            | StrOutputParser()
        )
        self.condense_chain: Runnable = (
            ChatPromptTemplate.from_messages(
                [("system", CONDENSE_SYSTEM), ("placeholder", "{history}"), ("human", "追问：{question}")]
            )
            | chat_model
            | StrOutputParser()
        )

    # ------------------------------------------------------------------ calls with a deadline

    def _call(self, chain: Runnable, inputs: dict) -> str:
        # A worker thread enforces the deadline for any chat model, not only clients that honour `timeout`.
        pool = ThreadPoolExecutor(max_workers=1)
        try:
            return pool.submit(chain.invoke, inputs).result(timeout=self.timeout_s)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    def _inputs(self, question: str, sources: list[ScoredChunk], history: list[Turn]) -> dict:
        return {"sources": format_sources(sources), "history": _history_messages(history), "question": question}

    # ------------------------------------------------------------------ answers

    def generate_checked(
        self, question: str, sources: list[ScoredChunk], history: list[Turn]
    ) -> tuple[Answer | None, str | None]:
        if not sources:
            return None, "llm: no sources"
        try:
            text = self._call(self.answer_chain, self._inputs(question, sources, history))
        except FutureTimeout:
            return None, f"llm: no answer within {self.timeout_s:g}s"
        except Exception as exc:  # any client error (connection, HTTP, parsing) means: use the extractive answer
            return None, f"llm: {type(exc).__name__}: {str(exc)[:120]}"
        return self.check(text, sources)

    def generate(self, question: str, sources: list[ScoredChunk], history: list[Turn]) -> Answer | None:
        return self.generate_checked(question, sources, history)[0]

    def check(self, text: str, sources: list[ScoredChunk]) -> tuple[Answer | None, str | None]:
        """Turn the model's text into an Answer, or say why it cannot be trusted."""
        text = text.strip()
        if not text:
            return None, "llm: empty answer"
        cited = [int(n) for n in _CITE.findall(text)]
        unknown = sorted({n for n in cited if not 1 <= n <= len(sources)})
        if unknown:
            return None, f"llm: cites sources that do not exist: {unknown}"
        refused = NOT_STATED in text
        if not cited and not refused:
            return None, "llm: answer cites no source"
        citations = [_citation(n, sources[n - 1]) for n in sorted(set(cited))]
        problems = self.checker(text, citations)
        if problems:
            return None, "llm fidelity: " + "; ".join(problems[:5])
        answer = Answer(
            answer=text,
            answerable=not refused,
            confidence=0.5 if refused else 0.8,
            citations=citations,
            route="refusal" if refused else "retrieval",
            generator="llm",
        )
        return answer, None

    def stream(
        self, question: str, sources: list[ScoredChunk], history: list[Turn], fallback: Answer
    ) -> Iterator[str | Answer]:
        """Yield text deltas as the model writes, then the final Answer: the checked LLM answer, or `fallback`
        with `fallback_reason` set. A client must show the final Answer in place of the deltas it got."""
        parts: list[str] = []
        deadline = time.monotonic() + self.timeout_s
        reason: str | None = None
        try:
            for delta in self.answer_chain.stream(self._inputs(question, sources, history)):
                if delta:
                    parts.append(delta)
                    yield delta
                if time.monotonic() > deadline:
                    reason = f"llm: no answer within {self.timeout_s:g}s"
                    break
        except Exception as exc:  # the stream broke off: what was sent is not an answer
            reason = f"llm: {type(exc).__name__}: {str(exc)[:120]}"
        answer = None
        if reason is None:
            answer, reason = self.check("".join(parts), sources)
        yield answer if answer is not None else fallback.model_copy(update={"fallback_reason": reason})

    # ------------------------------------------------------------------ follow-ups

    def condense(self, question: str, history: list[Turn]) -> str:
        """The follow-up rewritten as a standalone question; '' when the model failed or rambled."""
        if not history:
            return question
        try:
            text = self._call(self.condense_chain, {"history": _history_messages(history), "question": question})
        except Exception:  # includes the deadline: the caller falls back to rule-based resolution
            return ""
        text = text.strip().strip("“”\"").splitlines()[0].strip() if text.strip() else ""
        if not text or len(text) > max(4 * len(question), 120):
            return ""
        return text


def _citation(n: int, hit: ScoredChunk) -> Citation:
    chunk = hit.chunk
    return Citation(
        id=n, doc_id=chunk.doc_id, title=chunk.title, section=chunk.section, page=chunk.page, quote=chunk.text,
        chunk_id=chunk.chunk_id,
    )
