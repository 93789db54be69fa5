"""The API against a real `chroma run` server (settings.chroma.mode = "http"): the document flow with keys on,
and two workers (two engines and apps) sharing one database and one Chroma server."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from assistant.core.config import ChromaSettings
from tests.conftest import make_settings
from tests.conftest_api import ADMIN, AUTH, NOTICE_TEXT, api_settings, keyed, make_client

pytestmark = [pytest.mark.chroma_server, pytest.mark.slow]

QUESTION = {"question": "青年人才驿站免费住宿最长几天？"}


def http_engine(data_dir: Path, plan_corpus: Path, cache: Path, port: int) -> Any:
    from assistant.ask.engine import Engine

    settings = make_settings(data_dir, plan_corpus, cache, chroma=ChromaSettings(mode="http", port=port))
    engine = Engine(settings)
    engine.start(progress=False, wait_for_vectors=True)
    return engine


def upload(client: Any) -> dict[str, Any]:
    r = client.post("/api/v1/documents", files={"file": ("station.txt", NOTICE_TEXT.encode(), "text/plain")}, headers=ADMIN)
    assert r.status_code == 201, r.text
    return r.json()


def test_upload_ask_delete_ask_with_keys_on_a_chroma_server(
    chroma_server: int, plan_corpus: Path, embedding_cache: Path, tmp_path: Path
) -> None:
    engine = http_engine(tmp_path / "data", plan_corpus, embedding_cache, chroma_server)
    try:
        with make_client(api_settings(engine.settings, tmp_path / "log", **keyed()), engine) as client:
            assert client.post("/api/v1/chat", json=QUESTION).status_code == 401
            doc = upload(client)
            engine.wait_for_vectors(timeout=60)
            found = client.post("/api/v1/search", json={"query": "青年人才驿站 免费住宿"}, headers=AUTH).json()
            assert found["results"][0]["doc_id"] == doc["doc_id"]
            assert "7天" in client.post("/api/v1/chat", json=QUESTION, headers=AUTH).json()["answer"]
            assert client.delete(f"/api/v1/documents/{doc['doc_id']}", headers=ADMIN).status_code == 204
            after = client.post("/api/v1/chat", json=QUESTION, headers=AUTH).json()
            assert "7天" not in after["answer"] and all(c["doc_id"] != doc["doc_id"] for c in after["citations"])
    finally:
        engine.close()


def test_an_upload_through_one_worker_is_answered_by_the_other(
    chroma_server: int, plan_corpus: Path, embedding_cache: Path, tmp_path: Path
) -> None:
    shared = tmp_path / "shared-data"
    first = http_engine(shared, plan_corpus, embedding_cache, chroma_server)
    second = http_engine(shared, plan_corpus, embedding_cache, chroma_server)
    log_dir = tmp_path / "log"
    try:
        with (
            make_client(api_settings(first.settings, log_dir, **keyed()), first) as one,
            make_client(api_settings(second.settings, log_dir, **keyed()), second) as two,
        ):
            assert "7天" not in two.post("/api/v1/chat", json=QUESTION, headers=AUTH).json()["answer"]
            doc = upload(one)
            deadline, answer = time.monotonic() + 10, ""
            while "7天" not in answer and time.monotonic() < deadline:
                answer = two.post("/api/v1/chat", json=QUESTION, headers=AUTH).json()["answer"]
            assert "7天" in answer
            # and a session started on one worker continues on the other
            sid = one.post("/api/v1/chat", json={"question": "博士后工作站现在有几家？"}, headers=AUTH).json()["session_id"]
            follow = two.post("/api/v1/chat", json={"question": "那到2025年呢？", "session_id": sid}, headers=AUTH).json()
            assert follow["session_id"] == sid and "4" in follow["answer"]
            assert two.delete(f"/api/v1/documents/{doc['doc_id']}", headers=ADMIN).status_code == 204
            docs = one.get("/api/v1/documents", headers=ADMIN).json()["documents"]
            assert doc["doc_id"] not in {d["doc_id"] for d in docs}
    finally:
        first.close()
        second.close()
