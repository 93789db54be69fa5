"""The HTTP service (API.md): `create_app(settings, engine=None)` builds the FastAPI app; nothing runs on import.

With `engine=None` the app builds its own `Engine(settings)` and starts it in a background thread when the
lifespan begins, so `/healthz` answers at once and `/readyz` says 503 until the index is loaded; it closes
that engine on shutdown. An engine passed in belongs to the caller, who starts and closes it.

Layers, outermost first: request id + body limit + metrics + access log (`middleware`), CORS when origins are
configured, then the routers; each `/api/v1` and `/v1` route takes the caller (key + rate limit) as a
dependency, document and report routes the admin key.

`GET /` redirects to the UI when one is mounted at `UI_PATH` (`python server.py` mounts it), else to the API docs.
On start-up the lifespan logs where the UI and the API docs are (`app.state.base_url`, set by `server.py`, makes
them full addresses).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import RedirectResponse
from starlette.routing import Mount

from assistant.api import openai_compat
from assistant.api.errors import install_error_handlers
from assistant.api.metrics import make_metrics
from assistant.api.middleware import RequestContextMiddleware
from assistant.api.ratelimit import RateLimiter
from assistant.api.routes import chat, documents, health, match, reports, search
from assistant.core.config import Settings
from assistant.service.chat import ChatService
from assistant.store.db import make_db_engine

log = logging.getLogger("assistant.api")

UI_PATH = "/ui"

_DESCRIPTION = """Answers questions about talent policies from the documents, with citations (contract: API.md).

- **Errors** all have one shape, `{"error": {"code": "snake_case", "message": "中文说明"}}`; a validation message
  names the field (`question：长度至少为 1 个字符`). Each operation lists its error responses below.
- **Sessions**: every chat reply carries a `session_id`; send it back to continue the conversation. An id the
  server never issued (or lost with a database reset) is `404 session_not_found`: drop it and start again.
- **Readiness**: `/readyz` answers `{"status": "ready", "vectors": "filling 120/270" | "complete"}` once queries
  can be answered (BM25 at once, dense retrieval joins when the vectors are complete), `503` before.
"""


def create_app(settings: Settings, engine: Any | None = None, *, service: ChatService | None = None) -> FastAPI:
    owns_engine = engine is None
    if engine is None:
        from assistant.ask.engine import Engine

        engine = Engine(settings)
    service = service or ChatService.from_settings(engine, settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        starter = None
        if owns_engine:
            starter = threading.Thread(target=_start_engine, args=(app,), name="engine-start", daemon=True)
            starter.start()
        _log_addresses(app)
        yield
        if owns_engine:
            if starter is not None:
                starter.join(timeout=30)
            engine.close()

    app = FastAPI(
        title=f"{settings.deployment.title} API",
        version="1.0",
        description=_DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.service = service
    app.state.metrics = make_metrics()
    shared = settings.api.rate_limit_shared and settings.api.rate_limit_per_minute > 0
    app.state.rate_limiter = RateLimiter(
        settings.api.rate_limit_per_minute, db=make_db_engine(settings.db_url) if shared else None
    )
    app.state.upload_lock = threading.Lock()
    app.state.start_error = None

    install_error_handlers(app)
    app.add_api_route("/", _home, methods=["GET"], include_in_schema=False)
    for module in (health, chat, search, documents, reports, match, openai_compat):
        app.include_router(module.router)

    if settings.api.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.api.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type", "X-Request-ID"],
            expose_headers=["X-Request-ID", "Retry-After"],
        )
    app.add_middleware(RequestContextMiddleware, settings=settings, metrics=app.state.metrics)
    return app


def ui_mounted(app: FastAPI) -> bool:
    return any(isinstance(r, Mount) and r.path == UI_PATH for r in app.routes)


def _home(request: Request) -> RedirectResponse:
    app = request.app
    target = UI_PATH if ui_mounted(app) else (app.docs_url or app.redoc_url or "/readyz")
    return RedirectResponse(f"{request.scope.get('root_path', '')}{target}", status_code=307)


def _log_addresses(app: FastAPI) -> None:
    base = getattr(app.state, "base_url", "")
    docs = f"{base}{app.docs_url}" if app.docs_url else "off"
    if ui_mounted(app):
        log.info("UI at %s%s ; API docs at %s", base, UI_PATH, docs)
    else:
        log.info("API docs at %s (no UI mounted: `python server.py` serves it at %s)", docs, UI_PATH)


def _start_engine(app: FastAPI) -> None:
    try:
        app.state.engine.start(progress=False)
    except Exception as e:  # /readyz reports it; the process stays up so operators can see why
        log.exception("engine failed to start")
        app.state.start_error = f"{type(e).__name__}: {e}"
