"""A table row's remark is part of what the row says: '须持有…证书' in the 备注 column answers '有学历要求吗' beside
the 学历要求 cell, and a mark in it ('★') is said by the table's note that explains it ('…上浮30%'), also when the
question names the mark by its name ('打星号的'). The document is invented for the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from tests.conftest import engine_over

CATALOGUE = """云岭市2026年度急需紧缺岗位目录（测试用虚构文件）

一、支持政策
企业全职引进下表所列岗位人才的，按“月补贴”栏所列标准发放岗位补贴，补贴期限最长24个月。

岗位	学历要求	月补贴（元）	备注
芯片封装工程师	本科及以上	4000	★
食品安全检测员	大专及以上	1500	须持有食品检验工证书
船舶轮机工程师	本科及以上	3000	—
冷链物流主管	大专及以上	2000	—

注：备注栏标注“★”的为急需岗位，岗位补贴在所列标准基础上上浮30%。

二、申报方式
企业于每年3月通过“云岭人才网”集中申报，咨询电话0591-6600123。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    with engine_over(tmp_path_factory, embedding_cache, "remarks", {"catalogue.txt": CATALOGUE}) as engine:
        yield engine


def test_a_rows_remark_comes_with_the_asked_cell(engine: Engine) -> None:
    answer = engine.ask("食品安全检测员有学历要求吗？")
    assert answer.answerable
    assert "大专及以上" in answer.answer and "须持有食品检验工证书" in answer.answer
    assert any("须持有食品检验工证书" in c.quote for c in answer.citations)


def test_a_mark_is_said_by_the_note_explaining_it(engine: Engine) -> None:
    answer = engine.ask("芯片封装工程师每月补多少？")
    assert "4000元" in answer.answer and "上浮30%" in answer.answer
    assert "★[" not in answer.answer  # the bare mark is never an answer of its own


def test_an_empty_remark_adds_nothing(engine: Engine) -> None:
    answer = engine.ask("船舶轮机工程师每月补多少钱？")
    assert "3000元" in answer.answer
    assert "备注" not in answer.answer and "上浮" not in answer.answer


def test_a_mark_asked_by_its_name(engine: Engine) -> None:
    for question in ("打星号的岗位补贴怎么算？", "标了★的岗位多补多少？"):
        answer = engine.ask(question)
        assert answer.answerable, question
        assert "上浮30%" in answer.answer, question
