"""Exact answers: what the user reads, and that every figure in it is backed by a citation."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ask.entities import EntityIndex
from assistant.ask.fact_answer import answer_from_facts, with_unit
from assistant.ask.fidelity import check_answer
from assistant.ask.router import Route, route
from assistant.core.types import Answer
from assistant.ingest.chunking import chunk_document
from assistant.ingest.facts import extract_facts
from assistant.ingest.loaders import load_document
from assistant.ingest.structure import extract_tables

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def index() -> EntityIndex:
    doc = load_document(DATA / "jinjiang-talent-plan-2021-2025.txt")
    return EntityIndex.build(extract_facts(doc, extract_tables(doc), chunk_document(doc)))


def ask(index: EntityIndex, question: str) -> Answer:
    answer = answer_from_facts(route(question, index))
    assert answer is not None, question
    assert check_answer(answer.answer, answer.citations) == []
    assert answer.citations and all(c.quote and c.title for c in answer.citations)
    return answer


def test_co_led_programme_names_every_unit(index: EntityIndex) -> None:
    a = ask(index, "技能人才振兴工程是不是只有人社局在管？")
    assert "人社局、总工会、教育局" in a.answer and "共同" in a.answer
    assert a.route == "fact:lead_unit"


def test_target_keeps_figure_and_unit_as_written(index: EntityIndex) -> None:
    a = ask(index, "到2025年人才资源总量要达到多少？")
    assert "23.6万人左右" in a.answer
    assert "18.6207" in a.answer  # the 2020 figure, for context


def test_percentage_target(index: EntityIndex) -> None:
    assert "28%" in ask(index, "高新技术工业企业产值占规上产值比重目标是多少？").answer


def test_target_stated_only_in_prose(index: EntityIndex) -> None:
    a = ask(index, "持证的社会工作人才要达到多少人？")
    assert "2000人" in a.answer
    assert "2000" in a.citations[0].quote


def test_baseline(index: EntityIndex) -> None:
    assert "2020年每千人执业（助理）医师数为1.58人" in ask(index, "每千人执业医师数现在是多少？").answer


def test_period_from_programme_text_when_no_period_column(index: EntityIndex) -> None:
    a = ask(index, "人才大数据平台什么时候建成？")
    assert "2021年底前初步建成" in a.answer


def test_unit_list_counts_and_includes_co_led_items(index: EntityIndex) -> None:
    a = ask(index, "教育局牵头哪些项目？")
    assert a.answer.startswith("教育局牵头（含共同牵头）的共五项")
    for name in ("青年人才“引航工程”", "技能人才振兴工程", "建设集成电路职业学校或产业学院"):
        assert name in a.answer
    assert len(a.citations) == 5


def test_definition_quotes_the_footnote(index: EntityIndex) -> None:
    a = ask(index, "一卡一贷一基金一板具体指哪些？")
    assert "金翼卡、金翼贷、大学生创业基金、青年创新创业板" in a.answer


def test_several_matches_are_each_answered(index: EntityIndex) -> None:
    a = ask(index, "回归工程和汇智工程分别由谁牵头？")
    assert "两项" in a.answer and "工商联、统战部、侨联" in a.answer and "统战部、侨联共同" in a.answer


def test_nothing_to_answer_gives_none(index: EntityIndex) -> None:
    assert answer_from_facts(route("晋江今天天气怎么样？", index)) is None
    assert answer_from_facts(Route(intent="lead_unit", facts=[], score=0.9)) is None


def test_with_unit() -> None:
    assert with_unit("23.6左右", "万人") == "23.6万人左右"
    assert with_unit("22%", "%") == "22%"
    assert with_unit("28", "%") == "28%"


def test_long_industry_need_stays_short_and_names_each_kind(index: EntityIndex) -> None:
    a = ask(index, "纺织产业需要什么人才？")
    assert len(a.answer) <= 200
    for kind in ("面料研发创新人才", "高端医用纺织新材料研发创新人才", "管理营销人才"):
        assert kind in a.answer
    assert "等" in a.answer


def test_industry_need_answers_the_item_asked_about(index: EntityIndex) -> None:
    a = ask(index, "纺织行业在医用材料上缺什么样的人才？")
    assert "疝气补片" in a.answer and "面料研发" not in a.answer


def test_short_industry_need_is_given_whole(index: EntityIndex) -> None:
    a = ask(index, "建材产业急需哪些人才？")
    assert "岩板" in a.answer and "色釉料" in a.answer and "等" not in a.answer.replace("色釉料等", "")


@pytest.mark.parametrize(
    ("question", "wrong"),
    [
        ("引才大使每年有多少报酬？", "6500"),  # the 高层次人才 target
        ("人力资源产业园入驻的机构有几家？", "3A级"),  # the 2025 target, not the count so far
    ],
)
def test_a_near_fact_is_not_given_as_the_exact_answer(plan_engine, question: str, wrong: str) -> None:
    answer = plan_engine.ask(question)
    assert not answer.route.startswith("fact:")
    assert wrong not in answer.answer


def test_past_count_is_answered_from_the_narrative(plan_engine) -> None:
    answer = plan_engine.ask("人力资源产业园入驻的机构有几家？")
    assert "17" in answer.answer
