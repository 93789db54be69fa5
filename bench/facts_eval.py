"""Exact-answer benchmark: facts + routing + fact answers on a QA file, without a server or an index.

    python -m bench.facts_eval [--qa ../shared/eval/dev.jsonl] [--doc corpus/….txt] [-v]

Loads the document directly (loader, tables, chunks, facts), routes each question of the fact categories and
answers it from the facts alone. Prints per-category accuracy (bench.metrics.answer_accurate: every
must_contain string present and the answer no longer than max(3x the reference, 200 chars)) and, with -v,
each miss with its route, so a question that needs narrative text (routed to none) is visible.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from assistant.ask.entities import EntityIndex
from assistant.ask.fact_answer import answer_from_facts
from assistant.ask.router import route
from assistant.core.types import Chunk, RawDocument
from assistant.ingest.facts import extract_facts
from assistant.ingest.loaders import load_document
from assistant.ingest.structure import extract_tables
from bench.metrics import answer_accurate, load_qa

ROOT = Path(__file__).resolve().parent.parent
FACT_CATEGORIES = ("lead_unit", "target_number", "baseline_number", "timeline", "list", "definition")


def _chunks(doc: RawDocument) -> list[Chunk]:
    try:
        from assistant.ingest.chunking import chunk_document
    except ImportError:  # chunking not available: facts still extract, only without chunk ids
        return []
    return chunk_document(doc)


def build_index(paths: list[Path]) -> EntityIndex:
    facts = []
    for path in paths:
        doc = load_document(path)
        facts.extend(extract_facts(doc, extract_tables(doc), _chunks(doc)))
    return EntityIndex.build(facts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qa", type=Path, default=ROOT.parent / "shared" / "eval" / "dev.jsonl")
    parser.add_argument("--doc", type=Path, action="append", default=None)
    parser.add_argument("--all", action="store_true", help="also score the other categories")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    docs = args.doc or sorted((ROOT / "corpus").glob("*.txt"))
    index = build_index(docs)

    totals: dict[str, list[bool]] = defaultdict(list)
    routed_none: dict[str, int] = defaultdict(int)
    for record in load_qa(args.qa):
        if record.category not in FACT_CATEGORIES and not args.all:
            continue
        r = route(record.question, index)
        answer = answer_from_facts(r)
        text = answer.answer if answer else ""
        ok = answer is not None and answer_accurate(text, record.must_contain, record.answer)
        totals[record.category].append(ok)
        if answer is None:
            routed_none[record.category] += 1
        if args.verbose and not ok:
            names = [f.name for f in r.facts][:3]
            print(
                f"MISS {record.id} [{record.category}] {record.question}\n  route={r.intent} {r.score:.2f} "
                f"{names}\n  got: {text[:160]}\n  want: {record.must_contain}"
            )
    print(f"{'category':<16}{'n':>4}{'accuracy':>10}{'no-fact':>9}")
    for category in sorted(totals):
        hits = totals[category]
        print(f"{category:<16}{len(hits):>4}{sum(hits) / len(hits):>10.2f}{routed_none[category]:>9}")


if __name__ == "__main__":
    main()
