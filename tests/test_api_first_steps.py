"""What a newcomer meets first, on the real app: `/` leads to the UI (or the API docs), the start-up log says
where they are, `/readyz` tells how far the vector fill has got, unknown sessions are 404, and every
validation error is a Chinese message that names the field, documented with its shape in the OpenAPI schema."""

from __future__ import annotations

import logging
import re
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import UI_PATH, create_app
from assistant.core.config import EmbedderSettings
from assistant.core.protocols import EmbedKind
from assistant.store.embeddings import make_embedder
from tests.conftest import make_settings
from tests.conftest_api import NOTICE_TEXT, api_settings, make_client

HAN = re.compile(r"[\u4e00-\u9fff]")


def error_of(r: Any, status: int, code: str) -> str:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and body["error"]["code"] == code, body
    message = body["error"]["message"]
    assert HAN.search(message) and "should" not in message and "Field required" not in message, message
    return str(message)


# ---------------------------------------------------------------- the front door


def test_home_redirects_to_the_api_docs_when_no_ui_is_mounted(open_client: TestClient) -> None:
    r = open_client.get("/", follow_redirects=False)
    assert r.status_code in (302, 307) and r.headers["location"] == "/docs"
    assert open_client.get("/").status_code == 200  # the docs page itself


def test_home_redirects_to_the_ui_when_it_is_mounted(plan_engine: Any, tmp_path: Path) -> None:
    import gradio as gr

    from assistant.ui.blocks import build_ui

    settings = api_settings(plan_engine.settings, tmp_path / "log")
    app = create_app(settings, plan_engine)
    app = gr.mount_gradio_app(app, build_ui(app.state.service, settings), path=UI_PATH)
    with TestClient(app) as client:
        r = client.get("/", follow_redirects=False)
        assert r.status_code in (302, 307) and r.headers["location"] == "/ui"
        assert client.get("/").status_code == 200  # lands on the Gradio page


def test_the_start_up_log_says_where_the_ui_and_the_api_docs_are(
    plan_engine: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(api_settings(plan_engine.settings, tmp_path / "log"), plan_engine)
    app.state.base_url = "http://127.0.0.1:8000"  # what server.py sets from --host/--port
    with caplog.at_level(logging.INFO, logger="assistant.api"), TestClient(app):
        pass
    said = " ".join(r.getMessage() for r in caplog.records)
    assert "http://127.0.0.1:8000/docs" in said
    assert "/ui" in said  # where `python server.py` serves the UI


# ---------------------------------------------------------------- readiness and the vector fill


class GatedEmbedder:
    """The real embedder, held after its first passage batch until the test opens the gate, so the test can
    look at /readyz while the fill is half done."""

    def __init__(self) -> None:
        self.inner = make_embedder(EmbedderSettings())
        self.name, self.dim = self.inner.name, self.inner.dim
        self.waiting = threading.Event()
        self.gate = threading.Event()
        self.batches = 0

    def embed(self, texts: list[str], kind: EmbedKind) -> list[list[float]]:
        if kind == "passage":
            self.batches += 1
            if self.batches > 1:
                self.waiting.set()
                self.gate.wait(timeout=120)
        return self.inner.embed(texts, kind)


def test_readyz_tells_the_vector_fill_progress_until_complete(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from assistant.ask.engine import Engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "notice.txt").write_text(
        NOTICE_TEXT
        + "\n三、服务内容\n驿站提供求职指导和政策咨询服务。\n\n四、申请方式\n通过线上平台提交申请。\n",
        encoding="utf-8",
    )
    # An empty passage cache of its own, so every batch really reaches the (gated) embedder.
    settings = make_settings(tmp_path / "data", corpus, tmp_path / "cache.sqlite").model_copy(
        update={"embedder": EmbedderSettings(cache_path=tmp_path / "cache.sqlite", batch_size=2)}
    )
    embedder = GatedEmbedder()
    engine = Engine(settings, embedder=embedder)
    try:
        with caplog.at_level(logging.INFO):
            engine.start(progress=False)  # vectors fill in the background
            with make_client(api_settings(settings, tmp_path / "log"), engine) as client:
                assert embedder.waiting.wait(timeout=120), "the fill never reached its second batch"
                total = len(engine.chunks())
                assert total > 2
                halfway = client.get("/readyz")
                assert halfway.status_code == 200
                assert halfway.json() == {"status": "ready", "vectors": f"filling 2/{total}"}
                # BM25 answers while the vectors fill.
                assert client.post("/api/v1/search", json={"query": "青年人才驿站"}).json()["results"]
                embedder.gate.set()
                engine.wait_for_vectors()
                assert client.get("/readyz").json() == {"status": "ready", "vectors": "complete"}
        lines = [r.getMessage() for r in caplog.records]
        assert any(f"vectors filling 0/{total}" in line for line in lines)
        assert any(f"vectors complete: {total}/{total}" in line for line in lines)
    finally:
        embedder.gate.set()
        engine.close()


def test_an_app_that_starts_its_own_engine_reports_complete_vectors(
    tmp_path: Path, plan_corpus: Path, embedding_cache: Path
) -> None:
    settings = make_settings(tmp_path / "data", plan_corpus, embedding_cache)
    with TestClient(create_app(settings)) as client:  # the lifespan starts the engine in the background
        seen: list[str] = []
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            r = client.get("/readyz")
            if r.status_code == 200:
                seen.append(r.json()["vectors"])
                if seen[-1] == "complete":
                    break
            time.sleep(0.2)
        assert seen and seen[-1] == "complete", seen
        assert all(re.fullmatch(r"pending|filling|filling \d+/\d+|complete", v) for v in seen), seen


# ---------------------------------------------------------------- sessions


def test_an_unknown_session_is_404_in_chinese_on_chat_and_stream(open_client: TestClient) -> None:
    for path in ("/api/v1/chat", "/api/v1/chat/stream"):
        r = open_client.post(path, json={"question": "那到2025年呢？", "session_id": "never-issued-1"})
        assert "session_id" in error_of(r, 404, "session_not_found")


# ---------------------------------------------------------------- validation messages


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"question": ""}, "question：长度至少为 1 个字符"),
        ({"question": "   "}, "question：长度至少为 1 个字符"),
        ({"question": "人" * 501}, "question：长度不能超过 500 个字符"),
        ({"question": 42}, "question：应为字符串"),
        ({}, "question：缺少必填字段"),
        ({"question": "人才", "top_k": 0}, "top_k：不能小于 1"),
        ({"question": "人才", "top_k": 51}, "top_k：不能大于 50"),
        ({"question": "人才", "top_k": "many"}, "top_k：应为整数"),
        ({"question": "人才", "history": "earlier"}, "history：应为数组"),
        (
            {"question": "人才", "history": [{"role": "system", "content": "x"}]},
            "history.0.role：取值只能是 'user' 或 'assistant'",
        ),
        ({"question": "人才", "history": [{"role": "user"}]}, "history.0.content：缺少必填字段"),
        ([1, 2, 3], "请求体：应为 JSON 对象"),
    ],
)
def test_validation_errors_are_chinese_and_name_the_field(
    open_client: TestClient, body: Any, expected: str
) -> None:
    for path in ("/api/v1/chat", "/api/v1/chat/stream"):
        assert error_of(open_client.post(path, json=body), 422, "validation_error") == expected


def test_a_search_query_is_named_as_the_field_it_is(open_client: TestClient) -> None:
    r = open_client.post("/api/v1/search", json={"query": "", "top_k": 5})
    assert error_of(r, 422, "validation_error") == "query：长度至少为 1 个字符"


def test_bad_json_and_a_missing_body_are_told_in_chinese(open_client: TestClient) -> None:
    broken = open_client.post(
        "/api/v1/chat", content='{"question": "人才'.encode(), headers={"content-type": "application/json"}
    )
    assert error_of(broken, 422, "invalid_json").startswith("请求体不是合法的 JSON")
    assert error_of(open_client.post("/api/v1/chat"), 422, "validation_error").startswith("缺少请求体")


def test_a_wrong_method_is_told_in_chinese(open_client: TestClient) -> None:
    assert "GET" in error_of(open_client.get("/api/v1/chat"), 405, "method_not_allowed")


# ---------------------------------------------------------------- the API docs


def test_the_openapi_schema_shows_the_error_shape_for_error_responses(open_client: TestClient) -> None:
    spec = open_client.get("/openapi.json").json()
    shape = spec["components"]["schemas"]["ErrorResponse"]
    assert shape["properties"]["error"]["$ref"].endswith("/ErrorDetail")
    assert set(spec["components"]["schemas"]["ErrorDetail"]["required"]) == {"code", "message"}
    assert (
        "HTTPValidationError" not in spec["components"]["schemas"]
    )  # FastAPI's own 422 shape is not what we send
    for path, ops in spec["paths"].items():
        if not path.startswith("/api/v1/"):
            continue
        for method, op in ops.items():
            for status in ("404", "422"):
                ref = op["responses"][status]["content"]["application/json"]["schema"]["$ref"]
                assert ref.endswith("/ErrorResponse"), (method, path, status)
    ready = spec["paths"]["/readyz"]["get"]["responses"]
    assert ready["503"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
    ready_schema = ready["200"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert "vectors" in spec["components"]["schemas"][ready_schema]["properties"]
    assert "session_not_found" in spec["paths"]["/api/v1/chat"]["post"]["responses"]["404"]["description"]


def test_documents_uploaded_while_vectors_fill_get_their_vectors_too(tmp_path: Path) -> None:
    """Two uploads while the start-up fill is still running: once it ends, every chunk of both has a vector, so
    dense retrieval is not left switched off (it joins only when every chunk has one)."""
    from assistant.ask.engine import Engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "notice.txt").write_text(NOTICE_TEXT, encoding="utf-8")
    settings = make_settings(tmp_path / "data", corpus, tmp_path / "cache.sqlite").model_copy(
        update={"embedder": EmbedderSettings(cache_path=tmp_path / "cache.sqlite", batch_size=1)}
    )
    embedder = GatedEmbedder()
    engine = Engine(settings, embedder=embedder)
    try:
        engine.start(progress=False)  # the fill runs in the background and stops at its second batch
        assert embedder.waiting.wait(timeout=120), "the fill never reached its second batch"
        for name, text in (
            ("one.txt", "一、租房补贴\n博士每月补贴2000元。\n"),
            ("two.txt", "一、购房补贴\n硕士补贴10万元。\n"),
        ):
            path = tmp_path / name
            path.write_text(f"测试用虚构文件{name}\n{text}", encoding="utf-8")
            engine.add_document(path, name)
        embedder.gate.set()
        engine.wait_for_vectors(timeout=120)  # the one fill thread goes round until nothing is left
        assert engine.vectors.count() == len(engine.chunks())
        assert engine.vector_status() == "complete"
    finally:
        embedder.gate.set()
        engine.close()
