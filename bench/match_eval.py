"""Precision and recall of policy matching on written-down profiles (issue 6).

    python -m bench.match_eval [--profiles bench/profiles.jsonl] [--doc corpus/jinjiang-talent-plan-2021-2025.txt]
    python -m bench.match_eval --chat [--url http://127.0.0.1:8765] [--data-dir DIR]
    python -m bench.match_eval --routing [--routing-set bench/selfdesc_routing.jsonl]

`--chat` posts the question of every `self_description` record of bench/data/plan/{tuning,heldout}.jsonl to
`/api/v1/chat` (of a running server at `--url`, or of the app in process on `--data-dir`, indexed from
corpus/ on first use) and scores the items the answer names: an item is named when its name, whitespace
removed, occurs in the answer; the items that can be named are the indexed programme names and every record's
expected items. Precision = named expected / named, recall = named expected / expected (micro). The tuning
half is printed per question; the held-out half only as aggregate figures (with how many replies took each route).
`--routing` measures the self-description decision (`self_description.describe`) on a set of our own kept
apart from the labelled examples it uses: precision and recall of "is a self-description".

Each profile line: `text` (how a new user describes themself), `items` (the programme/platform/policy names or
section headings a careful reader of the plan expects) and `needs` (the industries whose talent needs apply).
The document goes through the real ingest stages (load, tables, chunks, facts), the profile through
`extract_profile`, and `match` returns items; names are compared with spaces and quote marks ignored.
Reported: micro precision and recall over all profiles (target >= 0.8 each), and each profile's misses.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from assistant.ask.matching import NEEDS_KIND, Match, extract_profile, match
from assistant.core.types import Chunk, Fact

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PROFILES = Path(__file__).resolve().parent / "profiles.jsonl"
DEFAULT_DOC = PROJECT_ROOT / "corpus" / "jinjiang-talent-plan-2021-2025.txt"


class ProfileCase(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    text: str
    items: list[str] = Field(description="Expected item names")
    needs: list[str] = Field(default_factory=list, description="Expected industry-need names")


class CaseResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    expected: list[str]
    returned: list[str]
    hits: int


def name_key(name: str) -> str:
    return re.sub(r"[\s“”\"'‘’]", "", unicodedata.normalize("NFKC", name))


def parse_document(path: Path, chunk_chars: int = 200) -> tuple[list[Fact], list[Chunk]]:
    """The ingest stages without any store: what the index would hold for this file."""
    from assistant.ingest.chunking import chunk_document
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.loaders import load_document
    from assistant.ingest.structure import extract_tables

    doc = load_document(path, path.name)
    chunks = chunk_document(doc, chunk_chars=chunk_chars)
    return extract_facts(doc, extract_tables(doc), chunks), chunks


def returned_names(matches: list[Match]) -> list[str]:
    return [("需求:" if m.kind == NEEDS_KIND else "") + name_key(m.name) for m in matches]


def evaluate(cases: list[ProfileCase], facts: list[Fact], chunks: list[Chunk]) -> list[CaseResult]:
    industries = [f.name for f in facts if f.kind == "industry_need"]
    results = []
    for case in cases:
        got = returned_names(match(extract_profile(case.text, industries), facts, chunks))
        expected = [name_key(n) for n in case.items] + ["需求:" + name_key(n) for n in case.needs]
        results.append(
            CaseResult(id=case.id, expected=expected, returned=got, hits=len(set(got) & set(expected)))
        )
    return results


def precision_recall(results: list[CaseResult]) -> tuple[float, float]:
    hits = sum(r.hits for r in results)
    returned = sum(len(set(r.returned)) for r in results)
    expected = sum(len(set(r.expected)) for r in results)
    return (hits / returned if returned else 0.0), (hits / expected if expected else 0.0)


def load_cases(path: Path) -> list[ProfileCase]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ProfileCase.model_validate(json.loads(line)) for line in lines if line.strip()]


PLAN_DATA = Path(__file__).resolve().parent / "data" / "plan"
DEFAULT_ROUTING = Path(__file__).resolve().parent / "selfdesc_routing.jsonl"


def _key(text: str) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text))


def named_items(answer: str, universe: list[str]) -> set[str]:
    """The item names (whitespace removed) that occur in the answer; a name inside a longer named one counts
    once, as the longer name."""
    text = _key(answer)
    found = {_key(n) for n in universe if _key(n) and _key(n) in text}
    return {n for n in found if not any(n != o and n in o for o in found)}


def _self_records(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r.get("category") == "self_description"]


def _chat_client(url: str | None, data_dir: Path | None):  # type: ignore[no-untyped-def]
    import contextlib

    if url:
        import httpx

        return contextlib.nullcontext(httpx.Client(base_url=url, timeout=60.0))
    import tempfile

    from fastapi.testclient import TestClient

    from assistant.api.app import create_app
    from assistant.core.config import APISettings, Settings

    settings = Settings(
        data_dir=data_dir or Path(tempfile.mkdtemp(prefix="match-eval-")),
        corpus_dir=PROJECT_ROOT / "corpus",
        api=APISettings(rate_limit_per_minute=0),
    )
    return TestClient(create_app(settings))


def _score_half(
    client, records: list[dict], universe: list[str]
) -> tuple[int, int, int, list[str], dict[str, int]]:  # type: ignore[no-untyped-def]
    hits = named_total = expected_total = 0
    lines = []
    routes: dict[str, int] = {}
    for r in records:
        reply = client.post("/api/v1/chat", json={"question": r["question"]}).json()
        route = "match" if "match" in str(reply.get("route", "")) else str(reply.get("route"))
        routes[route] = routes.get(route, 0) + 1
        expected = {_key(n) for n in r["expected_items"]}
        named = named_items(reply.get("answer", ""), universe)
        hit = len(named & expected)
        hits, named_total, expected_total = (
            hits + hit,
            named_total + len(named),
            expected_total + len(expected),
        )
        lines.append(f"{r['id']}: route {reply.get('route')}, {hit}/{len(expected)} expected named, {len(named)} named"
                     + (f"; missed {sorted(expected - named)}" if expected - named else "")
                     + (f"; extra {sorted(named - expected)}" if named - expected else ""))  # fmt: skip
    return hits, named_total, expected_total, lines, routes


def run_chat(url: str | None, data_dir: Path | None) -> int:
    tuning, heldout = _self_records(PLAN_DATA / "tuning.jsonl"), _self_records(PLAN_DATA / "heldout.jsonl")
    with _chat_client(url, data_dir) as client:
        import time

        for _ in range(600):  # the in-process app indexes corpus/ on a fresh data dir before it answers
            if client.get("/readyz").status_code == 200:
                break
            time.sleep(1)
        facts = (
            client.get("/api/v1/facts", params={"kind": "programme", "limit": 500}).json().get("facts", [])
        )
        universe = [f["name"] for f in facts] + [n for r in tuning + heldout for n in r["expected_items"]]
        for name, records, show in (("tuning", tuning, True), ("held-out", heldout, False)):
            hits, named, expected, lines, routes = _score_half(client, records, universe)
            if show:  # the held-out half: aggregate figures only
                print("\n".join(lines))
            p = hits / named if named else 0.0
            r = hits / expected if expected else 0.0
            shown = ", ".join(f"{k} {v}" for k, v in sorted(routes.items(), key=lambda kv: -kv[1]))
            print(
                f"{name}: {len(records)} self-descriptions typed into /api/v1/chat: precision {p:.2f}, recall {r:.2f}"
                f" (routes: {shown}; a route with 'match' in it counts as match)"
            )
    return 0


def run_routing(path: Path) -> int:
    from assistant.ask.self_description import describe

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    tp = fp = fn = 0
    for row in rows:
        got, want = describe(row["text"]).is_self, row["label"] == "self"
        tp, fp, fn = tp + (got and want), fp + (got and not want), fn + (want and not got)
    print(f"{len(rows)} texts ({sum(r['label'] == 'self' for r in rows)} self-descriptions): routing precision "
          f"{tp / (tp + fp) if tp + fp else 0.0:.2f}, recall {tp / (tp + fn) if tp + fn else 0.0:.2f}")  # fmt: skip
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=Path, default=DEFAULT_PROFILES)
    parser.add_argument("--doc", type=Path, default=DEFAULT_DOC)
    parser.add_argument("--chat", action="store_true", help="score self-descriptions typed into /api/v1/chat")
    parser.add_argument("--url", default=None, help="a running server; default: the app in process")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="in-process data dir (default: a temp dir)"
    )
    parser.add_argument(
        "--routing", action="store_true", help="precision/recall of the self-description decision"
    )
    parser.add_argument("--routing-set", type=Path, default=DEFAULT_ROUTING)
    args = parser.parse_args(argv)
    if args.chat:
        return run_chat(args.url, args.data_dir)
    if args.routing:
        return run_routing(args.routing_set)

    cases = load_cases(args.profiles)
    facts, chunks = parse_document(args.doc)
    results = evaluate(cases, facts, chunks)
    for r in results:
        missed = sorted(set(r.expected) - set(r.returned))
        extra = sorted(set(r.returned) - set(r.expected))
        print(f"{r.id}: {r.hits}/{len(set(r.expected))} expected found, {len(set(r.returned))} returned"
              + (f"; missed {missed}" if missed else "") + (f"; extra {extra}" if extra else ""))  # fmt: skip
    precision, recall = precision_recall(results)
    print(
        f"\n{len(cases)} profiles: precision {precision:.2f}, recall {recall:.2f} (micro, items + industry needs)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
