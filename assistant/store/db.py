"""The project's relational database: SQLite in the data dir by default, PostgreSQL when a URL is configured.

Every store (catalog of documents and chunks, facts, query log, sessions, feedback) declares its tables on
`Base` and receives an `sqlalchemy.Engine` built here; `create_all` is idempotent.

    db = make_db_engine(settings.db_url)
    with exclusive(db, "ingest-corpus"):   # one process at a time, across workers (and machines on PostgreSQL)
        ...
"""

from __future__ import annotations

import fcntl
import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, Table, create_engine, event, text
from sqlalchemy.orm import DeclarativeBase

# Drivers SQLAlchemy would pick for a bare `postgresql://` URL (psycopg2) are not installed; the `postgres`
# extra installs psycopg 3, so a URL copied from a DBA's note or a PaaS variable works as given.
_POSTGRES_PREFIXES = ("postgresql://", "postgres://")


class Base(DeclarativeBase):
    pass


def normalize_url(url: str) -> str:
    """`postgres://…` and `postgresql://…` mean psycopg 3 here; any other URL is returned unchanged."""
    for prefix in _POSTGRES_PREFIXES:
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def make_db_engine(url: str) -> Engine:
    """An engine for `url`; for SQLite, WAL mode and a busy timeout so several workers can share the file;
    for PostgreSQL, connections checked before use, so a database restart costs one retry, not an error."""
    url = normalize_url(url)
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            # In WAL mode NORMAL never corrupts the file; it only skips the fsync per commit (a power cut may
            # lose the last commits). The query log writes on every answer: FULL made that the slowest stage.
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def create_all(engine: Engine, tables: Sequence[Table] | None = None) -> None:
    """Create the given tables, or every table declared on Base (import the store modules first so they are
    registered). One process at a time: workers starting together on an empty PostgreSQL would otherwise race
    on CREATE TABLE (a unique violation on pg_type) and the loser would never start."""
    with exclusive(engine, "create-tables"):
        Base.metadata.create_all(engine, tables=tables)


@contextmanager
def exclusive(engine: Engine, name: str) -> Iterator[None]:
    """Hold a lock called `name` shared by every process using this database, e.g. so that of N workers
    starting together on an empty database only the first indexes the corpus and the others wait for it.

    PostgreSQL: a session-level advisory lock (works across machines). SQLite: an flock on a file next to the
    database (the workers of one machine, the only ones that can share that file). Other databases: no lock.
    """
    if engine.dialect.name == "postgresql":
        # advisory locks are keyed by a 64-bit integer: a stable hash of the name
        key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
                conn.commit()
    elif engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        lock_path = Path(str(engine.url.database)).with_name(f"{Path(str(engine.url.database)).name}.{name}.lock")
        with lock_path.open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
    else:
        yield
