"""Scale-out on real servers: the service on a throwaway PostgreSQL cluster (initdb + pg_ctl in a temp dir), and
`uvicorn 'assistant.api.factory:factory' --factory --workers 2` sharing that PostgreSQL and a `chroma run`
server, configured only through ASSISTANT_* environment variables, as docs/deploy.md deploys it.

Skipped only where Debian's postgresql binaries are absent (scripts/setup.sh installs them for the tests)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from assistant.core.config import PROJECT_ROOT, APISettings
from tests.conftest import make_settings
from tests.conftest_api import (
    ADMIN,
    ADMIN_KEY,
    AUTH,
    CLIENT_KEY,
    NOTICE_TEXT,
    NOTICE_TITLE,
    keyed,
    make_client,
)

pytestmark = [pytest.mark.slow]

FOLLOW_UP = ("博士后工作站现在有几家？", "那到2025年呢？")
# Something a caller could ask that the plan does not state: it must be refused and reach the report.
NOT_IN_PLAN = "晋江市人社局的咨询电话是多少？"
STATION_QUESTION = "青年人才驿站免费住宿最长几天？"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def postgres_bin() -> Path | None:
    """The newest Debian PostgreSQL server's bin dir (/usr/lib/postgresql/<version>/bin), or one on PATH."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0)
    if found:
        return found[-1].parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path and shutil.which("initdb") else None


class Postgres:
    """A running throwaway cluster; `database(name)` creates a database and returns its SQLAlchemy URL."""

    def __init__(self, port: int) -> None:
        self.port = port

    def database(self, name: str, driver: str = "postgresql+psycopg") -> str:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"{driver}://postgres@127.0.0.1:{self.port}/{name}"

    def scalar(self, url: str, sql: str) -> Any:
        import psycopg

        dbname = url.rsplit("/", 1)[1]
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname={dbname}") as conn:
            row = conn.execute(sql).fetchone()
            return row[0] if row else None


@pytest.fixture(scope="module")
def postgres() -> Iterator[Postgres]:
    bin_dir = postgres_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries not installed (apt-get install postgresql; scripts/setup.sh test)")
    # root may not run postgres: run it as the `postgres` user, in a dir it owns outside pytest's 0700 tmp tree
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    root = Path(tempfile.mkdtemp(prefix="assistant-pg-"))
    if as_postgres:
        shutil.chown(root, user="postgres")
    data, port = root / "data", free_port()
    run = lambda *cmd: subprocess.run([*as_postgres, *map(str, cmd)], check=True, capture_output=True, timeout=120)  # noqa: E731
    try:
        run(bin_dir / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale")
        options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
        run(bin_dir / "pg_ctl", "-D", data, "-l", root / "server.log", "-w", "-t", "60", "-o", options, "start")
        yield Postgres(port)
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run([*as_postgres, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], timeout=60)
        shutil.rmtree(root, ignore_errors=True)


# ---------------------------------------------------------------- one worker on PostgreSQL


def test_the_service_keeps_everything_in_postgresql_across_a_restart(
    postgres: Postgres, plan_corpus: Path, embedding_cache: Path, tmp_path: Path
) -> None:
    from assistant.ask.engine import Engine

    url = postgres.database("service")
    settings = make_settings(tmp_path / "data", plan_corpus, embedding_cache, database_url=url, api=APISettings(**keyed()))

    engine = Engine(settings)
    engine.start(progress=False)  # ingests the plan into PostgreSQL
    try:
        with make_client(settings, engine) as client:
            docs = client.get("/api/v1/documents", headers=ADMIN).json()["documents"]
            assert [d["filename"] for d in docs] == [next(plan_corpus.iterdir()).name]
            first = client.post("/api/v1/chat", json={"question": FOLLOW_UP[0]}, headers=AUTH).json()
            assert "2家" in first["answer"] and first["citations"]
            refused = client.post("/api/v1/chat", json={"question": NOT_IN_PLAN}, headers=AUTH).json()
            assert refused["answerable"] is False
            rated = client.post("/api/v1/feedback", json={"answer_id": first["answer_id"], "rating": "down"}, headers=AUTH)
            assert rated.status_code == 201
    finally:
        engine.close()

    # the log, the session, the feedback and the catalog are rows in PostgreSQL, not a file in the data dir
    assert postgres.scalar(url, "SELECT count(*) FROM query_log") == 2
    assert postgres.scalar(url, "SELECT count(*) FROM feedback WHERE rating = 'down'") == 1
    assert postgres.scalar(url, "SELECT count(*) FROM chunks") > 100
    assert not (tmp_path / "data" / "assistant.db").exists()

    # restart, given the URL the way a DBA writes it (no driver): the conversation goes on where it stopped
    restarted = settings.model_copy(update={"database_url": url.replace("postgresql+psycopg://", "postgresql://")})
    engine = Engine(restarted)
    engine.start(progress=False)
    try:
        with make_client(restarted, engine) as client:
            follow = client.post(
                "/api/v1/chat", json={"question": FOLLOW_UP[1], "session_id": first["session_id"]}, headers=AUTH
            ).json()
            assert follow["session_id"] == first["session_id"]
            assert "博士后工作站" in follow["answer"] and "4家" in follow["answer"]
            today = date.today()
            report = client.get(
                "/api/v1/reports/unanswered",
                params={"start": str(today - timedelta(days=1)), "end": str(today + timedelta(days=1)), "format": "csv"},
                headers=ADMIN,
            )
            assert report.status_code == 200
            assert NOT_IN_PLAN in report.text and FOLLOW_UP[0] in report.text  # refused, and thumbs-down
            assert len(client.get("/api/v1/documents", headers=ADMIN).json()["documents"]) == 1  # not re-ingested
    finally:
        engine.close()


# ---------------------------------------------------------------- two uvicorn workers, chroma run, PostgreSQL


@pytest.fixture(scope="module")
def chroma_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = free_port()
    with (tmp_path_factory.mktemp("chroma-log") / "chroma.log").open("wb") as log:
        server = subprocess.Popen(
            [exe, "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(tmp_path_factory.mktemp("chroma"))],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until(lambda: _answers(f"http://127.0.0.1:{port}/api/v2/heartbeat"), 60, server, "chroma run")
            yield port
        finally:
            server.terminate()
            server.wait(timeout=10)


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=1).status_code == 200
    except httpx.TransportError:
        return False


def wait_until(ready: Callable[[], bool], seconds: float, process: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not ready():
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start (exit {process.poll()})")
        time.sleep(0.3)


class Workers:
    """`uvicorn --workers 2` on one port; which worker answered a request is read from its JSON access log."""

    def __init__(self, base: str, log: Path) -> None:
        self.base, self.log = base, log

    def _pid_of(self, request_ids: set[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for line in self.log.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict) and entry.get("event") == "request" and entry.get("request_id") in request_ids:
                found[entry["request_id"]] = entry["pid"]
        return found

    def describe(self) -> str:
        """Requests per (worker pid, status) and the last lines that are not access lines: for a failure message."""
        counts: dict[str, int] = {}
        other: list[str] = []
        for line in self.log.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                entry = None
            if isinstance(entry, dict) and entry.get("event") == "request":
                key = f"{entry.get('pid')}:{entry.get('status')}"
                counts[key] = counts.get(key, 0) + 1
            else:
                other.append(line[:200])
        return f"requests by pid:status {counts}; log tail: {other[-8:]}"

    def ask(self, question: str) -> tuple[str, int, dict[str, Any]]:
        request_id = f"probe-{uuid.uuid4().hex[:12]}"
        # a new connection per request, so the kernel may hand it to either worker
        with httpx.Client(base_url=self.base, timeout=30) as client:
            r = client.post("/api/v1/chat", json={"question": question}, headers={**AUTH, "X-Request-ID": request_id})
        return request_id, r.status_code, r.json()

    def answered_by_both(self, question: str, accept: Callable[[dict[str, Any]], bool], seconds: float) -> set[int]:
        """Ask concurrently until two different worker processes gave an accepted answer; their pids."""
        pids: set[int] = set()
        deadline = time.monotonic() + seconds
        with ThreadPoolExecutor(6) as pool:
            while len(pids) < 2 and time.monotonic() < deadline:
                replies = list(pool.map(lambda _: self.ask(question), range(6)))
                good = {rid for rid, status, body in replies if status == 200 and accept(body)}
                settle = time.monotonic() + 5  # the access line is written just after the reply
                while (by_id := self._pid_of(good)).keys() != good and time.monotonic() < settle:
                    time.sleep(0.1)
                pids |= set(by_id.values())
        return pids


@pytest.fixture
def workers(
    postgres: Postgres, chroma_port: int, plan_corpus: Path, embedding_cache: Path, plan_engine: Any, tmp_path: Path
) -> Iterator[Workers]:
    # plan_engine is asked for only so that the shared passage-vector cache is warm: the workers then start in
    # seconds instead of each embedding the plan
    port, log = free_port(), tmp_path / "workers.log"
    env = {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(tmp_path / "data"),
        "ASSISTANT_CORPUS_DIR": str(plan_corpus),
        "ASSISTANT_DATABASE_URL": postgres.database("workers"),
        "ASSISTANT_CHROMA__MODE": "http",
        "ASSISTANT_CHROMA__PORT": str(chroma_port),
        "ASSISTANT_EMBEDDER__CACHE_PATH": str(embedding_cache),
        "ASSISTANT_API__KEYS": json.dumps([CLIENT_KEY]),
        "ASSISTANT_API__ADMIN_KEY": ADMIN_KEY,
        "ASSISTANT_API__RATE_LIMIT_PER_MINUTE": "0",
    }
    command = [sys.executable, "-m", "uvicorn", "assistant.api.factory:factory", "--factory", "--workers", "2",
               "--host", "127.0.0.1", "--port", str(port), "--no-access-log"]
    with log.open("wb") as out:
        server = subprocess.Popen(command, env=env, cwd=PROJECT_ROOT, stdout=out, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        try:
            wait_until(lambda: _answers(f"http://127.0.0.1:{port}/readyz"), 120, server, "uvicorn workers")
            yield Workers(f"http://127.0.0.1:{port}", log)
        finally:
            server.send_signal(signal.SIGTERM)  # uvicorn's parent stops its workers
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)  # the group is this server's own (start_new_session)
                server.wait(timeout=10)


def test_two_uvicorn_workers_both_answer_an_upload_and_both_forget_a_deletion(workers: Workers) -> None:
    knows_station = lambda body: "7天" in body["answer"]  # noqa: E731

    before = workers.answered_by_both(STATION_QUESTION, lambda body: not knows_station(body), 120)
    assert len(before) == 2, f"only workers {before} answered before the upload: {workers.describe()}"

    with httpx.Client(base_url=workers.base, timeout=60) as admin:
        up = admin.post("/api/v1/documents", files={"file": ("station.txt", NOTICE_TEXT.encode(), "text/plain")}, headers=ADMIN)
        assert up.status_code == 201, up.text
        doc_id = up.json()["doc_id"]
        assert NOTICE_TITLE in [d["title"] for d in admin.get("/api/v1/documents", headers=ADMIN).json()["documents"]]

        after_upload = workers.answered_by_both(STATION_QUESTION, knows_station, 15)
        assert after_upload == before, f"within 15 s only {after_upload} answered from the upload: {workers.describe()}"

        assert admin.delete(f"/api/v1/documents/{doc_id}", headers=ADMIN).status_code == 204
        forgot = workers.answered_by_both(
            STATION_QUESTION,
            lambda body: not knows_station(body) and all(c["doc_id"] != doc_id for c in body["citations"]),
            15,
        )
        assert forgot == before, f"within 15 s only {forgot} stopped citing the deleted document: {workers.describe()}"
