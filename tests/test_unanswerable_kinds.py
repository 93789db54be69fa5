"""Questions the documents do not answer are refused, and their near-misses the documents do answer are not:
a row named by several words that the table lacks ('汽车结构工程师' beside 机械结构工程师, '硕士研究生' beside
全职博士研究生), another edition than the document's own ('2022年版', '2026年第二批' of a 第一批 公示) although the
document names it in passing, and an act applied for that no passage writes ('能申请复议吗'). The documents are
invented for the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from tests.conftest import engine_over

SUBSIDY = """云岫市紧缺工程技术人才和博士补贴办法（测试用虚构文件）

第一条 企业全职引进下列岗位人才的，按下表给予岗位补贴：

岗位	岗位补贴（元/月）	补贴期限
机械结构工程师	4000	24个月
嵌入式软件工程师	3500	24个月
汽车电子工程师	3000	24个月
全职博士研究生	5000	36个月

第二条 用人单位引进全职博士研究生的，另按实际发放岗位补贴的10%给予用人单位奖励，每家每年最高不超过20万元。

第三条 补贴每年3月集中申报，由市人社局在20个工作日内完成审核。对审核结果有异议的，可以在公示期内申请复核。
"""

STANDARD = """云岫市人才分类认定标准（2026年版）（测试用虚构文件）

一、认定条件
A类：两院院士；B类：国家杰出青年科学基金获得者；C类：享受国务院政府特殊津贴的专家。

二、认定程序
认定每季度集中评审一次，评审结果公示5个工作日。

三、附则
本标准自2026年3月1日起施行，《云岫市人才分类认定标准（2022年版）》同时废止。
"""

LIST = """云岫市2026年第一批高层次人才拟认定名单公示（测试用虚构文件）

一、拟认定名单
序号	姓名	工作单位	认定类别
1	沈清和	云岫大学	A类
2	顾怀远	云岫医院	B类

二、其他
公示时间为2026年4月13日至4月19日。2026年第二批认定申报预计于9月启动。
"""

FUND = """云岫市青年人才资金管理规定（测试用虚构文件）

第一条 2025年度安排青年人才资金800万元，用于青年人才租房补贴。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    docs = {"subsidy.txt": SUBSIDY, "standard.txt": STANDARD, "list.txt": LIST, "fund.txt": FUND}
    with engine_over(tmp_path_factory, embedding_cache, "unanswerable", docs) as engine:
        yield engine


def test_a_job_the_table_lacks_is_refused(engine: Engine) -> None:
    answer = engine.ask("汽车结构工程师的岗位补贴每月多少？")
    assert not answer.answerable
    assert "4000" not in answer.answer.split("文件相关的表述是")[0]


def test_a_job_the_table_lists_is_answered(engine: Engine) -> None:
    answer = engine.ask("机械结构工程师的岗位补贴每月多少？")
    assert answer.answerable and "4000" in answer.answer


def test_a_degree_the_table_lacks_is_not_answered_by_another_sum_of_the_document(engine: Engine) -> None:
    answer = engine.ask("云岫引进硕士研究生能拿多少补贴？")
    assert not answer.answerable
    assert "10%" not in answer.answer and "20万元" not in answer.answer


def test_the_degree_the_table_lists_is_answered(engine: Engine) -> None:
    answer = engine.ask("云岫引进博士研究生能拿多少岗位补贴？")
    assert answer.answerable and "5000" in answer.answer


def test_an_edition_the_document_only_repeals_is_refused(engine: Engine) -> None:
    answer = engine.ask("云岫2022年版认定标准里B类人才要什么条件？")
    assert not answer.answerable
    assert "2022年版" in answer.answer


def test_another_batch_than_the_lists_is_refused(engine: Engine) -> None:
    answer = engine.ask("云岫2026年第二批高层次人才拟认定名单有哪些人？")
    assert not answer.answerable
    assert "沈清和" not in answer.answer


def test_a_round_a_document_without_edition_writes_is_answered(engine: Engine) -> None:
    answer = engine.ask("云岫2025年度青年人才资金安排了多少？")
    assert answer.answerable and "800万元" in answer.answer


def test_an_act_applied_for_that_no_passage_writes_is_refused(engine: Engine) -> None:
    answer = engine.ask("云岫岗位补贴申请被驳回了，能申请复议吗？")
    assert not answer.answerable
    assert "复议" in answer.answer


def test_an_act_applied_for_that_a_passage_writes_is_answered(engine: Engine) -> None:
    answer = engine.ask("对岗位补贴审核结果有异议，能申请复核吗？")
    assert answer.answerable and "复核" in answer.answer
