"""A 办法 as administrators paste it (plain text, '第五条申请人…' with no space after the article number once
normalised), beside a second document: each article is its own citable section, people's own words (verbs like
'交上去', '审完') do not turn into false refusals, an enumerated item answers through its introduction, a yes/no
question about something no article covers is refused, and a place jieba does not know still picks its document.
All documents here are invented for the tests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from tests.conftest import engine_over

STATION = """青枫市人才驿站服务办法（测试用虚构文件）

第一章 总则
第一条 为做好青年人才服务工作，制定本办法。

第二章 申请与审核
第五条 申请人通过线上平台提交申请材料。材料齐全的，区人才办自受理之日起15个工作日内完成审核。审核结果通过短信告知申请人，申请人对结果有异议的，可以在结果公布后提出复核。
第六条 入住驿站的青年人才，每人最长可免费入住7天。驿站房间由区人才服务中心统一安排，入住期间应当遵守驿站管理规定。
第七条 申请入住驿站的人员应当符合下列条件：1.首次来青枫市求职；2.年龄不超过35周岁；3.具有全日制本科及以上学历。
第八条 区人才服务中心地址为青枫市柏川路18号，咨询电话0571-8866123。
第九条 在青枫市租房的博士研究生，每月发放租房补贴1500元。
第十条 申请入住驿站，应当提交下列材料：
（一）驿站入住申请表；
（二）本人身份证复印件；
（三）毕业证书复印件；
（四）求职登记证明。
第十一条 入住人员的人才认定由区人才办负责审核。
第十二条 本办法由青枫市人才工作领导小组办公室负责解释。
"""

RENT = """岚溪区青年人才租房补贴细则（测试用虚构文件）

一、补贴标准
在岚溪区租房的博士研究生每月补贴2000元，硕士研究生每月补贴1300元。
补贴最长发放24个月，每半年申领一次。
二、申请时间
每年3月集中受理一次。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    with engine_over(
        tmp_path_factory, embedding_cache, "articles", {"station.txt": STATION, "rent.txt": RENT}
    ) as engine:
        yield engine


def test_each_article_is_a_section_of_its_own_even_without_a_space_after_its_number(engine: Engine) -> None:
    sections = {c.section for c in engine.chunks() if "驿站" in c.title}
    assert {
        "第二章 申请与审核 > 第五条",
        "第二章 申请与审核 > 第六条",
        "第二章 申请与审核 > 第八条",
    } <= sections
    answer = engine.ask("驿站能免费住几天？")
    assert answer.answerable and "7天" in answer.answer
    assert answer.citations[0].section == "第二章 申请与审核 > 第六条"
    assert "第六条" not in answer.answer  # the article number is the citation's, not part of the sentence


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("材料交上去多久能审完？", "15个工作日"),  # colloquial verbs: how it is asked, not what about
        ("服务中心在哪条路上？", "柏川路18号"),
        ("申请住驿站有年龄限制吗？", "35周岁"),  # an item of '应当符合下列条件：', answered through it
    ],
)
def test_questions_in_own_words_are_answered_from_the_article_that_states_the_value(
    engine: Engine, question: str, value: str
) -> None:
    answer = engine.ask(question)
    assert answer.answerable, answer.answer
    assert value in answer.answer
    assert answer.citations and value in answer.citations[0].quote


@pytest.mark.parametrize(
    "question",
    [
        "驿站里能养宠物吗？",  # a yes/no question about what no article covers
        "驿站入住申请表在哪个网站下载？",  # the form is named, but no article gives a web address
    ],
)
def test_what_no_article_says_is_refused(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert not answer.answerable, answer.answer
    # a refusal of a question naming its document may name it ("《…》中没有明确…")
    assert re.match(r"(?:《[^》]+》|文件)中没有明确", answer.answer)


def test_a_place_jieba_does_not_know_picks_the_document_that_writes_it(engine: Engine) -> None:
    answer = engine.ask("在岚溪自己租房，博士每月补多少？")
    assert answer.answerable
    assert "2000元" in answer.answer
    assert all("岚溪" in c.title for c in answer.citations)


@pytest.mark.parametrize(
    ("question", "items"),
    [
        ("入住驿站的人员要符合哪些条件？", ("首次来青枫市求职", "35周岁", "全日制本科")),
        # the item the question names states no 'material' word itself: its introduction does
        ("除了身份证复印件，还要交哪些材料？", ("驿站入住申请表", "毕业证书复印件", "求职登记证明")),
    ],
)
def test_a_list_question_gets_the_whole_enumeration(
    engine: Engine, question: str, items: tuple[str, ...]
) -> None:
    answer = engine.ask(question)
    assert answer.answerable, answer.answer
    for item in items:
        assert item in answer.answer


def test_a_question_for_how_long_gets_the_length_not_an_amount_that_looks_like_a_year(engine: Engine) -> None:
    answer = engine.ask("岚溪的租房补贴最多能领多久？")  # '每月补贴2000元' beside it: 2000 is no year
    assert answer.answerable, answer.answer
    assert "24个月" in answer.answer
    assert "2000元" not in answer.answer


def test_who_interprets_is_answered_by_the_unit_that_interprets_not_by_another_duty_named_earlier(
    engine: Engine,
) -> None:
    answer = engine.ask("驿站的人才认定办法由谁负责解释？")  # 认定 is a duty too, but the one asked is 解释
    assert answer.answerable, answer.answer
    assert "青枫市人才工作领导小组办公室" in answer.answer
