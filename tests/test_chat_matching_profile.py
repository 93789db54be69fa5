"""Who a self-description says the person is, as a hotline worker reads it: part-time and retired experts are
flexible talent, a 高级工程师 holds a title (not a skill grade), someone who says they started their own business
runs one. Texts are our own, not from a bench file."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def _reply(client: TestClient, text: str) -> tuple[str, str]:
    reply = client.post("/api/v1/chat", json={"question": text}).json()
    assert "match" in reply["route"].split("+"), reply["route"]
    answer = str(reply["answer"])
    understood = next(line for line in answer.splitlines() if line.startswith("根据您的描述"))
    return understood, answer


@pytest.mark.parametrize(
    "text",
    [
        "退休前在化工厂当总工，厂里想返聘我再干几年",
        "在厦门的研究所上班，周末可以来这边兼职搞技术合作",
    ],
)
def test_part_time_and_retired_experts_are_flexible_talent(open_client: TestClient, text: str) -> None:
    # 柔性引才 (兼职, 顾问, 退休返聘) is how talent policies reach people who do not move here full-time.
    understood, answer = _reply(open_client, text)
    assert "柔性人才" in understood, answer
    assert "柔性人才“扩容工程”" in answer, answer


def test_a_senior_engineer_is_not_read_as_a_skill_grade(open_client: TestClient) -> None:
    # '高级工' (a skill grade) is not read inside '高级工程师' (a professional title).
    understood, answer = _reply(open_client, "高级工程师，在一家建材企业做研发十来年了")
    assert "技能人才" not in understood, answer
    assert "科技人才" in understood, answer


def test_someone_who_started_their_own_business_runs_one(open_client: TestClient) -> None:
    understood, answer = _reply(open_client, "大学毕业后自己创业，做包装设计，团队现在十几个人")
    assert "企业家" in understood, answer
    assert "战略企业家发展“领航工程”" in answer, answer
    # a plan to start one is still not running one
    understood, answer = _reply(open_client, "在读研三，打算毕业后回老家创业")
    assert "企业家" not in understood, answer


def test_what_the_person_means_to_learn_is_not_their_trade(open_client: TestClient) -> None:
    # A nurse who wants to learn about social work is a nurse; 社会工作 is what she means to learn.
    understood, answer = _reply(open_client, "在卫生院当护士，想多学点社会工作方面的知识")
    assert "卫生人才" in understood and "社工人才" not in understood, answer


def test_a_first_degree_of_someone_at_work_is_not_a_students_status(open_client: TestClient) -> None:
    # A 本科 held by someone who names their workplace is their education: not the group of students and
    # new graduates.
    understood, answer = _reply(open_client, "本科学历，在一家医院的药剂科当药师")
    assert "青年大学生" not in understood and "卫生人才" in understood, answer
    assert "大学生见习培养项目" not in answer, answer
    # still a student while interning at a company
    understood, answer = _reply(open_client, "本科在读，暑假在一家公司实习")
    assert "青年大学生" in understood, answer


def test_a_description_naming_a_programme_it_took_part_in_still_describes_the_asker(
    open_client: TestClient,
) -> None:
    # The other clauses say who the asker is; the programme's words say what they did or aim for.
    reply = open_client.post(
        "/api/v1/chat", json={"question": "在镇卫生院当护士，参加过卫生人才孵化提升，还能再报吗？"}
    ).json()
    assert "match" in reply["route"].split("+"), reply
    assert "根据您的描述（卫生人才）" in reply["answer"], reply["answer"]
    # Naming a programme and nothing of oneself still asks about the programme.
    reply = open_client.post("/api/v1/chat", json={"question": "名校长培养那个工程，是哪个部门牵头的？"}).json()
    assert "match" not in reply["route"].split("+"), reply
    assert "教育局" in reply["answer"], reply["answer"]


def test_a_country_named_as_where_one_lives_reads_overseas(open_client: TestClient) -> None:
    # Someone who says they worked or grew up in another country is overseas talent, though they never write 海外.
    understood, answer = _reply(open_client, "在澳洲做了十年软件工程师，这两年想回来发展")
    assert "海外/侨胞" in understood, answer
    assert "国际化人才“汇智工程”" in answer, answer
