"""A tier or an edition the documents do not have is refused by name, not answered with the tiers or the round
they do have: 'E类人才奖励多少' of a table of A类…D类, '2025年度名单' of the 2026年度 notice. The documents are
invented for the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from tests.conftest import engine_over

AWARDS = """云岭市高层次人才认定和奖励办法（测试用虚构文件）

第一条 经认定的高层次人才，按下表给予一次性奖励：

人才类别	奖励金额（万元）
A类	300
B类	150
C类	80
D类	30

第二条 奖励分3年发放，第一年发放40%，第二年、第三年各发放30%。
"""

NOTICE = """云岭市2026年度青年英才项目申报通知（测试用虚构文件）

一、申报时间
网上申报时间为2026年4月1日至2026年4月30日。

二、结果公布
入选名单在云岭人才网公布，公示期5个工作日。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    docs = {"awards.txt": AWARDS, "notice.txt": NOTICE}
    with engine_over(tmp_path_factory, embedding_cache, "absent", docs) as engine:
        yield engine


def test_a_tier_the_table_lacks_is_refused_by_name(engine: Engine) -> None:
    answer = engine.ask("E类人才奖励多少钱？")
    assert not answer.answerable
    assert "E类" in answer.answer
    assert "300万元" not in answer.answer and "30万元" not in answer.answer


def test_a_tier_the_table_has_is_answered(engine: Engine) -> None:
    answer = engine.ask("D类人才奖励多少钱？")
    assert answer.answerable and "30万元" in answer.answer


def test_another_years_round_is_refused_by_name(engine: Engine) -> None:
    answer = engine.ask("2025年度青年英才入选名单公示几天？")
    assert not answer.answerable
    assert "2025年度" in answer.answer


def test_the_documents_round_is_answered(engine: Engine) -> None:
    answer = engine.ask("2026年度青年英才入选名单公示几天？")
    assert answer.answerable and "5个工作日" in answer.answer
