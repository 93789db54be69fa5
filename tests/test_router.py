"""Routing questions a talent or an operator would type to the right intent and item."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ask.entities import EntityIndex
from assistant.ask.entity_names import derived_aliases
from assistant.ask.router import route
from assistant.ingest.chunking import chunk_document
from assistant.ingest.facts import extract_facts
from assistant.ingest.loaders import load_document
from assistant.ingest.structure import extract_tables

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
    [
        "晋江今天天气怎么样？",
        "硕士每个月有多少生活补贴？",
        "人才公寓的申请电话是多少？",
        # the subject is not what the nearest fact is about (only 人才/高层次 in common)
        "人才积分制怎么计分？",
        "按积分评价的高层次人才有多少？",
        "高层次人才积分认定的目标是多少？",
        "人才安居有哪些政策？",
        "金融人才安居数量是多少？",
        "高层次人才的子女入学怎么办？",
        # an aspect the fact never states: a person's pay is not a station's funding
        "引才大使一年报酬多少？",
        "引才大使的薪酬由谁发放？",
        "高校人才工作站的站长工资是多少？",
        "金融人才住房补贴是多少？",
        "博士每个月补贴多少钱？",
        "纺织企业招工有补贴吗？",
        "人才公寓的地址在哪里？",
        "硕士申报需要什么条件？",
        "人才服务中心的电话是多少？",
        # a count of what has been done is not a 2025 target
        "产业园目前累计入驻了多少家机构？",
        "十三五期间人力资源产业园入驻了几家服务机构？",
        "人力资源产业园已经入驻多少机构？",
        # a coined term one character away from a defined one is a different term
        "“六个有”指什么？",
        "六个有具体包括哪些？",
        "“七个一”是什么意思？",
        "“三航”和“五航”有什么区别？",
    ],
)
def test_questions_the_facts_cannot_answer_go_to_retrieval(index: EntityIndex, question: str) -> None:
    r = route(question, index)
    assert r.intent == "none", [f.name for f in r.facts]


@pytest.mark.parametrize(
    ("question", "intent", "name_part"),
    [
        ("硕博倍增工程由哪家单位牵头？", "lead_unit", "倍增工程"),
        ("领跑工程归哪个部门管？", "lead_unit", "领跑工程"),
        ("人才集团是谁负责组建的？", "lead_unit", "人才集团"),
        ("技能人才振兴工程由哪些单位负责？", "lead_unit", "技能人才振兴工程"),
        ("金融人才专业服务水平提升工程谁牵头？", "lead_unit", "金融人才专业服务"),
        ("到2025年博士要达到多少名？", "target", "博士"),
        ("人才资源总量到2025年目标多少？", "target", "人才资源总量"),
        ("每千人执业医师数到2025年要到多少？", "target", "执业（助理）医师数"),
        ("引进培育金融人才数量的目标是多少？", "target", "金融人才数量"),
        ("高校人才工作站每个站给多少经费？", "target", "高校人才工作站"),
        ("柔性人才扩容工程要新增多少专家教授？", "target", "扩容工程"),
        ("股权激励企业要新增多少家？", "target", "股期权激励"),
        ("人力资源服务产业园要引进几家3A级机构？", "target", "人力资源服务"),
        ("2020年硕士有多少名？", "baseline", "硕士"),
        ("高新技术企业现在有多少家？", "baseline", "高新技术企业"),
        ("博士后工作站2020年有几个？", "baseline", "博士后工作站"),
        ("安踏科研基地哪几年实施？", "period", "安踏科研基地"),
        ("人才大数据平台什么时候建成？", "period", "人才大数据平台"),
        ("三航工程是什么意思？", "definition", "三航工程"),
        ("“六个一”具体是哪六个？", "definition", "六个一"),
        ("一卡一贷一基金一板包含什么？", "definition", "一卡一贷一基金一板"),
        ("“两新”产业基地都有哪些？", "definition", "两新"),
        ("食品行业缺什么人才？", "industry_needs", "食品"),
        ("建材产业急需哪些人才？", "industry_needs", "建材"),
        ("鞋服产业需要哪些材料方面的人才？", "industry_needs", "鞋服"),
        ("乡村振兴人才培养工程具体做什么？", "content", "乡村振兴人才培养工程"),
        ("社会工作人才培养工程主要内容是什么？", "content", "社会工作人才培养工程"),
    ],
)
def test_questions_that_name_a_fact_are_answered_from_it(
    index: EntityIndex, question: str, intent: str, name_part: str
) -> None:
    r = route(question, index)
    assert r.intent == intent
    assert name_part in r.facts[0].name


def test_short_forms_come_from_the_name_itself() -> None:
    assert "倍增工程" in derived_aliases("硕博人才“倍增工程”")
    assert "525工程" in derived_aliases("卫生人才“525”孵化提升工程")
    assert "人才集团" in derived_aliases("组建成立人才集团")


def test_units_and_mentions(index: EntityIndex) -> None:
    assert {"人社局", "科技局", "各镇（街道）"} <= set(index.units())
    assert [f.name for f in index.mentions("那个硕博倍增工程")][:1] == ["硕博人才“倍增工程”"]


@pytest.mark.parametrize(
    "question, wrong",
    [
        ("院士工作站2020年有几家？", "博士后工作站"),  # shares 士 and 工作站, but 院士 is not 博士后
        ("院士工作站到2025年有多少家？", "博士后工作站"),
        ("硕士以上卫生人才2020年是多少？", "硕士"),
    ],
)
def test_a_lookalike_indicator_never_gives_its_number(index: EntityIndex, question: str, wrong: str) -> None:
    r = route(question, index)
    assert all(f.name != wrong for f in r.facts), [f.name for f in r.facts]
