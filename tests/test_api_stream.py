"""`/api/v1/chat/stream`: SSE delta events then a done event holding the same reply `/api/v1/chat` gives,
with the extractive composer and with an LLM (a fake chat model answering from a queue)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest_api import api_settings, make_client
from tests.fakes import FakeChatModel

VOLATILE = {"answer_id", "request_id", "latency_ms", "session_id"}


def read_events(text: str) -> list[tuple[str, Any]]:
    events = []
    for block in text.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((fields["event"], json.loads(fields["data"])))
    return events


def stream(client: TestClient, body: dict[str, Any]) -> list[tuple[str, Any]]:
    with client.stream("POST", "/api/v1/chat/stream", json=body) as r:
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/event-stream")
        return read_events(r.read().decode("utf-8"))


def stable(reply: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in reply.items() if k not in VOLATILE}


def test_deltas_then_done_with_the_same_reply_as_chat(open_client: TestClient) -> None:
    events = stream(open_client, {"question": "硕博倍增工程谁牵头？"})
    kinds = [e for e, _ in events]
    assert kinds[-1] == "done" and set(kinds[:-1]) == {"delta"} and len(kinds) > 2
    done = events[-1][1]
    assert "".join(d["text"] for _, d in events[:-1]) == done["answer"]
    assert done["citations"] and done["answer_id"] and done["session_id"]
    plain = open_client.post("/api/v1/chat", json={"question": "硕博倍增工程谁牵头？"}).json()
    assert stable(done) == stable(plain)


def test_the_stream_continues_a_session(open_client: TestClient) -> None:
    sid = stream(open_client, {"question": "博士后工作站现在有几家？"})[-1][1]["session_id"]
    done = stream(open_client, {"question": "那到2025年呢？", "session_id": sid})[-1][1]
    assert done["session_id"] == sid and "4" in done["answer"]


def test_bad_requests_fail_before_the_stream_starts(open_client: TestClient) -> None:
    r = open_client.post("/api/v1/chat/stream", json={"question": "   "})
    assert r.status_code == 422 and r.json()["error"]["code"] == "validation_error"


@pytest.fixture(scope="module")
def llm_engine(tmp_path_factory: pytest.TempPathFactory, plan_corpus: Path, embedding_cache: Path) -> Iterator[Any]:
    from assistant.ask.engine import Engine
    from tests.conftest import make_settings

    model = FakeChatModel()
    engine = Engine(make_settings(tmp_path_factory.mktemp("llm-data"), plan_corpus, embedding_cache), chat_model=model)
    engine.start(progress=False, wait_for_vectors=True)
    yield engine
    engine.close()


# A question the fact tables do not answer, so it goes to retrieval and the LLM writes the answer.
OPEN_QUESTION = "晋江打算怎样发挥人才集团的作用？"


def test_with_an_llm_stream_and_chat_give_the_same_answer(llm_engine: Any, tmp_path: Path) -> None:
    llm_engine.generator.chat_model.replies[:] = ["人才集团通过平台连接国内外高端人才[1]。"] * 2
    with make_client(api_settings(llm_engine.settings, tmp_path / "log"), llm_engine) as client:
        plain = client.post("/api/v1/chat", json={"question": OPEN_QUESTION}).json()
        done = stream(client, {"question": OPEN_QUESTION})[-1][1]
    assert plain["generator"] == "llm" and plain["fallback_reason"] is None
    assert plain["answer"] == "人才集团通过平台连接国内外高端人才[1]。"
    assert stable(done) == stable(plain)


def test_an_llm_that_invents_a_number_is_replaced_by_the_extractive_answer(llm_engine: Any, tmp_path: Path) -> None:
    llm_engine.generator.chat_model.replies[:] = ["人才集团每年发放补贴3000万元[1]。", "根据来源[9]，人才集团很重要。"]
    with make_client(api_settings(llm_engine.settings, tmp_path / "log"), llm_engine) as client:
        invented = client.post("/api/v1/chat", json={"question": OPEN_QUESTION}).json()
        done = stream(client, {"question": OPEN_QUESTION})[-1][1]
    for reply in (invented, done):
        assert reply["generator"] == "extractive" and reply["fallback_reason"]
        assert "3000" not in reply["answer"] and "[9]" not in reply["answer"]
