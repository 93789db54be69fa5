"""Checks the `unans` set against its documents: ids unique, every `doc` known, unanswerable records empty, every
tab-separated part of every `evidence` and every `must_contain` string in the document as the loader reads it
(NFKC, whitespace removed). Prints counts only, so running it exposes no held-out question.

    PYTHONPATH=. python bench/data/unans/check_unans.py
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

from assistant.ingest.loaders import content_text, load_document

ROOT = Path(__file__).resolve().parents[3]
FOLDERS = [ROOT / "tests/data/policy", *(ROOT / f"bench/data/{s}/docs" for s in ("wide", "wide2", "wide3"))]


def norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def main() -> int:
    docs = {p.name: p for f in FOLDERS for p in f.glob("*") if p.suffix in (".txt", ".md", ".pdf", ".docx")}
    texts: dict[str, str] = {}
    ids: set[str] = set()
    bad = 0
    for split in ("tuning", "heldout"):
        recs = [json.loads(x) for x in (Path(__file__).parent / f"{split}.jsonl").read_text().splitlines() if x]
        for r in recs:
            if r["id"] in ids or r["doc"] not in docs:
                bad += 1
            ids.add(r["id"])
            if r["doc"] not in texts:
                texts[r["doc"]] = norm(content_text(load_document(docs[r["doc"]]).blocks))
            text = texts[r["doc"]]
            if r["category"] == "unanswerable":
                bad += bool(r["must_contain"] or r["evidence"] or r["answer"])
                continue
            parts = [p for e in r["evidence"] for p in e.split("\t")] + r["must_contain"]
            bad += sum(norm(p) not in text for p in parts) + (not r["must_contain"])
        print(f"{split}: {len(recs)} records, {sum(r['category'] == 'unanswerable' for r in recs)} unanswerable")
    print("problems:", bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
