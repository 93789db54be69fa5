"""Precision and recall of policy matching on written-down profiles (issue 6).

    python -m bench.match_eval [--profiles bench/profiles.jsonl] [--doc corpus/jinjiang-talent-plan-2021-2025.txt]

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=Path, default=DEFAULT_PROFILES)
    parser.add_argument("--doc", type=Path, default=DEFAULT_DOC)
    args = parser.parse_args(argv)

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
