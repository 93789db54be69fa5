"""Suggested follow-ups come from the facts behind the cited material, and never repeat the answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.bm25 import BM25Index
from assistant.chunking import chunk_document
from assistant.compose import compose_answer
from assistant.entities import EntityIndex
from assistant.facts import extract_facts
from assistant.loaders import load_document
from assistant.retrieval import BM25Retriever
from assistant.structure import extract_tables
from assistant.suggest import suggest_followups

PLAN_TXT = Path(__file__).parent / "data" / "jinjiang-talent-plan-2021-2025.txt"


@pytest.fixture(scope="module")
def plan():
    doc = load_document(PLAN_TXT)
    chunks = chunk_document(doc)
    entities = EntityIndex.build(extract_facts(doc, extract_tables(doc), chunks))
    return BM25Retriever(BM25Index.build(chunks), {c.chunk_id: c for c in chunks}), entities


def test_a_lead_unit_answer_suggests_other_fields_of_that_programme(plan) -> None:
    retriever, entities = plan
    question = "云鲸新媒体人才孵化基地由哪个单位牵头？"
    answer = compose_answer(question, retriever.retrieve(question, 8))
    suggestions = suggest_followups(answer.model_copy(update={"standalone_question": question}), entities)
    assert 2 <= len(suggestions) <= 3
    assert any("云鲸" in s and "实施年限" in s for s in suggestions)
    assert not any("牵头" in s for s in suggestions)  # already answered


def test_each_suggestion_is_answerable_from_the_plan(plan) -> None:
    retriever, entities = plan
    question = "硕博人才倍增工程主要做什么？"
    answer = compose_answer(question, retriever.retrieve(question, 8))
    for suggestion in suggest_followups(answer.model_copy(update={"standalone_question": question}), entities):
        assert compose_answer(suggestion, retriever.retrieve(suggestion, 8)).answerable, suggestion
