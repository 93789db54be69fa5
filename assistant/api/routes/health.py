"""Open operational endpoints: `/healthz` (the process is up), `/readyz` (queries can be answered), `/metrics`."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse

from assistant.api.deps import MetricsDep
from assistant.api.errors import error_response
from assistant.api.schemas import ErrorResponse, Status

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Status)
def healthz() -> Status:
    return Status(status="ok")


@router.get("/readyz", response_model=Status, responses={503: {"model": ErrorResponse}})
def readyz(request: Request) -> Status | JSONResponse:
    if not request.app.state.engine.ready:
        failure = getattr(request.app.state, "start_error", None)
        message = f"引擎启动失败：{failure}" if failure else "索引尚未加载完成。"
        return error_response(request, 503, "not_ready", message)
    return Status(status="ready")


@router.get("/metrics", response_class=PlainTextResponse)
def metrics(m: MetricsDep) -> PlainTextResponse:
    return PlainTextResponse(m.render(), media_type="text/plain; version=0.0.4")
