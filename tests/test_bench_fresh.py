"""The `fresh` generality set: nine documents compete (six policy + three fresh) and it is reported as held-out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench import generality

ROOT = Path(__file__).resolve().parent.parent
FRESH_DOCS = {
    "luding-baozhang-banfa.docx",
    "baichuan-shenghuo-butie-zhinan.pdf",
    "lanjiang-jineng-dashi-tongzhi.txt",
}


def test_fresh_set_uploads_the_policy_documents_beside_its_own() -> None:
    found = {label: (path, docs) for label, path, docs in generality.sets(["fresh"])}
    path, docs = found["fresh"]
    names = {d.name for d in docs}
    assert path.name == "questions.jsonl"
    assert FRESH_DOCS <= names
    assert {"banfa-boshi.docx", "shenbao-tongzhi.pdf", "shishi-xize.txt", "zhengce-wenda.md"} <= names
    assert len(docs) == 9


def test_fresh_is_reported_like_a_held_out_file() -> None:
    assert generality.is_heldout("fresh")
    assert generality.is_heldout("policy/heldout")
    assert not generality.is_heldout("policy/tuning")


def test_fresh_questions_quote_their_documents_verbatim() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "data" / "fresh" / "check_fresh.py")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-2000:]
