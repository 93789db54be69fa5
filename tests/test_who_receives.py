"""Who does or receives an act, as prose says it: '认定申请交给哪个单位' is answered by the sentence naming the body
the application goes to ('向市人才发展中心提交申请'), said without the list of materials it goes on to announce;
'由哪个单位审核' by the sentence naming who reviews, not by one that writes 审核 and nobody ('审核通过的，在…网公示').
The document is invented for the test (测试用虚构文件)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import engine_over

MEASURES = """柏川市高层次人才认定办法

（本文件为测试用虚构文件）

一、适用范围
本办法适用于在柏川市全职工作的各类高层次人才的认定。认定结果作为享受本市人才政策的依据。

二、认定条件
（一）与本市用人单位签订3年以上劳动合同；
（二）在本市连续缴纳社会保险满6个月；
（三）符合《柏川市高层次人才分类目录》所列条件之一。

三、认定程序
（一）申请。个人通过用人单位向市人才发展中心提交申请，申请材料包括：
1.柏川市高层次人才认定申请表；
2.身份证件；
3.与认定条件对应的证明材料。
（二）审核。市人才发展中心自受理之日起15个工作日内完成审核。
（三）公示。审核通过的，在柏川人才网公示5天。

四、其他
本办法由柏川市委人才工作领导小组办公室负责解释，自2026年3月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path):
    with engine_over(tmp_path_factory, embedding_cache, "receives", {"baichuan-banfa.txt": MEASURES}) as engine:
        yield engine


def test_the_body_an_application_goes_to_answers_whom_to_hand_it(engine) -> None:
    answer = engine.ask("柏川人才认定申请交给哪个单位？")
    assert answer.answerable, answer.answer
    assert "市人才发展中心" in answer.answer
    assert "申请表" not in answer.answer and "包括：" not in answer.answer  # the materials were not asked


def test_who_reviews_is_the_sentence_naming_the_reviewer(engine) -> None:
    answer = engine.ask("柏川的人才认定由哪个单位审核？")
    assert answer.answerable, answer.answer
    assert "市人才发展中心" in answer.answer
    assert "公示5天" not in answer.answer
