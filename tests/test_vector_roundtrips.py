"""Requests to a `chroma run` server per question: with several workers every vector-store call is an HTTP round
trip to the one Chroma server they share, so a retrieval question must cost one query there, not a count before
and a count inside it as well; and vectors another worker adds must still be used as soon as they are in."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from assistant.core.config import ChromaSettings
from tests.conftest import make_settings
from tests.conftest_api import NOTICE_TEXT

pytestmark = [pytest.mark.chroma_server, pytest.mark.slow]


class CountingCollection:
    """The real Chroma collection, with a tally of the calls that go to the server."""

    def __init__(self, inner: Any, calls: Counter[str]) -> None:
        self._inner = inner
        self._calls = calls

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._inner, name)
        if not callable(attr):
            return attr

        def call(*args: Any, **kwargs: Any) -> Any:
            self._calls[name] += 1
            return attr(*args, **kwargs)

        return call


def http_engine(data_dir: Path, plan_corpus: Path, cache: Path, port: int) -> Any:
    from assistant.ask.engine import Engine

    settings = make_settings(data_dir, plan_corpus, cache, chroma=ChromaSettings(mode="http", port=port))
    engine = Engine(settings)
    engine.start(progress=False, wait_for_vectors=True)
    return engine


def counted(engine: Any) -> Counter[str]:
    calls: Counter[str] = Counter()
    engine.vectors._collection = CountingCollection(engine.vectors.collection, calls)
    return calls


def test_repeated_searches_cost_one_chroma_request_each(
    chroma_server: int, plan_corpus: Path, embedding_cache: Path, tmp_path: Path
) -> None:
    engine = http_engine(tmp_path / "data", plan_corpus, embedding_cache, chroma_server)
    try:
        calls = counted(engine)
        queries = [
            "人才住房保障有哪些措施",
            "怎样推动产学研合作",
            "引进高层次人才的举措",
            "人才服务体系怎么建设",
        ]
        results = [engine.search(q, top_k=5) for q in queries]
        assert all(any(h.dense_rank is not None for h in hits) for hits in results), (
            "dense retrieval was used"
        )
        assert calls["query"] == len(queries)
        # Before: two counts per search (is dense ready? how many to ask for?), i.e. three requests per search.
        assert calls["count"] <= 1, calls
    finally:
        engine.close()


def test_vectors_another_worker_adds_are_used_at_once(
    chroma_server: int, plan_corpus: Path, embedding_cache: Path, tmp_path: Path
) -> None:
    shared = tmp_path / "shared-data"
    first = http_engine(shared, plan_corpus, embedding_cache, chroma_server)
    second = http_engine(shared, plan_corpus, embedding_cache, chroma_server)
    try:
        second.search("青年人才驿站 免费住宿", top_k=3)  # the second worker has counted the vectors just now
        path = tmp_path / "station.txt"
        path.write_text(NOTICE_TEXT, encoding="utf-8")
        info = first.add_document(path, "station.txt")
        first.wait_for_vectors(timeout=60)
        hits = second.search("青年人才驿站 免费住宿", top_k=3)
        assert hits[0].chunk.doc_id == info.doc_id
        # Its remembered count is too low for the new snapshot, so it counted again and used the new vectors.
        assert any(h.dense_rank is not None and h.chunk.doc_id == info.doc_id for h in hits)
    finally:
        first.close()
        second.close()
