"""A count is a figure of the asked thing: '有几个名额' of a notice that lists its forms ('1.《2026年度人才项目申报书》')
but sets no quota is refused, not answered with the form's name; a category the documents tell apart ('创业类') is
not answered by the programme's total; an ordinal ('第一大股东') is no count. The documents are invented for the
tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from tests.conftest import engine_over

NOTICE = """关于组织申报2026年度云岭市青苗人才项目的通知（测试用虚构文件）

一、申报对象
在云岭市企业全职工作、年龄不超过35周岁的青年人才。

二、申报材料
申报人通过“云岭人才网”填报并上传以下材料：
1.《2026年度青苗人才项目申报书》；
2.身份证复印件；
3.劳动合同。

三、支持标准
入选青苗人才项目的，给予一次性资助10万元。
"""


SEEDLINGS = """云岭市新苗人才计划实施办法（测试用虚构文件）

一、支持对象
（一）创新类：在云岭市企业全职从事技术研发工作的青年人才。
（二）创业类：在云岭市创办企业，并担任企业法定代表人或者第一大股东的青年人才。

二、支持标准
2026年度计划遴选新苗人才不超过50名。入选创新类的，给予一次性资助20万元；入选创业类的，给予项目启动资金40万元。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    with engine_over(tmp_path_factory, embedding_cache, "counts", {"notice.txt": NOTICE, "seedlings.txt": SEEDLINGS}) as engine:
        yield engine


def test_an_item_number_is_no_count(engine: Engine) -> None:
    answer = engine.ask("2026年度青苗人才项目有几个名额？")
    assert not answer.answerable
    assert "申报书" not in answer.answer.split("。")[0]


def test_a_category_is_not_answered_by_the_total(engine: Engine) -> None:
    answer = engine.ask("新苗人才计划创业类今年有几个名额？")
    assert not answer.answerable
    assert "第一大股东" not in answer.answer


def test_the_total_and_a_category_the_document_states_are_answered(engine: Engine) -> None:
    total = engine.ask("新苗人才计划今年一共选多少人？")
    assert total.answerable and "50名" in total.answer
    start_up = engine.ask("新苗人才计划创业类给多少钱？")
    assert start_up.answerable and "40万元" in start_up.answer and "20万元" not in start_up.answer
