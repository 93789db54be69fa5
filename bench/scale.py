"""How the service's cost grows with the corpus: N plan-sized documents indexed, one client, the real app.

    python -m bench.scale [--docs 1,10,50] [--rounds 3] [--plan corpus/jinjiang-talent-plan-2021-2025.txt]
                          [--out FILE]

For each N, a fresh data dir is indexed with N variants of the plan (its title line changed, so each has its own
content hash and chunk ids), embedded by an instant stub embedder (a hash of the text, no model) so only the
service is timed. Then, through the FastAPI app in-process (TestClient: routing, validation, logging, metrics
all included; no sockets), it asks the fact-route and retrieval-route questions of `bench.load` `--rounds`
times, runs the same texts as searches, and times one more upload (`POST /api/v1/documents`, one more variant)
until it is answerable. Reports chat p50/p95 (all, and per route), search p50, and the upload's seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from pydantic import SecretStr

from bench.load import FACT_QUESTIONS, RETRIEVAL_QUESTIONS
from bench.metrics import percentile

ADMIN_KEY = "bench-scale-admin"


class StubEmbedder:
    """Deterministic unit vectors from a hash of the text: instant, so the run times the service alone."""

    name = "bench-stub"
    dim = 32

    def embed(self, texts: list[str], kind: str) -> list[list[float]]:
        out = []
        for text in texts:
            seed = int.from_bytes(hashlib.sha256(f"{kind}:{text}".encode()).digest()[:8], "big")
            v = np.random.default_rng(seed).standard_normal(self.dim)
            out.append((v / np.linalg.norm(v)).tolist())
        return out


def variant(plan_text: str, i: int) -> str:
    """The plan with its title line (the first line naming the plan) marked as variant `i`."""
    lines = plan_text.splitlines()
    for n, line in enumerate(lines):
        if line.strip() and "规划" in line:
            lines[n] = f"{line.rstrip()}（第{i}稿）"
            break
    else:
        lines.insert(0, f"（第{i}稿）")
    return "\n".join(lines) + "\n"


def run_scale(n_docs: int, plan: Path, rounds: int) -> dict[str, object]:
    from fastapi.testclient import TestClient

    from assistant.api.app import create_app
    from assistant.ask.engine import Engine
    from assistant.core.config import APISettings, EmbedderSettings, Settings

    plan_text = plan.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        root = Path(tmp)
        corpus = root / "corpus"
        corpus.mkdir()
        for i in range(1, n_docs + 1):
            (corpus / f"plan-{i:03d}.txt").write_text(variant(plan_text, i), encoding="utf-8")
        settings = Settings(
            data_dir=root / "data",
            corpus_dir=corpus,
            embedder=EmbedderSettings(cache_path=root / "emb.sqlite"),
            api=APISettings(rate_limit_per_minute=0, admin_key=SecretStr(ADMIN_KEY)),
        )
        started = time.perf_counter()
        engine = Engine(settings, embedder=StubEmbedder())
        engine.start(progress=False, wait_for_vectors=True)
        index_s = time.perf_counter() - started
        try:
            with TestClient(create_app(settings, engine)) as client:
                timings: dict[str, list[float]] = {"fact": [], "retrieval": [], "search": []}
                for q in FACT_QUESTIONS + RETRIEVAL_QUESTIONS:  # warm-up: tokenizer and first-call costs
                    client.post("/api/v1/chat", json={"question": q})
                for _ in range(rounds):
                    for kind, questions in (("fact", FACT_QUESTIONS), ("retrieval", RETRIEVAL_QUESTIONS)):
                        for q in questions:
                            t = time.perf_counter()
                            reply = client.post("/api/v1/chat", json={"question": q})
                            timings[kind].append((time.perf_counter() - t) * 1000)
                            reply.raise_for_status()
                            t = time.perf_counter()
                            client.post("/api/v1/search", json={"query": q, "top_k": 5}).raise_for_status()
                            timings["search"].append((time.perf_counter() - t) * 1000)
                extra = variant(plan_text, n_docs + 1).encode("utf-8")
                t = time.perf_counter()
                reply = client.post(
                    "/api/v1/documents",
                    files={"file": (f"plan-{n_docs + 1:03d}.txt", extra, "text/plain")},
                    headers={"X-API-Key": ADMIN_KEY},
                )
                upload_s = time.perf_counter() - t
                reply.raise_for_status()
        finally:
            engine.close()
    chat = timings["fact"] + timings["retrieval"]
    return {
        "documents": n_docs,
        "index_s": round(index_s, 1),
        "chat_p50_ms": percentile(chat, 50),
        "chat_p95_ms": percentile(chat, 95),
        "fact_p50_ms": percentile(timings["fact"], 50),
        "retrieval_p50_ms": percentile(timings["retrieval"], 50),
        "search_p50_ms": percentile(timings["search"], 50),
        "upload_s": round(upload_s, 2),
    }


def format_table(rows: list[dict[str, object]]) -> str:
    def ms(v: object) -> str:
        return "-" if v is None else f"{float(v):.0f} ms"  # type: ignore[arg-type]

    out = [
        "| documents | chat p50 | chat p95 | fact p50 | retrieval p50 | search p50 | one more upload |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        out.append(
            f"| {r['documents']} | {ms(r['chat_p50_ms'])} | {ms(r['chat_p95_ms'])} | {ms(r['fact_p50_ms'])} | "
            f"{ms(r['retrieval_p50_ms'])} | {ms(r['search_p50_ms'])} | {r['upload_s']} s |"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", default="1,10,50", help="Comma-separated document counts")
    parser.add_argument("--rounds", type=int, default=3, help="Times each question is asked")
    parser.add_argument("--plan", type=Path, default=Path("corpus/jinjiang-talent-plan-2021-2025.txt"))
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    logging.disable(logging.INFO)
    rows = []
    for n in [int(x) for x in args.docs.split(",") if x.strip()]:
        row = run_scale(n, args.plan, args.rounds)
        print(json.dumps(row, ensure_ascii=False), flush=True)
        rows.append(row)
    print(format_table(rows))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
