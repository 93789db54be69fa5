"""The project's relational database: SQLite in the data dir by default, PostgreSQL when a URL is configured.

Every store (catalog of documents and chunks, facts, query log, sessions, feedback) declares its tables on
`Base` and receives an `sqlalchemy.Engine` built here; `create_all` is idempotent.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


def make_db_engine(url: str) -> Engine:
    """An engine for `url`; for SQLite, WAL mode and a busy timeout so several workers can share the file."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def create_all(engine: Engine) -> None:
    """Create every table declared on Base (import the store modules first so they are registered)."""
    Base.metadata.create_all(engine)
