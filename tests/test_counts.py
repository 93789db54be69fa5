"""A count is a figure of the asked thing, not a list's item number: '有几个名额' of a notice that lists its forms
('1.《2026年度人才项目申报书》') but sets no quota is refused, not answered with the form's name. The document is
invented for the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from tests.conftest import engine_over

NOTICE = """关于组织申报2026年度云岭市青苗人才项目的通知（测试用虚构文件）

一、申报对象
在云岭市企业全职工作、年龄不超过35周岁的青年人才。

二、申报材料
申报人通过“云岭人才网”填报并上传以下材料：
1.《2026年度青苗人才项目申报书》；
2.身份证复印件；
3.劳动合同。

三、支持标准
入选青苗人才项目的，给予一次性资助10万元。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    with engine_over(tmp_path_factory, embedding_cache, "counts", {"notice.txt": NOTICE}) as engine:
        yield engine


def test_an_item_number_is_no_count(engine: Engine) -> None:
    answer = engine.ask("2026年度青苗人才项目有几个名额？")
    assert not answer.answerable
    assert "申报书" not in answer.answer.split("。")[0]
