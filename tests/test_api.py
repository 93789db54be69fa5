"""The HTTP contract (API.md) on the real engine over the plan: answers, sessions, feedback, search, facts,
documents, keys, rate limits, health, metrics, request ids and the unanswered report."""

from __future__ import annotations

import csv
import io
import json
import logging
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest_api import ADMIN, ADMIN_KEY, AUTH, CLIENT_KEY, api_settings, keyed, make_client


def ask(client: TestClient, question: str, **extra: Any) -> dict[str, Any]:
    r = client.post("/api/v1/chat", json={"question": question, **extra}, headers=AUTH)
    assert r.status_code == 200, r.text
    return r.json()


def assert_error(r: Any, status: int, code: str | None = None) -> None:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["message"]
    if code:
        assert body["error"]["code"] == code


# ---------------------------------------------------------------- chat


def test_chat_answers_a_lead_unit_question_with_citations(open_client: TestClient) -> None:
    r = open_client.post("/api/v1/chat", json={"question": "  硕博倍增工程由哪些单位牵头？ "})
    assert r.status_code == 200
    body = r.json()
    assert body["answerable"] is True
    assert "市直涉才部门" in body["answer"]
    assert 0 < body["confidence"] <= 1
    cite = body["citations"][0]
    assert {"id", "doc_id", "title", "section", "page", "quote", "chunk_id"} <= set(cite)
    assert "十四五" in cite["title"] and "市直涉才部门" in " ".join(c["quote"] for c in body["citations"])
    assert body["session_id"] and body["answer_id"]
    assert body["request_id"] == r.headers["x-request-id"]


def test_chat_says_plainly_when_the_documents_do_not_say(open_client: TestClient) -> None:
    body = open_client.post("/api/v1/chat", json={"question": "在晋江买第一套房，博士能拿多少万元购房补贴？"}).json()
    assert body["answerable"] is False
    assert "万元" not in body["answer"] or "未" in body["answer"] or "没有" in body["answer"]


def test_a_returned_session_id_continues_the_conversation_after_a_restart(plan_engine: Any, tmp_path: Path) -> None:
    settings = api_settings(plan_engine.settings, tmp_path / "log")
    with make_client(settings, plan_engine) as first:
        opening = first.post("/api/v1/chat", json={"question": "博士后工作站现在有几家？"}).json()
    with make_client(settings, plan_engine) as restarted:  # same database, new process state
        follow = restarted.post(
            "/api/v1/chat", json={"question": "那到2025年呢？", "session_id": opening["session_id"]}
        ).json()
    assert follow["session_id"] == opening["session_id"]
    assert follow["answerable"] is True
    assert "4" in follow["answer"]
    assert "博士后" in (follow["standalone_question"] or "") + follow["answer"]


def test_an_unknown_session_id_is_404_rather_than_a_follow_up_answered_from_nothing(open_client: TestClient) -> None:
    body = {"question": "那到2025年呢？", "session_id": "gone-123"}
    for path in ("/api/v1/chat", "/api/v1/chat/stream"):
        r = open_client.post(path, json=body)
        assert_error(r, 404, "session_not_found")
        assert "session_id" in r.json()["error"]["message"] and "会话" in r.json()["error"]["message"]
    # Dropping the id starts a new conversation, as the message says.
    fresh = open_client.post("/api/v1/chat", json={"question": "硕博倍增工程谁牵头？"}).json()
    assert fresh["session_id"] and "市直涉才部门" in fresh["answer"]


def test_history_in_the_request_resolves_a_follow_up(open_client: TestClient) -> None:
    history = [
        {"role": "user", "content": "博士后工作站现在有几家？"},
        {"role": "assistant", "content": "2020年博士后工作站有2家。"},
    ]
    body = open_client.post("/api/v1/chat", json={"question": "到2025年呢？", "history": history}).json()
    assert "4" in body["answer"]


# ---------------------------------------------------------------- feedback


def test_feedback_on_an_answer_is_stored_and_unknown_answers_are_404(open_client: TestClient) -> None:
    answer_id = open_client.post("/api/v1/chat", json={"question": "硕博倍增工程谁牵头？"}).json()["answer_id"]
    r = open_client.post("/api/v1/feedback", json={"answer_id": answer_id, "rating": "down", "comment": "太长"})
    assert r.status_code == 201
    assert r.json()["answer_id"] == answer_id
    service = open_client.app.state.service  # type: ignore[attr-defined]
    assert service.store.feedback_for(answer_id) == [("down", "太长")]
    assert_error(open_client.post("/api/v1/feedback", json={"answer_id": "nope", "rating": "up"}), 404, "answer_not_found")
    assert_error(open_client.post("/api/v1/feedback", json={"answer_id": answer_id, "rating": "meh"}), 422)


# ---------------------------------------------------------------- search and facts


def test_search_returns_whole_chunks_best_first(open_client: TestClient) -> None:
    r = open_client.post("/api/v1/search", json={"query": "人才集团", "top_k": 3})
    results = r.json()["results"]
    assert 1 <= len(results) <= 3
    assert [x["score"] for x in results] == sorted((x["score"] for x in results), reverse=True)
    assert "人才集团" in results[0]["text"]
    assert {"chunk_id", "doc_id", "title", "section", "page", "text", "score"} <= set(results[0])


def test_facts_filter_by_kind_and_lead_unit(open_client: TestClient) -> None:
    facts = open_client.get("/api/v1/facts", params={"kind": "programme", "lead_unit": "科技局"}).json()["facts"]
    assert facts and all(f["kind"] == "programme" for f in facts)
    assert all("科技局" in (f["lead_units_text"] or "") for f in facts)
    assert_error(open_client.get("/api/v1/facts", params={"kind": "gossip"}), 422)


# ---------------------------------------------------------------- keys, admin, rate limits


def test_keys_are_required_when_configured_and_health_stays_open(keyed_client: TestClient) -> None:
    q = {"question": "硕博倍增工程谁牵头？"}
    assert_error(keyed_client.post("/api/v1/chat", json=q), 401, "unauthorized")
    assert_error(keyed_client.post("/api/v1/chat", json=q, headers={"Authorization": "Bearer wrong"}), 401)
    assert keyed_client.post("/api/v1/chat", json=q, headers=AUTH).status_code == 200
    assert keyed_client.post("/api/v1/chat", json=q, headers={"X-API-Key": CLIENT_KEY}).status_code == 200
    assert keyed_client.get("/healthz").json() == {"status": "ok"}
    assert keyed_client.get("/readyz").status_code == 200


def test_documents_need_the_admin_key(keyed_client: TestClient) -> None:
    assert_error(keyed_client.get("/api/v1/documents"), 401)
    assert_error(keyed_client.get("/api/v1/documents", headers=AUTH), 401)  # a client key is not enough
    docs = keyed_client.get("/api/v1/documents", headers=ADMIN).json()["documents"]
    assert [d["filename"] for d in docs] == ["jinjiang-talent-plan-2021-2025.txt"]
    assert docs[0]["chunks"] > 100 and docs[0]["doc_id"]


def test_document_admin_is_refused_when_no_admin_key_is_configured(open_client: TestClient) -> None:
    assert_error(open_client.get("/api/v1/documents", headers=ADMIN), 403, "admin_disabled")
    r = open_client.post("/api/v1/documents", files={"file": ("a.txt", "人才".encode(), "text/plain")})
    assert_error(r, 403, "admin_disabled")
    assert_error(open_client.delete("/api/v1/documents/whatever"), 403)


def test_each_key_gets_its_own_rate_limit_with_retry_after(plan_engine: Any, tmp_path: Path) -> None:
    settings = api_settings(plan_engine.settings, tmp_path / "log", **keyed(rate_limit_per_minute=3))
    with make_client(settings, plan_engine) as client:
        for _ in range(3):
            assert client.post("/api/v1/search", json={"query": "人才"}, headers=AUTH).status_code == 200
        limited = client.post("/api/v1/search", json={"query": "人才"}, headers=AUTH)
        assert_error(limited, 429, "rate_limited")
        assert int(limited.headers["retry-after"]) >= 1
        # another caller is not slowed down by the first one
        assert client.get("/api/v1/documents", headers=ADMIN).status_code == 200


# ---------------------------------------------------------------- documents: upload -> ask -> delete -> ask


def test_upload_is_answerable_at_once_and_gone_after_delete(admin_client: TestClient, notice_file: Path) -> None:
    question = {"question": "青年人才驿站免费住宿最长几天？"}
    with notice_file.open("rb") as f:
        r = admin_client.post("/api/v1/documents", files={"file": (notice_file.name, f, "text/plain")}, headers=ADMIN)
    assert r.status_code == 201, r.text
    doc = r.json()
    assert doc["filename"] == notice_file.name and doc["chunks"] >= 1
    # the field names a client relies on, whatever the domain type gains
    assert {"doc_id", "title", "filename", "pages", "chunks", "ingested_at", "doc_number", "issuer", "date",
            "table_rows", "facts"} <= set(doc)  # fmt: skip
    listed = admin_client.get("/api/v1/documents", headers=ADMIN).json()["documents"]
    assert doc["doc_id"] in {d["doc_id"] for d in listed}

    before = admin_client.post("/api/v1/chat", json=question, headers=AUTH).json()
    assert before["answerable"] is True and "7天" in before["answer"]
    assert any(c["doc_id"] == doc["doc_id"] for c in before["citations"])

    assert admin_client.delete(f"/api/v1/documents/{doc['doc_id']}", headers=ADMIN).status_code == 204
    after = admin_client.post("/api/v1/chat", json=question, headers=AUTH).json()
    assert "7天" not in after["answer"]
    assert all(c["doc_id"] != doc["doc_id"] for c in after["citations"])
    assert_error(admin_client.delete(f"/api/v1/documents/{doc['doc_id']}", headers=ADMIN), 404, "document_not_found")


# ---------------------------------------------------------------- health, readiness, metrics, logs


def test_not_ready_until_the_engine_has_started(plan_engine: Any, tmp_path: Path) -> None:
    from assistant.ask.engine import Engine

    settings = api_settings(plan_engine.settings, tmp_path / "log")
    unstarted = Engine(settings.model_copy(update={"data_dir": tmp_path / "fresh"}))
    with make_client(settings, unstarted) as client:
        assert client.get("/healthz").status_code == 200
        assert_error(client.get("/readyz"), 503, "not_ready")
        assert_error(client.post("/api/v1/chat", json={"question": "硕博倍增工程谁牵头？"}), 503, "not_ready")


def test_metrics_count_requests_latency_refusals_and_errors(open_client: TestClient) -> None:
    open_client.post("/api/v1/chat", json={"question": "硕博倍增工程谁牵头？"})
    open_client.post("/api/v1/chat", json={"question": "晋江的博士购房补贴是多少万元？"})
    open_client.post("/api/v1/chat", json={"question": ""})
    text = open_client.get("/metrics").text
    assert 'assistant_http_requests_total{method="POST",route="/api/v1/chat",status="200"} 2' in text
    assert 'assistant_http_request_duration_seconds_count{route="/api/v1/chat"} 3' in text
    assert "assistant_refusals_total 1" in text
    assert 'assistant_errors_total{code="validation_error"} 1' in text


def test_every_reply_has_a_request_id_and_a_json_access_log_without_keys(
    keyed_client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="assistant.access"):
        ok = keyed_client.post("/api/v1/chat", json={"question": "硕博倍增工程谁牵头？"}, headers={**AUTH, "X-Request-ID": "hotline-42"})
        missing = keyed_client.get("/nowhere")
    assert ok.headers["x-request-id"] == "hotline-42" and ok.json()["request_id"] == "hotline-42"
    assert missing.headers["x-request-id"]
    assert_error(missing, 404, "not_found")
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "assistant.access"]
    assert {"request_id": "hotline-42", "status": 200, "route": "/api/v1/chat"}.items() <= lines[0].items()
    assert any(line["status"] == 404 for line in lines)
    assert not any(CLIENT_KEY in r.getMessage() or ADMIN_KEY in r.getMessage() for r in caplog.records)


# ---------------------------------------------------------------- unanswered report


def test_unanswered_report_groups_similar_wordings_with_counts(keyed_client: TestClient) -> None:
    for q in ["博士的购房补贴是多少万元？", "博士的购房补贴有多少万元", "晋江的停车费怎么收？"]:
        keyed_client.post("/api/v1/chat", json={"question": q}, headers=AUTH)
    liked = keyed_client.post("/api/v1/chat", json={"question": "硕博倍增工程谁牵头？"}, headers=AUTH).json()
    keyed_client.post("/api/v1/feedback", json={"answer_id": liked["answer_id"], "rating": "down"}, headers=AUTH)

    assert_error(keyed_client.get("/api/v1/reports/unanswered", headers=AUTH), 401)
    report = keyed_client.get("/api/v1/reports/unanswered", headers=ADMIN).json()
    groups = {g["question"]: g for g in report["groups"]}
    housing = next(g for g in report["groups"] if "购房补贴" in g["question"])
    assert housing["count"] == 2 and housing["refused"] == 2 and len(housing["variants"]) == 2
    assert report["groups"][0] is not None and report["groups"][0]["count"] == 2
    assert groups["硕博倍增工程谁牵头？"]["thumbs_down"] == 1
    assert "硕博倍增工程谁牵头？" in groups and any("停车" in q for q in groups)

    r = keyed_client.get("/api/v1/reports/unanswered", params={"format": "csv"}, headers=ADMIN)
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["question", "count"] and len(rows) == 1 + len(report["groups"])

    past = keyed_client.get(
        "/api/v1/reports/unanswered", params={"start": "2020-01-01", "end": "2020-12-31"}, headers=ADMIN
    ).json()
    assert past["groups"] == []


# ---------------------------------------------------------------- policy matching


def test_match_reads_a_profile_from_free_text_and_cites_the_items(open_client: TestClient) -> None:
    r = open_client.post("/api/v1/match", json={"text": "我是集成电路方向的博士，想来晋江工作"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert "博士" in body["profile"]["talent_kinds"] or body["profile"]["education"] == "博士"
    assert body["matches"] and body["matches"][0]["citations"] and body["answer"]
    assert any("硕博" in m["name"] for m in body["matches"])
    assert_error(open_client.post("/api/v1/match", json={}), 422)
