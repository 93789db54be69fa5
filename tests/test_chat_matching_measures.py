"""Measures a plan writes only in its narrative ('（2）高端中介服务人才引聚工程。一是…') are named in the chat as its
table rows are, when they serve the person. Texts are our own, not from a bench file."""

from __future__ import annotations

from fastapi.testclient import TestClient


def _chat(client: TestClient, text: str) -> str:
    reply = client.post("/api/v1/chat", json={"question": text}).json()
    assert "match" in reply["route"].split("+"), reply["route"]
    return str(reply["answer"])


def test_a_measure_written_only_in_the_narrative_is_named_for_the_person_it_serves(
    open_client: TestClient,
) -> None:
    # The plan's 高端中介服务人才引聚工程 is a numbered measure of its text, in no table: it is what a person running
    # a head-hunting and assessment firm is offered.
    answer = _chat(open_client, "开了一家人力资源服务公司，做人才寻访和测评，想在晋江发展业务")
    assert "高端中介服务人才引聚工程（重点工程）" in answer, answer


def test_a_narrative_measure_for_a_group_a_table_row_serves_is_named_only_for_what_it_says(
    open_client: TestClient,
) -> None:
    # 优师培育工程 (narrative) speaks of 双师型 teachers: named for a vocational teacher who wants to become one …
    answer = _chat(open_client, "在中职学校教汽修，打算考双师型教师")
    assert "优师培育工程" in answer, answer
    # … but not beside the table's programme for teachers for every teacher.
    answer = _chat(open_client, "我是一名小学老师，想调到晋江")
    assert "“名师名校长名班主任”培养工程" in answer, answer
    assert "优师培育工程" not in answer, answer
