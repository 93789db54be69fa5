"""The extractive composer on the real plan: loader + chunker + BM25, answers a hotline operator can read out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.bm25 import BM25Index
from assistant.chunking import chunk_document
from assistant.compose import compose_answer
from assistant.fidelity import check_answer
from assistant.loaders import load_document
from assistant.retrieval import BM25Retriever
from assistant.types import Answer, Chunk, ScoredChunk

PLAN_TXT = Path(__file__).parent / "data" / "jinjiang-talent-plan-2021-2025.txt"


@pytest.fixture(scope="session")
def plan_chunks() -> list[Chunk]:
    return chunk_document(load_document(PLAN_TXT))


@pytest.fixture(scope="session")
def bm25(plan_chunks: list[Chunk]) -> BM25Retriever:
    return BM25Retriever(BM25Index.build(plan_chunks), {c.chunk_id: c for c in plan_chunks})


@pytest.fixture(scope="session")
def ask(bm25: BM25Retriever):
    def _ask(question: str) -> Answer:
        return compose_answer(question, bm25.retrieve(question, 8))

    return _ask


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("人才发展专项资金2020年是多少？", ["1.11亿元"]),
        ("鞋服产业缺哪些方面的人才？", ["鞋服"]),
        ("云鲸新媒体人才孵化基地改造面积多大？", ["8000"]),
        ("劲霸人才楼用地多少亩？", ["3.79"]),
        ("十三五时期建成了几个人才之家？", ["21"]),
        ("人才集团由哪些公司共同组建？", ["泉州金融控股集团有限公司"]),
    ],
)
def test_answers_carry_the_fact_in_a_short_cited_sentence(ask, question: str, expected: list[str]) -> None:
    answer = ask(question)
    assert answer.answerable, answer.answer
    for text in expected:
        assert text in _compact(answer.answer)
    assert len(answer.answer) <= 200
    assert "[1]" in answer.answer and answer.citations[0].id == 1


def test_every_figure_in_an_answer_is_in_a_citation_quote(ask) -> None:
    for question in ("市本级人才发展专项资金从多少增加到多少？", "高校人才工作站给多少合作经费？", "劲霸人才楼总建筑面积多大？"):
        answer = ask(question)
        assert answer.answerable
        assert check_answer(answer.answer, answer.citations) == []


def test_a_quote_is_exact_text_of_the_cited_chunk(ask, plan_chunks: list[Chunk]) -> None:
    by_id = {c.chunk_id: c for c in plan_chunks}
    answer = ask("高校人才工作站给多少合作经费？")
    for citation in answer.citations:
        # a table cell is quoted with its row's name: the cells joined by a tab
        assert all(part in by_id[citation.chunk_id].text for part in citation.quote.split("\t"))
        assert citation.section == by_id[citation.chunk_id].section


def test_who_leads_is_answered_from_the_lead_unit_cell(ask) -> None:
    answer = ask("人才主题公园建设项目由哪个单位牵头？")
    assert answer.answerable
    assert "牵头单位" in answer.answer and "林业园林局" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "博士来晋江的安家补贴是多少钱？",
        "人才服务热线的电话号码是多少？",
        "泉州（晋江）人力资源产业园的地址在哪里？",
        "人才之家周末几点开放？",
        "2022年的优秀人才认定申报截止到哪天？",
        "去年人才工作考核结果怎么样？",
    ],
)
def test_questions_the_plan_cannot_answer_are_refused_without_guessing(ask, question: str) -> None:
    answer = ask(question)
    assert not answer.answerable
    assert answer.answer.startswith("文件中没有明确")
    assert "人才服务热线" in answer.answer
    assert check_answer(answer.answer, answer.citations) == []


def test_an_amount_that_is_in_the_plan_is_not_refused(ask) -> None:
    answer = ask("高校人才工作站有没有经费，给多少？")
    assert answer.answerable
    assert "3万元" in _compact(answer.answer)


def test_unrelated_questions_and_empty_hits_are_refused(ask) -> None:
    assert not ask("明天会下雨吗？").answerable
    assert not compose_answer("硕博倍增工程谁牵头？", []).answerable


def test_hits_are_the_only_source_of_an_answer(plan_chunks: list[Chunk]) -> None:
    row = next(c for c in plan_chunks if c.kind == "table_row" and "倍增工程" in c.text)
    answer = compose_answer("硕博人才倍增工程由谁牵头？", [ScoredChunk(chunk=row, score=1.0)])
    assert answer.answer.startswith("硕博人才“倍增工程”的牵头单位是：市直涉才部门")
    assert answer.citations[0].chunk_id == row.chunk_id
