"""Guides and 细则 as cities write them: a 办理流程 of named steps with no sentence introducing it ('有哪几步' is
answered by every step's name), a 细则 numbered 1. / 2.1 / 2.3 (decimal sub-headings are sections), a list of who
may not apply ('哪些情况不能申请' is answered by it, not by who may), a two-level table header ('补贴标准（万元/年）'
over 首年 | 次年 | 第三年), and another year's batch refused by name. The documents are invented for the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from assistant.core.types import RawDocument
from assistant.ingest.loaders import load_document
from assistant.ingest.structure import extract_tables, split_sections
from tests.conftest import engine_over

RULES = """云岭市青年博士人才引育实施细则（测试用虚构文件）

1. 总则
1.1 适用范围
本细则适用于2026年1月1日以后在云岭市全职工作的博士人才。

2. 支持对象和条件
2.1 生活补贴申请条件
申请生活补贴的博士人才应当同时满足下列条件：（1）取得博士学位不超过5年；（2）年龄不超过40周岁；（3）首次在云岭市就业。
2.2 不予支持的情形
有下列情形之一的，不得申请：（1）机关事业单位的在编人员；（2）已享受其他同类生活补贴的；（3）有严重失信记录的。

3. 支持标准
3.1 博士生活补贴
博士生活补贴按单位类别分3年发放，标准如下：

单位类别	补贴标准（万元/年）			发放方式
	首年	次年	第三年	
重点企业	10	8	6	按季度发放
医疗卫生机构	6	4	3	按年度发放
"""

GUIDE = """# 云岭市2026年第一批高层次人才认定申报指南（测试用虚构文件）

## 一、办理流程

1. 个人注册：申报人登录“云岭人才之家”平台注册，在线填写申报信息；
2. 单位审核：用人单位在5个工作日内完成审核并出具推荐意见；
3. 资格审查：市人社局组织资格审查；
4. 专家评审：市委人才办组织专家评审，提出拟入选名单；
5. 社会公示：拟入选名单公示7天。

## 二、咨询方式

咨询电话：0591-6611223；电子邮箱：rencai@yunling.example.cn。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    docs = {"rules.txt": RULES, "guide.md": GUIDE}
    with engine_over(tmp_path_factory, embedding_cache, "guides", docs) as engine:
        yield engine


def _rules(tmp_path: Path) -> RawDocument:
    path = tmp_path / "rules.txt"
    path.write_text(RULES, encoding="utf-8")
    return load_document(path, None)


def test_decimal_numbers_are_sub_headings(tmp_path: Path) -> None:
    paths = [" > ".join(s.path) for s in split_sections(_rules(tmp_path))]
    assert "2. 支持对象和条件 > 2.2 不予支持的情形" in paths


def test_a_two_level_header_names_each_column_by_both(tmp_path: Path) -> None:
    (table,) = extract_tables(_rules(tmp_path))
    assert table.header[1:4] == ["首年补贴标准（万元/年）", "次年补贴标准（万元/年）", "第三年补贴标准（万元/年）"]
    assert [row[0] for row in table.rows] == ["重点企业", "医疗卫生机构"]


def test_the_steps_of_a_procedure_are_named(engine: Engine) -> None:
    answer = engine.ask("申报指南里的办理流程有哪几步？")
    assert answer.answerable
    for step in ("个人注册", "单位审核", "资格审查", "专家评审", "社会公示"):
        assert step in answer.answer


def test_who_may_not_apply_is_the_exclusion_list(engine: Engine) -> None:
    answer = engine.ask("哪些情况不能申请博士生活补贴？")
    assert answer.answerable
    assert "在编人员" in answer.answer and "严重失信记录" in answer.answer
    assert "不超过40周岁" not in answer.answer  # who may apply is not what was asked


def test_a_cell_under_a_two_level_header(engine: Engine) -> None:
    answer = engine.ask("医疗卫生机构的博士第三年补多少？")
    assert "3万元" in answer.answer


def test_mail_and_another_batch(engine: Engine) -> None:
    answer = engine.ask("能发邮件咨询吗？")
    assert "rencai@yunling.example.cn" in answer.answer
    answer = engine.ask("2025年第二批拟入选名单里有谁？")
    assert not answer.answerable and "2025年第二批" in answer.answer
