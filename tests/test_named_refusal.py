"""A question naming its document ('鲲鹏计划的…') is answered from that document, or refused naming that document
when its passages do not state the asked value — whatever kind of value is asked (a condition, how often), never
with the nearest sentence of the document, nor another document's value. The documents are invented for the test
(测试用虚构文件)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from tests.conftest import engine_over

KUNPENG = """关于开展2026年度“鲲鹏计划”青年人才项目申报工作的通知

（本文件为测试用虚构文件）

一、入选鲲鹏计划的青年人才，给予项目资助50万元。
二、申报人通过“汀洲人才网”在线提交申报书，用人单位审核后报市人才办。
三、咨询电话：0591-7712345。
"""

FENGMING = """关于开展2026年度“凤鸣计划”创业人才项目申报工作的通知

（本文件为测试用虚构文件）

一、申报人应当同时满足下列条件：年龄不超过35周岁；在本市注册企业并担任法定代表人。
二、入选凤鸣计划的创业人才，给予创业资助30万元，资助资金按季度拨付。
三、申报人通过“汀洲人才网”在线提交申报书。
"""

CITY = """汀洲市青年人才安居办法

（本文件为测试用虚构文件）

第一条 青年人才租住人才公寓的，租金按市场租金的50%收取。
第二条 人才公寓租赁合同每次签订不超过3年。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    docs = {"kunpeng.txt": KUNPENG, "fengming.txt": FENGMING, "city.txt": CITY}
    with engine_over(tmp_path_factory, embedding_cache, "named-strict", docs) as engine:
        yield engine


def test_the_named_document_states_its_own_value(engine: Engine) -> None:
    answer = engine.ask("鲲鹏计划的项目资助给多少？")
    assert answer.answerable
    assert "50万元" in answer.answer and "30万元" not in answer.answer


def test_conditions_the_named_document_does_not_state_are_refused_naming_it(engine: Engine) -> None:
    answer = engine.ask("鲲鹏计划申报要满足什么条件？")
    assert not answer.answerable
    assert "35周岁" not in answer.answer  # 凤鸣计划's condition is no answer for 鲲鹏计划
    assert "《关于开展2026年度“鲲鹏计划”青年人才项目申报工作的通知》中没有明确" in answer.answer


def test_how_often_the_named_document_does_not_say_is_refused(engine: Engine) -> None:
    answer = engine.ask("鲲鹏计划的资助是按年发还是按季度发？")
    assert not answer.answerable
    assert "按季度拨付" not in answer.answer
