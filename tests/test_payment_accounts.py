"""A city's 办法 and one of its districts' 清单 each say which account a benefit is paid into: a question naming
neither ('补贴发到什么账户') hears both accounts, each with its document's title — two sentences that both write
'账户' are not the same value. The documents are invented for the test (测试用虚构文件)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from tests.conftest import engine_over

CITY = """苇洲市高层次人才安家补贴办法

（本文件为测试用虚构文件）

第一条 在鸥汀区、苇湖区等本市各区全职工作的人才，给予安家补贴10万元。
第二条 补贴资金拨付至申请人本人的社会保障卡金融账户。
"""

DISTRICT = """鸥汀区人才政策兑现清单（2026年版）

（本文件为测试用虚构文件）

一、区内企业全职引进的博士研究生，给予安家补贴6万元，分3年发放。
二、个人补贴资金拨付至申请人在本区开立的银行Ⅰ类账户。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    docs = {"city.txt": CITY, "district.txt": DISTRICT}
    with engine_over(tmp_path_factory, embedding_cache, "payment-accounts", docs) as engine:
        yield engine


def test_where_each_document_pays_the_money_is_said_with_its_title(engine: Engine) -> None:
    answer = engine.ask("补贴发到什么账户？")
    assert answer.answerable
    assert "社会保障卡金融账户" in answer.answer and "银行Ⅰ类账户" in answer.answer
    assert "安家补贴办法" in answer.answer and "兑现清单" in answer.answer
    assert len({c.doc_id for c in answer.citations}) == 2


def test_which_account_or_card_asks_where_the_money_goes() -> None:
    from assistant.ask.kinds import asked_kinds

    assert "address" in asked_kinds("个人的补贴钱打到哪个账户")
    assert "address" in asked_kinds("奖励发到哪张银行卡")
    assert "address" not in asked_kinds("博士生活补贴每月多少钱")
