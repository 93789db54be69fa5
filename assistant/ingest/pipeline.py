"""Ingest: files -> parsed documents -> catalog (documents, chunks) + fact store + vectors.

    ingestor = open_ingestor(settings)
    ingestor.ingest_paths([Path("corpus")], progress=True, prune=True) -> IngestSummary
    ingestor.fill_vectors(progress=True)          embed the chunks that have no vector yet
    ingestor.fill_vectors(on_progress=fill)       fill = FillProgress(); fill.describe() -> "filling 120/270"

- Idempotent and incremental: a file whose bytes hash is already recorded for its path is skipped unread; a
  changed file replaces its old document (chunks, facts, vectors); `prune=True` drops documents whose files are
  gone from the folders given; `rebuild=True` starts from empty.
- A file is parsed completely (loader, tables, chunks, facts) before anything is written, so a file that fails
  to parse leaves the index exactly as it was.
- Facts are written before the catalog, because the catalog's transaction bumps the generation other workers
  watch; vectors are filled afterwards (dense retrieval waits for them, BM25 does not).
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine
from tqdm import tqdm

from assistant.core.config import Settings
from assistant.core.protocols import Embedder
from assistant.core.types import Chunk, DocumentInfo, Fact
from assistant.ingest.chunking import chunk_document
from assistant.ingest.facts import extract_facts
from assistant.ingest.loaders import load_document
from assistant.ingest.structure import extract_tables
from assistant.store.catalog import Catalog, DocumentRecord, add_missing_columns, now
from assistant.store.db import create_all, make_db_engine
from assistant.store.embeddings import CachedEmbedder, make_embedder
from assistant.store.factstore import FactStore
from assistant.store.vectors import VectorStore

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".pdf", ".docx"})


class FillProgress:
    """How far a vector fill has got, fed by `fill_vectors(on_progress=…)` and read from any thread (/readyz).

    `describe()` is "pending" before a fill reports, "filling 120/270" (chunks with a vector / all chunks)
    while it runs, "complete" once every chunk has one, "failed 120/270" when it stopped on an error (BM25
    still answers; the next start tries again). A log line marks the start, each quarter and the end."""

    def __init__(self) -> None:
        self.done = self.total = 0
        self.state = "pending"

    def begin(self) -> None:
        self.state = "filling"
        self.done = self.total = 0

    def __call__(self, done: int, total: int) -> None:
        quarter_before = self.done * 4 // self.total if self.total else -1
        first = self.state != "filling" or not self.total
        self.done, self.total = done, total
        if done >= total:
            if self.state != "complete":
                log.info("vectors complete: %d/%d chunks embedded", done, total)
            self.state = "complete"
            return
        self.state = "filling"
        if first or done * 4 // total > quarter_before:
            log.info("vectors filling %d/%d (dense retrieval joins BM25 once complete)", done, total)

    def fail(self) -> None:
        self.state = "failed"

    def describe(self) -> str:
        if self.state in ("filling", "failed") and self.total:
            return f"{self.state} {self.done}/{self.total}"
        return self.state


class IngestSummary(BaseModel):
    model_config = ConfigDict(frozen=True)

    documents: int = Field(0, description="Documents added or replaced in this run")
    pages: int = Field(0, description="Pages of those documents (paged formats only)")
    chunks: int = 0
    table_rows: int = 0
    facts: int = 0
    skipped: int = Field(
        0, description="Files unchanged since the last run, or duplicates of indexed content"
    )
    removed: int = Field(
        0, description="Documents dropped (file gone, with prune; or everything, with rebuild)"
    )
    vectors: int = Field(0, description="Chunks embedded in this run (set by the CLI after fill_vectors)")
    seconds: float = 0.0

    def describe(self) -> str:
        return (
            f"documents {self.documents} | pages {self.pages} | chunks {self.chunks} | "
            f"table rows {self.table_rows} | facts {self.facts} | vectors {self.vectors} | "
            f"skipped {self.skipped} | removed {self.removed} | {self.seconds:.1f} s"
        )


@dataclass(frozen=True)
class Parsed:
    """A file fully parsed, not yet written anywhere."""

    record: DocumentRecord
    chunks: list[Chunk]
    facts: list[Fact]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Supported files under `paths` (files as given, folders walked), resolved, sorted, without duplicates."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            # a folder's README describes the folder; it is not one of the documents
            found.update(
                p.resolve()
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and p.stem.upper() != "README"
            )
        elif path.is_file():
            found.add(path.resolve())
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")
    return sorted(found)


class Ingestor:
    def __init__(
        self,
        settings: Settings,
        db_engine: Engine,
        vector_store: VectorStore,
        fact_store: FactStore,
        catalog: Catalog,
    ) -> None:
        self.settings = settings
        self.db = db_engine
        self.vectors = vector_store
        self.facts = fact_store
        self.catalog = catalog
        # one writer at a time per process: an upload and a background fill must not interleave their deletes
        self._write_lock = threading.RLock()

    # ------------------------------------------------------------------ parsing (no side effects)

    def parse(self, path: Path, filename: str | None = None, *, source_path: str | None = None) -> Parsed:
        """Load, structure, chunk and extract facts from one file. Raises `errors.*` on a bad file."""
        doc = load_document(path, filename)
        tables = extract_tables(doc)
        chunks = chunk_document(doc, chunk_chars=self.settings.chunk_chars)
        facts = extract_facts(doc, tables, chunks)
        info = DocumentInfo(
            doc_id=doc.doc_id,
            title=doc.meta.title,
            filename=doc.filename,
            pages=doc.pages,
            chunks=len({c.chunk_id for c in chunks}),
            ingested_at=now(),
            doc_number=doc.meta.doc_number,
            issuer=doc.meta.issuer,
            date=doc.meta.date,
            table_rows=sum(len(t.rows) for t in tables),
            facts=len(facts),
        )
        record = DocumentRecord(info=info, file_sha256=file_sha256(path), source_path=source_path)
        return Parsed(record=record, chunks=chunks, facts=facts)

    # ------------------------------------------------------------------ writing

    def _store(self, parsed: Parsed, replaces: Iterable[str] = ()) -> None:
        doc_id = parsed.record.info.doc_id
        old = [d for d in replaces if d != doc_id]
        with self._write_lock:
            for stale in old:
                self.facts.delete_document(stale)
            self.facts.replace_document(doc_id, parsed.facts)
            self.catalog.replace_document(parsed.record, parsed.chunks, replaces=old)
            for stale in old:
                self._delete_vectors(stale)
            # vectors of this doc's chunks that no longer exist (a changed file keeps its doc_id only if its
            # text is unchanged, so this is for safety after an interrupted run)
            keep = {c.chunk_id for c in parsed.chunks}
            self._delete_vectors(doc_id, keep=keep)

    def _delete_vectors(self, doc_id: str, keep: set[str] | None = None) -> None:
        try:
            if keep is None:
                self.vectors.delete_doc(doc_id)
            else:
                got = self.vectors.collection.get(where={"doc_id": doc_id}, include=[])["ids"]
                stale = [cid for cid in got if cid not in keep]
                if stale:
                    self.vectors.delete(stale)
        except Exception:  # the catalog is the truth; fill_vectors drops orphans on its next run
            log.warning("could not delete vectors of %s", doc_id, exc_info=True)

    def delete(self, doc_id: str) -> bool:
        """Remove a document's chunks, facts and vectors. Returns False when it was not indexed."""
        with self._write_lock:
            self.facts.delete_document(doc_id)
            found = self.catalog.delete_document(doc_id)
            self._delete_vectors(doc_id)
        return found

    def add_file(self, path: Path, filename: str) -> DocumentInfo:
        """Index an uploaded file. It is parsed completely first: a bad file raises and changes nothing.
        An upload with the same filename as an earlier upload replaces it; identical content is kept once."""
        parsed = self.parse(path, filename)
        with self._write_lock:  # two uploads of the same file at once: the second sees the first
            existing = self.catalog.record(parsed.record.info.doc_id)
            if existing is not None:
                return existing.info
            same_name = [
                r.info.doc_id
                for r in self.catalog.records()
                if r.source_path is None and r.info.filename == filename
            ]
            self._store(parsed, replaces=same_name)
            return parsed.record.info

    def ingest_paths(
        self, paths: Iterable[Path], *, progress: bool = True, rebuild: bool = False, prune: bool = False
    ) -> IngestSummary:
        """Index the supported files under `paths`. See the module docstring for what is skipped or replaced."""
        started = time.perf_counter()
        paths = list(paths)
        files = find_files(paths)
        removed = 0
        if rebuild:
            for record in self.catalog.records():
                removed += self.delete(record.info.doc_id)
        by_source = {r.source_path: r for r in self.catalog.records() if r.source_path}
        totals = {"documents": 0, "pages": 0, "chunks": 0, "table_rows": 0, "facts": 0, "skipped": 0}
        for path in tqdm(files, desc="parsing", unit="file", disable=not progress or not files):
            source = str(path)
            sha = file_sha256(path)
            known = by_source.get(source)
            if known is not None and known.file_sha256 == sha:
                totals["skipped"] += 1
                continue
            parsed = self.parse(path, path.name, source_path=source)
            info = parsed.record.info
            same = self.catalog.record(info.doc_id)
            if same is not None:
                # same text as an indexed document (re-saved file, or a copy elsewhere): nothing to re-index
                if (
                    same.source_path == source
                    or same.source_path is None
                    or not Path(same.source_path).exists()
                ):
                    self.catalog.update_source(info.doc_id, sha, source)
                totals["skipped"] += 1
                continue
            self._store(parsed, replaces=[known.info.doc_id] if known else [])
            totals["documents"] += 1
            totals["pages"] += info.pages or 0
            totals["chunks"] += info.chunks
            totals["table_rows"] += info.table_rows
            totals["facts"] += info.facts
        if prune:
            removed += self._prune([p.resolve() for p in paths if p.is_dir()], set(map(str, files)))
        return IngestSummary(**totals, removed=removed, seconds=time.perf_counter() - started)

    def _prune(self, folders: list[Path], present: set[str]) -> int:
        removed = 0
        for record in self.catalog.records():
            src = record.source_path
            if src is None or src in present:
                continue
            inside = any(Path(src).is_relative_to(folder) for folder in folders)
            if inside and not Path(src).exists():
                removed += self.delete(record.info.doc_id)
        return removed

    # ------------------------------------------------------------------ vectors

    def fill_vectors(
        self,
        progress: bool = True,
        stop: threading.Event | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Embed every catalogued chunk that has no vector yet (and drop vectors no chunk owns any more).
        Stops between batches when `stop` is set; calls `on_progress(chunks with a vector, all chunks)` before
        the first batch and after each. Returns how many chunks were embedded."""
        chunks = self.catalog.chunks()
        wanted = {c.chunk_id for c in chunks}
        have = self.vectors.ids()
        orphans = sorted(have - wanted)
        if orphans:
            self.vectors.delete(orphans)
        todo = [c for c in chunks if c.chunk_id not in have]
        report = on_progress or (lambda done, total: None)
        report(len(chunks) - len(todo), len(chunks))
        if not todo:
            return 0
        batch = self.settings.embedder.batch_size
        done = 0
        with tqdm(total=len(todo), desc="embedding", unit="chunk", disable=not progress) as bar:
            for start in range(0, len(todo), batch):
                if stop is not None and stop.is_set():
                    break
                part = todo[start : start + batch]
                # a document deleted while we embed must not come back as orphan vectors
                current = self.catalog.chunk_ids()
                live = [c for c in part if c.chunk_id in current]
                self.vectors.upsert(live)
                done += len(live)
                bar.update(len(part))
                report(len(chunks) - len(todo) + min(start + batch, len(todo)), len(chunks))
        return done


def open_ingestor(
    settings: Settings, *, embedder: Embedder | None = None, chroma_client: Any | None = None
) -> Ingestor:
    """An Ingestor on the stores `settings` describe (database, Chroma, embedder with its passage cache);
    `embedder` and `chroma_client` replace the ones settings would build."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    db = make_db_engine(settings.db_url)
    catalog = Catalog(db)
    facts = FactStore(db)
    create_all(db)
    add_missing_columns(db)
    cached = CachedEmbedder(
        embedder or make_embedder(settings.embedder),
        settings.embedder.cache_path or settings.data_dir / "embeddings.sqlite",
    )
    return Ingestor(settings, db, VectorStore(settings, cached, client=chroma_client), facts, catalog)


def run(settings: Settings, paths: list[Path], *, rebuild: bool = False, prune: bool = True) -> IngestSummary:
    """What `python ingest.py` does: index, embed with a progress bar, and return the summary."""
    started = time.perf_counter()
    ingestor = open_ingestor(settings)
    try:
        summary = ingestor.ingest_paths(paths, progress=True, rebuild=rebuild, prune=prune)
        vectors = ingestor.fill_vectors(progress=True)
    finally:
        ingestor.db.dispose()
    return summary.model_copy(update={"vectors": vectors, "seconds": time.perf_counter() - started})
