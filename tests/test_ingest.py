"""Ingest: idempotent and incremental runs, pruning, uploads that fail leaving the index as it was, vector
filling, and the `python ingest.py` command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.core.config import Settings
from assistant.core.errors import UnreadableDocument, UnsupportedFileType
from assistant.ingest.pipeline import Ingestor, open_ingestor
from tests.conftest import PLAN_DOCX, PLAN_TXT, make_settings

ROOT = Path(__file__).resolve().parent.parent

NOTICE = """晋江市人才公寓管理办法（试行）

一、适用对象

在晋江市工作的硕士、博士及高层次人才，可申请入住人才公寓。

二、租金标准

博士免租金入住三年；硕士租金减半，期限两年。人才公寓由市住建局牵头管理，人社局负责资格审核。
"""


@pytest.fixture
def ingestor(settings: Settings) -> Ingestor:
    ing = open_ingestor(settings)
    yield ing
    ing.db.dispose()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "apartments.txt").write_text(NOTICE, encoding="utf-8")
    return docs


def test_plan_is_indexed_with_its_metadata_and_a_rerun_does_nothing(
    ingestor: Ingestor, plan_corpus: Path
) -> None:
    first = ingestor.ingest_paths([plan_corpus], progress=False)
    assert first.documents == 1 and first.chunks > 100 and first.table_rows > 50 and first.facts > 50
    [doc] = ingestor.catalog.documents()
    assert doc.title == "晋江市“十四五”人才发展规划（2021-2025年）"
    assert doc.doc_number == "晋政文〔2021〕346号" and doc.chunks == first.chunks
    generation = ingestor.catalog.generation()

    again = ingestor.ingest_paths([plan_corpus], progress=False)
    assert (again.documents, again.chunks, again.skipped) == (0, 0, 1)
    assert ingestor.catalog.generation() == generation


def test_changed_file_replaces_its_chunks_and_facts(ingestor: Ingestor, folder: Path) -> None:
    ingestor.ingest_paths([folder], progress=False)
    [old] = ingestor.catalog.documents()
    (folder / "apartments.txt").write_text(NOTICE.replace("三年", "五年"), encoding="utf-8")

    summary = ingestor.ingest_paths([folder], progress=False)
    [new] = ingestor.catalog.documents()
    assert summary.documents == 1 and new.doc_id != old.doc_id
    texts = " ".join(c.text for c in ingestor.catalog.chunks())
    assert "五年" in texts and "三年" not in texts
    assert ingestor.catalog.chunks(old.doc_id) == []
    assert all(f.doc_id == new.doc_id for f in ingestor.facts.all())


def test_prune_drops_documents_whose_files_are_gone(ingestor: Ingestor, folder: Path) -> None:
    shutil.copy(PLAN_TXT, folder / PLAN_TXT.name)
    ingestor.ingest_paths([folder], progress=False)
    assert len(ingestor.catalog.documents()) == 2
    [plan_id] = [d.doc_id for d in ingestor.catalog.documents() if d.filename == PLAN_TXT.name]
    assert any(f.doc_id == plan_id for f in ingestor.facts.all())
    (folder / PLAN_TXT.name).unlink()

    kept = ingestor.ingest_paths([folder], progress=False)
    assert kept.removed == 0 and len(ingestor.catalog.documents()) == 2  # without prune nothing is dropped
    pruned = ingestor.ingest_paths([folder], progress=False, prune=True)
    assert pruned.removed == 1
    assert [d.filename for d in ingestor.catalog.documents()] == ["apartments.txt"]
    assert not any(f.doc_id == plan_id for f in ingestor.facts.all())
    assert ingestor.catalog.chunks(plan_id) == []


def test_a_folder_readme_is_not_indexed(ingestor: Ingestor, folder: Path) -> None:
    (folder / "README.md").write_text("# 本目录存放政策文件\n", encoding="utf-8")
    ingestor.ingest_paths([folder], progress=False)
    assert [d.filename for d in ingestor.catalog.documents()] == ["apartments.txt"]


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("empty.txt", b"", UnreadableDocument),
        ("broken.pdf", b"%PDF-1.7 this is not really a pdf", UnreadableDocument),
        ("broken.docx", b"PK\x03\x04 not a zip archive", UnreadableDocument),
        ("slides.pptx", b"anything", UnsupportedFileType),
    ],
)
def test_a_bad_upload_raises_and_leaves_the_index_as_it_was(
    ingestor: Ingestor, folder: Path, tmp_path: Path, name: str, content: bytes, error: type[Exception]
) -> None:
    ingestor.ingest_paths([folder], progress=False)
    before = (ingestor.catalog.generation(), ingestor.catalog.chunks(), ingestor.facts.all())
    upload = tmp_path / "upload.bin"
    upload.write_bytes(content)
    with pytest.raises(error):
        ingestor.add_file(upload, name)
    assert (ingestor.catalog.generation(), ingestor.catalog.chunks(), ingestor.facts.all()) == before


def test_upload_is_indexed_once_and_a_new_version_replaces_it(ingestor: Ingestor, tmp_path: Path) -> None:
    upload = tmp_path / "tmp-upload"
    upload.write_text(NOTICE, encoding="utf-8")
    info = ingestor.add_file(upload, "人才公寓.txt")
    assert info.filename == "人才公寓.txt" and info.chunks > 0
    assert ingestor.add_file(upload, "人才公寓.txt") == info  # same content: nothing re-indexed

    upload.write_text(NOTICE + "\n三、其他\n\n本办法自印发之日起施行。\n", encoding="utf-8")
    newer = ingestor.add_file(upload, "人才公寓.txt")
    assert [d.doc_id for d in ingestor.catalog.documents()] == [newer.doc_id] != [info.doc_id]


def test_upload_of_a_word_file_is_searchable_by_its_chunks(ingestor: Ingestor) -> None:
    info = ingestor.add_file(PLAN_DOCX, PLAN_DOCX.name)
    assert info.table_rows > 50
    assert any("倍增工程" in c.text for c in ingestor.catalog.chunks(info.doc_id))


def test_fill_vectors_embeds_what_is_missing_once_and_delete_removes_everything(
    ingestor: Ingestor, folder: Path
) -> None:
    ingestor.ingest_paths([folder], progress=False)
    chunk_ids = ingestor.catalog.chunk_ids()
    assert ingestor.fill_vectors(progress=False) == len(chunk_ids)
    assert ingestor.vectors.ids() == chunk_ids
    assert ingestor.fill_vectors(progress=False) == 0

    [doc] = ingestor.catalog.documents()
    assert ingestor.delete(doc.doc_id) is True
    assert ingestor.catalog.documents() == [] and ingestor.vectors.count() == 0 and ingestor.facts.all() == []
    assert ingestor.delete(doc.doc_id) is False


def test_rebuild_starts_from_empty(ingestor: Ingestor, folder: Path) -> None:
    ingestor.ingest_paths([folder], progress=False)
    summary = ingestor.ingest_paths([folder], progress=False, rebuild=True)
    assert (summary.removed, summary.documents, summary.skipped) == (1, 1, 0)


def test_cli_indexes_a_folder_shows_progress_and_prints_a_summary(
    tmp_path: Path, folder: Path, plan_corpus: Path, embedding_cache: Path
) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "ASSISTANT_EMBEDDER__CACHE_PATH": str(embedding_cache)}
    cmd = [sys.executable, str(ROOT / "ingest.py"), str(folder), "--data-dir", str(data)]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert first.returncode == 0, first.stderr
    assert "documents 1" in first.stdout and "skipped 0" in first.stdout
    assert "embedding" in first.stderr  # tqdm's bar
    second = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert "documents 0" in second.stdout and "skipped 1" in second.stdout and "vectors 0" in second.stdout
    # the index the CLI wrote is the one an engine would open
    settings = make_settings(data, plan_corpus, embedding_cache)
    reopened = open_ingestor(settings)
    assert [d.filename for d in reopened.catalog.documents()] == ["apartments.txt"]
    reopened.db.dispose()


def test_cli_reports_a_missing_path(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "ingest.py"), str(tmp_path / "nope"), "--data-dir", str(tmp_path / "d")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 1 and "nope" in done.stderr
