"""Per-caller rate limit: a token bucket per identity, refilled at `per_minute` tokens a minute.

A caller may burst up to `per_minute` requests, then gets `429` with `Retry-After` (whole seconds until one
token is back). Buckets live in this worker's memory: with N workers the effective limit is up to N times the
setting, which is the usual trade-off for not needing a shared store.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

# Callers idle long enough to have a full bucket again are dropped first when the table grows past this.
MAX_TRACKED_CALLERS = 10_000


class RateLimiter:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # identity -> (tokens, at)
        self._lock = threading.Lock()

    def acquire(self, identity: str) -> float | None:
        """Take one token for `identity`: None when allowed, else the seconds to wait before retrying."""
        if self.per_minute <= 0:
            return None
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

    @staticmethod
    def retry_after_header(wait: float) -> str:
        return str(max(1, math.ceil(wait)))
