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
