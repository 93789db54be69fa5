"""Questions about an annual programme notice as applicants ask them: '资助周期多长' by the sentence saying the
length of the 资助周期 (not a deadline counted from its end), '要发几篇论文' by the figure in 篇, '对评审结果有意见
怎么反映' by how to object (it asks no result), '依据哪个文件开展的' by '根据《…》', '考核没过会怎样' by what
happens then (停拨), '要交费吗' by '不收取任何费用', '补交给几天' by the 补正 time. The document is invented for the
tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.analysis import question_terms
from assistant.ask.engine import Engine
from assistant.ask.kinds import asked_kinds
from tests.conftest import engine_over

NOTICE = """云岭市人社局关于组织申报2026年度青苗科技人才项目的通知（测试用虚构文件）

为支持青年科技人才成长，根据《云岭市青苗科技人才工程实施办法》（云人社规〔2024〕2号），现就组织申报有关事项通知如下。

一、资助标准
入选项目每项资助20万元，分两期拨付。资助周期为3年（2026年7月至2029年6月）。入选者应当在资助周期期满后2个月内提交结题报告。

二、申报条件
1. 在云岭市全职工作，年龄不超过35周岁；
2. 近3年发表高水平论文3篇以上，或者获得授权发明专利1项以上。

三、申报材料
1. 项目申报书；
2. 近3年代表性论文证明材料（不超过6项）。
材料不齐全的，受理部门一次性告知，申报人应当在7个工作日内补正。本次申报不收取任何费用。

四、评审和管理
申报人对评审结果有异议的，可以在公示期内以书面形式向市人社局实名反映。中期考核不合格的，停拨第二期资助经费。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    with engine_over(tmp_path_factory, embedding_cache, "notice-questions", {"notice.txt": NOTICE}) as engine:
        yield engine


def test_how_a_question_is_asked_is_not_its_subject() -> None:
    terms = question_terms("青苗项目评审分哪几步？")
    assert terms.get("分哪", 0) < 1 and terms.get("几步", 0) < 1
    assert "evaluation" not in asked_kinds("对评审结果有意见怎么反映？")
    assert "basis" in asked_kinds("青苗项目是依据哪个文件开展的？")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("青苗资助周期多长？", "资助周期为3年"),
        ("申报青苗要发几篇论文？", "3篇以上"),
        ("对青苗评审结果有意见怎么反映？", "书面形式"),
        ("青苗项目是依据哪个文件开展的？", "云人社规〔2024〕2号"),
        ("青苗项目中期考核没过会怎样？", "停拨第二期资助经费"),
        ("申报青苗项目要交费吗？", "不收取任何费用"),
        ("材料不全让补交，给几天时间？", "7个工作日"),
        ("代表作最多可以放几项？", "不超过6项"),
    ],
)
def test_notice_questions_in_applicants_words(engine: Engine, question: str, expected: str) -> None:
    answer = engine.ask(question)
    assert answer.answerable, answer.answer
    assert expected in answer.answer
