"""The HTTP service (API.md): `create_app(settings, engine=None)` builds the FastAPI app; nothing runs on import.

With `engine=None` the app builds its own `Engine(settings)` and starts it in a background thread when the
lifespan begins, so `/healthz` answers at once and `/readyz` says 503 until the index is loaded; it closes
that engine on shutdown. An engine passed in belongs to the caller, who starts and closes it.

Layers, outermost first: request id + body limit + metrics + access log (`middleware`), CORS when origins are
configured, then the routers; each `/api/v1` and `/v1` route takes the caller (key + rate limit) as a
dependency, document and report routes the admin key.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from assistant.api import openai_compat
from assistant.api.errors import install_error_handlers
from assistant.api.metrics import Metrics
from assistant.api.middleware import RequestContextMiddleware
from assistant.api.ratelimit import RateLimiter
from assistant.api.routes import chat, documents, health, match, reports, search
from assistant.core.config import Settings
from assistant.service.chat import ChatService

log = logging.getLogger("assistant.api")


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
        yield
        if owns_engine:
            if starter is not None:
                starter.join(timeout=30)
            engine.close()

    app = FastAPI(
        title="晋江市人才政策助手 API",
        version="1.0",
        description="Answers questions about Jinjiang's talent policies from the documents, with citations.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.service = service
    app.state.metrics = Metrics()
    app.state.rate_limiter = RateLimiter(settings.api.rate_limit_per_minute)
    app.state.upload_lock = threading.Lock()
    app.state.start_error = None

    install_error_handlers(app)
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


def _start_engine(app: FastAPI) -> None:
    try:
        app.state.engine.start(progress=False)
    except Exception as e:  # /readyz reports it; the process stays up so operators can see why
        log.exception("engine failed to start")
        app.state.start_error = f"{type(e).__name__}: {e}"
