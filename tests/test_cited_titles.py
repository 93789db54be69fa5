"""A passage quoting another document's title ('已享受《…安家补贴办法》补贴的人员…') is not about that document's
topic: a question about 博士安家补贴 hears the phone number of the 安家补贴办法 itself first, before that of the
document citing it. The documents are invented for the test (测试用虚构文件)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import engine_over

HOUSING_RULES = """岱山市博士引进安家补贴办法（测试用虚构文件）

第一条 全职引进到本市工作的博士研究生，给予安家补贴25万元，分5年发放。
第二条 申请人应当通过“岱山人才网”提交申请。
第三条 纸质材料受理窗口设在岱山市人才服务中心二楼3号窗口。咨询电话：0580-81112233。
"""

RENT_RULES = """岱山市青年人才租房补贴实施细则（测试用虚构文件）

一、毕业5年内的全日制本科以上青年人才，每月给予租房补贴1000元，最长36个月。
二、附则
1.已享受《岱山市博士引进安家补贴办法》安家补贴的人员，不得同时申领租房补贴；
2.本细则由岱山市人力资源和社会保障局负责解释。咨询电话：0580-84445566（工作日9:00—17:00）。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path):
    docs = {"anjia.txt": HOUSING_RULES, "zufang.txt": RENT_RULES}
    with engine_over(tmp_path_factory, embedding_cache, "cited", docs) as engine:
        yield engine


def test_the_cited_documents_own_phone_is_said(engine) -> None:
    answer = engine.ask("博士安家补贴有问题打什么电话咨询？")
    assert answer.answerable
    assert "0580-81112233" in answer.answer.split("\n")[0]  # said first: the question is about its topic
    assert any("0580-81112233" in c.quote for c in answer.citations)


def test_a_part_whose_subject_the_documents_write_is_answered_though_the_first_part_is_not(engine) -> None:
    # '找谁咨询' finds no sentence about 安家补贴 saying whom to ask, but the documents do speak of 安家补贴: the part
    # borrowing that subject ('电话多少？') is answered from its own passages, not refused with the first
    answer = engine.ask("安家补贴找谁咨询，电话多少？")
    assert answer.answerable
    assert "0580-81112233" in answer.answer
