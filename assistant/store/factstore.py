"""The fact store: typed facts in the project's relational database, replaced per document.

    store = FactStore(db_engine)                # creates its tables if missing
    store.replace_document(doc_id, facts)       # atomic: a document's old facts go, the new ones come in
    store.delete_document(doc_id)
    store.query(kind=None, lead_unit=None, q=None, limit=100) -> list[Fact]
    store.all() -> list[Fact]

A fact is stored as one row: the columns the API filters on, plus the whole `Fact` as JSON so that a field
added to `Fact` later needs no migration. Lead units live in a child table so that `lead_unit=人社局` finds
co-led items exactly (no substring false hits such as 人社局 inside 市人社局培训中心).
"""

from __future__ import annotations

from sqlalchemy import Engine, ForeignKey, Index, String, Text, delete, or_, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from assistant.core.types import Fact
from assistant.store.db import Base, create_all


class FactRow(Base):
    __tablename__ = "facts"

    fact_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(128), index=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    name: Mapped[str] = mapped_column(Text)
    group: Mapped[str | None] = mapped_column("grp", Text, nullable=True)
    content: Mapped[str | None] = mapped_column(Text, nullable=True)
    position: Mapped[int] = mapped_column(default=0, doc="Order of the fact within its document")
    payload: Mapped[str] = mapped_column(Text, doc="The whole Fact as JSON")


class FactUnitRow(Base):
    __tablename__ = "fact_lead_units"
    __table_args__ = (Index("ix_fact_lead_units_unit", "unit"),)

    fact_id: Mapped[str] = mapped_column(ForeignKey("facts.fact_id", ondelete="CASCADE"), primary_key=True)
    unit: Mapped[str] = mapped_column(String(128), primary_key=True)


class FactStore:
    """Facts of every ingested document, in the database given by `engine`."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        create_all(engine, tables=[FactRow.__table__, FactUnitRow.__table__])  # type: ignore[list-item]

    def replace_document(self, doc_id: str, facts: list[Fact]) -> None:
        """Swap a document's facts in one transaction: readers see the old set or the new one, never half."""
        # Two rows with the same id (the same table row seen twice) would break the primary key; keep the first.
        unique = list({f.fact_id: f for f in reversed(facts)}.values())[::-1]
        with Session(self._engine) as session, session.begin():
            self._delete(session, doc_id)
            for position, fact in enumerate(unique):
                if fact.doc_id != doc_id:
                    raise ValueError(f"fact {fact.fact_id} belongs to {fact.doc_id}, not {doc_id}")
                session.add(
                    FactRow(
                        fact_id=fact.fact_id,
                        doc_id=doc_id,
                        kind=fact.kind,
                        name=fact.name,
                        group=fact.group,
                        content=fact.content,
                        position=position,
                        payload=fact.model_dump_json(),
                    )
                )
            session.flush()
            for fact in unique:
                for unit in dict.fromkeys(fact.lead_units):
                    session.add(FactUnitRow(fact_id=fact.fact_id, unit=unit))

    def delete_document(self, doc_id: str) -> None:
        with Session(self._engine) as session, session.begin():
            self._delete(session, doc_id)

    @staticmethod
    def _delete(session: Session, doc_id: str) -> None:
        ids = select(FactRow.fact_id).where(FactRow.doc_id == doc_id)
        session.execute(delete(FactUnitRow).where(FactUnitRow.fact_id.in_(ids)))
        session.execute(delete(FactRow).where(FactRow.doc_id == doc_id))

    def query(
        self,
        kind: str | None = None,
        lead_unit: str | None = None,
        q: str | None = None,
        limit: int = 100,
    ) -> list[Fact]:
        """Facts filtered by kind, by a lead unit (exact unit name, co-led included) and by a substring `q`
        of the name, group, content or lead units; in document order."""
        stmt = select(FactRow.payload)
        if kind:
            stmt = stmt.where(FactRow.kind == kind)
        if lead_unit:
            units = select(FactUnitRow.fact_id).where(FactUnitRow.unit == lead_unit.strip())
            stmt = stmt.where(FactRow.fact_id.in_(units))
        if q and q.strip():
            like = f"%{q.strip()}%"
            stmt = stmt.where(
                or_(
                    FactRow.name.like(like),
                    FactRow.group.like(like),
                    FactRow.content.like(like),
                    FactRow.payload.like(like),
                )
            )
        stmt = stmt.order_by(FactRow.doc_id, FactRow.position).limit(max(0, limit))
        with Session(self._engine) as session:
            return [Fact.model_validate_json(p) for p in session.scalars(stmt)]

    def all(self, doc_id: str | None = None) -> list[Fact]:
        """Every fact (or one document's), document by document in reading order."""
        stmt = select(FactRow.payload).order_by(FactRow.doc_id, FactRow.position)
        if doc_id is not None:
            stmt = stmt.where(FactRow.doc_id == doc_id)
        with Session(self._engine) as session:
            return [Fact.model_validate_json(p) for p in session.scalars(stmt)]

    def count(self, doc_id: str | None = None) -> int:
        """Number of facts, of one document or of all."""
        stmt = select(FactRow.fact_id)
        if doc_id:
            stmt = stmt.where(FactRow.doc_id == doc_id)
        with Session(self._engine) as session:
            return len(session.scalars(stmt).all())
