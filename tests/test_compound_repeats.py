"""A two-part question whose second part, resolved against the first, would get the first part's answer again
is answered by the passage that states what the second part asks (or told that the documents do not say it),
never by the first answer dropped as a repeat with nothing in its place. The document and the questions are
invented for the test (测试用虚构文件)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import engine_over

BIHU = """碧湖区企业引才奖励细则（测试用虚构文件）

一、奖励对象
在碧湖区依法登记、正常经营的企业。

二、奖励标准
（一）企业引进博士研究生的，每引进1人奖励3万元；
（二）企业引进硕士研究生的，每引进1人奖励8000元。
同一企业每年度引才奖励合计不超过40万元。
猎头机构为区内企业引进博士研究生的，每引进1人奖励6000元，每家机构每年度奖励不超过15万元。

三、申请时间
每年9月1日至9月30日集中受理。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path):
    with engine_over(tmp_path_factory, embedding_cache, "repeats", {"bihu.txt": BIHU}) as engine:
        yield engine


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("企业引进一名硕士奖励多少？一年封顶多少？", "8000元"),
        ("企业引进一个硕士能奖多少？一年上限多少？", "8000元"),
    ],
)
def test_the_second_part_gets_its_own_answer_not_the_first_again(engine, question: str, first: str) -> None:
    answer = engine.ask(question)
    assert answer.answerable
    assert first in answer.answer
    assert "40万元" in answer.answer  # the company's yearly cap, what the second part asks
    assert "15万元" not in answer.answer  # not the agencies' cap beside it
    assert any("40万元" in c.quote for c in answer.citations)


def test_a_second_part_the_document_does_not_answer_is_refused_for_itself(engine) -> None:
    answer = engine.ask("企业引进一个硕士能奖多少？要交个税吗？")
    assert "8000元" in answer.answer
    assert answer.answer.count("8000元") == 1
    second = answer.answer.split("\n", 1)[1] if "\n" in answer.answer else ""
    assert "没有明确" in second  # said, not left out


def test_a_sentence_answering_both_parts_is_said_once(engine) -> None:
    # the agencies' sentence states the award and the cap: the second part repeats it, and rightly so
    answer = engine.ask("猎头机构帮企业引进一个博士奖励多少？每家机构一年最多拿多少？")
    assert "6000元" in answer.answer and "15万元" in answer.answer
    assert answer.answer.count("6000元") == 1
    assert "40万元" not in answer.answer


@pytest.mark.parametrize(
    "question",
    ["市里对猎头机构有没有配套的住房补贴，标准多少？", "碧湖区对引进院士有没有安家补贴？给多少？"],
)
def test_a_part_borrowing_a_subject_the_documents_never_mention_is_refused_with_it(engine, question: str) -> None:
    # the first part is about something no passage speaks of (住房补贴, 安家补贴); '给多少？' asks about the same
    # thing, so no amount of the document (3万元, 6000元 …) answers it
    answer = engine.ask(question)
    assert not answer.answerable
    assert "元" not in answer.answer.split("文件相关的表述是")[0]
    assert answer.answer.count("文件中没有明确") == 1  # one plain refusal, not one per part


QINGOU = """关于开展2026年度“青鸥计划”青年人才项目申报工作的通知

（本文件为测试用虚构文件）

一、支持内容
入选创新类项目的，给予每人一次性资助50万元，分两次拨付。

二、工作要求
各区人社局要加强政策宣传，做好申报组织和初审推荐工作。

三、受理地点
鹭城市人才发展服务中心（鹭城市滨海大道188号市民服务中心二楼8号窗口）。
"""


@pytest.fixture(scope="module")
def notice(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path):
    with engine_over(tmp_path_factory, embedding_cache, "qingou", {"qingou.txt": QINGOU}) as engine:
        yield engine


@pytest.mark.parametrize("question", ["各区对青鸥计划入选者有没有配套奖励，给多少？", "各区有没有配套的奖励？给多少？"])
def test_a_part_borrowing_a_subject_nothing_is_said_of_gets_no_sum_of_something_else(notice, question: str) -> None:
    # the notice says nothing of a district's matching award; '给多少？' is about that award, so the city's 50万元
    # grant is no answer to it
    answer = notice.ask(question)
    assert not answer.answerable
    assert "50万元" not in answer.answer
