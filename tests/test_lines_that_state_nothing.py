"""Lines that write a topic's words but state nothing asked: a form's or a document's name in a materials list
('1.《2026年度…申报表》（附件1）；') and the issuer's signing line ('…局　2026年2月') answer no question of how
long, when or who; the sentence stating the value does. And the everyday ways of asking a deadline ('最迟') or who
may apply ('哪些人能申请住' -> '…可以申请入住'). The document is invented for the test (测试用虚构文件)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ask.kinds import asked_kinds
from tests.conftest import engine_over

NOTICE = """关于开展2026年度岑溪市人才安居补贴申报工作的通知

（本文件为测试用虚构文件）

一、申报对象
经认定的A类至C类高层次人才可以申请入住人才公寓；全日制硕士研究生可以申请租房补贴。
硕士研究生以上人才的租房补贴为每月1500元。

二、申报材料
申报人应当提交下列材料：
1. 《2026年度岑溪市人才安居补贴申报表》（附件1）；
2. 身份证复印件；
3. 劳动合同复印件；
4. 学历证书复印件。

三、申报时间
网上申报时间为2026年4月1日至4月30日。各区人社局于5月20日前完成初审并报送汇总表。
审核通过的，由市人社局颁发人才证书。

四、纪律要求
弄虚作假骗取补贴的，追回已发放资金，3年内不得申报本市人才政策。

岑溪市人力资源和社会保障局　2026年3月
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path):
    with engine_over(tmp_path_factory, embedding_cache, "nothing", {"cenxi-tongzhi.txt": NOTICE}) as engine:
        yield engine


def test_a_forms_name_is_no_answer_to_how_many_years(engine) -> None:
    answer = engine.ask("岑溪2026年度安居补贴被查出造假，几年不能再报？")
    assert answer.answerable
    assert "3年内" in answer.answer
    assert "申报表" not in answer.answer


def test_the_signing_line_is_no_deadline(engine) -> None:
    answer = engine.ask("区里初审最迟什么时候要报上去？")
    assert answer.answerable
    assert "5月20日" in answer.answer
    assert "2026年3月" not in answer.answer


def test_who_may_apply_is_the_sentence_saying_who_can(engine) -> None:
    answer = engine.ask("人才公寓哪些人能申请住？")
    assert answer.answerable
    assert "A类至C类" in answer.answer


def test_the_signing_line_answers_when_the_document_was_issued(engine) -> None:
    answer = engine.ask("这份通知是哪个月发的？")
    assert answer.answerable
    assert "2026年3月" in answer.answer


def test_the_issuer_of_a_document_signed_by_month_is_known(engine) -> None:
    answer = engine.ask("这份通知是哪个单位发的？")
    assert answer.answerable
    assert "岑溪市人力资源和社会保障局" in answer.answer


def test_latest_asks_a_deadline() -> None:
    assert "deadline" in asked_kinds("最迟什么时候要交？")
    assert "deadline" in asked_kinds("材料最晚哪天报上去？")


def test_a_way_of_doing_what_no_passage_names_is_refused_by_name(engine) -> None:
    # the notice says how to apply, nothing of reissuing a lost certificate: '补办' is the act asked, and no
    # passage about applying answers it
    answer = engine.ask("岑溪人才证书丢了怎么补办？")
    assert not answer.answerable
    assert "补办" in answer.answer
    applying = engine.ask("人才公寓怎么申请？")  # an act every document names is no unknown word
    assert "补办" not in applying.answer and "没有明确关于" not in applying.answer


def test_a_word_made_of_two_written_words_is_known(engine) -> None:
    # '以上学历' is one dictionary word; the notice writes 以上 and 学历 apart (a search cut also finds 上学, which
    # it does not write): the documents do speak of it
    answer = engine.ask("硕士以上学历的人租房补贴每月多少？")
    assert answer.answerable, answer.answer
    assert "1500元" in answer.answer
