"""A talent describing themself gets the matching programmes; a specific question stays a specific question."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.ask.matching import extract_profile
from assistant.ask.self_description import is_profile_question


@pytest.mark.parametrize(
    "text",
    [
        "我是做芯片的博士，想来晋江",
        "本人台湾青年，有什么政策？",
        "我是一名中学老师，规划里有针对我们的政策吗？",
        "我是晋江人，在外地读博士，毕业想回来，有什么政策适合我？",
        "我在鞋厂当技师，有哪些支持？",
    ],
)
def test_self_descriptions_asking_what_applies(text: str) -> None:
    assert is_profile_question(text, extract_profile(text))


@pytest.mark.parametrize(
    "text",
    [
        "我是企业高技能人才，待遇和晋升通道方面规划怎么说？",  # names its own topic
        "我是硕士，硕博倍增工程谁牵头？",
        "我是大学生，高校人才工作站有经费吗？",
        "硕博人才倍增工程谁牵头？",  # nobody described
        "我想问一下人才集团是做什么的",  # no kind of talent
    ],
)
def test_specific_questions_are_not_turned_into_matching(text: str) -> None:
    assert not is_profile_question(text, extract_profile(text))


def test_the_chat_answers_a_self_description_with_programmes_and_whom_to_contact(plan_engine: Any) -> None:
    answer = plan_engine.ask("我是做芯片的博士，想来晋江发展")
    assert answer.route == "match"
    assert "硕博人才“倍增工程”" in answer.answer
    assert "牵头单位" in answer.answer
    assert "并未规定补贴或奖励金额" in answer.answer  # honest about the plan's nature
    assert answer.citations and all(c.quote for c in answer.citations)
