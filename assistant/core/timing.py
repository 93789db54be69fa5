"""Per-stage timings of one request: where an answer's time went (analysis, facts, retrieval, compose, …).

    with collect_stages() as stages:       # the HTTP middleware opens one per request
        with stage("retrieval"):           # any layer below times a stage; no-op when nothing collects
            ...
    stages.as_ms() -> {"retrieval": 3.1, …}

Contract:
- Stages add up per name (a compound question runs retrieval twice: one "retrieval" figure, the sum).
- The collector lives in a context variable holding a mutable object, so work that Starlette runs in its thread
  pool (which copies the context) still records into the request's collector.
- Without an open collector `stage` only costs a context-variable lookup.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# The stages an answer reports, in the order they run.
STAGES = ("analysis", "facts", "retrieval", "compose", "llm", "suggestions", "log_write")


class StageTimes:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds

    def as_ms(self) -> dict[str, float]:
        return {k: round(v * 1000, 2) for k, v in self.seconds.items()}


_current: ContextVar[StageTimes | None] = ContextVar("assistant_stage_times", default=None)


@contextmanager
def collect_stages() -> Iterator[StageTimes]:
    times = StageTimes()
    token = _current.set(times)
    try:
        yield times
    finally:
        _current.reset(token)


@contextmanager
def stage(name: str) -> Iterator[None]:
    times = _current.get()
    if times is None:
        yield
        return
    started = time.perf_counter()
    try:
        yield
    finally:
        times.add(name, time.perf_counter() - started)


def current_stages() -> StageTimes | None:
    return _current.get()
