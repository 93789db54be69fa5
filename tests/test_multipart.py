"""Questions that ask two things at once get both answered, each with its source."""

from __future__ import annotations

from typing import Any

from assistant.ask.compound import combine_answers, split_questions
from assistant.core.types import Answer, Citation


def _cite(n: int, chunk: str, quote: str) -> Citation:
    return Citation(id=n, doc_id="d", title="t", section="s", page=None, quote=quote, chunk_id=chunk)


def test_split_at_question_marks_but_not_at_particles() -> None:
    assert split_questions("技能人才振兴工程谁牵头？主要做什么？") == ["技能人才振兴工程谁牵头？", "主要做什么？"]
    assert split_questions("人才集团谁牵头？") == ["人才集团谁牵头？"]
    assert split_questions("人才集团谁牵头？呢？") == ["人才集团谁牵头？呢？"]


def test_combined_citations_are_renumbered_and_shared_ones_kept_once() -> None:
    a = Answer(answer="甲由科技局牵头[1]。", answerable=True, confidence=0.9, citations=[_cite(1, "c1", "q1")])
    b = Answer(
        answer="目标见[1]，另见[2]。",
        answerable=True,
        confidence=0.6,
        citations=[_cite(1, "c2", "q2"), _cite(2, "c1", "q1")],
    )
    out = combine_answers([a, b])
    assert out.answer == "甲由科技局牵头[1]。\n目标见[2]，另见[1]。"
    assert [(c.id, c.chunk_id) for c in out.citations] == [(1, "c1"), (2, "c2")]
    assert out.confidence == 0.6 and out.answerable


def test_engine_answers_both_parts_of_a_compound_follow_up(plan_engine: Any) -> None:
    history = [
        {"role": "user", "content": "卫生人才“525”指的是什么？"},
        {"role": "assistant", "content": "指5名领军型人才、20名培养型人才、50名实用性人才。"},
    ]
    answer = plan_engine.ask("这个工程由谁牵头？力争达到什么目标？", history=history)
    assert "卫健委" in answer.answer
    assert "千人卫技人员数达到5人" in answer.answer
    quotes = " ".join(c.quote for c in answer.citations)
    assert "卫健委" in quotes and "5" in quotes


def test_engine_answers_lead_unit_and_content_together(plan_engine: Any) -> None:
    answer = plan_engine.ask("技能人才振兴工程由哪些单位牵头？具体做什么？")
    assert all(unit in answer.answer for unit in ("人社局", "总工会", "教育局"))
    assert "评价体系" in answer.answer


def test_when_no_part_is_answered_one_plain_refusal_is_given() -> None:
    vague = Answer(answer="文件中没有明确与这个问题直接相关的内容。", answerable=False, confidence=0.5)
    amount = Answer(answer="文件中没有明确具体的金额标准。", answerable=False, confidence=0.8)
    out = combine_answers([vague, amount])
    assert out.answer == amount.answer and not out.answerable
