"""Check bench/data/wide2/{tuning,heldout}.jsonl against the four invented documents in bench/data/wide2/docs/.

Run:  /work/main/.venv/bin/python bench/data/wide2/check_wide2.py

For every record: required fields, a known doc and category, ids wide2-NNN unique across both files; every
tab-separated part of every `evidence` string occurs verbatim in the document text (make_wide2_docs.doc_text);
every `must_contain` string occurs in that text (after NFKC and whitespace removal, as bench.metrics compares)
or is a table cell followed by the unit of its column header ("8" under the two-level header
"补贴标准（万元/年）" over "首年" -> "8万元"); and
the same strings (evidence parts and must_contain, the latter as text or as a cell of an extracted table row
whose header carries the unit) survive extraction from the generated file — python-docx paragraphs and table
cells for the DOCX; pdfplumber (page text plus table cells) AND pypdf for the PDF; the TXT and Markdown as is.
two_part records have `parts` covering must_contain; followup records have a user/assistant history;
unanswerable records have an empty answer, must_contain and evidence. Each document must carry the
“invented” mark. Prints counts only (no question text), so running it does not expose the held-out half.
Whether an unanswerable question is really unanswered is a human judgement, not checked here.
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

import make_wide2_docs as gen  # noqa: E402

CATEGORIES = {
    "amount", "table_value", "condition", "deadline", "materials", "where_how", "contact", "responsible_unit",
    "duration", "effective", "consequence", "metadata", "list", "yes_no", "unanswerable", "followup", "two_part",
}  # fmt: skip
FIELDS = ("id", "doc", "category", "question", "answer", "must_contain", "evidence")


def norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def extracted(name: str) -> list[tuple[str, str]]:
    """(label, text) per extraction library."""
    path = HERE / "docs" / name
    if name.endswith(".docx"):
        from docx import Document

        d = Document(str(path))
        parts = [p.text for p in d.paragraphs]
        parts += ["\t".join(c.text for c in row.cells) for t in d.tables for row in t.rows]
        return [("python-docx", "\n".join(parts))]
    if name.endswith(".pdf"):
        import pdfplumber
        from pypdf import PdfReader

        with pdfplumber.open(str(path)) as pdf:
            plumber = "\n".join(p.extract_text() or "" for p in pdf.pages)
            rows = [
                "\t".join(c or "" for c in row) for p in pdf.pages for t in p.extract_tables() for row in t
            ]
        return [
            ("pdfplumber", plumber + "\n" + "\n".join(rows)),
            ("pypdf", "\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)),
        ]
    return [("text", path.read_text(encoding="utf-8"))]


def main() -> int:
    texts = {n: gen.doc_text(n) for n in gen.NAMES}
    ntexts = {n: norm(t) for n, t in texts.items()}
    cells = {n: {norm(s) for s in gen.table_value_strings(n)} for n in gen.NAMES}
    extracts = {n: [(label, norm(t)) for label, t in extracted(n)] for n in gen.NAMES}
    errors: list[str] = []
    ids: Counter = Counter()
    counts: Counter = Counter()
    for n in gen.NAMES:
        if gen.MARK not in texts[n] or not all(gen.MARK in t for _, t in extracted(n)):
            errors.append(f"{n}: the 'invented' mark is missing from the text or an extraction")
    for split in ("tuning", "heldout"):
        lines = (HERE / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
        for line_no, line in enumerate(lines, 1):
            if not line.strip():
                continue
            r = json.loads(line)
            where = f"{split}:{line_no} {r.get('id')}"
            missing = [f for f in FIELDS if f not in r]
            if missing:
                errors.append(f"{where}: missing {missing}")
                continue
            ids[r["id"]] += 1
            if not re.fullmatch(r"wide2-\d{3}", r["id"]):
                errors.append(f"{where}: id is not wide2-NNN")
            doc, cat = r["doc"], r["category"]
            if doc not in texts or cat not in CATEGORIES:
                errors.append(f"{where}: unknown doc or category")
                continue
            counts[(split, doc, cat)] += 1
            for ev in r["evidence"]:
                for part in ev.split("\t"):
                    if not part:
                        continue
                    if part not in texts[doc]:
                        errors.append(f"{where}: evidence part not verbatim in {doc}: {part!r}")
                    for label, t in extracts[doc]:
                        if norm(part) not in t:
                            errors.append(f"{where}: evidence part lost by {label}: {part!r}")
            for m in r["must_contain"]:
                nm = norm(m)
                in_text = nm in ntexts[doc]
                if not in_text and nm not in cells[doc]:
                    errors.append(f"{where}: must_contain not in {doc}: {m!r}")
                    continue
                if in_text:
                    for label, t in extracts[doc]:
                        if nm not in t:
                            errors.append(f"{where}: must_contain lost by {label}: {m!r}")
            if cat == "unanswerable":
                if r["answer"] or r["must_contain"] or r["evidence"]:
                    errors.append(f"{where}: unanswerable must have empty answer/must_contain/evidence")
            elif not r["answer"] or not r["must_contain"] or not r["evidence"]:
                errors.append(f"{where}: answerable record needs answer, must_contain, evidence")
            if cat == "two_part":
                parts = r.get("parts")
                if not parts or len(parts) != 2 or sorted(sum(parts, [])) != sorted(r["must_contain"]):
                    errors.append(f"{where}: two_part needs two parts covering must_contain")
            elif "parts" in r:
                errors.append(f"{where}: parts on a non-two_part record")
            if cat == "followup":
                h = r.get("history") or []
                if len(h) < 2 or h[0].get("role") != "user" or h[1].get("role") != "assistant":
                    errors.append(f"{where}: followup needs a user/assistant history")
            elif "history" in r:
                errors.append(f"{where}: history on a non-followup record")
    errors += [f"duplicate id {i}" for i, k in ids.items() if k > 1]

    total = sum(counts.values())
    print(f"{total} questions, {len(ids)} ids")
    for split in ("tuning", "heldout"):
        print(split, sum(v for k, v in counts.items() if k[0] == split))
    for doc in gen.NAMES:
        t = sum(v for k, v in counts.items() if k[1] == doc and k[0] == "tuning")
        h = sum(v for k, v in counts.items() if k[1] == doc and k[0] == "heldout")
        print(f"  {doc:30s} tuning {t:3d} heldout {h:3d}")
    for cat in sorted(CATEGORIES):
        row = " ".join(
            f"{sum(v for k, v in counts.items() if k[1] == d and k[2] == cat):3d}" for d in gen.NAMES
        )
        t = sum(v for k, v in counts.items() if k[2] == cat and k[0] == "tuning")
        h = sum(v for k, v in counts.items() if k[2] == cat and k[0] == "heldout")
        print(f"  {cat:18s} by doc {row}   tuning {t:3d} heldout {h:3d}")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
