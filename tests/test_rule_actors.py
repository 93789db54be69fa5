"""Whom a rule is about: '企业招进来一个博士能拿多少奖励' names the 企业 as who gets the reward, so it is answered by
the employer's rule ('引进博士研究生的，每引进1人奖励3万元'), not by the agency's ('人力资源服务机构为本市企业成功引进
博士研究生的，每引进1人奖励6000元': 企业 is only whom the agency serves). A question naming the agency gets the
agency's rule. The document is invented for the test (测试用虚构文件)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import engine_over

RULES = """岚溪市企业引才奖励实施细则

（本文件为测试用虚构文件）

一、适用对象
本细则适用于在岚溪市依法登记注册的企业，以及为本市企业引进人才的人力资源服务机构。

二、企业引才奖励
用人单位引进人才，符合下列情形之一的，给予引才奖励：
（一）引进博士研究生的，每引进1人奖励3万元；
（二）引进硕士研究生的，每引进1人奖励8000元。

三、人力资源服务机构引才奖励
人力资源服务机构为本市企业成功引进博士研究生的，每引进1人奖励6000元，每家机构年度奖励总额不超过15万元。

四、申报
奖励每年集中申报一次，由市人力资源和社会保障局受理。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path):
    with engine_over(tmp_path_factory, embedding_cache, "actors", {"lanxi-yincai.txt": RULES}) as engine:
        yield engine


def test_the_employer_asking_gets_the_employers_reward(engine) -> None:
    answer = engine.ask("企业招进来一个博士能拿多少奖励？")
    assert answer.answerable, answer.answer
    assert "3万元" in answer.answer
    assert "6000元" not in answer.answer


def test_the_agency_asking_gets_the_agencys_reward(engine) -> None:
    answer = engine.ask("人力资源服务机构帮企业引进一个博士奖励多少？")
    assert answer.answerable, answer.answer
    assert "6000元" in answer.answer
