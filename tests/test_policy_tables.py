"""Tables in policy documents answered by their rows: a row's table is about what the sentence introducing it says
('首次取得下列职业技能等级证书的，按下表给予一次性奖励：'), a row is answerable by its name and the asked column however
the rest is worded, a category the table does not list ('初级工' beside 高级工) is refused, not answered with its
neighbour's amount, an amount asked of no row is the whole column, and a list asked of a table ('智能制造行业有哪些紧缺工种') is the asked column of every row it
picks, not the few rows retrieval happened to find. The document here is invented for the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from tests.conftest import engine_over

SKILLS = """松川县技能提升奖励办法（测试用虚构文件）

一、奖励对象
在松川县企业全职工作并缴纳社会保险的技能人才。

二、奖励标准
首次取得下列职业技能等级证书的，按下表给予一次性奖励：
表1 职业技能等级奖励标准
等级\t奖励金额（元）\t备注
特级技师\t8000\t需在本县连续工作满2年
首席技师\t6000\t需在本县连续工作满1年
高级工（三级）\t1200\t—

三、发展指标
表2 技能人才发展指标
指标\t2020年\t2025年
规模以上企业技能人才自主评价覆盖率（%）\t35\t70
县级技能大师工作室（个）\t6\t15

四、紧缺工种岗位补贴
在紧缺工种岗位工作满6个月的，按月发放岗位补贴。
表3 紧缺工种目录
序号\t行业\t工种\t每月补贴（元）
1\t智能制造\t数控机床操作工\t800
2\t智能制造\t工业机器人运维员\t1000
3\t现代物流\t冷链仓储管理员\t600
4\t现代物流\t叉车司机\t500

五、申领
每年5月1日至5月31日通过用人单位向县人社局申请。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    with engine_over(tmp_path_factory, embedding_cache, "tables", {"skills.txt": SKILLS}) as engine:
        yield engine


def test_rows_keep_the_sentence_that_introduces_their_table(engine: Engine) -> None:
    rows = [c for c in engine.chunks() if c.kind == "table_row" and c.table == "表1 职业技能等级奖励标准"]
    assert len(rows) == 3
    assert {c.intro for c in rows} == {"首次取得下列职业技能等级证书的，按下表给予一次性奖励："}
    # a table with no introducing sentence has none
    assert {c.intro for c in engine.chunks() if c.table == "表2 技能人才发展指标"} == {None}


@pytest.mark.parametrize(
    ("question", "row", "amount"),
    [("特级技师证书奖励有多少", "特级技师", "8000元"), ("拿到首席技师证书奖励多少钱", "首席技师", "6000元")],
)
def test_an_amount_asked_in_the_words_of_the_tables_introduction_is_answered(
    engine: Engine, question: str, row: str, amount: str
) -> None:
    answer = engine.ask(question)
    assert answer.answerable, answer.answer
    assert amount in answer.answer
    assert answer.citations[0].section.endswith(f"表1 职业技能等级奖励标准 > {row}")


def test_a_category_the_table_does_not_list_is_refused_not_answered_with_a_neighbour(engine: Engine) -> None:
    answer = engine.ask("初级工证书有奖励吗，奖多少？")
    assert not answer.answerable, answer.answer
    assert answer.answer.startswith("文件中没有明确")


def test_a_listed_category_beside_a_longer_one_is_still_answered(engine: Engine) -> None:
    # 技师 is written inside 特级技师 and 首席技师: not a missing row
    answer = engine.ask("高级工证书奖励给多少？")
    assert answer.answerable, answer.answer
    assert "1200元" in answer.answer


def test_a_row_named_in_other_words_is_answered_from_its_cell(plan_engine: Engine) -> None:
    # '盘子' is nowhere in the plan: the row's name and the asked year carry the question
    answer = plan_engine.ask("人才资源总量的盘子要做到多大")
    assert answer.answerable, answer.answer
    assert "23.6" in answer.answer
    assert "人才资源总量" in answer.citations[0].quote


def test_a_list_asked_of_a_table_is_the_asked_column_of_the_rows_the_question_picks(engine: Engine) -> None:
    answer = engine.ask("智能制造行业有哪些紧缺工种？")
    assert answer.answerable, answer.answer
    assert "数控机床操作工" in answer.answer and "工业机器人运维员" in answer.answer
    assert "冷链仓储管理员" not in answer.answer and "叉车司机" not in answer.answer
    assert all(c.section.startswith("四、紧缺工种岗位补贴 > 表3 紧缺工种目录") for c in answer.citations)


def test_the_categories_of_a_table_are_its_columns_distinct_values(engine: Engine) -> None:
    answer = engine.ask("紧缺工种目录分哪几个行业？")
    assert answer.answerable, answer.answer
    assert answer.answer.count("智能制造") == 1 and answer.answer.count("现代物流") == 1
    assert "叉车司机" not in answer.answer


def test_a_question_about_one_row_is_not_turned_into_a_list_of_rows(engine: Engine) -> None:
    answer = engine.ask("叉车司机有哪些补贴？")
    assert answer.answerable, answer.answer
    assert "500元" in answer.answer
    assert "数控机床操作工" not in answer.answer


def test_an_amount_asked_of_no_row_is_the_whole_column(engine: Engine) -> None:
    # the question names no 等级: every row's amount, not whichever row scored first
    answer = engine.ask("职业技能等级证书奖励多少钱？")
    assert answer.answerable, answer.answer
    assert all(amount in answer.answer for amount in ("8000元", "6000元", "1200元")), answer.answer
    one = engine.ask("首席技师证书奖励多少钱？")
    assert "6000元" in one.answer and "8000元" not in one.answer
