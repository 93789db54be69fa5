"""Check bench/data/wide/{tuning,heldout}.jsonl against the three invented documents in bench/data/wide/docs/.

Run:  /work/main/.venv/bin/python bench/data/wide/check_wide.py

For every record: required fields, a known doc and category, ids wide-NNN unique across both files; every
tab-separated part of every `evidence` string occurs verbatim in the document text (make_wide_docs.doc_text);
every `must_contain` string occurs in that text (after NFKC and whitespace removal, as bench.metrics compares)
or is a table cell followed by the unit of its column header ("80" under "奖励金额（万元）" -> "80万元"); and
the same strings (evidence parts and must_contain, the latter as text or as a cell of an extracted table row
whose header carries the unit) survive extraction from the generated file — python-docx paragraphs and table
cells for the DOCX; pdfplumber (page text plus table cells) AND pypdf for the PDF; the Markdown as is.
two_part records have `parts` covering must_contain; followup records have a user/assistant history;
unanswerable records have an empty answer, must_contain and evidence. Each document must carry the
“invented” mark. Prints counts only (no question text), so running it does not expose the held-out half.
Whether an unanswerable question is really unanswered is a human judgement, not checked here.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import make_wide_docs as gen  # noqa: E402
from check_set import check  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(check(HERE, gen, "wide"))
