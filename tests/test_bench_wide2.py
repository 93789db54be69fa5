"""The `wide2` generality set: ten documents compete (six policy + four wide2), its held-out half is reported
like a held-out file (aggregates only), and its questions quote their documents verbatim."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench import generality

ROOT = Path(__file__).resolve().parent.parent
WIDE2_DOCS = {
    "chengling-zhengce-jiedu.pdf",
    "puzhou-boshi-xize.docx",
    "tongyuan-rending-gongshi.txt",
    "tongyuan-shenbao-zhinan.md",
}


def test_wide2_set_has_two_halves_that_upload_the_policy_documents_beside_its_own() -> None:
    found = {label: (path, docs) for label, path, docs in generality.sets(["wide2"])}
    assert list(found) == ["wide2/heldout", "wide2/tuning"]  # held-out first, as for plan, policy and wide
    for _label, (_path, docs) in found.items():
        names = {d.name for d in docs}
        assert WIDE2_DOCS <= names
        assert {"banfa-boshi.docx", "shenbao-tongzhi.pdf", "shishi-xize.txt", "zhengce-wenda.md"} <= names
        assert len(docs) == 10


def test_wide2_heldout_is_reported_like_a_held_out_file() -> None:
    assert generality.is_heldout("wide2/heldout")
    assert not generality.is_heldout("wide2/tuning")


def test_wide2_questions_quote_their_documents_verbatim() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "data" / "wide2" / "check_wide2.py")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-2000:]
