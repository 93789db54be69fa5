"""Questions about a plan in people's own words: what a plan's headings, tables and introductions say about the
passages under them. The documents and the questions are invented for the tests (no real plan's wording).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from tests.conftest import engine_over

# An invented work plan whose steps state their times only in their headings.
SURVEY = """桐溪县人才公寓需求摸底工作方案（测试用虚构文件）

一、工作目的
摸清全县企业人才住房需求，为人才公寓选址和建设规模提供依据。

二、工作步骤
（一）问卷编制阶段（3月上旬-3月中旬）。由县住建局会同县人社局设计调查问卷，征求重点企业意见后定稿。
（二）入企走访阶段（4月初-5月底）。各乡镇组织工作人员逐家走访规上企业，登记人才住房需求。
（三）汇总分析阶段（6月中旬-7月底）。县住建局汇总各乡镇登记数据，形成需求分析报告报县政府。

三、工作要求
各乡镇要明确一名联络员，按时报送走访数据。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    with engine_over(tmp_path_factory, embedding_cache, "own-words", {"survey.txt": SURVEY}) as engine:
        yield engine


def test_a_time_in_a_steps_heading_is_the_time_of_that_step(engine: Engine) -> None:
    answer = engine.ask("人才公寓摸底里，上门走访企业安排在啥时候？")
    assert answer.answerable, answer.answer
    assert "4月初-5月底" in answer.answer, answer.answer
    assert "入企走访" in answer.citations[0].section


def test_the_last_step_is_found_by_what_it_produces(engine: Engine) -> None:
    answer = engine.ask("住房需求分析报告什么时候能出来")
    assert answer.answerable, answer.answer
    assert "6月中旬-7月底" in answer.answer, answer.answer


# An invented plan with a 清单 of programmes: what each is, its period and the units that lead it.
PLAN = """桐溪县“十五五”人才发展规划（2026-2030年）（测试用虚构文件）

一、发展目标
到2030年，全县人才资源总量达到8万人。

表1 桐溪县“十五五”人才发展主要指标

一级指标	序号	二级指标	单位	2025年	2030年
人才规模	1	人才资源总量	万人	6.2	8
人才结构	2	规上工业企业每万名职工拥有首席技师数	名	3.5	6

二、总体思路
“十五五”期间，全县构建“一核两翼”¹人才工作格局，主要建立四项机制：

¹ “一核两翼”指以县城为核心、东西两个工业园区为两翼。

1. 围绕主导产业集聚人才，建立产才融合的人才引育机制，重点是把企业用人需求转化为引才清单。
2. 围绕青年留桐发展，建立全周期的人才安居机制，重点是解决住房、子女入学等后顾之忧。
3. 围绕激发创造活力，建立以贡献为导向的人才激励机制，重点是完善评价和收入分配办法。
4. 围绕优化服务环境，建立一站式的人才服务机制，重点是推动人才事项集成办理。

三、重点任务
实施青年医师“春苗计划”，每年遴选10名县级医院青年医师赴省立第二医院、滨海医科大学附属医院进修学习半年，进修期间工资照发。

附件

桐溪县人才发展重点清单

一、重点工程

序号\t重点工程\t主要内容\t行动措施\t牵头单位
1\t青年工匠“磨刀工程”\t每年遴选一批青年技术工人赴先进制造企业跟岗学习，力争五年培养青年工匠500名。\t①建立跟岗学习企业名录；②给予跟岗期间生活补助。\t县人社局 县总工会
2\t乡土人才“扎根工程”\t扶持茶农、竹编艺人等乡土人才领办合作社，力争新增乡土人才带头人200名。\t①开设乡土人才夜校；②评选乡土人才工作室。\t县农业农村局

二、重点平台

序号\t重点平台\t主要内容\t实施年限\t牵头单位
1\t溪畔创客空间\t改造旧厂房2000平方米，建成路演厅、共享实验室和创客公寓，入驻初创团队30个以上。\t2027-2028\t溪畔街道
"""


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    with engine_over(tmp_path_factory, embedding_cache, "own-words-plan", {"plan.txt": PLAN}) as engine:
        yield engine


def test_which_bureau_to_go_to_is_answered_by_the_lead_unit(plan: Engine) -> None:
    answer = plan.ask("乡土人才的事找哪个局？")
    assert answer.answerable, answer.answer
    assert "县农业农村局" in answer.answer and "合作社" not in answer.answer, answer.answer


def test_which_units_lead_together_names_every_lead_unit(plan: Engine) -> None:
    answer = plan.ask("给技术工人搞跟岗的磨刀工程，究竟是哪几个单位牵头的")
    assert answer.answerable, answer.answer
    # the units the table's cell lists, each named apart, and not the programme's target
    assert "县人社局、县总工会" in answer.answer and "500名" not in answer.answer, answer.answer


def test_what_a_platform_will_be_like_is_its_content_not_its_period(plan: Engine) -> None:
    answer = plan.ask("溪畔创客空间最后建成啥样？")
    assert answer.answerable, answer.answer
    assert "2000平方米" in answer.answer and "路演厅" in answer.answer, answer.answer


def test_a_list_introduced_before_a_footnote_is_answered_with_every_item(plan: Engine) -> None:
    # the footnote printed between the introduction and its items does not cut the items off
    answer = plan.ask("桐溪这五年要建哪几项人才机制？")
    assert answer.answerable, answer.answer
    for item in ("人才引育机制", "人才安居机制", "人才激励机制", "人才服务机制"):
        assert item in answer.answer, answer.answer


def test_items_of_an_announced_list_are_said_by_the_clause_naming_each(plan: Engine) -> None:
    # '主要建立四项机制：' announces what each item is: the answer names the four 机制, not four paragraphs
    answer = plan.ask("桐溪这五年要建哪几项人才机制？")
    assert "建立产才融合的人才引育机制" in answer.answer, answer.answer
    assert "重点是" not in answer.answer and len(answer.answer) < 120, answer.answer


def test_units_a_lead_unit_cell_lists_by_spaces_are_named_apart(plan: Engine) -> None:
    # '谁来抓' is answered from the table's 牵头单位 cell: its two units read as two, not as one run of characters
    answer = plan.ask("磨刀工程这块谁来抓？")
    assert answer.answerable, answer.answer
    assert "县人社局、县总工会" in answer.answer, answer.answer


def test_a_target_asked_without_a_number_word_is_the_latest_years_figure(plan: Engine) -> None:
    # '目标是啥' asks the 2030 column as '目标是多少' does; the row's unit cell alone is no answer
    answer = plan.ask("首席技师这块的目标是啥")
    assert answer.answerable, answer.answer
    assert "6名" in answer.answer or "2030年：6" in answer.answer, answer.answer


def test_where_people_are_sent_to_study_is_the_host_the_plan_names(plan: Engine) -> None:
    # '送到哪里进修' asks the hospitals hosting them, which the plan names; it asks no street address
    answer = plan.ask("春苗计划的青年医生会被送到哪里进修？")
    assert answer.answerable, answer.answer
    assert "省立第二医院" in answer.answer, answer.answer
