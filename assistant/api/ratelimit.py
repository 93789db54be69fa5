"""Per-caller rate limit: a token bucket per identity, refilled at `per_minute` tokens a minute.

    limiter = RateLimiter(per_minute, db=make_db_engine(settings.db_url))   # shared by every worker
    limiter = RateLimiter(per_minute)                                        # this process only
    limiter.acquire(identity) -> None (allowed) | seconds to wait

A caller may burst up to `per_minute` requests, then gets `429` with `Retry-After` (whole seconds until one
token is back).

Contract:
- With `db`, buckets live in the `rate_buckets` table of the app's database (SQLite file or PostgreSQL), so N
  uvicorn workers (or N machines on one PostgreSQL) enforce one limit together, not N times it. Taking a token is
  one conditional UPDATE (refill, test and take in a single statement, atomic in both databases), plus an INSERT
  the first time a caller is seen; no lock is held between statements. Times are wall-clock seconds (time.time),
  the one clock all processes share.
- Without `db`, buckets live in this process's memory (tests, a single worker, or `api.rate_limit_shared=false`).
- Callers idle long enough to have a full bucket again are forgotten (the table never grows without bound).
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import cast

from sqlalchemy import Engine, Float, String, Table, case, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from assistant.store.db import Base, create_all

# Callers idle long enough to have a full bucket again are dropped first when the table grows past this.
MAX_TRACKED_CALLERS = 10_000
# A shared table is swept of full (idle) buckets once per this many acquisitions.
_SWEEP_EVERY = 1000


class RateBucketRow(Base):
    __tablename__ = "rate_buckets"

    identity: Mapped[str] = mapped_column(String(200), primary_key=True)
    tokens: Mapped[float] = mapped_column(Float)
    at: Mapped[float] = mapped_column(Float, index=True)


class RateLimiter:
    def __init__(
        self, per_minute: int, clock: Callable[[], float] | None = None, *, db: Engine | None = None
    ) -> None:
        self.per_minute = per_minute
        self.db = db
        self.clock = clock or (time.time if db is not None else time.monotonic)
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # identity -> (tokens, at)
        self._lock = threading.Lock()
        self._db_lock = threading.Lock()
        self._acquired = 0
        if db is not None and per_minute > 0:
            create_all(db, [RateBucketRow.__table__])  # type: ignore[list-item]

    @property
    def shared(self) -> bool:
        return self.db is not None

    def acquire(self, identity: str) -> float | None:
        """Take one token for `identity`: None when allowed, else the seconds to wait before retrying."""
        if self.per_minute <= 0:
            return None
        if self.db is not None:
            # One thread of this process at a time at the database: the others wait here and are woken the moment
            # it is done, instead of each taking SQLite's write lock in turn and sleeping in its busy handler
            # (1, 2, 5, 10 ms ...) whenever another thread holds it.
            with self._db_lock:
                return self._acquire_shared(self.db, identity[:200])
        rate = self.per_minute / 60.0
        now = self.clock()
        with self._lock:
            tokens, at = self._buckets.pop(identity, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + (now - at) * rate)
            allowed = tokens >= 1.0
            if allowed:
                tokens -= 1.0
            self._buckets[identity] = (tokens, now)
            while len(self._buckets) > MAX_TRACKED_CALLERS:
                self._buckets.popitem(last=False)
        return None if allowed else (1.0 - tokens) / rate

    def _acquire_shared(self, db: Engine, identity: str) -> float | None:
        cap = float(self.per_minute)
        rate = cap / 60.0
        now = self.clock()
        t = cast(Table, RateBucketRow.__table__)
        refilled = t.c.tokens + (now - t.c.at) * rate
        level = case((refilled > cap, cap), else_=refilled)
        with db.begin() as conn:
            taken = conn.execute(
                update(t).where(t.c.identity == identity, level >= 1.0).values(tokens=level - 1.0, at=now)
            ).rowcount
        if taken:
            self._maybe_sweep(db, now, cap / rate)
            return None
        try:
            with db.begin() as conn:
                conn.execute(insert(t).values(identity=identity, tokens=cap - 1.0, at=now))
            return None
        except IntegrityError:  # the caller has a bucket: empty, or created by another worker just now
            with db.begin() as conn:
                if conn.execute(
                    update(t).where(t.c.identity == identity, level >= 1.0).values(tokens=level - 1.0, at=now)
                ).rowcount:
                    return None
        with db.connect() as conn:
            row = conn.execute(select(t.c.tokens, t.c.at).where(t.c.identity == identity)).first()
        tokens = min(cap, row.tokens + (now - row.at) * rate) if row is not None else 0.0
        return max(0.0, (1.0 - tokens) / rate)

    def _maybe_sweep(self, db: Engine, now: float, full_after: float) -> None:
        with self._lock:
            self._acquired += 1
            due = self._acquired % _SWEEP_EVERY == 0
        if due:
            t = cast(Table, RateBucketRow.__table__)
            with db.begin() as conn:
                conn.execute(delete(t).where(t.c.at < now - full_after))

    @staticmethod
    def retry_after_header(wait: float) -> str:
        return str(max(1, math.ceil(wait)))
