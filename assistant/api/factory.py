"""The app for process managers: `uvicorn 'assistant.api.factory:factory' --factory --workers N`.

uvicorn calls `factory()` once in every worker process. Settings come from the environment only
(`ASSISTANT_…`, nested groups with `__`, see assistant/config.py and docs/deploy.md), so every worker, on one
machine or several, is configured the same way.

The corpus is indexed once for all workers: `Engine.start` takes a database-wide lock, so the first worker
indexes `corpus_dir` when the catalog is empty and the others wait and then find the documents. Vectors are
filled in the background by the engines, as with `python server.py`. The Gradio UI is not mounted here: its queue
keeps per-process state and needs sticky sessions, so it is served by one `python server.py` (docs/deploy.md).
"""

from __future__ import annotations

import json
import logging
import os

from fastapi import FastAPI

from assistant.api.middleware import JsonLogFormatter
from assistant.core.config import Settings


class WorkerLogFormatter(JsonLogFormatter):
    """The JSON log line plus the worker's process id, so an operator can tell N workers' lines apart."""

    def format(self, record: logging.LogRecord) -> str:
        entry = json.loads(super().format(record))
        entry["pid"] = record.process
        return json.dumps(entry, ensure_ascii=False)


def factory() -> FastAPI:
    from assistant.api.app import create_app

    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    handler = logging.StreamHandler()
    handler.setFormatter(WorkerLogFormatter())
    # uvicorn configures only its own loggers; the app's JSON lines go through the root logger.
    logging.basicConfig(level=logging.INFO, handlers=[handler])
    # With a `chroma run` server every query is an HTTP call; a log line each would cost more than the query.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    # The lifespan starts the engine (only the first worker on an empty database indexes the corpus, the others
    # wait for it); /readyz says 503 until it is loaded.
    return create_app(Settings())
