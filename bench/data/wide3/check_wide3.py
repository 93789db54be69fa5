"""Check bench/data/wide3/{tuning,heldout}.jsonl against the five invented documents in bench/data/wide3/docs/.

Run:  /work/main/.venv/bin/python bench/data/wide3/check_wide3.py

The checks are bench/data/check_set.py's (as for wide2): required fields, a known doc and category, ids wide3-NNN
unique across both files; every tab-separated part of every `evidence` string occurs verbatim in the document text
(make_wide3_docs.doc_text); every `must_contain` string occurs in that text (after NFKC and whitespace removal) or
is a table cell followed by the unit of its column header ("100" under "一次性奖励（万元）" -> "100万元", "1500"
under "补贴标准（元/月）" -> "1500元"); the same strings survive extraction from the generated file (python-docx
paragraphs and table cells; pdfplumber page text and table cells AND pypdf for the two PDFs; the TXT and Markdown as
is); two_part/followup/unanswerable shapes; the invented mark in every document. This set adds one category,
`processing` (how many 工作日 a step takes). Prints counts only (no question text), so running it does not expose
the held-out half. Whether an unanswerable question is really unanswered is a human judgement, not checked here.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import check_set  # noqa: E402
import make_wide3_docs as gen  # noqa: E402

check_set.CATEGORIES.add("processing")

if __name__ == "__main__":
    raise SystemExit(check_set.check(HERE, gen, "wide3"))
