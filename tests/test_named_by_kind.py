"""A document named by its kind: '公示里…', '这份问答…', '细则第…条' name the one uploaded document whose title ends in
that kind, however often the documents' texts write the word ('公示期', '本细则'); a kind word used as a common noun
('补贴标准') names nothing. The documents are invented for the test (测试用虚构文件)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ask import focus
from tests.conftest import engine_over

NOTICE = """杭岭市2026年第一批高层次人才认定拟入选名单公示

（本文件为测试用虚构文件）

经个人申报、单位推荐、资格审查，本批次拟认定高层次人才12人，现予公示。
公示期为2026年4月1日至4月7日。
"""

RULES = """杭岭市高层次人才认定办法

（本文件为测试用虚构文件）

第一条 高层次人才认定每年开展两批，每批认定不超过20人。
第二条 拟认定人员名单在市人民政府网站公示，公示期7天。
"""

GUIDE = """杭岭市高层次人才认定申报指南

（本文件为测试用虚构文件）

一、申报人登录“杭岭人才网”提交申请。
二、拟认定名单公示期满无异议的，颁发证书。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path):
    docs = {"gongshi.txt": NOTICE, "banfa.txt": RULES, "zhinan.txt": GUIDE}
    with engine_over(tmp_path_factory, embedding_cache, "named-kind", docs) as engine:
        yield engine


def test_a_question_naming_the_notice_by_its_kind_hears_the_notice(engine) -> None:
    answer = engine.ask("公示里这一批拟认定多少人？")
    assert answer.answerable
    assert "12人" in answer.answer
    assert "20人" not in answer.answer


def test_the_kind_word_names_its_document_though_every_text_writes_it() -> None:
    titles = {"n": NOTICE.splitlines()[0], "r": RULES.splitlines()[0], "g": GUIDE.splitlines()[0]}
    texts = {"n": NOTICE, "r": RULES, "g": GUIDE}  # all three write 公示
    assert focus.named_document("公示里拟认定多少人？", titles, texts) == "n"
    assert focus.named_document("办法第一条怎么规定的？", titles, texts) == "r"


def test_a_kind_word_as_a_common_noun_names_no_document() -> None:
    titles = {"a": "杭岭市高层次人才分类认定标准（2026年版）", "b": "杭岭市博士生活补贴办法"}
    assert focus.named_document("这个标准里B类怎么认定？", titles) == "a"
    assert focus.named_document("补贴标准是多少？", {"a": titles["a"], "c": "杭岭市青年人才租房补贴细则"}) is None
