"""A value answers for the words of its own clause: a sentence that writes the asked subject only in a clause
beside the value — a consequence ('未满4年迁出的，追回…孵化场地租金补贴'), or another subject ('审核通过的企业名单
在…公示，公示期为7个工作日') — does not state that value of the subject; the sentence whose clause states it
(with the condition before it, '…的，') answers first. The documents are invented for the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from tests.conftest import engine_over

INCUBATOR = """石渚镇创业孵化扶持办法（测试用虚构文件）

第一条 为支持青年人才在石渚镇创业，制定本办法。
第二条 入驻镇创业孵化基地的初创企业租用办公场地的，按实际租金的40%给予租金补贴，每年最高10万元，补贴期限2年。
第三条 入驻未满4年迁出石渚镇或者注销的，追回已拨付的场地租金补贴。
第四条 初创企业申请贷款的，按贷款市场报价利率的50%给予贴息，贴息期限不超过3年。
第五条 本办法由镇经济发展办公室负责解释。
"""

REWARD = """石渚镇企业引才奖励实施细则（测试用虚构文件）

一、奖励标准
企业全职引进博士研究生的，每引进1人奖励企业3万元；引进硕士研究生的，每引进1人奖励企业1万元。
二、审核程序
企业引才奖励由镇人社办自受理之日起15个工作日内完成审核，必要时实地核查。
三、公示和拨付
企业引才奖励审核通过的企业名单在镇政府网站公示，公示期为7个工作日。公示无异议的，奖励资金在公示结束后30个工作日内拨付至企业账户。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    with engine_over(
        tmp_path_factory, embedding_cache, "clause", {"incubator.txt": INCUBATOR, "reward.txt": REWARD}
    ) as engine:
        yield engine


def test_a_length_in_a_clawback_condition_is_not_the_length_of_the_subsidy(engine: Engine) -> None:
    answer = engine.ask("场地租金补贴能补几年")
    assert answer.answerable, answer.answer
    # the answer opens with the subsidy's own period, not with the clawback's
    assert "补贴期限2年" in answer.citations[0].quote, answer.answer


def test_the_time_a_publicity_lasts_is_not_the_time_a_review_takes(engine: Engine) -> None:
    answer = engine.ask("企业引才奖励审核要多久")
    assert answer.answerable, answer.answer
    # the answer opens with how long the review takes, not with how long the list is publicised
    assert "15个工作日" in answer.citations[0].quote, answer.answer


def test_a_sentence_stating_its_value_in_the_clause_of_the_subject_still_answers(engine: Engine) -> None:
    answer = engine.ask("引进一个博士奖励企业多少钱")
    assert answer.answerable, answer.answer
    assert "3万元" in answer.answer


ALLOWANCE = """石渚镇青年人才生活补贴细则（测试用虚构文件）

一、申请条件
申请生活补贴的青年人才，应当符合下列条件：
（一）2025年1月1日以后毕业，首次在本镇企业就业；
（二）与本镇企业签订2年以上劳动合同，并在本镇缴纳社会保险满6个月；
（三）年龄不超过35周岁。
二、补贴标准
生活补贴按照学历分档发放，标准如下：
（一）博士研究生每月2500元；
（二）硕士研究生每月1500元；
（三）本科毕业生每月700元。
生活补贴最长发放24个月，每季度申领一次。
"""


@pytest.fixture(scope="module")
def tiers_engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    with engine_over(tmp_path_factory, embedding_cache, "tiers", {"allowance.txt": ALLOWANCE}) as engine:
        yield engine


@pytest.mark.parametrize("question", ["石渚生活补贴分几档，每档多少？", "生活补贴各档标准是多少"])
def test_a_question_for_each_tier_is_answered_by_every_tier(tiers_engine: Engine, question: str) -> None:
    answer = tiers_engine.ask(question)
    assert answer.answerable, answer.answer
    assert all(amount in answer.answer for amount in ("2500元", "1500元", "700元")), answer.answer


def test_a_list_of_conditions_is_no_list_of_tiers(tiers_engine: Engine) -> None:
    answer = tiers_engine.ask("生活补贴最长发多少个月")
    assert answer.answerable, answer.answer
    assert "24个月" in answer.answer
