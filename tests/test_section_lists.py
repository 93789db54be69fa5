"""A list asked of a section is the headings of its sub-sections: '评审有哪几个环节' is answered by every
（一）（二）… under '五、评审程序', '要建哪几个中心' by the headings ending in 中心 — not by the one or two sub-sections
retrieval happened to rank first. A question naming one sub-section stays about it, and a 办法's bare article numbers
are no list. The documents are invented for the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from tests.conftest import engine_over

NOTICE = """关于开展2026年度松川县“青松计划”人才项目申报工作的通知（测试用虚构文件）

一、申报对象
在松川县企业全职工作的青年人才。

二、建设任务
（一）建设县级青年人才创新中心
依托县科技园建设创新中心，为入选人才提供研发场地。
（二）建设县级人才服务中心
整合人社、科技等部门服务事项，提供一站式服务。
（三）建设县级技能培训中心
面向企业一线职工开展技能培训，每年培训不少于2000人次。

三、评审程序
（一）形式审查
县人社局于2026年7月10日前完成形式审查。
（二）专家答辩
组织专家对申报人进行答辩评审，答辩时间另行通知。
（三）实地考察
对拟入选人员进行实地考察，考察结果公示5个工作日。
（四）发文公布
公示无异议的，由县人社局发文公布入选名单。

四、咨询方式
咨询电话：0599-4455667。
"""

MEASURES = """松川县人才公寓管理办法（测试用虚构文件）

第一章 总则
第一条 为规范人才公寓管理，制定本办法。
第二条 人才公寓面向在松川县全职工作的各类人才。
第二章 入住管理
第三条 入住人才公寓的，按市场租金的50%缴纳租金。
第四条 入住期限每次不超过2年，期满可以续租。
第三章 附则
第五条 本办法自2026年1月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    with engine_over(
        tmp_path_factory, embedding_cache, "sections", {"notice.txt": NOTICE, "measures.txt": MEASURES}
    ) as engine:
        yield engine


def test_the_steps_of_a_procedure_are_the_headings_of_its_sub_sections(engine: Engine) -> None:
    answer = engine.ask("青松计划评审有哪几个环节？")
    assert answer.answerable, answer.answer
    steps = ["形式审查", "专家答辩", "实地考察", "发文公布"]
    assert all(step in answer.answer for step in steps), answer.answer
    # in the document's order, each cited to its own sub-section
    assert [answer.answer.index(step) for step in steps] == sorted(
        answer.answer.index(step) for step in steps
    )
    assert [c.section for c in answer.citations] == [
        f"三、评审程序 > （{n}）{s}" for n, s in zip("一二三四", steps, strict=True)
    ]


def test_sub_sections_named_by_their_common_ending_are_listed(engine: Engine) -> None:
    answer = engine.ask("青松计划要建哪几个中心？")
    assert answer.answerable, answer.answer
    for centre in ("青年人才创新中心", "人才服务中心", "技能培训中心"):
        assert centre in answer.answer
    assert "形式审查" not in answer.answer


def test_a_question_naming_one_sub_section_is_about_it(engine: Engine) -> None:
    answer = engine.ask("实地考察有哪些安排？")
    assert "5个工作日" in answer.answer
    assert "形式审查" not in answer.answer


def test_article_numbers_are_not_a_list(engine: Engine) -> None:
    answer = engine.ask("人才公寓入住管理分哪几个部分？")
    assert "第三条[" not in answer.answer and "第四条[" not in answer.answer
