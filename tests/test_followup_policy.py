"""A follow-up with no pronoun and no subject of its own is about the last subject of the conversation, and the
standalone question says so; the subject carried is the one the user wrote (with the place or programme that
names its document), not the question around it. The documents are invented for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ask.engine import Engine
from assistant.core.types import Turn
from tests.conftest import make_settings

YUNXI = """云溪县青年人才租房补贴细则（测试用虚构文件）

一、补贴标准
在云溪县租房的硕士研究生每月补贴800元，博士研究生每月补贴1500元，最长发放24个月。
二、申请时间
租房补贴每年2月和8月集中受理申请，其他月份不予受理。
三、受理部门
云溪县人才服务中心。
"""

SHIHU = """石湖县人才安居办法（测试用虚构文件）

第一条 在石湖县租房的博士研究生每月补贴1000元，最长发放36个月。
第二条 租房补贴每年5月和11月集中受理申请。
第三条 青禾创业园占地30亩，由县科技局负责管理，入驻企业可免租金两年。
第四条 人才驿站建设项目通过改造闲置厂房的途径建设人才驿站，由县人社局牵头，2026年底前建成。
第五条 重点项目见下表。
序号\t重点项目\t主要内容\t实施年限\t牵头单位
1\t乡村工匠培育项目\t组织专家下乡，开展技术指导和技能培训，培训合格的发放结业证书。\t2027-2029\t县农业农村局
2\t青年创客孵化项目\t建设青年创客空间，为创业青年提供场地和导师服务。\t2026-2028\t团县委
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path):
    corpus = tmp_path_factory.mktemp("followups")
    for name, text in (("yunxi.txt", YUNXI), ("shihu.txt", SHIHU)):
        (corpus / name).write_text(text, encoding="utf-8")
    engine = Engine(make_settings(tmp_path_factory.mktemp("followups-data"), corpus, embedding_cache))
    engine.start(progress=False, wait_for_vectors=True)
    yield engine
    engine.close()


def turns(*texts: str) -> list[Turn]:
    return [Turn(role="user" if i % 2 == 0 else "assistant", content=t) for i, t in enumerate(texts)]


def test_asking_words_alone_are_no_subject_and_the_conversation_keeps_its_document(engine: Engine) -> None:
    # '哪几个月' only asks; the follow-up is about 云溪县's rent subsidy, not 石湖县's.
    history = turns("云溪县租房补贴最长发多久？", "最长发放24个月。")
    answer = engine.ask("哪几个月可以申请？", history)
    assert "云溪县" in (answer.standalone_question or "")
    assert "2月" in answer.answer and "8月" in answer.answer
    assert "5月" not in answer.answer


def test_the_subject_carried_is_the_name_asked_about_not_the_attribute(engine: Engine) -> None:
    history = turns("青禾创业园占地多大？", "占地30亩。")
    answer = engine.ask("这个归哪个部门管理？", history)
    standalone = answer.standalone_question or ""
    assert "青禾创业园" in standalone and "占地" not in standalone
    assert "县科技局" in answer.answer


def test_a_how_follow_up_with_light_verbs_only_takes_the_last_programme(engine: Engine) -> None:
    history = turns("人才驿站建设项目谁牵头？", "由县人社局牵头。")
    answer = engine.ask("通过什么途径来搞？", history)
    assert "人才驿站" in (answer.standalone_question or "")
    assert "改造闲置厂房" in answer.answer


def test_a_colloquial_when_follow_up_is_answered_with_the_date(engine: Engine) -> None:
    # '啥时候' asks when, as '什么时候' does: the answer is the years, not the programme's description again.
    history = turns("乡村工匠培育项目是做什么的？", "组织专家下乡，开展技术指导和技能培训。")
    answer = engine.ask("谁牵头，啥时候实施？", history)
    assert "乡村工匠" in (answer.standalone_question or "")
    assert "县农业农村局" in answer.answer and "2027-2029" in answer.answer
