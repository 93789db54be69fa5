"""Checks shared by the blind bench sets (bench/data/wide, bench/data/wide2): a set's questions against its invented
documents.

    check(folder, gen, prefix) -> 0 | 1     folder holds tuning.jsonl, heldout.jsonl and docs/; `gen` is the set's
                                             generator module (NAMES, MARK, doc_text(name), table_value_strings(name))

For every record: required fields, a known doc and category, ids `prefix`-NNN unique across both files; every
tab-separated part of every `evidence` string occurs verbatim in the document text; every `must_contain` string
occurs in it (after NFKC and whitespace removal) or is a table cell followed by the unit of its column header; and
all of these survive extraction: python-docx paragraphs and table cells for a DOCX; pdfplumber (page text plus
table cells) AND pypdf for a PDF; a TXT or Markdown as is. Every document carries the "invented" mark. Prints
counts only (no question text), so running it does not expose the held-out half.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from types import ModuleType

CATEGORIES = {
    "amount", "table_value", "condition", "deadline", "materials", "where_how", "contact", "responsible_unit",
    "duration", "effective", "consequence", "metadata", "list", "yes_no", "unanswerable", "followup", "two_part",
}  # fmt: skip
FIELDS = ("id", "doc", "category", "question", "answer", "must_contain", "evidence")


def norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def extracted(folder: Path, name: str) -> list[tuple[str, str]]:
    """(label, text) per extraction library of `folder`/docs/`name`."""
    path = folder / "docs" / name
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


def check(folder: Path, gen: ModuleType, prefix: str) -> int:
    """Check `folder`/{tuning,heldout}.jsonl (ids `prefix`-NNN) against the documents `gen` makes; 0 when clean."""
    texts = {n: gen.doc_text(n) for n in gen.NAMES}
    ntexts = {n: norm(t) for n, t in texts.items()}
    cells = {n: {norm(s) for s in gen.table_value_strings(n)} for n in gen.NAMES}
    extracts = {n: [(label, norm(t)) for label, t in extracted(folder, n)] for n in gen.NAMES}
    errors: list[str] = []
    ids: Counter = Counter()
    counts: Counter = Counter()
    for n in gen.NAMES:
        if gen.MARK not in texts[n] or not all(gen.MARK in t for _, t in extracted(folder, n)):
            errors.append(f"{n}: the 'invented' mark is missing from the text or an extraction")
    for split in ("tuning", "heldout"):
        lines = (folder / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
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
            if not re.fullmatch(rf"{prefix}-\d{{3}}", r["id"]):
                errors.append(f"{where}: id is not {prefix}-NNN")
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
