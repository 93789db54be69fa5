"""A short form names the phrase it shortens: '医保要交满多久' is answered by '参加城镇职工医疗保险满12个月', not by
the contract condition beside it, although no document writes 医保 and no word list says what it stands for.
Two characters that merely occur in a text (far apart, across a comma, inside another word) shorten nothing.
The document is invented for the test (测试用虚构文件)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ask.wording import shortens
from tests.conftest import engine_over

RULES = """岚溪市青年人才驿站入住办法

（本文件为测试用虚构文件）

一、入住对象
来岚溪市求职、创业的高校毕业生，可以申请入住青年人才驿站。

二、入住条件
申请入住青年人才驿站的人员，应当同时符合下列条件：
（一）与本市用人单位签订1年以上劳动合同；
（二）在本市参加城镇职工医疗保险满12个月；
（三）本人及配偶在本市无自有住房。

三、入住期限
驿站免费入住期限最长为3个月，期满后按市场租金的70%缴纳租金。

四、咨询
咨询电话：0591-55550000（市高新技术企业服务中心）。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path):
    with engine_over(tmp_path_factory, embedding_cache, "shortforms", {"lanxi-yizhan.txt": RULES}) as engine:
        yield engine


def test_a_short_form_is_answered_by_the_phrase_it_shortens(engine) -> None:
    answer = engine.ask("入住人才驿站，医保得交满多久？")
    assert answer.answerable, answer.answer
    assert "12个月" in answer.answer
    assert "劳动合同" not in answer.answer


@pytest.mark.parametrize(
    ("word", "text"),
    [
        ("社保", "在本市依法缴纳社会保险满6个月"),
        ("医保", "参加城镇职工医疗保险"),
        ("高企", "认定为国家高新技术企业的"),
        ("人社局", "报市人力资源和社会保障局审核"),
    ],
)
def test_a_phrase_written_whole_is_shortened_by_its_initials(word: str, text: str) -> None:
    assert shortens(word, text)


@pytest.mark.parametrize(
    ("word", "text"),
    [
        ("社保", "社会组织应当保障"),  # far apart
        ("社保", "纳入社会，保险"),  # across a comma
        ("企业", "企事业单位"),  # 业 begins no word of the phrase
        ("学历", "学习经历"),  # 历 begins no word
        ("社保", "缴纳社保"),  # written: no short form
        ("人工", "加强人才工作"),  # a common word of its own
    ],
)
def test_characters_that_merely_occur_shorten_nothing(word: str, text: str) -> None:
    assert not shortens(word, text)
