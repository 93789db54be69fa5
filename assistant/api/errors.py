"""Every error the API returns has one shape: `{"error": {"code": "snake_case", "message": "…"}}`.

The handlers here turn each failure into it: the engine's `AssistantError` subclasses (their own status and
code), request validation (422), Starlette's HTTP errors (404 unknown route, 405, 413 from the body limit),
and, as a last resort, anything unexpected (500 `internal_error`, logged with its request id, never shown).

Messages are Chinese and name the field a caller got wrong: "question：长度至少为 1 个字符",
"top_k：不能大于 50", "history.0.role：取值只能是 'user' 或 'assistant'", "请求体不是合法的 JSON（第 13 个字符附近）".
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


# pydantic's error types (https://docs.pydantic.dev/latest/errors/validation_errors/) in Chinese; `{…}` are
# filled from the error's `ctx`. A type not listed falls back to a generic message, never to pydantic's English.
_MESSAGES_ZH = {
    "missing": "缺少必填字段",
    "string_too_short": "长度至少为 {min_length} 个字符",
    "string_too_long": "长度不能超过 {max_length} 个字符",
    "string_type": "应为字符串",
    "string_pattern_mismatch": "格式不正确（应匹配 {pattern}）",
    "string_unicode": "应为合法的 UTF-8 字符串",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数，不能带小数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为数组",
    "dict_type": "应为 JSON 对象",
    "model_type": "应为 JSON 对象",
    "model_attributes_type": "应为 JSON 对象",
    "greater_than_equal": "不能小于 {ge}",
    "greater_than": "必须大于 {gt}",
    "less_than_equal": "不能大于 {le}",
    "less_than": "必须小于 {lt}",
    "too_short": "至少需要 {min_length} 项",
    "too_long": "最多 {max_length} 项",
    "literal_error": "取值只能是 {expected}",
    "enum": "取值只能是 {expected}",
    "extra_forbidden": "不支持这个字段",
    "date_parsing": "应为日期，如 2025-01-31",
    "date_from_datetime_parsing": "应为日期，如 2025-01-31",
    "datetime_parsing": "应为日期时间，如 2025-01-31T09:00:00",
    "datetime_from_date_parsing": "应为日期时间，如 2025-01-31T09:00:00",
}
# Where a parameter came from is the first element of `loc`; the rest names the field.
_SOURCES = {"body", "query", "path", "header", "cookie"}


def _field(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = list(loc)
    if parts and parts[0] in _SOURCES:
        parts = parts[1:]
    return ".".join(str(p) for p in parts)


def describe_error(error: Mapping[str, Any]) -> str:
    """One pydantic/FastAPI validation error as "field：问题" in Chinese."""
    kind = str(error.get("type", ""))
    loc = tuple(error.get("loc", ()))
    ctx = dict(error.get("ctx") or {})
    if kind == "json_invalid":
        where = loc[1] if len(loc) > 1 and isinstance(loc[1], int) else None
        return "请求体不是合法的 JSON" + (f"（第 {where} 个字符附近）" if where is not None else "")
    field = _field(loc)
    if kind == "missing" and not field:
        return "缺少请求体（需要一个 JSON 对象）"
    if kind == "value_error":  # a validator's own message: ours are written in Chinese
        text = str(error.get("msg", "")).removeprefix("Value error, ")
    elif kind in _MESSAGES_ZH:
        if "expected" in ctx:
            ctx["expected"] = str(ctx["expected"]).replace("' or '", "' 或 '")
        try:
            text = _MESSAGES_ZH[kind].format(**ctx)
        except (KeyError, IndexError):
            text = _MESSAGES_ZH[kind].split("{")[0].rstrip(" ，")
    else:
        text = "取值无效"
    return f"{field or '请求体'}：{text}"


def _describe(errors: list[Any]) -> str:
    parts = list(dict.fromkeys(describe_error(e) for e in errors[:5]))
    return "；".join(parts) or "请求无效"


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
    elif exc.status_code == 405 and message == "Method Not Allowed":
        message = f"这个接口不支持 {request.method} 方法：{request.url.path}"
    elif message.isascii():  # Starlette's stock English phrases ("Not Acceptable" …)
        message = f"请求无法处理（HTTP {exc.status_code}）：{message}"
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
