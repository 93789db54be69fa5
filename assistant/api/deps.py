"""Dependencies routes declare by type: `engine: EngineDep`, `service: ServiceDep`, `caller: CallerDep` …

Everything comes from `app.state`, filled by `create_app`; nothing here is global.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request

from assistant.api.auth import Principal, authenticate, authorize_admin
from assistant.api.errors import ApiError
from assistant.api.metrics import Metrics
from assistant.api.ratelimit import RateLimiter
from assistant.core.config import Settings
from assistant.core.errors import NotReady
from assistant.service.chat import ChatService


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_metrics(request: Request) -> Metrics:
    return request.app.state.metrics


MetricsDep = Annotated[Metrics, Depends(get_metrics)]


def _rate_limit(request: Request, principal: Principal) -> Principal:
    limiter: RateLimiter = request.app.state.rate_limiter
    wait = limiter.acquire(principal.identity)
    if wait is not None:
        header = limiter.retry_after_header(wait)
        raise ApiError(429, "rate_limited", f"请求过于频繁，请 {header} 秒后再试。", headers={"Retry-After": header})
    return principal


def get_caller(request: Request, settings: SettingsDep) -> Principal:
    """The authenticated, rate-limited caller of a `/api/v1` or `/v1` route."""
    return _rate_limit(request, authenticate(request, settings))


CallerDep = Annotated[Principal, Depends(get_caller)]


def get_admin(request: Request, settings: SettingsDep) -> Principal:
    return _rate_limit(request, authorize_admin(request, settings))


AdminDep = Annotated[Principal, Depends(get_admin)]


def get_engine(request: Request) -> Any:
    """The engine, once it can answer; before that every route that needs it answers 503."""
    engine = request.app.state.engine
    if not engine.ready:
        raise NotReady("索引尚未加载完成，请稍后再试。")
    return engine


EngineDep = Annotated[Any, Depends(get_engine)]


def get_service(request: Request, engine: EngineDep) -> ChatService:
    return request.app.state.service


ServiceDep = Annotated[ChatService, Depends(get_service)]


def get_request_id(request: Request) -> str | None:
    return getattr(request.state, "request_id", None)


RequestIdDep = Annotated[str | None, Depends(get_request_id)]
