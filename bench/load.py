"""A bounded loopback load test: N concurrent clients send M mixed chat/search requests to a running API.

    python -m bench.load --url http://127.0.0.1:8000 [--clients 16] [--requests 2000] [--chat-share 0.5]
                         [--max-seconds 600] [--key K] [--out FILE]
    python -m bench.load --url http://127.0.0.1:8000 --suite [--clients-list 1,8,32] [--requests 400]

Only loopback hosts are accepted (127.0.0.1, ::1, localhost): this is a capacity check of one's own server,
never traffic toward someone else's. The run stops after M requests or `--max-seconds`, whichever comes
first. It reports throughput, latency percentiles, and counts by HTTP status (and transport errors).

`--suite` runs, at each client count of `--clients-list`: chat on fact-route questions (answered from the fact
store), chat on retrieval-route questions (BM25 + dense + compose), search, and the mixed chat/search load; then
the per-stage breakdown of the answers it caused (mean milliseconds per answer, read from the server's
`assistant_stage_duration_seconds` histogram before and after). The server should run with the rate limit off
(ASSISTANT_API__RATE_LIMIT_PER_MINUTE=0) unless the limiter itself is under test.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import re
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ConfigDict

from bench.metrics import percentile

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})

# Questions of our own wording (none from an evaluation file). Fact route: a programme, indicator or industry
# named with what is asked of it, answered from the fact store. Retrieval route: narrative questions.
FACT_QUESTIONS = (
    "硕博倍增工程由谁牵头？",
    "技能人才振兴工程主要做什么？",
    "高新技术企业到2025年要有多少家？",
    "人才资源总量现在是多少？",
)
RETRIEVAL_QUESTIONS = (
    "如何加强人才住房保障？",
    "引进高层次人才有哪些举措？",
    "怎样推动产学研合作？",
    "人才服务体系怎么建设？",
)
# Mixed runs send chat on odd request numbers, search on even ones: each question goes once to each, and chat
# alternates between a fact and a retrieval question.
MIXED_QUESTIONS = tuple(
    q for pair in zip(FACT_QUESTIONS, RETRIEVAL_QUESTIONS, strict=True) for q in (*pair, *pair)
)
# A mix of table lookups, narrative and out-of-scope ones.
QUESTIONS = (
    "人才集团是做什么的？",
    "博士后工作站由哪个部门牵头？",
    "2025年人才资源总量目标是多少？",
    "技能人才有哪些培养措施？",
    "台湾青年来晋江有什么支持？",
    "集成电路产业需要哪些人才？",
    "教育人才培养工程的实施年限",
    "住房补贴怎么申请？",
)


class LoadReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    url: str
    clients: int
    requested: int
    sent: int
    seconds: float
    throughput_rps: float
    p50_ms: float | None
    p95_ms: float | None
    p99_ms: float | None
    by_status: dict[str, int]
    by_endpoint: dict[str, int]
    stopped_by_time: bool


def check_loopback(url: str) -> None:
    host = urlsplit(url).hostname or ""
    if host not in LOOPBACK:
        raise SystemExit(
            f"refusing {url!r}: the load test only targets loopback hosts ({', '.join(sorted(LOOPBACK))})"
        )


async def run_load(
    url: str,
    clients: int = 16,
    requests: int = 2000,
    chat_share: float = 0.5,
    max_seconds: float = 600.0,
    key: str | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    questions: tuple[str, ...] = QUESTIONS,
) -> LoadReport:
    """Workers take request numbers from one counter until M are taken or the deadline passes; request i is a
    chat when (i * chat_share) crosses an integer, so the mix is exact and deterministic."""
    check_loopback(url)
    counter = itertools.count()
    deadline = time.monotonic() + max_seconds
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    endpoints: Counter[str] = Counter()
    timed_out = False

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal timed_out
        while True:
            if time.monotonic() >= deadline:
                timed_out = True
                return
            i = next(counter)
            if i >= requests:
                return
            question = questions[i % len(questions)]
            is_chat = int((i + 1) * chat_share) > int(i * chat_share)
            path, body = (("/api/v1/chat", {"question": question}) if is_chat
                          else ("/api/v1/search", {"query": question, "top_k": 5}))  # fmt: skip
            started = time.perf_counter()
            try:
                reply = await client.post(path, json=body)
                statuses[str(reply.status_code)] += 1
            except httpx.HTTPError as exc:
                statuses[type(exc).__name__] += 1
            latencies.append((time.perf_counter() - started) * 1000)
            endpoints[path] += 1

    headers = {"Authorization": f"Bearer {key}"} if key else {}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    started = time.perf_counter()
    async with httpx.AsyncClient(
        base_url=url, headers=headers, timeout=60.0, limits=limits, transport=transport
    ) as client:
        await asyncio.gather(*(worker(client) for _ in range(clients)))
    seconds = time.perf_counter() - started
    sent = len(latencies)
    return LoadReport(
        url=url,
        clients=clients,
        requested=requests,
        sent=sent,
        seconds=round(seconds, 2),
        throughput_rps=round(sent / seconds, 2) if seconds else 0.0,
        p50_ms=percentile(latencies, 50),
        p95_ms=percentile(latencies, 95),
        p99_ms=percentile(latencies, 99),
        by_status=dict(statuses),
        by_endpoint=dict(endpoints),
        stopped_by_time=timed_out,
    )


def format_report(r: LoadReport) -> str:
    def ms(v: float | None) -> str:
        return "-" if v is None else f"{v:.0f}"

    errors = {k: v for k, v in r.by_status.items() if not k.startswith("2")}
    return "\n".join([
        f"load test: {r.url}, {r.clients} clients, {r.sent}/{r.requested} requests in {r.seconds} s"
        + (" (stopped by the time bound)" if r.stopped_by_time else ""),
        f"throughput: {r.throughput_rps} req/s; latency p50 {ms(r.p50_ms)} ms, p95 {ms(r.p95_ms)} ms, p99 {ms(r.p99_ms)} ms",
        f"by status: {dict(sorted(r.by_status.items()))}; errors: {sum(errors.values())}",
        f"by endpoint: {r.by_endpoint}",
    ])  # fmt: skip


_STAGE_LINE = re.compile(r'^assistant_stage_duration_seconds_(sum|count)\{stage="([^"]+)"\} (\S+)$', re.M)


async def stage_totals(url: str, key: str | None = None) -> dict[str, tuple[float, float]]:
    """stage -> (seconds summed, answers counted) from the server's /metrics (all workers in multiprocess mode)."""
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=30.0) as client:
        text = (await client.get("/metrics")).text
    totals: dict[str, list[float]] = {}
    for kind, stage, value in _STAGE_LINE.findall(text):
        totals.setdefault(stage, [0.0, 0.0])[0 if kind == "sum" else 1] += float(value)
    return {k: (v[0], v[1]) for k, v in totals.items()}


def stage_breakdown(before: dict[str, tuple[float, float]], after: dict[str, tuple[float, float]]) -> str:
    """Mean milliseconds per answer of each stage between two /metrics readings."""
    parts = []
    for stage, (total, count) in sorted(after.items()):
        d_sum = total - before.get(stage, (0.0, 0.0))[0]
        d_count = count - before.get(stage, (0.0, 0.0))[1]
        if d_count > 0:
            parts.append(f"{stage} {1000 * d_sum / d_count:.2f} ms (x{int(d_count)})")
    return "; ".join(parts) or "no stage timings on /metrics"


SCENARIOS = (
    ("chat, fact route", 1.0, FACT_QUESTIONS),
    ("chat, retrieval route", 1.0, RETRIEVAL_QUESTIONS),
    ("search", 0.0, FACT_QUESTIONS + RETRIEVAL_QUESTIONS),
    ("mixed chat + search", 0.5, MIXED_QUESTIONS),
)


async def run_suite(
    url: str, clients_list: list[int], requests: int, max_seconds: float, key: str | None
) -> list[tuple[str, LoadReport]]:
    results = []
    for clients in clients_list:
        for name, share, questions in SCENARIOS:
            # A short warm-up per scenario: first-call costs (tokenizer, embedding cache) are not load.
            await run_load(url, 1, len(questions), share, max_seconds, key, questions=questions)
            before = await stage_totals(url, key)
            report = await run_load(url, clients, requests, share, max_seconds, key, questions=questions)
            after = await stage_totals(url, key)
            print(f"== {name}, {clients} clients", flush=True)
            print(format_report(report))
            if share > 0:
                print(f"stages per answer: {stage_breakdown(before, after)}", flush=True)
            results.append((f"{name}, {clients} clients", report))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--chat-share", type=float, default=0.5, help="Share of requests sent to /chat")
    parser.add_argument("--max-seconds", type=float, default=600.0, help="Stop after this long in any case")
    parser.add_argument("--key", default=None)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--suite", action="store_true", help="Fact/retrieval chat, search and mixed at each count"
    )
    parser.add_argument("--clients-list", default="1,8,32", help="Client counts for --suite")
    args = parser.parse_args(argv)
    check_loopback(args.url)
    if args.suite:
        counts = [int(x) for x in args.clients_list.split(",") if x.strip()]
        results = asyncio.run(run_suite(args.url, counts, args.requests, args.max_seconds, args.key))
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(
                "[" + ",".join(r.model_dump_json() for _, r in results) + "]", encoding="utf-8"
            )
        return 1 if any(not k.startswith("2") for _, r in results for k in r.by_status) else 0
    report = asyncio.run(
        run_load(args.url, args.clients, args.requests, args.chat_share, args.max_seconds, args.key)
    )
    print(format_report(report))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report.model_dump_json(indent=1), encoding="utf-8")
    errors = sum(v for k, v in report.by_status.items() if not k.startswith("2"))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
