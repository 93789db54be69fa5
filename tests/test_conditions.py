"""Conditions, windows, duties and question-and-answer documents: '有什么要求' is answered by the sentence stating
the requirement, not by a material that names the same thing; '什么时候能报名' by the sentence giving the window, not
by a date of a condition or the notice's signing date; '证书是哪个部门发' by who 颁发s it; '哪些人可以申请…' asked of a
政策问答 by the answer to its own question in other words. The documents here are invented for the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from assistant.ask.kinds import asked_kinds
from tests.conftest import engine_over

NOTICE = """关于申报2026年度“白鹭计划”青年人才项目的通知（测试用虚构文件）

一、申报条件
（一）具有全日制本科及以上学历；
（二）研发类申报人须于2025年12月31日前与申报单位签订劳动合同，合同期限截至2028年12月31日以后；
（三）年龄不超过35周岁。

二、申报材料
申报人通过“云岭人才网”上传以下材料，同时报送纸质材料一式两份：
1.项目申报书；
2.研发类申报人提供劳动合同及2026年1月至3月社会保险缴纳证明；
3.学历学位证书复印件；
4.诚信承诺书。

三、申报时间
网上申报时间为2026年5月6日至2026年6月20日。

四、评审和公布
公示无异议的，由市人社局颁发《白鹭计划入选证书》。

云岭市人力资源和社会保障局
2026年4月18日
"""

FAQ = """云岭区人才公寓政策问答（测试用虚构文件）

### 1. 人才公寓一共有多少套？
答：2026年区里筹集人才公寓800套，分布在三个小区。

### 2. 哪些人可以申请入住人才公寓？
答：在云岭区全职工作的认定人才，以及具有全日制硕士研究生及以上学历、本人及配偶在云岭区无自有住房的青年人才，均可以申请。

### 3. 没住人才公寓、自己在外面租房，有补贴吗？
答：有。未入住人才公寓、自行在云岭区租房的，可以申请租赁补贴，硕士研究生每月800元，博士研究生每月1500元。

### 4. 人才公寓租金怎么收？
答：认定人才免租金入住；青年人才按市场租金的50%缴纳租金。

### 5. 人才公寓有哪些配套项目？
答：配套项目如下：
项目	牵头单位
人才公寓一站式服务项目	云岭职业学院
公寓智慧社区项目	区住建局
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    docs = {"notice.txt": NOTICE, "faq.md": FAQ}
    with engine_over(tmp_path_factory, embedding_cache, "conditions", docs) as engine:
        yield engine


def test_a_requirement_is_asked_for_by_its_words() -> None:
    assert "condition" in asked_kinds("研发类对劳动合同有什么要求？")
    assert "condition" in asked_kinds("哪些人可以申请人才公寓？")
    assert "condition" not in asked_kinds("人才公寓租金怎么收？")


def test_a_requirement_is_answered_by_the_rule_not_by_a_material_naming_it(engine: Engine) -> None:
    answer = engine.ask("研发类对劳动合同有什么要求？")
    assert answer.answerable
    assert "2025年12月31日" in answer.answer and "2028年12月31日" in answer.answer
    # the materials list names 劳动合同 too; it is not what was asked
    assert "诚信承诺书" not in answer.answer and "项目申报书" not in answer.answer


def test_a_faq_question_in_other_words_gets_that_questions_answer(engine: Engine) -> None:
    answer = engine.ask("哪些人可以申请云岭的人才公寓？")
    assert answer.answerable
    assert "全日制硕士研究生" in answer.answer and "无自有住房" in answer.answer
    assert "租赁补贴" not in answer.answer  # the neighbouring question's answer also names 人才公寓 and 申请


def test_when_to_apply_is_the_window_not_any_date(engine: Engine) -> None:
    answer = engine.ask("白鹭计划什么时候能报名？")
    assert answer.answerable
    assert "2026年5月6日至2026年6月20日" in answer.answer
    assert "2025年12月31日" not in answer.answer  # a condition's date is no window


def test_who_issues_a_certificate(engine: Engine) -> None:
    answer = engine.ask("人才证书是哪个部门发？")
    assert answer.answerable
    assert "市人社局颁发" in answer.answer
