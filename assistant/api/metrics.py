"""Prometheus metrics in the text exposition format.

    metrics = make_metrics()    # MultiprocessMetrics when PROMETHEUS_MULTIPROC_DIR is set, else Metrics

    assistant_http_requests_total{method,route,status}     counter
    assistant_http_request_duration_seconds{route}         histogram
    assistant_answers_total{generator}                     counter: answers given
    assistant_refusals_total                               counter: answers with answerable=false
    assistant_llm_fallbacks_total                          counter: LLM answers replaced by the extractive one
    assistant_errors_total{code}                           counter: error responses by error code
    assistant_stage_duration_seconds{stage}                histogram: where answers spend their time
                                                           (analysis, facts, retrieval, compose, llm,
                                                           suggestions, log_write; `assistant.core.timing`)

`Metrics` keeps the figures in this worker's memory: right for one worker, wrong behind several (each scrape
reaches one worker and sees its share). With `PROMETHEUS_MULTIPROC_DIR` set (scripts/serve.sh --workers N does),
`MultiprocessMetrics` writes every observation through prometheus_client's multiprocess mode to files in that
directory, and `/metrics` on any worker sums all workers' files: the figures are the service's, whichever worker
answers the scrape. The directory must be emptied before the workers start (serve.sh does).

`route` is the route's path template (`/api/v1/documents/{doc_id}`), or `unmatched`, so a scan of random URLs
cannot grow the label set without bound.
"""

from __future__ import annotations

import os
import threading
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

# Seconds. Extractive answers take tens of milliseconds; LLM answers and uploads take seconds.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
# Stages of one answer take from well under a millisecond (facts) to seconds (an LLM call).
STAGE_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0)
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"


def make_metrics() -> Metrics | MultiprocessMetrics:
    """Shared across workers when PROMETHEUS_MULTIPROC_DIR names a directory, this worker's own otherwise."""
    return MultiprocessMetrics() if os.environ.get(MULTIPROC_ENV) else Metrics()


def _labels(**labels: str) -> str:
    def esc(v: str) -> str:
        return v.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')

    return "{" + ",".join(f'{k}="{esc(v)}"' for k, v in labels.items()) + "}" if labels else ""


def _observe(
    counts: dict[str, list[int]], sums: dict[str, float], key: str, seconds: float, buckets: tuple[float, ...]
) -> None:
    """One observation into a histogram kept as cumulative bucket counts (the last one is +Inf) and a sum."""
    series = counts.setdefault(key, [0] * (len(buckets) + 1))
    for i, bound in enumerate(buckets):
        if seconds <= bound:
            series[i] += 1
    series[-1] += 1  # +Inf
    sums[key] += seconds


def _histogram(
    name: str, label: str, counts: Mapping[str, list[int]], sums: Mapping[str, float], buckets: tuple[float, ...]
) -> list[str]:
    """Exposition lines of a histogram with one label: each value's buckets, +Inf, sum and count."""
    out = []
    for key, series in sorted(counts.items()):
        for bound, n in zip(buckets, series, strict=False):
            out.append(f"{name}_bucket{_labels(**{label: key, 'le': str(bound)})} {n}")
        out.append(f"{name}_bucket{_labels(**{label: key, 'le': '+Inf'})} {series[-1]}")
        out.append(f"{name}_sum{_labels(**{label: key})} {sums[key]:.6f}")
        out.append(f"{name}_count{_labels(**{label: key})} {series[-1]}")
    return out


class Metrics:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: dict[tuple[str, str, str], int] = defaultdict(int)
        self.latency_counts: dict[str, list[int]] = {}
        self.latency_sum: dict[str, float] = defaultdict(float)
        self.answers: dict[str, int] = defaultdict(int)
        self.refusals = 0
        self.fallbacks = 0
        self.errors: dict[str, int] = defaultdict(int)
        self.stage_counts: dict[str, list[int]] = {}
        self.stage_sum: dict[str, float] = defaultdict(float)

    def observe_stages(self, stages: Mapping[str, float]) -> None:
        """One answer's stage durations in seconds."""
        with self._lock:
            for stage, seconds in stages.items():
                _observe(self.stage_counts, self.stage_sum, stage, seconds, STAGE_BUCKETS)

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        with self._lock:
            self.requests[(method, route, str(status))] += 1
            _observe(self.latency_counts, self.latency_sum, route, seconds, LATENCY_BUCKETS)

    def observe_answer(self, answerable: bool, generator: str, fallback_reason: str | None) -> None:
        with self._lock:
            self.answers[generator] += 1
            self.refusals += not answerable
            self.fallbacks += fallback_reason is not None

    def count_error(self, code: str) -> None:
        with self._lock:
            self.errors[code] += 1

    def render(self) -> str:
        with self._lock:
            out = [
                "# HELP assistant_http_requests_total HTTP requests by method, route and status.",
                "# TYPE assistant_http_requests_total counter",
            ]
            for (method, route, status), n in sorted(self.requests.items()):
                out.append(
                    f"assistant_http_requests_total{_labels(method=method, route=route, status=status)} {n}"
                )
            out += [
                "# HELP assistant_http_request_duration_seconds Request latency.",
                "# TYPE assistant_http_request_duration_seconds histogram",
            ]
            out += _histogram(
                "assistant_http_request_duration_seconds", "route", self.latency_counts, self.latency_sum,
                LATENCY_BUCKETS,
            )  # fmt: skip
            out += ["# HELP assistant_answers_total Answers given.", "# TYPE assistant_answers_total counter"]
            for generator, n in sorted(self.answers.items()):
                out.append(f"assistant_answers_total{_labels(generator=generator)} {n}")
            out += [
                "# HELP assistant_refusals_total Answers saying the documents do not say.",
                "# TYPE assistant_refusals_total counter",
                f"assistant_refusals_total {self.refusals}",
                "# HELP assistant_llm_fallbacks_total LLM answers replaced by the extractive answer.",
                "# TYPE assistant_llm_fallbacks_total counter",
                f"assistant_llm_fallbacks_total {self.fallbacks}",
                "# HELP assistant_errors_total Error responses by error code.",
                "# TYPE assistant_errors_total counter",
            ]
            for code, n in sorted(self.errors.items()):
                out.append(f"assistant_errors_total{_labels(code=code)} {n}")
            out += [
                "# HELP assistant_stage_duration_seconds Time answers spend in each stage.",
                "# TYPE assistant_stage_duration_seconds histogram",
            ]
            out += _histogram(
                "assistant_stage_duration_seconds", "stage", self.stage_counts, self.stage_sum, STAGE_BUCKETS
            )
        return "\n".join(out) + "\n"


class MultiprocessMetrics(Metrics):
    """The same metrics through prometheus_client's multiprocess mode: each worker writes its observations to
    files in PROMETHEUS_MULTIPROC_DIR, and `render` on any worker reads and sums every worker's files."""

    def __init__(self) -> None:
        from prometheus_client import Counter, Histogram

        # registry=None: in multiprocess mode the values live in the directory's files, not in a registry, and
        # a second app in one process (tests) must not collide on names.
        self._requests = Counter(
            "assistant_http_requests", "HTTP requests by method, route and status.",
            ["method", "route", "status"], registry=None,
        )  # fmt: skip
        self._latency = Histogram(
            "assistant_http_request_duration_seconds", "Request latency.", ["route"],
            buckets=LATENCY_BUCKETS, registry=None,
        )  # fmt: skip
        self._answers = Counter("assistant_answers", "Answers given.", ["generator"], registry=None)
        self._refusals = Counter(
            "assistant_refusals", "Answers saying the documents do not say.", registry=None
        )
        self._fallbacks = Counter(
            "assistant_llm_fallbacks", "LLM answers replaced by the extractive answer.", registry=None
        )
        self._errors = Counter("assistant_errors", "Error responses by error code.", ["code"], registry=None)
        self._stages = Histogram(
            "assistant_stage_duration_seconds", "Time answers spend in each stage.", ["stage"],
            buckets=STAGE_BUCKETS, registry=None,
        )  # fmt: skip

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        self._requests.labels(method, route, str(status)).inc()
        self._latency.labels(route).observe(seconds)

    def observe_answer(self, answerable: bool, generator: str, fallback_reason: str | None) -> None:
        self._answers.labels(generator).inc()
        if not answerable:
            self._refusals.inc()
        if fallback_reason is not None:
            self._fallbacks.inc()

    def count_error(self, code: str) -> None:
        self._errors.labels(code).inc()

    def observe_stages(self, stages: Mapping[str, float]) -> None:
        for stage, seconds in stages.items():
            self._stages.labels(stage).observe(seconds)

    def render(self) -> str:
        from prometheus_client import CollectorRegistry, generate_latest, multiprocess

        registry: Any = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry).decode("utf-8")
