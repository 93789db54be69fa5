"""Fixtures for the HTTP service tests (imported by the test_api* modules; the lead merges them into conftest).

The read-only tests share the session's `plan_engine`; each test gets its own query-log database, so logs,
sessions and feedback never leak between tests. Tests that upload or delete get an engine of their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from assistant.core.config import APISettings, Settings

CLIENT_KEY = "client-key-3f9a"
ADMIN_KEY = "admin-key-77c1"
AUTH = {"Authorization": f"Bearer {CLIENT_KEY}"}
ADMIN = {"X-API-Key": ADMIN_KEY}

# A short policy notice that is not in the plan: what it says can only be answered after it is uploaded.
NOTICE_TITLE = "晋江市青年人才驿站入住办法（试行）"
NOTICE_TEXT = f"""{NOTICE_TITLE}

一、适用对象
来晋江求职的全日制高校毕业生，可申请入住青年人才驿站。

二、入住期限
青年人才驿站为每位求职毕业生提供最长7天的免费住宿，由晋江市青年人才驿站服务中心受理申请。
"""


def api_settings(engine_settings: Settings, log_dir: Path, **api: Any) -> Settings:
    """The engine's settings with the API group replaced and the query log in `log_dir`."""
    log_dir.mkdir(parents=True, exist_ok=True)
    return engine_settings.model_copy(
        update={"database_url": f"sqlite:///{log_dir / 'api.db'}", "api": APISettings(**api)}
    )


def keyed(**api: Any) -> dict[str, Any]:
    return {"keys": [SecretStr(CLIENT_KEY)], "admin_key": SecretStr(ADMIN_KEY), **api}


def make_client(settings: Settings, engine: Any) -> TestClient:
    from assistant.api.app import create_app

    return TestClient(create_app(settings, engine))


@pytest.fixture
def open_client(plan_engine: Any, tmp_path: Path) -> Iterator[TestClient]:
    """The API on the plan with no keys configured (and so no document admin)."""
    with make_client(api_settings(plan_engine.settings, tmp_path / "log"), plan_engine) as client:
        yield client


@pytest.fixture
def keyed_client(plan_engine: Any, tmp_path: Path) -> Iterator[TestClient]:
    """The API on the plan with a client key and an admin key."""
    with make_client(api_settings(plan_engine.settings, tmp_path / "log", **keyed()), plan_engine) as client:
        yield client


@pytest.fixture(scope="module")
def own_engine(tmp_path_factory: pytest.TempPathFactory, plan_corpus: Path, embedding_cache: Path) -> Iterator[Any]:
    """An engine of this module's own on the plan, for tests that upload and delete documents."""
    from assistant.ask.engine import Engine
    from tests.conftest import make_settings

    engine = Engine(make_settings(tmp_path_factory.mktemp("own-data"), plan_corpus, embedding_cache))
    engine.start(progress=False, wait_for_vectors=True)
    yield engine
    engine.close()


@pytest.fixture
def admin_client(own_engine: Any, tmp_path: Path) -> Iterator[TestClient]:
    with make_client(api_settings(own_engine.settings, tmp_path / "log", **keyed()), own_engine) as client:
        yield client
        for doc in own_engine.documents():  # leave the module's engine with the plan alone
            if doc.title == NOTICE_TITLE or doc.filename.startswith("upload-"):
                own_engine.delete_document(doc.doc_id)


@pytest.fixture
def notice_file(tmp_path: Path) -> Path:
    path = tmp_path / "youth-station.txt"
    path.write_text(NOTICE_TEXT, encoding="utf-8")
    return path
