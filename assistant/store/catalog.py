"""The catalog: which documents are indexed, and their chunks, in the project database.

- `documents` holds one row per document (title, filename, counts, 文号/issuer/date, the file's sha256, the
  source path, when it was ingested); `chunks` holds every chunk's text and place.
- A document and its chunks are added, replaced or deleted in one transaction, so a reader never sees half of
  one.
- `catalog_state.generation` is bumped in that same transaction; a worker that remembers the generation its
  in-memory indexes were built from knows to reload when it changes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import (
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    String,
    Text,
    delete,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from assistant.core.types import Chunk, DocumentInfo
from assistant.store.db import Base


class DocumentRow(Base):
    __tablename__ = "documents"

    doc_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    filename: Mapped[str] = mapped_column(Text)
    pages: Mapped[int | None] = mapped_column(Integer, nullable=True)
    chunks: Mapped[int] = mapped_column(Integer, default=0)
    table_rows: Mapped[int] = mapped_column(Integer, default=0)
    facts: Mapped[int] = mapped_column(Integer, default=0)
    doc_number: Mapped[str | None] = mapped_column(Text, nullable=True)
    issuer: Mapped[str | None] = mapped_column(Text, nullable=True)
    date: Mapped[str | None] = mapped_column(Text, nullable=True)
    file_sha256: Mapped[str] = mapped_column(String(64))
    source_path: Mapped[str | None] = mapped_column(Text, nullable=True, index=True)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ChunkRow(Base):
    __tablename__ = "chunks"

    chunk_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    doc_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("documents.doc_id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(Text)
    filename: Mapped[str] = mapped_column(Text)
    section: Mapped[str] = mapped_column(Text)
    page: Mapped[int | None] = mapped_column(Integer, nullable=True)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    order: Mapped[int] = mapped_column("position", Integer)
    # A chunk's structured fields (a table row's cells, row key and table; a list's items) as one JSON object,
    # so a field added to `Chunk` needs no new column. Nullable: indexes built before it read as empty.
    fields: Mapped[str | None] = mapped_column(Text, nullable=True)


# Chunk fields stored in `ChunkRow.fields` rather than in columns of their own.
_FIELDS = ("cells", "row_key", "table", "items", "intro")


def _chunk_row(chunk: Chunk, doc_id: str) -> ChunkRow:
    data = chunk.model_dump()
    fields = {name: data.pop(name) for name in _FIELDS if name in data}
    return ChunkRow(**{**data, "doc_id": doc_id}, fields=json.dumps(fields, ensure_ascii=False))


def _chunk(row: ChunkRow) -> Chunk:
    base = {c: getattr(row, c) for c in ("chunk_id", "doc_id", "title", "filename", "section", "page", "kind", "text", "order")}
    return Chunk.model_validate({**base, **json.loads(row.fields or "{}")})


def add_missing_columns(engine: Engine) -> None:
    """Indexes created before `fields` existed gain the column (ALTER TABLE ADD COLUMN, SQLite and PostgreSQL)."""
    columns = {c["name"] for c in inspect(engine).get_columns("chunks")}
    if "fields" not in columns:
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE chunks ADD COLUMN fields TEXT"))


class CatalogStateRow(Base):
    __tablename__ = "catalog_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    generation: Mapped[int] = mapped_column(Integer, default=0)


class DocumentRecord(BaseModel):
    """A catalog entry: what the API shows of a document, plus what ingest needs to recognise its file."""

    model_config = ConfigDict(frozen=True)

    info: DocumentInfo
    file_sha256: str = Field(description="sha256 of the file's bytes: an unchanged file is skipped unread")
    source_path: str | None = Field(None, description="Resolved path of the ingested file; None for uploads")


class Catalog:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # ------------------------------------------------------------------ writes

    def replace_document(
        self, record: DocumentRecord, chunks: list[Chunk], *, replaces: Iterable[str] = ()
    ) -> None:
        """Store `record` and its chunks, dropping first the document of the same id and any in `replaces`
        (the earlier version of a changed file), all in one transaction that bumps the generation."""
        info = record.info
        unique = list({c.chunk_id: c for c in chunks}.values())
        with Session(self.engine) as session, session.begin():
            for doc_id in {info.doc_id, *replaces}:
                self._delete(session, doc_id)
            # A row's columns are its domain type's fields, named alike (a field added there needs a column).
            session.add(
                DocumentRow(
                    **{**info.model_dump(), "chunks": len(unique)},
                    file_sha256=record.file_sha256,
                    source_path=record.source_path,
                )
            )
            session.flush()
            session.add_all(_chunk_row(c, info.doc_id) for c in unique)
            self._bump(session)

    def update_source(self, doc_id: str, file_sha256: str, source_path: str | None) -> None:
        """Record that the same content now comes from another file (renamed, or re-saved byte-differently)."""
        with Session(self.engine) as session, session.begin():
            session.execute(
                update(DocumentRow)
                .where(DocumentRow.doc_id == doc_id)
                .values(file_sha256=file_sha256, source_path=source_path)
            )

    def delete_document(self, doc_id: str) -> bool:
        with Session(self.engine) as session, session.begin():
            found = self._delete(session, doc_id)
            if found:
                self._bump(session)
        return found

    @staticmethod
    def _delete(session: Session, doc_id: str) -> bool:
        found = session.get(DocumentRow, doc_id) is not None
        session.execute(delete(ChunkRow).where(ChunkRow.doc_id == doc_id))
        session.execute(delete(DocumentRow).where(DocumentRow.doc_id == doc_id))
        return found

    @staticmethod
    def _bump(session: Session) -> None:
        # an UPDATE of generation + 1, not read-then-write, so two workers writing at once never lose a bump
        bumped = session.execute(
            update(CatalogStateRow)
            .where(CatalogStateRow.id == 1)
            .values(generation=CatalogStateRow.generation + 1)
        )
        if not getattr(bumped, "rowcount", 0):
            session.add(CatalogStateRow(id=1, generation=1))

    # ------------------------------------------------------------------ reads

    def generation(self) -> int:
        with Session(self.engine) as session:
            state = session.get(CatalogStateRow, 1)
            return state.generation if state else 0

    def documents(self) -> list[DocumentInfo]:
        return [r.info for r in self.records()]

    def records(self) -> list[DocumentRecord]:
        with Session(self.engine) as session:
            rows = session.scalars(select(DocumentRow).order_by(DocumentRow.ingested_at, DocumentRow.doc_id))
            return [_record(row) for row in rows]

    def record(self, doc_id: str) -> DocumentRecord | None:
        with Session(self.engine) as session:
            row = session.get(DocumentRow, doc_id)
            return _record(row) if row else None

    def chunks(self, doc_id: str | None = None) -> list[Chunk]:
        """Chunks in reading order, document by document."""
        query = select(ChunkRow).order_by(ChunkRow.doc_id, ChunkRow.order)
        if doc_id is not None:
            query = query.where(ChunkRow.doc_id == doc_id)
        with Session(self.engine) as session:
            return [_chunk(r) for r in session.scalars(query)]

    def chunk_ids(self) -> set[str]:
        with Session(self.engine) as session:
            return set(session.scalars(select(ChunkRow.chunk_id)))


def _record(row: DocumentRow) -> DocumentRecord:
    info = DocumentInfo.model_validate(row, from_attributes=True)
    if info.ingested_at.tzinfo is None:  # SQLite hands back naive datetimes; they were stored as UTC
        info = info.model_copy(update={"ingested_at": info.ingested_at.replace(tzinfo=UTC)})
    return DocumentRecord(info=info, file_sha256=row.file_sha256, source_path=row.source_path)


def now() -> datetime:
    return datetime.now(UTC)
