"""Routing questions a talent or an operator would type to the right intent and item."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chunking import chunk_document
from assistant.entities import EntityIndex, derived_aliases
from assistant.facts import extract_facts
from assistant.loaders import load_document
from assistant.router import route
from assistant.structure import extract_tables

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def index() -> EntityIndex:
    doc = load_document(DATA / "jinjiang-talent-plan-2021-2025.txt")
    return EntityIndex.build(extract_facts(doc, extract_tables(doc), chunk_document(doc)))


@pytest.mark.parametrize(
    ("question", "intent", "name"),
    [
        ("领跑工程由哪个部门负责？", "lead_unit", "高层次创新创业团队“领跑工程”"),
        ("人才集团谁牵头？", "lead_unit", "组建成立人才集团"),
        ("525工程是哪个单位牵头？", "lead_unit", "卫生人才“525”孵化提升工程"),
        ("博士后站现在有几个？", "baseline", "博士后工作站"),
        ("高企到2025年要达到多少家？", "target", "高新技术企业"),
        ("安踏科研基地的实施年限是什么？", "period", "安踏科研基地"),
        ("三航工程指什么？", "definition", "“三航工程”"),
        ("纺织产业需要哪些人才？", "industry_needs", "纺织"),
        ("乡村振兴人才培养工程主要做什么？", "content", "乡村振兴人才培养工程"),
    ],
)
def test_intent_and_item(index: EntityIndex, question: str, intent: str, name: str) -> None:
    r = route(question, index)
    assert r.intent == intent
    assert r.facts and r.facts[0].name == name


def test_unit_list_spelled_out_unit_name(index: EntityIndex) -> None:
    r = route("人力资源和社会保障局牵头了哪些重点政策？", index)
    assert r.intent == "list_by_unit" and r.unit == "人社局" and r.groups == ["重点政策"]
    assert all(f.group == "重点政策" and "人社局" in f.lead_units for f in r.facts)
    assert len(r.facts) == 3


def test_period_list_by_start_year(index: EntityIndex) -> None:
    r = route("哪些重点政策是2021年开始实施的？", index)
    assert r.intent == "period" and r.year == "2021"
    assert {f.period for f in r.facts} == {"2021-2022"}


def test_two_items_in_one_question_are_both_kept(index: EntityIndex) -> None:
    r = route("回归工程和汇智工程分别由谁牵头？", index)
    assert {f.name for f in r.facts} == {"晋商晋侨人才“回归工程”", "国际化人才“汇智工程”"}


@pytest.mark.parametrize(
    "question",
    ["晋江今天天气怎么样？", "硕士每个月有多少生活补贴？", "人才公寓的申请电话是多少？"],
)
def test_questions_the_facts_cannot_answer_go_to_retrieval(index: EntityIndex, question: str) -> None:
    assert route(question, index).intent == "none"


def test_short_forms_come_from_the_name_itself() -> None:
    assert "倍增工程" in derived_aliases("硕博人才“倍增工程”")
    assert "525工程" in derived_aliases("卫生人才“525”孵化提升工程")
    assert "人才集团" in derived_aliases("组建成立人才集团")


def test_units_and_mentions(index: EntityIndex) -> None:
    assert {"人社局", "科技局", "各镇（街道）"} <= set(index.units())
    assert [f.name for f in index.mentions("那个硕博倍增工程")][:1] == ["硕博人才“倍增工程”"]
