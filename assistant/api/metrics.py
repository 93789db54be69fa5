"""Prometheus metrics in the text exposition format, kept in this worker's memory.

    assistant_http_requests_total{method,route,status}     counter
    assistant_http_request_duration_seconds{route}         histogram
    assistant_answers_total{generator}                     counter: answers given
    assistant_refusals_total                               counter: answers with answerable=false
    assistant_llm_fallbacks_total                          counter: LLM answers replaced by the extractive one
    assistant_errors_total{code}                           counter: error responses by error code

`route` is the route's path template (`/api/v1/documents/{doc_id}`), or `unmatched`, so a scan of random URLs
cannot grow the label set without bound.
"""

from __future__ import annotations

import threading
from collections import defaultdict

# Seconds. Extractive answers take tens of milliseconds; LLM answers and uploads take seconds.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


def _labels(**labels: str) -> str:
    def esc(v: str) -> str:
        return v.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')

    return "{" + ",".join(f'{k}="{esc(v)}"' for k, v in labels.items()) + "}" if labels else ""


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

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        with self._lock:
            self.requests[(method, route, str(status))] += 1
            counts = self.latency_counts.setdefault(route, [0] * (len(LATENCY_BUCKETS) + 1))
            for i, bound in enumerate(LATENCY_BUCKETS):
                if seconds <= bound:
                    counts[i] += 1
            counts[-1] += 1  # +Inf
            self.latency_sum[route] += seconds

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
                out.append(f"assistant_http_requests_total{_labels(method=method, route=route, status=status)} {n}")
            out += [
                "# HELP assistant_http_request_duration_seconds Request latency.",
                "# TYPE assistant_http_request_duration_seconds histogram",
            ]
            for route, counts in sorted(self.latency_counts.items()):
                for bound, n in zip(LATENCY_BUCKETS, counts, strict=False):
                    out.append(f"assistant_http_request_duration_seconds_bucket{_labels(route=route, le=str(bound))} {n}")
                out.append(f"assistant_http_request_duration_seconds_bucket{_labels(route=route, le='+Inf')} {counts[-1]}")
                out.append(f"assistant_http_request_duration_seconds_sum{_labels(route=route)} {self.latency_sum[route]:.6f}")
                out.append(f"assistant_http_request_duration_seconds_count{_labels(route=route)} {counts[-1]}")
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
        return "\n".join(out) + "\n"
