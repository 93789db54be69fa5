"""What a self-description's reply shows of the matching items, as a person reads it: one item per line when a
direct question in the same message could not be answered, and no item reached only because a word for people
from the place ('X人') was read inside 'X人才'. Texts are our own, not from a bench file."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient


def test_items_stay_one_per_line_after_an_unanswered_question(open_client: TestClient) -> None:
    # The description reaches programmes; when the allowance is paid is in no document.
    reply = open_client.post(
        "/api/v1/chat", json={"question": "我是高级技师，在食品厂干了十年，技能人才的津贴什么时候发？"}
    ).json()
    assert "match" in reply["route"].split("+") and not reply["answerable"]
    numbered = [line for line in reply["answer"].splitlines() if re.match(r"\d+\. ", line)]
    assert len(numbered) >= 2, reply["answer"]  # each item on a line of its own, not run together
    assert all(line.count("（重点") == 1 for line in numbered)


def test_roots_in_the_city_do_not_reach_an_item_named_for_its_talent(open_client: TestClient) -> None:
    body = open_client.post("/api/v1/match", json={"text": "老家是晋江的，在杭州做律师，打算回来"}).json()
    names = [m["name"] for m in body["matches"]]
    assert any("回归工程" in n for n in names), names
    # '晋江人才主题公园' names the city's talent, not people from the city
    assert not any("人才主题公园" in n for n in names), names


def test_back_from_abroad_reaches_the_programme_for_returnees_from_abroad(open_client: TestClient) -> None:
    # '回国' says the person studied or worked abroad, as '归国' and '海归' do.
    reply = open_client.post("/api/v1/chat", json={"question": "在新加坡读完硕士，准备回国创业"}).json()
    assert "match" in reply["route"].split("+")
    assert "国际化人才“汇智工程”" in reply["answer"], reply["answer"]


def test_a_second_year_student_is_read_as_a_student(open_client: TestClient) -> None:
    # '大二' is a university student as '大三' is: the items for students, not only those for people with roots.
    reply = open_client.post("/api/v1/chat", json={"question": "家在晋江，在外地读大二"}).json()
    assert "青年大学生" in reply["answer"].splitlines()[0], reply["answer"]
    assert "大学生见习培养项目" in reply["answer"], reply["answer"]


@pytest.mark.parametrize(
    "text,item",
    [
        # wanting to learn a trade is the skilled-worker group, however it is said
        ("送外卖的，文化不高，想学门手艺", "技能人才振兴工程"),
        # a kindergarten teacher is a teacher
        ("幼儿园的幼师，工作三年了", "名师名校长名班主任"),
    ],
)
def test_everyday_words_for_a_trade_or_a_teacher_reach_their_programme(
    open_client: TestClient, text: str, item: str
) -> None:
    reply = open_client.post("/api/v1/chat", json={"question": text}).json()
    assert "match" in reply["route"].split("+"), reply["route"]
    assert item in reply["answer"], reply["answer"]


def test_roots_alone_are_said_to_be_what_was_understood(open_client: TestClient) -> None:
    reply = open_client.post("/api/v1/chat", json={"question": "老家是晋江的，在杭州做律师，打算回来"}).json()
    first = reply["answer"].splitlines()[0]
    assert "本地籍" in first and "未识别" not in first, first


def test_a_chapter_for_the_persons_group_names_what_it_sets_up(open_client: TestClient) -> None:
    # The plan serves people from Taiwan in a chapter, not a list row; the chapter's text names the base they can go to.
    reply = open_client.post("/api/v1/chat", json={"question": "老婆是台湾人，我们想来这边找工作"}).json()
    assert "match" in reply["route"].split("+")
    assert "其中：" in reply["answer"] and "青年就业创业示范基地" in reply["answer"], reply["answer"]
