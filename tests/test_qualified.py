"""A relaxation or exception is said with the rule it qualifies: '博士研究生年龄放宽至40周岁' answers '对年龄有要求吗'
only together with '年龄不超过35周岁…；' before it in the same sentence. The document is invented for the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from tests.conftest import engine_over

RULES = """云岭市青年人才租房补贴实施细则（测试用虚构文件）

一、总则
1.为吸引青年人才来云岭就业，制定本细则。
2.本细则所称青年人才，是指具有全日制本科及以上学历、年龄不超过35周岁的人员；具有博士学位的，年龄放宽至40周岁。

二、补贴标准
3.租房补贴按学历分档：博士每月1800元，硕士每月1000元，本科每月600元。
4.补贴最长发放36个月，每半年申领一次。

三、申请方式
5.用人单位每年3月通过“云岭人才网”集中申报。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    with engine_over(tmp_path_factory, embedding_cache, "qualified", {"rules.txt": RULES}) as engine:
        yield engine


@pytest.mark.parametrize("question", ["租房补贴对年龄有要求吗？", "博士的年龄可以放宽到多少？"])
def test_a_relaxation_comes_with_the_rule_it_relaxes(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.answerable
    assert "35周岁" in answer.answer and "40周岁" in answer.answer
    assert answer.answer.index("35周岁") < answer.answer.index("40周岁")  # the rule, then its relaxation
