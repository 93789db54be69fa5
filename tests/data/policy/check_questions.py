"""Check bench/data/policy/{tuning,heldout}.jsonl against the invented documents in this folder.

Run:  /work/main/.venv/bin/python tests/data/policy/check_questions.py

Asserts, for every record: required fields, a known doc and category; every tab-separated part of every
`evidence` string occurs verbatim in the document text held in make_policy_docs.py; every `must_contain`
string occurs in that text (after NFKC and whitespace removal, as bench.metrics compares) or is a table cell
followed by the unit in its column header ("5000" under "薪酬补贴（元/月）" -> "5000元"); two_part records
have `parts` covering must_contain; followup records have a history; unanswerable records have an empty
answer, must_contain and evidence. It then re-reads the generated files (python-docx / pdfplumber / plain
text) and checks that the same strings survive extraction (whitespace ignored). Whether the value an
unanswerable question asks for is really absent is a human judgement, not checked here.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
QDIR = ROOT / "bench" / "data" / "policy"
sys.path.insert(0, str(HERE))

import make_policy_docs as gen  # noqa: E402

CATEGORIES = {
    "amount",
    "table_value",
    "condition",
    "deadline",
    "materials",
    "where_how",
    "contact",
    "responsible_unit",
    "duration",
    "effective",
    "consequence",
    "metadata",
    "list",
    "yes_no",
    "unanswerable",
    "followup",
    "two_part",
}


def norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def extracted_text(name: str) -> str:
    path = HERE / name
    if name.endswith(".docx"):
        from docx import Document

        d = Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts.append("\t".join(c.text for c in row.cells))
        return "\n".join(parts)
    if name.endswith(".pdf"):
        import pdfplumber

        parts = []
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                parts.append(page.extract_text() or "")
                for table in page.extract_tables():
                    parts.extend("\t".join(c or "" for c in row) for row in table)
        return "\n".join(parts)
    return path.read_text(encoding="utf-8")


def main() -> int:
    texts = {n: gen.doc_text(n) for n in gen.DOCS}
    ntexts = {n: norm(t) for n, t in texts.items()}
    cells = {n: {norm(s) for s in gen.table_value_strings(n)} for n in gen.DOCS}
    extracted = {n: norm(extracted_text(n)) for n in gen.DOCS}
    errors: list[str] = []
    warnings: list[str] = []
    ids: set[str] = set()
    counts: Counter = Counter()
    for split in ("tuning", "heldout"):
        for line_no, line in enumerate((QDIR / f"{split}.jsonl").read_text(encoding="utf-8").splitlines(), 1):
            r = json.loads(line)
            where = f"{split}:{line_no} {r.get('id')}"
            for field in ("id", "doc", "category", "question", "answer", "must_contain", "evidence"):
                if field not in r:
                    errors.append(f"{where}: missing {field}")
            if r["id"] in ids:
                errors.append(f"{where}: duplicate id")
            ids.add(r["id"])
            doc, cat = r["doc"], r["category"]
            if doc not in texts:
                errors.append(f"{where}: unknown doc {doc}")
                continue
            if cat not in CATEGORIES:
                errors.append(f"{where}: unknown category {cat}")
            counts[(split, doc, cat)] += 1
            for ev in r["evidence"]:
                for part in ev.split("\t"):
                    if part and part not in texts[doc]:
                        errors.append(f"{where}: evidence part not in {doc}: {part!r}")
                    elif part and norm(part) not in extracted[doc]:
                        warnings.append(f"{where}: evidence part not in extracted {doc}: {part!r}")
            for m in r["must_contain"]:
                nm = norm(m)
                if nm in ntexts[doc]:
                    if nm not in extracted[doc]:
                        warnings.append(f"{where}: must_contain not in extracted {doc}: {m!r}")
                elif nm not in cells[doc]:
                    errors.append(f"{where}: must_contain not in {doc}: {m!r}")
            if cat == "unanswerable":
                if r["answer"] or r["must_contain"] or r["evidence"]:
                    errors.append(f"{where}: unanswerable must have empty answer/must_contain/evidence")
            else:
                if not r["answer"] or not r["must_contain"] or not r["evidence"]:
                    errors.append(f"{where}: answerable record needs answer, must_contain, evidence")
            if cat == "two_part":
                parts = r.get("parts")
                if not parts or len(parts) != 2 or sorted(sum(parts, [])) != sorted(r["must_contain"]):
                    errors.append(f"{where}: two_part needs parts covering must_contain")
            if cat == "followup":
                h = r.get("history") or []
                if len(h) < 2 or h[0].get("role") != "user" or h[1].get("role") != "assistant":
                    errors.append(f"{where}: followup needs a user/assistant history")
            if MARK_MISSING.get(doc) is None:
                MARK_MISSING[doc] = gen.MARK not in texts[doc]
    for doc, missing in MARK_MISSING.items():
        if missing:
            errors.append(f"{doc}: the 'invented' mark is missing")

    total = sum(counts.values())
    print(f"{total} questions, {len(ids)} ids")
    for split in ("tuning", "heldout"):
        print(split, sum(v for k, v in counts.items() if k[0] == split))
    for doc in gen.DOCS:
        t = sum(v for k, v in counts.items() if k[1] == doc and k[0] == "tuning")
        h = sum(v for k, v in counts.items() if k[1] == doc and k[0] == "heldout")
        print(f"  {doc:24s} tuning {t:3d} heldout {h:3d}")
    by_cat = Counter()
    for (split, _doc, cat), v in counts.items():
        by_cat[(cat, split)] += v
    for cat in sorted(CATEGORIES):
        print(f"  {cat:18s} tuning {by_cat[(cat, 'tuning')]:3d} heldout {by_cat[(cat, 'heldout')]:3d}")
    for w in warnings:
        print("WARNING", w)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


MARK_MISSING: dict[str, bool] = {}

if __name__ == "__main__":
    raise SystemExit(main())
