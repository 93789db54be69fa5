"""The `wide3` generality set: its five documents alone are uploaded beside the plan (as a deployment adding a few
documents would), its held-out half is reported like a held-out file (aggregates only), and its questions quote
their documents verbatim."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench import generality

ROOT = Path(__file__).resolve().parent.parent
WIDE3_DOCS = {
    "fengling-guanli-banfa.docx",
    "fengling-shenbao-tongzhi.pdf",
    "heting-duixian-qingdan.pdf",
    "liaoan-rending-mulu.txt",
    "rancheng-anju-wenda.md",
}


def test_wide3_set_has_two_halves_that_upload_only_its_own_documents() -> None:
    found = {label: (path, docs) for label, path, docs in generality.sets(["wide3"])}
    assert list(found) == ["wide3/heldout", "wide3/tuning"]  # held-out first
    for _label, (_path, docs) in found.items():
        assert {d.name for d in docs} == WIDE3_DOCS


def test_wide3_heldout_is_reported_like_a_held_out_file() -> None:
    assert generality.is_heldout("wide3/heldout")
    assert not generality.is_heldout("wide3/tuning")


def test_wide3_questions_quote_their_documents_verbatim() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "data" / "wide3" / "check_wide3.py")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-2000:]
