"""Suggested follow-ups come from the facts behind the cited material, and never repeat the answer."""

from __future__ import annotations

from assistant.ask.compose import compose_answer
from assistant.ask.suggest import suggest_followups


def test_a_lead_unit_answer_suggests_other_fields_of_that_programme(plan_bm25) -> None:
    retriever, entities = plan_bm25
    question = "云鲸新媒体人才孵化基地由哪个单位牵头？"
    answer = compose_answer(question, retriever.retrieve(question, 8))
    suggestions = suggest_followups(answer.model_copy(update={"standalone_question": question}), entities)
    assert 2 <= len(suggestions) <= 3
    assert any("云鲸" in s and "实施年限" in s for s in suggestions)
    assert not any("牵头" in s for s in suggestions)  # already answered


def test_each_suggestion_is_answerable_from_the_plan(plan_bm25) -> None:
    retriever, entities = plan_bm25
    question = "硕博人才倍增工程主要做什么？"
    answer = compose_answer(question, retriever.retrieve(question, 8))
    for suggestion in suggest_followups(answer.model_copy(update={"standalone_question": question}), entities):
        assert compose_answer(suggestion, retriever.retrieve(suggestion, 8)).answerable, suggestion
