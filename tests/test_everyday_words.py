"""Questions in everyday words answered from documents in official words: '买房' of a 办法 that writes 购房, '封顶'
of one that writes 累计不超过; '哪几个月' asks months of the year, not a list nor a length; a question for one value
is not answered with a list a runner-up passage announces. The document here is invented for the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from assistant.ask.wording import in_their_words, with_kin
from tests.conftest import engine_over

HOUSING = """青枫区人才安居和引才奖励办法（测试用虚构文件）

一、总体安排
2025年区财政安排人才安居资金共8000万元，筹集人才公寓1200套。

二、购房补贴
在青枫区首次购买住房的人才，按人才类别给予一次性购房补贴，分5年平均发放，标准如下：
人才类别\t购房补贴\t年龄要求
A类人才\t150万元\t不限
B类人才\t100万元\t不限
C类人才\t60万元\t不限
E类人才\t20万元\t不超过45周岁
服务未满3年离开本区的，按未满服务年限比例退回已领取的购房补贴。
购房补贴每年受理两次，受理时间分别为5月1日至5月31日和11月1日至11月30日。

三、租房补贴
申请租房补贴的青年人才，应当符合下列条件：
（一）2024年1月1日以后毕业，首次在本区企业全职就业；
（二）与本区企业签订1年以上劳动合同，并在本区连续缴纳社会保险满3个月；
（三）本人及配偶在本区无自有住房。
租房补贴每年3月、9月集中受理，每次受理时间为当月1日至20日。

四、企业引才奖励
用人单位引进博士研究生的，每引进1人奖励2万元；引进硕士研究生的，每引进1人奖励5000元。
同一用人单位年度引才奖励累计不超过30万元。
高新技术企业引进博士研究生的，另给予每人1万元奖励。

五、申报材料
申请人通过“青枫人才网”上传以下材料：
1.申请表；
2.身份证、学历学位证书复印件；
3.劳动合同及2025年1月至4月社会保险缴纳证明；
4.诚信承诺书。

六、咨询
咨询电话：0595-12345678（青枫区人才服务中心）。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    with engine_over(tmp_path_factory, embedding_cache, "words", {"housing.txt": HOUSING}) as engine:
        yield engine


def test_a_question_keeps_the_words_the_passages_write() -> None:
    passages = [
        "同一用人单位年度引才奖励累计不超过30万元。",
        "在青枫区首次购买住房的，给予购房补贴。",
        "购房补贴分5年发放。",
    ]
    assert in_their_words("一年封顶多少？", passages) == "一年不超过多少？"
    assert in_their_words("买房补多少？", passages) == "购房补多少？"  # 购房 is written twice, 购买住房 once
    # a word the passages write is the passages' word already
    assert in_their_words("购房补贴有年龄要求吗？", passages) == "购房补贴有年龄要求吗？"
    assert (
        in_their_words("孩子上学怎么办？", passages) == "孩子上学怎么办？"
    )  # nothing of the group is written
    assert with_kin("买房补多少").startswith("买房补多少 ")
    assert "购房" in with_kin("买房补多少") and with_kin("补多少") == "补多少"


def test_a_cap_asked_in_everyday_words_is_answered(engine: Engine) -> None:
    answer = engine.ask("企业引才奖励一年封顶多少？")
    assert answer.answerable
    assert "30万元" in answer.answer


def test_a_budget_is_the_funds_a_document_arranges(engine: Engine) -> None:
    answer = engine.ask("今年人才安居一共多少预算？")
    assert answer.answerable
    assert "8000万元" in answer.answer


def test_buying_a_home_is_the_documents_purchase(engine: Engine) -> None:
    answer = engine.ask("E类人才在青枫买房补多少？")
    assert answer.answerable
    assert "20万元" in answer.answer
    assert "150万元" not in answer.answer and "60万元" not in answer.answer  # not the other categories' rows


def test_which_months_asks_months_of_the_year(engine: Engine) -> None:
    answer = engine.ask("一年里哪几个月可以申请租房补贴？")
    assert answer.answerable
    assert "3月、9月" in answer.answer
    assert "满3个月" not in answer.answer  # a length is not a month of the year


def test_which_months_of_a_material(engine: Engine) -> None:
    answer = engine.ask("要交哪几个月的社保证明？")
    assert "2025年1月至4月" in answer.answer
    assert "诚信承诺书" not in answer.answer  # the one item, not the whole list of materials


def test_one_value_is_not_answered_with_a_list_beside_it(engine: Engine) -> None:
    answer = engine.ask("青枫购房补贴在哪个月受理？")
    assert "5月1日至5月31日" in answer.answer
    assert "150万元" not in answer.answer  # the table the same section announces is not the asked value
    # the sentence announcing the table states the asked length itself: it is the answer, without the table
    answer = engine.ask("买房补贴分几年发？")
    assert "分5年平均发放" in answer.answer
    assert "150万元" not in answer.answer
    # asked for the amounts, the table is the answer
    answer = engine.ask("购房补贴给多少？")
    assert all(amount in answer.answer for amount in ("150万元", "100万元", "60万元", "20万元"))


def test_a_thing_no_passage_names_is_refused_by_name(engine: Engine) -> None:
    """A short noun the documents never write ('车位') is not answered with whatever subsidy looks alike."""
    answer = engine.ask("青枫区对人才买车位有补贴吗？")
    assert not answer.answerable
    assert "车位" in answer.answer
    assert "万元" not in answer.answer


def test_words_that_frame_a_question_or_shorten_a_written_one_are_not_unknown(engine: Engine) -> None:
    answer = engine.ask("买房补贴有问题打哪个电话？")  # '问题' frames the question
    assert answer.answerable and "0595-12345678" in answer.answer
    answer = engine.ask("高企引进博士另奖多少？")  # '高企' shortens 高新技术企业
    assert answer.answerable and "1万元" in answer.answer


def test_whether_money_must_be_paid_back_in_spoken_words(engine: Engine) -> None:
    """'钱要退吗' asks a consequence; '领了', '就去', '钱要' are how it is said, not what the passage must name."""
    answer = engine.ask("领了购房补贴，干了一年就去外地了，钱要退吗？")
    assert answer.answerable
    assert "按未满服务年限比例退回" in answer.answer
