"""A 公示 lists people in a table: '某单位有哪几个人' is answered by the names of its rows; '在哪个网站公示' by the
site it names (no web address asked); a guide's online platform ('登录“X”平台在线提交') is where to apply. The
documents are invented for the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from tests.conftest import engine_over

NOTICE = """云岭市2026年第一批高层次人才认定拟入选名单公示（测试用虚构文件）

经个人申报、单位推荐和专家评审，拟认定林清远等5名同志为云岭市高层次人才，现予公示。

序号	姓名	工作单位	认定类别
1	林清远	云岭大学	B类
2	吴若兰	云岭市第一医院	C类
3	黄启明	云岭大学	C类
4	许嘉禾	云岭智能装备研究院	D类
5	蔡一帆	云岭大学	D类

公示期为2026年4月1日至4月7日，名单同时在云岭市人民政府网站公布。
"""

GUIDE = """云岭市创业启动资助政策解读（测试用虚构文件）

问：创业启动资助怎么申报？
答：创业启动资助每年集中申报一次，2026年度申报时间为5月6日至6月5日，申报人登录“云岭科创通”平台在线提交。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> Iterator[Engine]:
    docs = {"notice.txt": NOTICE, "guide.txt": GUIDE}
    with engine_over(tmp_path_factory, embedding_cache, "people", docs) as engine:
        yield engine


def test_the_people_of_a_unit_are_named(engine: Engine) -> None:
    answer = engine.ask("云岭大学有哪几个人拟入选？")
    assert answer.answerable
    for name in ("林清远", "黄启明", "蔡一帆"):
        assert name in answer.answer
    assert "吴若兰" not in answer.answer


def test_an_online_platform_is_where_to_apply(engine: Engine) -> None:
    answer = engine.ask("创业启动资助在哪儿申报？")
    assert answer.answerable
    assert "云岭科创通" in answer.answer


def test_which_website_is_answered_by_the_site_named(engine: Engine) -> None:
    answer = engine.ask("拟入选名单在哪个网站公布？")
    assert answer.answerable
    assert "云岭市人民政府网站" in answer.answer
