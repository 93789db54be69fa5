"""Which items a self-description's reply names, as a person reads it: items that serve who they are, not items
that share a word with them by accident. Texts are our own, not from a bench file."""

from __future__ import annotations

from fastapi.testclient import TestClient


def _chat(client: TestClient, text: str) -> str:
    reply = client.post("/api/v1/chat", json={"question": text}).json()
    assert "match" in reply["route"].split("+"), reply["route"]
    return str(reply["answer"])


def test_a_group_word_inside_an_organisations_name_is_not_an_offer_to_that_group(
    open_client: TestClient,
) -> None:
    # '华侨职业中专…实训基地' is a school's training base, not something for overseas Chinese.
    answer = _chat(open_client, "我是马来西亚华侨，想回来办个企业")
    assert "回归工程" in answer, answer
    assert "华侨职业中专" not in answer, answer
    # '泉州金融控股集团有限公司' co-founds the talent group; the group is not a programme for bankers.
    answer = _chat(open_client, "在银行做信贷经理五年了")
    assert "金融人才专业服务水平提升工程" in answer, answer
    assert "组建成立人才集团" not in answer, answer


def test_what_a_person_asks_for_is_not_read_as_their_trade(open_client: TestClient) -> None:
    # The fund is money the student asks for; they are a student, not someone who works in finance.
    answer = _chat(open_client, "大四在读，打算毕业后自己创业，有没有低息的创业基金？")
    understood = next(line for line in answer.splitlines() if line.startswith("根据您的描述"))
    assert "青年大学生" in understood and "金融人才" not in understood, answer
    assert "金融人才专业服务水平提升工程" not in answer, answer


def test_a_team_with_its_own_project_reaches_the_programme_for_start_up_teams(
    open_client: TestClient,
) -> None:
    # A team bringing a project is what the plan calls a 创新创业团队, though the person never writes the words.
    answer = _chat(open_client, "我们五个人的团队手上有个新能源项目，想找个城市落地")
    assert "高层次创新创业团队“领跑工程”" in answer, answer


def test_planning_to_start_a_company_is_not_read_as_running_one(open_client: TestClient) -> None:
    # Someone who means to open a company is not yet a business leader; the programmes for 企业家 are not theirs.
    answer = _chat(open_client, "在澳洲留学读完硕士，刚回国，打算在晋江开一家设计公司")
    understood = next(line for line in answer.splitlines() if line.startswith("根据您的描述"))
    assert "海外/侨胞" in understood and "企业家" not in understood, answer
    assert "国际化人才“汇智工程”" in answer, answer
    assert "领航工程" not in answer and "回归工程" not in answer, answer
    # Running one still is.
    answer = _chat(open_client, "在晋江开了家五金厂，做了十几年")
    assert "企业家" in next(line for line in answer.splitlines() if line.startswith("根据您的描述")), answer


def test_a_passing_mention_of_the_group_is_not_named_beside_the_programme_named_for_it(
    open_client: TestClient,
) -> None:
    # The science park's project mentions 本硕博 training and a doctoral degree programme; the programme named for
    # doctors (硕博人才“倍增工程”) is the one for a doctor looking for work.
    answer = _chat(open_client, "博士，做新能源电池研究的，想来这边")
    assert "硕博人才“倍增工程”" in answer, answer
    assert "福州大学晋江科教园区建设项目" not in answer, answer
