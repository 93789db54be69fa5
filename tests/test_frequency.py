"""How often a benefit is paid is its own kind of value: '多久发一次' is answered by '按季度发放', not by another
figure of a year ('每年…不超过10人', '3年内不得申报'); and a sentence the document writes twice is said once. The
document is invented for the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from tests.conftest import engine_over

RULES = """云岭市紧缺人才薪酬补贴实施细则（测试用虚构文件）

一、补贴对象
2026年1月1日以后从市外引进、与企业签订2年以上劳动合同的紧缺人才。同一企业每年享受薪酬补贴的人数不超过10人。

二、补贴发放
薪酬补贴按季度发放至个人银行账户。

三、监督管理
骗取薪酬补贴的，追回补贴资金，企业3年内不得申报市级人才项目。

四、常见问题
问：薪酬补贴什么时候到账？
答：薪酬补贴按季度发放至个人银行账户。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    with engine_over(tmp_path_factory, embedding_cache, "frequency", {"rules.txt": RULES}) as engine:
        yield engine


@pytest.mark.parametrize("question", ["薪酬补贴多久发一次？", "薪酬补贴几个月发一次", "薪酬补贴怎么发放？"])
def test_how_often_is_answered_by_the_payment_period(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.answerable
    assert "按季度发放" in answer.answer
    assert "10人" not in answer.answer and "3年内" not in answer.answer


def test_a_sentence_written_twice_is_said_once(engine: Engine) -> None:
    answer = engine.ask("薪酬补贴多久发一次？")
    assert answer.answer.count("按季度发放至个人银行账户") == 1
