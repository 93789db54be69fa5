"""Snapshots: what one worker keeps in memory to answer from, built from one generation of the shared stores.

    builder = SnapshotBuilder(catalog, fact_store)
    snap = builder.build(previous=None) -> Snapshot     # the first build reads and tokenizes every document
    snap = builder.build(previous=snap) -> Snapshot     # later builds read and tokenize only what changed
    snap.titles -> (title by doc_id, whole text by doc_id)
    snap.following -> chunk id -> the chunks after it in its document (for enumerations that run on)
    snap.tables    -> (doc id, table name) -> the table's rows in reading order (for lists asked of a table)
    snap.sections  -> (doc id, section) -> the first passage of each sub-section (for lists asked of a section)
    snap.addresses -> each document's articles, parts, items and annexes (for cross-references it makes to itself)

Contract:
- A `Snapshot` is immutable: the engine swaps a new one in with one assignment, so a query never sees a
  half-indexed document. `generation` is the catalog's counter it was built from.
- An upload costs its own document: documents are read from the database again only when their version (file
  hash, ingest time) changed, and only chunks not tokenized before are tokenized (`SnapshotBuilder.tokens`
  keeps each chunk's BM25 tokens across snapshots). When new chunks teach the tokenizer new domain terms, the
  known chunks holding one are tokenized again, so they are cut as a full rebuild would cut them.
- What is derived from a whole snapshot (places, industries, titles, following chunks) is derived once per
  snapshot, never per question.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from assistant.ask import enumerations, matching, section_lists
from assistant.ask.crossrefs import Addresses
from assistant.ask.entities import EntityIndex
from assistant.core.types import Chunk, Fact
from assistant.store.bm25 import BM25Index, index_text, learn_domain_terms
from assistant.store.catalog import Catalog
from assistant.store.factstore import FactStore
from assistant.text.tokens import domain_terms, fold, tokenize_zh


@dataclass(frozen=True)
class Snapshot:
    """Everything a query reads from memory, built together from one generation of the shared stores."""

    generation: int
    chunks: dict[str, Chunk]
    bm25: BM25Index
    entities: EntityIndex
    facts: list[Fact]
    # Derived once per snapshot, not per question: both would otherwise walk every chunk or fact each time.
    places: list[str] = field(default_factory=list)
    industries: list[str] = field(default_factory=list)

    @cached_property
    def titles(self) -> tuple[dict[str, str], dict[str, str]]:
        """Each indexed document's title and whole text, by doc_id."""
        titles: dict[str, str] = {}
        texts: dict[str, list[str]] = {}
        for c in self.chunks.values():
            titles[c.doc_id] = c.title
            texts.setdefault(c.doc_id, []).append(c.text)
        return titles, {d: "\n".join(parts) for d, parts in texts.items()}

    @cached_property
    def tables(self) -> dict[tuple[str, str], list[Chunk]]:
        """Each table's rows in reading order, by (doc_id, table name): a list asked of a table needs all of them."""
        tables: dict[tuple[str, str], list[Chunk]] = {}
        for chunk in self.chunks.values():
            if chunk.kind == "table_row" and chunk.table:
                tables.setdefault((chunk.doc_id, chunk.table), []).append(chunk)
        for rows in tables.values():
            rows.sort(key=lambda c: c.order)
        return tables

    @cached_property
    def sections(self) -> dict[tuple[str, str], list[Chunk]]:
        """(doc_id, section) -> the first passage of each of its sub-sections (for lists asked of a section)."""
        return section_lists.children_of(list(self.chunks.values()))

    @cached_property
    def addresses(self) -> Addresses:
        """Each document's addressable units (第X条, '一、总则' and their items, 附件N): what '符合本办法第三条规定' names."""
        return Addresses.build(list(self.chunks.values()))

    @cached_property
    def following(self) -> dict[str, list[Chunk]]:
        """Each chunk's next chunks in its document (up to `enumerations.CONTINUATION_CHUNKS`): an enumeration
        introduced at the end of one chunk continues in the next ones."""
        by_doc: dict[str, list[Chunk]] = {}
        for chunk in self.chunks.values():
            by_doc.setdefault(chunk.doc_id, []).append(chunk)
        following: dict[str, list[Chunk]] = {}
        for chunks in by_doc.values():
            chunks.sort(key=lambda c: c.order)
            for i, chunk in enumerate(chunks):
                following[chunk.chunk_id] = chunks[i + 1 : i + 1 + enumerations.CONTINUATION_CHUNKS]
        return following


class SnapshotBuilder:
    """Builds snapshots of one worker, remembering what it read and tokenized for the next build."""

    def __init__(self, catalog: Catalog, fact_store: FactStore) -> None:
        self.catalog = catalog
        self.fact_store = fact_store
        self.tokens: dict[str, list[str]] = {}  # chunk id -> its BM25 tokens, kept across snapshots
        # doc id -> (version, chunks, facts) as last read from the stores, kept across snapshots
        self._read: dict[str, tuple[tuple[str, str], list[Chunk], list[Fact]]] = {}

    def build(self, previous: Snapshot | None = None) -> Snapshot:
        """The snapshot of the stores as they are now; `previous` lends its entity entries for unchanged facts."""
        generation = self.catalog.generation()
        chunks: dict[str, Chunk] = {}
        facts: list[Fact] = []
        for doc_chunks, doc_facts in self._documents_read():
            chunks.update((c.chunk_id, c) for c in doc_chunks)
            facts.extend(doc_facts)
        return Snapshot(
            generation=generation,
            chunks=chunks,
            bm25=self._bm25_for(chunks),
            entities=EntityIndex.build(facts, previous=previous.entities if previous else None),
            facts=facts,
            places=matching.home_places({c.title for c in chunks.values()}),
            industries=[f.name for f in facts if f.kind == "industry_need"],
        )

    def _documents_read(self) -> list[tuple[list[Chunk], list[Fact]]]:
        """Each document's chunks and facts in the stores' order (by doc id), read from the database only for
        documents this worker has not read in that version before: an upload reads the new document alone."""
        cache: dict[str, tuple[tuple[str, str], list[Chunk], list[Fact]]] = {}
        out = []
        for record in sorted(self.catalog.records(), key=lambda r: r.info.doc_id):
            doc_id = record.info.doc_id
            version = (record.file_sha256, record.info.ingested_at.isoformat())
            known = self._read.get(doc_id)
            if known is None or known[0] != version:
                known = (version, self.catalog.chunks(doc_id), self.fact_store.all(doc_id))
            cache[doc_id] = known
            out.append((known[1], known[2]))
        self._read = cache
        return out

    def _bm25_for(self, chunks: dict[str, Chunk]) -> BM25Index:
        """BM25 over `chunks`, tokenizing only chunks this worker has not tokenized before (an upload costs its
        own chunks, not the corpus). When the new chunks teach the tokenizer new domain terms, the known chunks
        that contain one are tokenized again, so they are cut as a full rebuild would cut them."""
        known = self.tokens
        fresh = [c for cid, c in chunks.items() if cid not in known]
        before = domain_terms()
        learn_domain_terms(fresh)
        if new_terms := domain_terms() - before:
            for cid in [cid for cid in known if cid in chunks]:
                text = fold(index_text(chunks[cid]))
                if any(term in text for term in new_terms):
                    fresh.append(chunks[cid])
        tokens = {cid: t for cid, t in known.items() if cid in chunks}
        tokens.update({c.chunk_id: tokenize_zh(index_text(c)) for c in fresh})
        self.tokens = tokens
        ids = list(chunks)
        return BM25Index.from_tokens(ids, [tokens[cid] for cid in ids])
