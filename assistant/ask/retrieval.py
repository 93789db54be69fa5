"""Retrievers: query -> ranked `ScoredChunk`s, each carrying the scores and ranks that put it there.

- `BM25Retriever(index, chunks)`: jieba-token BM25; serves as soon as the catalog is loaded.
- `DenseRetriever(store, chunks)`: cosine similarity of e5 vectors in Chroma. `ready()` is False while the
  vectors are still being filled (fewer vectors than chunks), and on a Chroma error.
- `HybridRetriever(bm25, dense, …)`: weighted reciprocal-rank fusion of the two; dense is skipped while not
  ready, so a fresh start answers from BM25 at once. `as_langchain(k)` wraps it as a LangChain `BaseRetriever`.

All three satisfy `protocols.Retriever` and only return chunks present in the snapshot's `chunks` map, so a
vector left over from a deleted document is never served.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.ask.wording import with_kin
from assistant.core.protocols import Retriever
from assistant.core.types import Chunk, ScoredChunk
from assistant.store.bm25 import BM25Index
from assistant.store.vectors import VectorStore

log = logging.getLogger(__name__)


def fuse_ranks(
    rankings: Sequence[Sequence[str]], weights: Sequence[float], k: int = 60
) -> list[tuple[str, float]]:
    """Weighted reciprocal-rank fusion: score(d) = sum_i w_i / (k + rank_i(d)), ranks 1-based.

    Cormack, Clarke & Buettcher, "Reciprocal Rank Fusion outperforms Condorcet and individual Rank Learning
    Methods", SIGIR 2009: k = 60 damps the head of each list so that one retriever's first place cannot
    outvote agreement lower down. Ties keep the order of first appearance (earlier rankings first)."""
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        if weight <= 0:
            continue
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda kv: -kv[1])


def prefer_stating(
    hits: list[ScoredChunk], states: Callable[[Chunk], bool], weight: float, k: int = 60
) -> list[ScoredChunk]:
    """The hits re-ranked with a second ranking, of the hits that state the kind of value asked (an age, an
    address, an amount), fused by reciprocal rank: a passage that states the asked kind of value about the subject
    outranks one that only names the subject. The hits' own order breaks ties and orders the second list."""
    stating = [h.chunk.chunk_id for h in hits if states(h.chunk)]
    if not stating or weight <= 0:
        return hits
    by_id = {h.chunk.chunk_id: h for h in hits}
    fused = fuse_ranks([[h.chunk.chunk_id for h in hits], stating], [1.0, weight], k=k)
    return [by_id[cid].model_copy(update={"score": score}) for cid, score in fused]


class BM25Retriever:
    def __init__(self, index: BM25Index, chunks: Mapping[str, Chunk]) -> None:
        self.index = index
        self.chunks = chunks

    def retrieve(self, query: str, k: int) -> list[ScoredChunk]:
        hits = [(cid, s) for cid, s in self.index.search(query, k + 10) if cid in self.chunks][:k]
        return [
            ScoredChunk(chunk=self.chunks[cid], score=score, bm25_score=score, bm25_rank=rank)
            for rank, (cid, score) in enumerate(hits, start=1)
        ]


class DenseRetriever:
    def __init__(self, store: VectorStore, chunks: Mapping[str, Chunk]) -> None:
        self.store = store
        self.chunks = chunks

    def ready(self) -> bool:
        """True when every chunk of the snapshot has a vector (the background fill has finished)."""
        try:
            return bool(self.chunks) and self.store.recent_count(at_least=len(self.chunks)) >= len(self.chunks)
        except Exception:  # a Chroma server that is down must not take BM25 down with it
            log.warning("vector store unavailable; dense retrieval skipped", exc_info=True)
            return False

    def retrieve(self, query: str, k: int) -> list[ScoredChunk]:
        try:
            hits = self.store.query(query, k + 10)
        except Exception:
            log.warning("dense query failed; returning no dense results", exc_info=True)
            return []
        hits = [(cid, s) for cid, s in hits if cid in self.chunks][:k]
        return [
            ScoredChunk(chunk=self.chunks[cid], score=sim, dense_score=sim, dense_rank=rank)
            for rank, (cid, sim) in enumerate(hits, start=1)
        ]


class HybridRetriever:
    def __init__(
        self,
        bm25: BM25Retriever,
        dense: DenseRetriever | None,
        *,
        bm25_weight: float = 1.0,
        dense_weight: float = 1.0,
        rrf_k: int = 60,
        candidates: int = 30,
    ) -> None:
        self.bm25 = bm25
        self.dense = dense
        self.bm25_weight = bm25_weight
        self.dense_weight = dense_weight
        self.rrf_k = rrf_k
        self.candidates = candidates

    def retrieve(self, query: str, k: int) -> list[ScoredChunk]:
        depth = max(k, self.candidates)
        # the keyword index matches words: '买房' also looks for the 购房 a document writes
        lexical = self.bm25.retrieve(with_kin(query), depth) if self.bm25_weight > 0 else []
        use_dense = self.dense is not None and self.dense_weight > 0 and self.dense.ready()
        semantic = self.dense.retrieve(query, depth) if use_dense and self.dense is not None else []
        by_id: dict[str, dict[str, Any]] = {}
        for hit in lexical:
            by_id.setdefault(hit.chunk.chunk_id, {"chunk": hit.chunk}).update(
                bm25_score=hit.bm25_score, bm25_rank=hit.bm25_rank
            )
        for hit in semantic:
            by_id.setdefault(hit.chunk.chunk_id, {"chunk": hit.chunk}).update(
                dense_score=hit.dense_score, dense_rank=hit.dense_rank
            )
        fused = fuse_ranks(
            [[h.chunk.chunk_id for h in lexical], [h.chunk.chunk_id for h in semantic]],
            [self.bm25_weight, self.dense_weight],
            k=self.rrf_k,
        )
        return [ScoredChunk(score=score, **by_id[cid]) for cid, score in fused[:k]]

    def as_langchain(self, k: int = 5) -> LangChainRetriever:
        return LangChainRetriever(retriever=self, k=k)


class LangChainRetriever(BaseRetriever):
    """Any `protocols.Retriever` as a LangChain retriever: Documents whose metadata carry the chunk's place
    (doc_id, title, section, page, chunk_id) and its scores, for use in LCEL chains."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    retriever: Retriever
    k: int = 5

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return [to_document(hit) for hit in self.retriever.retrieve(query, self.k)]


def to_document(hit: ScoredChunk) -> Document:
    c = hit.chunk
    return Document(
        page_content=c.text,
        id=c.chunk_id,
        metadata={
            "chunk_id": c.chunk_id,
            "doc_id": c.doc_id,
            "title": c.title,
            "filename": c.filename,
            "section": c.section,
            "page": c.page,
            "kind": c.kind,
            "score": hit.score,
            "bm25_score": hit.bm25_score,
            "dense_score": hit.dense_score,
            "bm25_rank": hit.bm25_rank,
            "dense_rank": hit.dense_rank,
        },
    )
