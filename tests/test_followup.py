"""Follow-up resolution without an LLM, alone and end to end with the real chunks, facts and BM25."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.ask.compose import compose_answer
from assistant.ask.followup import list_items, resolve_followup
from assistant.core.types import Turn


@pytest.fixture(scope="module")
def plan(plan_bm25):
    retriever, entities = plan_bm25
    return retriever, (lambda text: [f.name for f in entities.mentions(text)])


def no_mentions(text: str) -> list[str]:
    return []


def turns(*pairs: str) -> list[Turn]:
    return [Turn(role="user" if i % 2 == 0 else "assistant", content=t) for i, t in enumerate(pairs)]


def test_a_self_contained_question_comes_back_unchanged() -> None:
    history = turns("硕博倍增工程主要干什么？", "支持各类用人主体大力引进硕博士（后）。")
    question = "人才主题公园建设项目由哪个单位牵头？"
    assert resolve_followup(question, history, no_mentions) == question


def test_a_pronoun_takes_the_programme_last_asked_about() -> None:
    history = turns("科技创新人才集聚工程主要内容是什么？", "推进国家、省级人才工程……")
    resolved = resolve_followup("它由谁牵头？", history, no_mentions)
    assert resolved.startswith("科技创新人才集聚工程") and "牵头" in resolved


def test_mentions_pick_the_entity_name_over_the_question_wording() -> None:
    names = ["社会工作人才培养工程"]

    def mentions(text: str) -> list[str]:
        return [n for n in names if "社工" in text or n in text]

    history = turns("社工人才培养工程要做哪些事？", "健全以专业化、职业化为核心的社工人才培养政策……")
    assert resolve_followup("那这个工程的实施期限呢？", history, mentions) == "社会工作人才培养工程的实施期限呢？"


def test_an_elliptical_year_swaps_the_year_of_the_previous_question() -> None:
    history = turns("高新技术企业2020年有多少家？", "252家")
    assert resolve_followup("那2025年呢？", history, no_mentions) == "高新技术企业2025年有多少家？"


def test_an_ordinal_picks_the_item_listed_in_the_last_answer() -> None:
    history = turns("“三航工程”是哪三个？", "指企业家素质提升“领航工程”、产业升级“启航工程”和博士助力产业“远航工程”[1]。")
    assert "产业升级“启航工程”" in resolve_followup("第二个是什么意思？", history, no_mentions)
    assert "博士助力产业“远航工程”" in resolve_followup("第三个呢？", history, no_mentions)


def test_list_items_reads_numbered_and_enumerated_answers() -> None:
    assert list_items("（1）人才评价；（2）人才激励；（3）成果转化") == ["人才评价", "人才激励", "成果转化"]
    assert list_items("包括：鞋服、纺织、建材、食品") == ["鞋服", "纺织", "建材", "食品"]


def test_chained_follow_ups_keep_the_subject(plan) -> None:
    _, mentions = plan
    history = turns("博士后工作站2020年有几家？", "2家", "那2025年呢？", "4家")
    resolved = resolve_followup("它由哪个单位牵头？", history, mentions)
    assert "博士后" in resolved and "牵头" in resolved


def test_a_follow_up_is_answered_about_the_right_programme(plan) -> None:
    retriever, mentions = plan
    history = turns("卫生人才“525”孵化提升工程是什么？", "开展优秀卫生青年骨干人才孵化提升工程……")
    resolved = resolve_followup("这个工程谁牵头？", history, mentions)
    answer = compose_answer(resolved, retriever.retrieve(resolved, 8))
    assert answer.answerable and "卫健委" in answer.answer


def _ask(plan, question: str, history: list[Turn]) -> str:
    retriever, mentions = plan
    resolved = resolve_followup(question, history, mentions)
    return compose_answer(resolved, retriever.retrieve(resolved, 8)).answer


def test_a_follow_up_about_a_place_stays_on_that_place(plan) -> None:
    history = turns("云鲸新媒体人才孵化基地建设什么？", "建设短视频、人才实训、新媒体广告基地……")
    assert "梅岭街道" in _ask(plan, "它由哪个单位牵头？", history)


Mentions = Callable[[str], list[str]]
