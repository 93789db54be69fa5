"""Open operational endpoints: `/healthz` (the process is up), `/readyz` (queries can be answered, and how far the
background vector fill has got: `{"status": "ready", "vectors": "filling 120/270" | "complete"}`), `/metrics`."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse

from assistant.api.deps import MetricsDep
from assistant.api.errors import error_response
from assistant.api.schemas import ErrorResponse, Readiness, Status

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Status)
def healthz() -> Status:
    return Status(status="ok")


@router.get("/readyz", response_model=Readiness, responses={503: {"model": ErrorResponse, "description": "Not ready"}})
def readyz(request: Request) -> Readiness | JSONResponse:
    engine = request.app.state.engine
    if not engine.ready:
        failure = getattr(request.app.state, "start_error", None)
        message = f"引擎启动失败：{failure}" if failure else "索引尚未加载完成。"
        return error_response(request, 503, "not_ready", message)
    return Readiness(status="ready", vectors=engine.vector_status())


@router.get("/metrics", response_class=PlainTextResponse)
def metrics(m: MetricsDep) -> PlainTextResponse:
    return PlainTextResponse(m.render(), media_type="text/plain; version=0.0.4")
