"""Everyday words for a share and an agency, and a Markdown list's bullets: '半价' is the 50% a document writes,
'猎头' its 人力资源服务机构, '公司' its 企业; an item of a '- ' list is said without its bullet. The document is invented for the
test (测试用虚构文件)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import engine_over

GUIDE = """# 柯屿市人才公寓和引才奖励问答

（本文件为测试用虚构文件）

### 1. 人才公寓租金怎么收？

- A类、B类人才：免收租金，最长5年；
- C类、D类人才：按市场租金的50%缴纳，最长3年；
- 其他人才：按市场租金缴纳。

### 2. 帮企业引进人才的机构有奖励吗？

通过人力资源服务机构引进D类以上人才的，每引进1人给予服务机构奖励2万元，每家机构每年最高20万元。

### 3. 创业场地有补贴吗？

入选创业项目的企业租用办公用房的，按实际租金的50%给予补贴，每年最高30万元。入驻市级科技企业孵化器的，补贴比例提高到70%。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path):
    with engine_over(tmp_path_factory, embedding_cache, "shares", {"keyu-wenda.md": GUIDE}) as engine:
        yield engine


def test_half_price_is_the_documents_fifty_percent(engine) -> None:
    answer = engine.ask("C类人才住人才公寓，半价能住多久？")
    assert answer.answerable
    assert "最长3年" in answer.answer
    assert not answer.answer.startswith("-")  # the bullet is a mark, not a word


def test_a_company_is_the_documents_enterprise(engine) -> None:
    answer = engine.ask("创业公司租场地，租金补贴一年最多补多少？")
    assert answer.answerable
    assert "30万元" in answer.answer


def test_a_named_benefit_said_in_the_sentence_before_is_the_one_asked(engine) -> None:
    # '补贴比例提高到70%' continues the sentence about 租金: it is the 租金补贴's rate
    answer = engine.ask("进了孵化器，租金补贴比例是多少？")
    assert answer.answerable
    assert "70%" in answer.answer


def test_a_headhunter_is_the_documents_human_resources_agency(engine) -> None:
    answer = engine.ask("猎头帮企业引进一个D类人才，能拿多少奖励？")
    assert answer.answerable
    assert "2万元" in answer.answer
