"""Self-descriptions typed into the chat the way people write them (no pronoun, a trade or a plan the profile
vocabulary does not know, a question in the same message) take the match route and name the programme that fits;
an ordinary question, even one naming a group or a programme, does not. Texts are our own, not from a bench file."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient


def _is_match(route: str) -> bool:
    return "match" in route.split("+")


@pytest.mark.parametrize(
    "text,item",
    [
        # No pronoun, and a direct question after the description: the description is still the asker's.
        ("台湾来的，在大陆读完研究生，想在这边找工作，有什么补贴吗？", "晋台人才合作交流示范区"),
        # 挂职 meets the rules written 挂（兼）职: a bracketed insert reads both ways.
        ("在外企当生产副总，想去机关挂职", "挂（兼）职锻炼实施办法"),
        # A trade the vocabulary does not know: matched by the description's own words.
        ("做短视频运营的，想找个孵化基地入驻", "云鲸新媒体人才孵化基地"),
        # A plan after the description ('想找个直播基地') does not drown the clause that says who the asker is.
        ("在电商公司做主播，想找个直播基地", "直播基地"),
    ],
)
def test_a_self_description_in_everyday_words_gets_the_programme(
    open_client: TestClient, text: str, item: str
) -> None:
    reply = open_client.post("/api/v1/chat", json={"question": text}).json()
    assert _is_match(reply["route"]), reply["route"]
    assert item in reply["answer"]


def test_roots_alone_reach_the_programmes_for_returnees(plan_engine: Any) -> None:
    """'家在X，…想回来' with no kind of talent named: the items for people with roots here, not 'nothing found'."""
    answer = plan_engine.ask("家在晋江，在厦门当律师，想回来执业")
    assert _is_match(answer.route)
    assert "回归工程" in answer.answer and "没有找到" not in answer.answer


@pytest.mark.parametrize(
    "text",
    [
        "企业家培训的领航工程，是哪几个单位牵头的？",  # the description names a programme: it is the subject
        "直播基地有几家，分别在哪？",
        "台湾青年来大陆就业有什么补贴？",
        "我想问一下人才集团是做什么的",
        # 几 after 了 asks here: the clause says nothing of the asker ('干了几年' is the asker's own years)
        "人力资源市场去年办了几次招聘会",
    ],
)
def test_an_ordinary_question_is_not_matched_while_a_description_is(plan_engine: Any, text: str) -> None:
    # The same engine routes a pronoun-less description with a question to matching (it did not before) …
    described = plan_engine.ask("在外企做财务总监，有没有对口的培训？")
    assert _is_match(described.route)
    # … and keeps an ordinary question, even one naming a group or a programme, on the normal route.
    assert not _is_match(plan_engine.ask(text).route)


@pytest.mark.parametrize(
    "text",
    [
        "在材料公司的研发部干了几年，想把手里的成果拿出来转化",
        "在一家药企做了好几年研发，攒了两项发明专利，想找机会转化",
    ],
)
def test_years_of_work_said_with_ji_describe_the_asker_and_ask_nothing(
    open_client: TestClient, text: str
) -> None:
    # '干了几年', '好几年' count years ('a few'), they do not ask how many: the whole message is the asker's
    # description, answered with what fits it, not with a passage about numbers.
    reply = open_client.post("/api/v1/chat", json={"question": text}).json()
    assert reply["route"] == "match", reply["route"]
    assert "推动研究人员成果转化工程" in reply["answer"], reply["answer"]
