"""The optional LLM path through LangChain, with a fake chat model answering from a queue."""

from __future__ import annotations

from pathlib import Path

import pytest
from langchain_openai import ChatOpenAI

from assistant.ask.llm import LLMGenerator, make_chat_model
from assistant.core.config import LLMSettings
from assistant.core.types import Answer, ScoredChunk, Turn
from assistant.ingest.chunking import chunk_document
from assistant.ingest.loaders import load_document
from tests.fakes import FakeChatModel

PLAN_TXT = Path(__file__).parent / "data" / "jinjiang-talent-plan-2021-2025.txt"


@pytest.fixture(scope="module")
def sources() -> list[ScoredChunk]:
    chunks = chunk_document(load_document(PLAN_TXT))
    row = next(c for c in chunks if c.kind == "table_row" and "倍增工程" in c.text and "牵头单位" in c.text)
    other = next(c for c in chunks if c.kind == "text" and "人才之家" in c.text)
    return [ScoredChunk(chunk=row, score=1.0), ScoredChunk(chunk=other, score=0.5)]


GOOD = "硕博人才“倍增工程”力争博士达到1000名、硕士达到10000名，由市直涉才部门、各镇（街道）、经济开发区牵头[1]。"
QUESTION = "硕博倍增工程的目标和牵头单位？"
EXTRACTIVE = Answer(answer="硕博人才“倍增工程”的牵头单位是：市直涉才部门[1]。", answerable=True, confidence=0.7)


def test_a_faithful_answer_is_used_with_its_citations(sources) -> None:
    model = FakeChatModel(replies=[GOOD])
    answer, reason = LLMGenerator(model, timeout_s=5).generate_checked(QUESTION, sources, [])
    assert reason is None and answer is not None
    assert answer.generator == "llm" and answer.answerable
    assert [c.id for c in answer.citations] == [1]
    assert answer.citations[0].chunk_id == sources[0].chunk.chunk_id


def test_the_prompt_is_chinese_with_numbered_sources_and_the_history(sources) -> None:
    model = FakeChatModel(replies=[GOOD])
    history = [Turn(role="user", content="硕博倍增工程是什么？"), Turn(role="assistant", content="支持引进硕博士。")]
    LLMGenerator(model, timeout_s=5).generate(QUESTION, sources, history)
    prompt = "\n".join(str(m.content) for m in model.prompts[0])
    assert "[1]" in prompt and "[2]" in prompt and "文件未明确" in prompt
    assert "硕博倍增工程是什么？" in prompt and QUESTION in prompt


def test_an_invented_number_falls_back(sources) -> None:
    model = FakeChatModel(replies=["硕博人才“倍增工程”力争博士达到3000名[1]。"])
    answer, reason = LLMGenerator(model, timeout_s=5).generate_checked(QUESTION, sources, [])
    assert answer is None and reason is not None and "3000" in reason


def test_citing_a_source_that_does_not_exist_falls_back(sources) -> None:
    model = FakeChatModel(replies=["由市直涉才部门牵头[9]。"])
    answer, reason = LLMGenerator(model, timeout_s=5).generate_checked(QUESTION, sources, [])
    assert answer is None and reason is not None and "9" in reason


def test_an_answer_without_citations_falls_back(sources) -> None:
    answer, reason = LLMGenerator(FakeChatModel(replies=["由市直涉才部门牵头。"]), timeout_s=5).generate_checked(
        QUESTION, sources, []
    )
    assert answer is None and reason is not None


def test_not_stated_is_a_refusal(sources) -> None:
    model = FakeChatModel(replies=["文件未明确硕士生活补贴的标准。"])
    answer = LLMGenerator(model, timeout_s=5).generate("硕士生活补贴多少？", sources, [])
    assert answer is not None and not answer.answerable


def test_an_error_or_a_slow_model_falls_back_without_raising(sources) -> None:
    broken = FakeChatModel(replies=[ConnectionError("endpoint unreachable")])
    answer, reason = LLMGenerator(broken, timeout_s=5).generate_checked(QUESTION, sources, [])
    assert answer is None and "ConnectionError" in (reason or "")
    slow = FakeChatModel(replies=[GOOD], delay_s=1.0)
    answer, reason = LLMGenerator(slow, timeout_s=0.2).generate_checked(QUESTION, sources, [])
    assert answer is None and "0.2" in (reason or "")


def test_streaming_gives_the_same_final_answer_as_a_single_call(sources) -> None:
    single = LLMGenerator(FakeChatModel(replies=[GOOD]), timeout_s=5).generate(QUESTION, sources, [])
    parts = list(LLMGenerator(FakeChatModel(replies=[GOOD]), timeout_s=5).stream(QUESTION, sources, [], EXTRACTIVE))
    deltas, final = parts[:-1], parts[-1]
    assert len(deltas) > 1 and all(isinstance(d, str) for d in deltas)
    assert "".join(deltas) == GOOD
    assert final == single


def test_a_stream_that_fails_the_check_ends_with_the_extractive_answer(sources) -> None:
    model = FakeChatModel(replies=["力争博士达到3000名[1]。"])
    final = list(LLMGenerator(model, timeout_s=5).stream(QUESTION, sources, [], EXTRACTIVE))[-1]
    assert isinstance(final, Answer)
    assert final.answer == EXTRACTIVE.answer and final.generator == "extractive"
    assert final.fallback_reason and "3000" in final.fallback_reason


def test_condense_rewrites_a_follow_up_and_gives_up_quietly(sources) -> None:
    history = [Turn(role="user", content="硕博倍增工程主要干什么？"), Turn(role="assistant", content="引进硕博士。")]
    model = FakeChatModel(replies=["硕博人才“倍增工程”由哪个单位牵头？\n"])
    assert LLMGenerator(model, timeout_s=5).condense("它谁牵头？", history) == "硕博人才“倍增工程”由哪个单位牵头？"
    broken = FakeChatModel(replies=[TimeoutError("read timeout")])
    assert LLMGenerator(broken, timeout_s=5).condense("它谁牵头？", history) == ""


def test_make_chat_model_needs_an_endpoint() -> None:
    assert make_chat_model(LLMSettings()) is None
    model = make_chat_model(LLMSettings(base_url="http://127.0.0.1:9/v1", model="qwen2.5-7b-instruct"))
    assert isinstance(model, ChatOpenAI)


def test_an_unreachable_endpoint_falls_back(sources) -> None:
    model = make_chat_model(LLMSettings(base_url="http://127.0.0.1:9/v1", timeout_s=2))
    assert model is not None
    answer, reason = LLMGenerator(model, timeout_s=5).generate_checked(QUESTION, sources, [])
    assert answer is None and reason
