"""Two documents that both state the asked value: a question naming neither hears each, with its document's
title; a question naming one hears that one. And a question for the conditions of a list hears the list's items,
not only the sentence announcing them. The documents are invented for the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from tests.conftest import engine_over

CITY_RULES = """云岭市高层次人才生活补贴办法（测试用虚构文件）

第一条 为引进高层次人才，制定本办法。
第二条 全职引进的博士研究生，每月发放生活补贴3000元，最长发放36个月。
第三条 申请人应当通过“云岭人才网”提交申请，受理部门为市人才服务中心。
"""

DISTRICT_RULES = """云岭市松溪区博士人才安居实施细则（测试用虚构文件）

一、在松溪区企业全职工作的博士研究生，每月给予生活补贴2000元，按季度发放。
二、申请松溪区人才公寓的博士，应当符合下列条件：
（一）与区内企业签订3年以上劳动合同；
（二）本人及配偶在区内无自有住房；
（三）在区内连续缴纳社会保险满6个月。
三、本细则由松溪区人力资源和社会保障局负责解释。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    docs = {"city.txt": CITY_RULES, "district.txt": DISTRICT_RULES}
    with engine_over(tmp_path_factory, embedding_cache, "two-docs", docs) as engine:
        yield engine


def test_a_value_both_documents_state_is_said_from_each_with_its_title(engine: Engine) -> None:
    answer = engine.ask("博士生活补贴每月多少钱？")
    assert answer.answerable
    assert "3000元" in answer.answer and "2000元" in answer.answer
    assert "高层次人才生活补贴办法" in answer.answer and "博士人才安居实施细则" in answer.answer
    assert len({c.doc_id for c in answer.citations}) == 2
    for c in answer.citations:  # each value is cited to the document that states it
        assert c.quote in (CITY_RULES + DISTRICT_RULES).replace("\n", "")


def test_a_question_naming_one_document_hears_only_that_one(engine: Engine) -> None:
    answer = engine.ask("松溪区的博士生活补贴每月多少钱？")
    assert answer.answerable
    assert "2000元" in answer.answer and "3000元" not in answer.answer


def test_conditions_asked_of_a_list_are_its_items(engine: Engine) -> None:
    answer = engine.ask("申请人才公寓要满足什么条件？")
    assert answer.answerable
    for item in ("3年以上劳动合同", "无自有住房", "社会保险满6个月"):
        assert item in answer.answer


def test_one_condition_asked_by_name_is_that_item(engine: Engine) -> None:
    answer = engine.ask("申请人才公寓对社保缴纳的要求是？")
    assert answer.answerable
    assert "社会保险满6个月" in answer.answer
    assert "无自有住房" not in answer.answer


@pytest.mark.parametrize("question", ["松溪区博士生活补贴每月多少？博士生活补贴每月多少钱？", "博士生活补贴多久发一次？每月多少钱？"])
def test_a_second_part_does_not_repeat_a_sentence_under_its_documents_title(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.answerable
    assert answer.answer.count("3000元") == 1 and answer.answer.count("2000元") == 1
