"""Check bench/data/fresh/questions.jsonl against the three invented documents in bench/data/fresh/docs/.

Run:  /work/main/.venv/bin/python bench/data/fresh/check_fresh.py

For every record: known doc and category; every tab-separated part of every `evidence` string and every
`must_contain` string occurs in the document text (make_fresh_docs.doc_text) AND in the text the loaders'
libraries extract from the generated file (python-docx paragraphs and table cells; pypdf and pdfplumber for
the PDF, pdfplumber's page text plus its table cells; the TXT as is), comparing after NFKC and whitespace removal as bench.metrics does; two_part records
have `parts` covering must_contain; followup records have a history; unanswerable records are empty. Prints
the counts. Whether an unanswerable question is really unanswered is a human judgement, not checked here.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_fresh_docs as gen  # noqa: E402

CATEGORIES = {
    "amount", "table_value", "condition", "deadline", "materials", "where_how", "contact", "responsible_unit",
    "duration", "effective", "consequence", "metadata", "list", "yes_no", "unanswerable", "followup", "two_part",
}  # fmt: skip


def norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def extracted(name: str) -> list[str]:
    path = HERE / "docs" / name
    if name.endswith(".docx"):
        from docx import Document

        d = Document(str(path))
        parts = [p.text for p in d.paragraphs]
        parts += [c.text for t in d.tables for row in t.rows for c in row.cells]
        return ["\n".join(parts)]
    if name.endswith(".pdf"):
        import pdfplumber
        from pypdf import PdfReader

        with pdfplumber.open(str(path)) as pdf:
            plumber = "\n".join(p.extract_text() or "" for p in pdf.pages)
            cells = [c or "" for p in pdf.pages for t in p.extract_tables() for row in t for c in row]
        return [
            plumber + "\n" + "\n".join(cells),
            "\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages),
        ]
    return [path.read_text(encoding="utf-8")]


def main() -> int:
    records = [
        json.loads(x)
        for x in (HERE / "questions.jsonl").read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    texts = {name: [norm(gen.doc_text(name))] + [norm(t) for t in extracted(name)] for name in gen.NAMES}
    errors: list[str] = []
    ids = Counter(r["id"] for r in records)
    errors += [f"duplicate id {i}" for i, n in ids.items() if n > 1]
    for r in records:
        rid, cat = r["id"], r["category"]
        if r["doc"] not in texts or cat not in CATEGORIES:
            errors.append(f"{rid}: unknown doc or category")
            continue
        strings = list(r["must_contain"]) + [p for e in r["evidence"] for p in e.split("\t")]
        for s in strings:
            for k, t in enumerate(texts[r["doc"]]):
                if norm(s) not in t:
                    errors.append(f"{rid}: {s!r} not in text #{k} of {r['doc']}")
        if cat == "unanswerable" and (r["answer"] or r["must_contain"] or r["evidence"]):
            errors.append(f"{rid}: unanswerable record not empty")
        if cat != "unanswerable" and not r["must_contain"]:
            errors.append(f"{rid}: no must_contain")
        if cat == "two_part" and sorted(x for p in r.get("parts", []) for x in p) != sorted(
            r["must_contain"]
        ):
            errors.append(f"{rid}: parts do not cover must_contain")
        if cat == "followup" and not r.get("history"):
            errors.append(f"{rid}: followup without history")
    print("\n".join(errors) or "ok")
    print(f"{len(records)} records;", dict(Counter(r["category"] for r in records)))
    print(dict(Counter(r["doc"] for r in records)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
