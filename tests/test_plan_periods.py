"""A plan of other years and other 清单 names is answered the same way: the years, plan periods and groups a
question is matched against are the document's own, never the 2020/2025 plan's.

The document here is INVENTED: the 2021-2025 test plan with every year moved five years on (2020 -> 2025,
2025 -> 2030), its periods renamed (十三五 -> 十四五, 十四五 -> 十五五) and its 重点工程 called 重点任务.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.ask.analysis import about_places, analyse, question_terms, subject_terms
from assistant.ask.entities import EntityIndex
from assistant.ask.fact_answer import answer_from_facts
from assistant.ask.router import route
from assistant.ask.vocabulary import plan_period_end
from assistant.ingest.chunking import chunk_document
from assistant.ingest.facts import extract_facts
from assistant.ingest.loaders import load_document
from assistant.ingest.structure import extract_tables

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def later_plan(tmp_path_factory: pytest.TempPathFactory) -> EntityIndex:
    text = (DATA / "jinjiang-talent-plan-2021-2025.txt").read_text(encoding="utf-8")
    text = re.sub(r"20(?:1[6-9]|2[0-5])", lambda m: str(int(m.group(0)) + 5), text)
    text = text.replace("十四五", "十五五").replace("十三五", "十四五").replace("重点工程", "重点任务")
    path = tmp_path_factory.mktemp("plan") / "talent-plan-2026-2030.txt"
    path.write_text(text, encoding="utf-8")
    doc = load_document(path)
    return EntityIndex.build(extract_facts(doc, extract_tables(doc), chunk_document(doc)))


def answer(index: EntityIndex, question: str) -> str:
    reply = answer_from_facts(route(question, index))
    assert reply is not None, question
    return reply.answer


def test_the_plans_own_years_tell_present_from_target(later_plan: EntityIndex) -> None:
    assert answer(later_plan, "博士后站现在有几个？").startswith("2025年博士后工作站为2家")
    assert answer(later_plan, "高企到2030年要达到多少家？").startswith("到2030年，高新技术企业目标为1000家")


def test_the_end_of_the_earlier_period_is_the_baseline(later_plan: EntityIndex) -> None:
    # In this plan '“十四五”末' is 2025, its baseline year: the answer is what there is, not the 2030 target.
    assert answer(later_plan, "“十四五”末博士后工作站有几家？").startswith("2025年博士后工作站为2家")
    assert answer(later_plan, "十五五末博士后工作站要达到几家？").startswith("到2030年，博士后工作站目标为4家")


def test_a_list_question_keeps_to_the_group_the_plan_names(later_plan: EntityIndex) -> None:
    text = answer(later_plan, "人社局牵头了哪些重点任务？")
    assert "重点任务两项" in text and "技能人才振兴工程" in text
    assert "重点政策" not in text and "重点项目" not in text


def test_any_five_year_plan_period_names_years() -> None:
    assert plan_period_end("十三五末") == "2020"
    assert plan_period_end("“十五五”末") == "2030"
    assert analyse("“十五五”末要建几家？").years == ("2030",)
    # What the question is about is the 博士后工作站, not the period (jieba cuts 十五五 as 十五 + 五).
    terms = question_terms("十五五期间博士后工作站有几家")
    assert terms["博士后工作站"] > 1.0 and not [t for t, w in terms.items() if w >= 1.0 and "十五" in t]


def test_the_documents_place_is_where_not_what() -> None:
    # A question to a city's assistant names the city as its setting: the subject is the subsidy, in any city.
    question = "海城市租房补贴每月多少？"
    with about_places(["海城"]):
        terms, _ = subject_terms(question)
        assert "海城市" not in terms and "海城" not in terms
        assert question_terms(question).get("海城市", 0.2) < 1.0
    assert any("海城" in t for t in subject_terms(question)[0])  # elsewhere a place is a subject like any word
