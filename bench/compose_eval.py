"""Measure the extractive composer (and follow-up resolution) on the dev set, with BM25 over the plan's chunks.

    python bench/compose_eval.py [--qa ../shared/eval/dev.jsonl] [--k 8] [--show]

Per category: accuracy (every must_contain string in the answer AND length <= max(3x reference, 200)),
refusal rate on `unanswerable` and false-refusal rate on the rest. No server is needed. Chunks come from the
project's loader and chunker, as ingest makes them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.ask.compose import compose_answer  # noqa: E402
from assistant.ask.entities import EntityIndex  # noqa: E402
from assistant.ask.followup import resolve_followup  # noqa: E402
from assistant.ask.retrieval import BM25Retriever  # noqa: E402
from assistant.core.types import Chunk, Turn  # noqa: E402
from assistant.ingest.chunking import chunk_document  # noqa: E402
from assistant.ingest.facts import extract_facts  # noqa: E402
from assistant.ingest.loaders import load_document  # noqa: E402
from assistant.ingest.structure import extract_tables  # noqa: E402
from assistant.store.bm25 import BM25Index  # noqa: E402

PLAN = ROOT / "tests" / "data" / "jinjiang-talent-plan-2021-2025.txt"
CATEGORIES = ("project_content", "narrative_fact", "eligibility_benefit", "industry_needs", "unanswerable", "multi_turn")


def plan_pipeline(path: Path = PLAN) -> tuple[list[Chunk], Callable[[str], list[str]]]:
    """The plan's chunks (loader + chunker, as ingest makes them) and an entity-mention finder over its facts."""
    doc = load_document(path)
    chunks = chunk_document(doc)
    index = EntityIndex.build(extract_facts(doc, extract_tables(doc), chunks))
    return chunks, lambda text: [f.name for f in index.mentions(text)]


def make_retriever(chunks: list[Chunk]) -> BM25Retriever:
    return BM25Retriever(BM25Index.build(chunks), {c.chunk_id: c for c in chunks})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qa", type=Path, default=ROOT.parent / "shared" / "eval" / "dev.jsonl")
    parser.add_argument("--k", type=int, default=8)
    parser.add_argument("--all", action="store_true", help="every category, not only the composer's")
    parser.add_argument("--show", action="store_true", help="print each question and answer")
    args = parser.parse_args()
    chunks, mentions = plan_pipeline()
    retriever = make_retriever(chunks)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # correct, refused, n
    for line in args.qa.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        category = item["category"]
        if not args.all and category not in CATEGORIES:
            continue
        history = [Turn(**t) for t in item.get("history", [])]
        question = resolve_followup(item["question"], history, mentions) if history else item["question"]
        answer = compose_answer(question, retriever.retrieve(question, args.k))
        limit = max(3 * len(item["answer"]), 200)
        text = re.sub(r"\s+", "", answer.answer)
        if category == "unanswerable":
            ok = not answer.answerable
        else:
            ok = answer.answerable and all(re.sub(r"\s+", "", m) in text for m in item["must_contain"])
            ok = ok and len(answer.answer) <= limit
        row = totals[category]
        row[0] += ok
        row[1] += not answer.answerable
        row[2] += 1
        if args.show:
            mark = "OK " if ok else "BAD"
            print(f"{mark} [{category}] {item['question']} -> {question}\n    {answer.answer}\n    need {item['must_contain']}")
    print(f"{'category':22s} {'n':>3s} {'accuracy':>9s} {'refused':>8s}")
    answerable_n = answerable_refused = 0
    for category, (correct, refused, n) in sorted(totals.items()):
        print(f"{category:22s} {n:3d} {correct / n:9.2f} {refused / n:8.2f}")
        if category != "unanswerable":
            answerable_n += n
            answerable_refused += refused
    unans = totals.get("unanswerable", [0, 0, 0])
    if unans[2]:
        print(f"refusal rate on unanswerable: {unans[1] / unans[2]:.2f}")
    if answerable_n:
        print(f"false-refusal rate on the rest: {answerable_refused / answerable_n:.2f}")


if __name__ == "__main__":
    main()
