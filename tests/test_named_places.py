"""A question naming a place ('在芷湾…', '岑南的…') is answered from the document of that place, or refused naming
that document when it does not state the asked value — never with another place's value. jieba cuts such a
place with its level ('芷湾区' -> '芷/湾区'), so titles' places are read from where titles write them. The
documents are invented for the test (测试用虚构文件)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask import focus
from assistant.ask.engine import Engine
from tests.conftest import engine_over

ZHIWAN = """芷湾区人才公寓申请指南

（本文件为测试用虚构文件）

一、人才公寓租金按同地段市场租金的50%收取，按月缴纳。
二、申请人通过“芷湾人才之家”平台提交申请，区住房保障中心5个工作日内完成审核。
三、咨询电话：0591-7712345。
"""

CENNAN = """岑南区人才公寓申请指南

（本文件为测试用虚构文件）

一、申请人应当同时满足下列条件：在本区全职工作且缴纳社会保险满6个月；本人及配偶在本区无自有住房。
二、人才公寓租金按同地段市场租金的70%收取，入住时交纳押金，押金为2个月租金。
三、申请人通过“岑南安居”平台提交申请，区人才服务中心10个工作日内完成审核。
"""

HONGZHOU = """泓州市高层次人才安居办法

（本文件为测试用虚构文件）

第一条 全市各区人才公寓的建设和分配，由市住房和城乡建设局统筹。
第二条 人才公寓只租不售，租赁合同每次签订不超过3年。
"""

TITLES = {"z": ZHIWAN.splitlines()[0], "c": CENNAN.splitlines()[0], "h": HONGZHOU.splitlines()[0]}
TEXTS = {"z": ZHIWAN, "c": CENNAN, "h": HONGZHOU}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    docs = {"zhiwan.txt": ZHIWAN, "cennan.txt": CENNAN, "hongzhou.txt": HONGZHOU}
    with engine_over(tmp_path_factory, embedding_cache, "named-places", docs) as engine:
        yield engine


def test_a_place_cut_with_its_level_names_its_document() -> None:
    places = ["芷湾", "岑南", "泓州"]
    assert focus.named_document("在芷湾申请人才公寓，租金怎么收？", TITLES, TEXTS, places) == "z"
    assert focus.named_document("岑南的人才公寓押金多少？", TITLES, TEXTS, places) == "c"
    # a district named after its city ('泓州市芷湾区…') is read too: the title names both places
    assert focus._title_places("泓州市芷湾区人才政策兑现清单", []) == {"泓州", "芷湾"}


def test_the_named_place_is_answered_with_its_own_value(engine: Engine) -> None:
    answer = engine.ask("在岑南申请人才公寓，租金按什么标准收？")
    assert answer.answerable
    assert "70%" in answer.answer and "50%" not in answer.answer
    assert {c.doc_id for c in answer.citations} == {_doc_id(engine, "岑南区")}


def test_a_value_the_named_document_does_not_state_is_refused_naming_it(engine: Engine) -> None:
    answer = engine.ask("芷湾的人才公寓押金交多少？")
    assert not answer.answerable
    assert "2个月" not in answer.answer  # 岑南's deposit is no answer for 芷湾
    assert "《芷湾区人才公寓申请指南》" in answer.answer


def test_conditions_the_named_document_does_not_state_are_refused(engine: Engine) -> None:
    answer = engine.ask("在芷湾申请人才公寓要满足什么条件？")
    assert not answer.answerable
    assert "社会保险满6个月" not in answer.answer
    assert "《芷湾区人才公寓申请指南》" in answer.answer


def _doc_id(engine: Engine, title_start: str) -> str:
    return next(d.doc_id for d in engine.documents() if d.title.startswith(title_start))
