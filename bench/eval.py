"""Run a QA file against the RUNNING API and print retrieval, answer, refusal and latency metrics.

    python -m bench.eval --url http://127.0.0.1:8000 [--qa ../shared/eval/dev.jsonl] [--key K] [--out FILE]

Each record is asked once on `/api/v1/chat` (multi-turn records send their `history` as given) and once on
`/api/v1/search` (top 5, for evidence recall). Metric definitions live in `bench.metrics`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import httpx

from bench.metrics import QARecord, QuestionScore, format_table, load_qa, score_question, summarize

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_QA = PROJECT_ROOT.parent / "shared" / "eval" / "dev.jsonl"
SEARCH_K = 5


def _headers(key: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"} if key else {}


def search_query(record: QARecord) -> str:
    """/search has no conversation, so a follow-up ("那它谁牵头？") is searched with the user's earlier turns."""
    earlier = [t["content"] for t in record.history if t.get("role") == "user"]
    return " ".join([*earlier, record.question])


def ask_chat(client: httpx.Client, record: QARecord) -> tuple[dict, float]:
    """The record's question (with its history) on /api/v1/chat: the reply's JSON and the milliseconds it took.
    `client` is anything with httpx's `post` (an `httpx.Client` or FastAPI's `TestClient`)."""
    body: dict[str, object] = {"question": record.question}
    if record.history:
        body["history"] = record.history
    started = time.perf_counter()
    chat = client.post("/api/v1/chat", json=body)
    chat_ms = (time.perf_counter() - started) * 1000
    chat.raise_for_status()
    return chat.json(), chat_ms


def run_record(client: httpx.Client, record: QARecord) -> QuestionScore:
    reply, chat_ms = ask_chat(client, record)

    started = time.perf_counter()
    search = client.post("/api/v1/search", json={"query": search_query(record), "top_k": SEARCH_K})
    search_ms = (time.perf_counter() - started) * 1000
    search.raise_for_status()
    texts = [r["text"] for r in search.json()["results"]]
    return score_question(record, reply["answer"], bool(reply["answerable"]), texts, chat_ms, search_ms)


def run(
    url: str, records: list[QARecord], key: str | None = None, timeout: float = 60.0
) -> list[QuestionScore]:
    with httpx.Client(base_url=url, headers=_headers(key), timeout=timeout) as client:
        return [run_record(client, r) for r in records]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--qa", type=Path, default=DEFAULT_QA, help="QA file (JSON lines)")
    parser.add_argument("--key", default=None, help="API key, sent as a Bearer token")
    parser.add_argument(
        "--out", type=Path, default=None, help="Write per-question scores and the table as JSON"
    )
    args = parser.parse_args(argv)

    records = load_qa(args.qa)
    scores = run(args.url, records, args.key)
    rows = summarize(scores)
    print(format_table(rows, title=f"API at {args.url} on {args.qa.name} ({len(records)} questions)"))
    misses = [s.id for s in scores if not s.accurate]
    print(f"\ninaccurate: {', '.join(misses) or 'none'}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        payload = {"url": args.url, "qa": str(args.qa), "rows": [r.model_dump() for r in rows],
                   "questions": [s.model_dump() for s in scores]}  # fmt: skip
        args.out.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
