"""The `wide` generality set: nine documents compete (six policy + three wide), its held-out half is reported
like a held-out file (aggregates only), and its questions quote their documents verbatim."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench import generality

ROOT = Path(__file__).resolve().parent.parent
WIDE_DOCS = {"qiwan-duixian-qingdan.docx", "junzhou-rending-jiangli.pdf", "jiyang-tuoju-tongzhi.md"}


def test_wide_set_has_two_halves_that_upload_the_policy_documents_beside_its_own() -> None:
    found = {label: (path, docs) for label, path, docs in generality.sets(["wide"])}
    assert list(found) == ["wide/heldout", "wide/tuning"]  # held-out first, as for plan and policy
    for _label, (_path, docs) in found.items():
        names = {d.name for d in docs}
        assert WIDE_DOCS <= names
        assert {"banfa-boshi.docx", "shenbao-tongzhi.pdf", "shishi-xize.txt", "zhengce-wenda.md"} <= names
        assert len(docs) == 9


def test_wide_heldout_is_reported_like_a_held_out_file() -> None:
    assert generality.is_heldout("wide/heldout")
    assert not generality.is_heldout("wide/tuning")


def test_wide_questions_quote_their_documents_verbatim() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "data" / "wide" / "check_wide.py")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-2000:]
