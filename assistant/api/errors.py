"""Every error the API returns has one shape: `{"error": {"code": "snake_case", "message": "…"}}`.

The handlers here turn each failure into it: the engine's `AssistantError` subclasses (their own status and
code), request validation (422), Starlette's HTTP errors (404 unknown route, 405, 413 from the body limit),
and, as a last resort, anything unexpected (500 `internal_error`, logged with its request id, never shown).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.core.errors import AssistantError

log = logging.getLogger("assistant.api")

_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
    503: "not_ready",
}


class ApiError(StarletteHTTPException):
    """An error raised on purpose by the API layer: a status, a code and a message for the caller.

    A Starlette HTTPException so that FastAPI passes it through untouched even when raised while the body is
    being read (the body-size limit fires from inside `receive`)."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code=status, detail=message, headers=headers)
        self.code = code
        self.message = message


def error_response(
    request: Request | None, status: int, code: str, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    if request is not None:
        metrics = getattr(request.app.state, "metrics", None)
        if metrics is not None:
            metrics.count_error(code)
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def _describe(errors: list[Any]) -> str:
    parts = []
    for e in errors[:5]:
        loc = ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "body"
        parts.append(f"{loc}: {e.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


async def _on_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    code = "invalid_json" if any(e.get("type") == "json_invalid" for e in errors) else "validation_error"
    return error_response(request, 422, code, _describe(errors))


async def _on_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    if isinstance(exc, ApiError):
        return error_response(request, exc.status_code, exc.code, exc.message, exc.headers)
    if exc.status_code == 400:  # FastAPI's "error parsing the body": invalid UTF-8, a broken multipart …
        return error_response(request, 422, "invalid_body", "请求体无法解析（需要 UTF-8 编码的 JSON）。")
    code = _STATUS_CODES.get(exc.status_code, "http_error")
    message = exc.detail if isinstance(exc.detail, str) else code
    if exc.status_code == 404 and message == "Not Found":
        message = f"没有这个接口：{request.method} {request.url.path}"
    return error_response(request, exc.status_code, code, message, getattr(exc, "headers", None))


async def _on_assistant(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AssistantError)
    return error_response(request, exc.status, exc.code, exc.message)


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error (request_id=%s)", getattr(request.state, "request_id", None))
    return error_response(request, 500, "internal_error", "服务器内部错误，请稍后再试。")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(AssistantError, _on_assistant)
    app.add_exception_handler(Exception, _on_unexpected)
