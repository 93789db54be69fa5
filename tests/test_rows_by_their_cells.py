"""A list asked of a table for the row a question describes by what the row says, not by its name: '考了高级技师证
要准备哪些材料' is the materials of the row whose standard says '取得高级技师证书的…', not every row's materials.
The document is invented for the test (测试用虚构文件)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import engine_over

LIST = """# 苇塘区2026年度人才政策兑现事项清单

（本文件为测试用虚构文件）

## 一、兑现事项

| 事项名称 | 支持标准 | 申报材料 |
|---|---|---|
| 技能人才奖励 | 取得高级技师证书的奖励10000元，取得技师证书的奖励5000元 | 申请表；职业技能等级证书；社保缴纳证明 |
| 人才安家补贴 | A类人才60万元，B类人才40万元 | 申请表；人才认定证书；劳动合同 |
| 青年人才租房补贴 | 硕士研究生每月1500元 | 申请表；毕业证书；租房合同 |

## 二、申报时间

2026年5月6日至5月29日，逾期不予受理。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path):
    with engine_over(tmp_path_factory, embedding_cache, "cells", {"weitang-qingdan.md": LIST}) as engine:
        yield engine


def test_the_row_a_question_describes_gives_its_materials(engine) -> None:
    answer = engine.ask("考了高级技师证要准备哪些材料？")
    assert answer.answerable, answer.answer
    assert "职业技能等级证书" in answer.answer
    assert "人才认定证书" not in answer.answer and "毕业证书" not in answer.answer


def test_a_list_of_every_row_when_the_question_describes_none(engine) -> None:
    answer = engine.ask("这些事项分别要准备哪些材料？")
    assert answer.answerable, answer.answer
    assert "职业技能等级证书" in answer.answer and "人才认定证书" in answer.answer
