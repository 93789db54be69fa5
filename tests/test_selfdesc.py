"""A talent describing themself in the chat gets the matching programmes; a direct question in the same message
is answered too; an ordinary question stays an ordinary question. Texts are our own, not from any bench file."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.ask.matching import extract_profile
from assistant.ask.self_description import describe, is_profile_question

# (self-description in varied wording, a programme the plan offers such a person)
SELF_DESCRIPTIONS = [
    ("我是做芯片的博士，想来晋江", "硕博人才“倍增工程”"),
    ("本人台湾青年，有什么政策？", "晋台人才合作交流示范区"),
    ("在纺织厂干了十二年，现在是车间里的高级技师", "技能人才振兴工程"),
    ("刚从澳洲留学回来，学的是市场营销", "国际化人才“汇智工程”"),
    ("二十六岁，社会工作专业硕士，现在在社工站上班。", "社会工作人才培养工程"),
    ("我们是一家三口，老公在医院当医生，我在小学教书，考虑搬到晋江", "卫生人才“525”孵化提升工程"),
    ("证券从业十年，持有基金从业资格，听说晋江在引金融人才", "金融人才专业服务水平提升工程"),
]

ORDINARY_QUESTIONS = [
    "硕博人才倍增工程谁牵头？",
    "我想问一下人才集团是做什么的",
    "到2025年全市人才资源总量要达到多少？",
    "博士后工作站到2025年的目标是多少？",
    "525工程指的是什么？",
    "规划是哪一年印发的",
]


@pytest.mark.parametrize("text,_item", SELF_DESCRIPTIONS)
def test_self_descriptions_in_varied_wording_are_recognised(text: str, _item: str) -> None:
    assert is_profile_question(text, extract_profile(text))


@pytest.mark.parametrize("text", ORDINARY_QUESTIONS)
def test_ordinary_questions_are_not_self_descriptions(text: str) -> None:
    assert not describe(text).is_self


def test_a_mixed_message_keeps_its_direct_question_for_the_normal_route() -> None:
    desc = describe("我是博士，想来工作，补贴多少？谁负责？")
    assert desc.is_self
    assert desc.remainder is not None and "补贴多少" in desc.remainder and "谁负责" in desc.remainder
    assert describe("我是做芯片的博士，想了解有哪些支持").remainder is None  # the matches answer that ask


@pytest.mark.parametrize("text,item", SELF_DESCRIPTIONS)
def test_the_chat_answers_a_self_description_with_the_programmes(
    open_client: TestClient, text: str, item: str
) -> None:
    reply = open_client.post("/api/v1/chat", json={"question": text}).json()
    assert reply["route"].startswith("match")
    assert item in reply["answer"]
    assert reply["citations"] and all(c["quote"] for c in reply["citations"])


@pytest.mark.parametrize("text", ORDINARY_QUESTIONS[:4])
def test_the_chat_answers_ordinary_questions_without_matching(open_client: TestClient, text: str) -> None:
    reply = open_client.post("/api/v1/chat", json={"question": text}).json()
    assert not reply["route"].startswith("match")


def test_a_mixed_message_gets_the_matches_and_the_answer_to_its_question(open_client: TestClient) -> None:
    reply = open_client.post(
        "/api/v1/chat", json={"question": "我是硕士研究生，马上毕业，想来晋江；硕博人才倍增工程谁牵头？"}
    ).json()
    assert reply["route"].endswith("+match")
    first, *rest = reply["answer"].splitlines()
    assert "市直涉才部门" in first  # the direct question answered first (its lead units)
    assert any("与您情况相关的还有" in line and "硕博人才“倍增工程”" in line for line in rest)  # then the matches


def test_the_chat_reply_names_contacts_and_is_honest_about_amounts(plan_engine: Any) -> None:
    answer = plan_engine.ask("我是做芯片的博士，想来晋江发展")
    assert answer.route == "match"
    assert "牵头单位" in answer.answer
    # Said of the plan by its own title (from the catalog), since it sets no amount for a 博士.
    title = plan_engine.documents()[0].title
    assert f"《{title}》" in answer.answer and "并未规定补贴或奖励金额" in answer.answer


def test_a_first_person_introduction_naming_a_kind_is_a_self_description() -> None:
    """'我已经被认定为…人才' says who the asker is even when the rest reads like a question; a first-person
    question that names no one stays a question."""
    desc = describe("我已经被认定为高层次人才，在晋江能享受哪些服务？")
    assert desc.is_self and desc.remainder and "服务" in desc.remainder
    assert not describe("我想问一下人才集团是做什么的").is_self
