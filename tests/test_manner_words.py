"""An adverb of manner ('会直接发吗', '能马上到账吗') is what a yes/no question asks of its subject, not the subject:
the rule answering it ('第三年补贴须经…考核合格后发放') need not write it. The document is invented for the test
(测试用虚构文件)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import engine_over

NOTICE = """松岚市青年人才生活补贴实施细则

（本文件为测试用虚构文件）

一、补贴标准
全日制博士研究生每月补贴3000元，全日制硕士研究生每月补贴1500元，补贴期限为3年。
第一年、第二年补贴按月发放。第三年补贴须经用人单位年度考核合格后发放。

二、申领方式
申请人登录“松岚人才码”小程序填报信息、上传材料，用人单位在5个工作日内完成审核。

三、咨询
咨询电话：0799-5551234。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path):
    with engine_over(tmp_path_factory, embedding_cache, "manner", {"songlan-xize.txt": NOTICE}) as engine:
        yield engine


def test_how_a_benefit_is_paid_is_asked_of_the_benefit(engine) -> None:
    answer = engine.ask("第三年的补贴会直接发吗？")
    assert answer.answerable, answer.answer
    assert "考核合格" in answer.answer


def test_a_subject_the_document_never_names_is_still_refused(engine) -> None:
    answer = engine.ask("第三年的公积金会直接发吗？")
    assert not answer.answerable, answer.answer
