"""The outer layer every HTTP request passes through (plain ASGI, so it also sees streamed bodies):

- a request id: the caller's `X-Request-ID` when it is a sane token, else a new one; set on every reply and
  on `request.state.request_id`, and written in the access log;
- the body limit, enforced while the body streams in (a declared `Content-Length` over the limit is refused
  before a byte is read): JSON endpoints get `max_body_kb`, uploads `max_upload_mb`. Going over raises an
  `ApiError(413)` from inside `receive`, which FastAPI passes through to the error handlers;
- metrics and one JSON access-log line per request (`assistant.access`), with the answer's stage timings
  (`stages_ms`, from `assistant.core.timing`) when it ran any; no header, and so no key, is logged.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.api.errors import ApiError
from assistant.api.metrics import Metrics
from assistant.core.config import Settings
from assistant.core.timing import collect_stages

access_log = logging.getLogger("assistant.access")

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
# Multipart framing (boundaries, part headers) on top of the file itself.
_MULTIPART_OVERHEAD = 64 * 1024


def _is_json_api(path: str) -> bool:
    return path.startswith(("/api/", "/v1/"))


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings, metrics: Metrics) -> None:
        self.app = app
        self.body_limit = settings.api.max_body_kb * 1024
        self.upload_limit = int(settings.api.max_upload_mb * 1024 * 1024) + _MULTIPART_OVERHEAD
        self.metrics = metrics

    def _limit_for(self, method: str, path: str) -> int:
        if method == "POST" and path.rstrip("/") == "/api/v1/documents":
            return self.upload_limit
        # Outside the JSON API (the Gradio UI's own upload route) only the upload limit applies.
        return self.body_limit if _is_json_api(path) else self.upload_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        incoming = headers.get("x-request-id", "")
        request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        method, path = scope["method"], scope["path"]
        limit = self._limit_for(method, path)
        status = {"code": 500}

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                message = dict(message)
                message["headers"] = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
            await send(message)

        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _too_large(limit)
            return message

        stages_cm = collect_stages()
        stages = stages_cm.__enter__()
        try:
            declared = headers.get("content-length")
            if declared is not None and (not declared.isdigit() or int(declared) > limit):
                await _send_error(send_with_id, _too_large(limit) if declared.isdigit() else _bad_length())
                self.metrics.count_error("payload_too_large" if declared.isdigit() else "bad_request")
                return
            await self.app(scope, limited_receive, send_with_id)
        finally:
            stages_cm.__exit__(None, None, None)
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            seconds = time.perf_counter() - started
            self.metrics.observe_request(method, template, status["code"], seconds)
            if stages.seconds:
                self.metrics.observe_stages(stages.seconds)
            access_log.info(
                json.dumps(
                    {
                        "event": "request",
                        "request_id": request_id,
                        "method": method,
                        "path": path,
                        "route": template,
                        "status": status["code"],
                        "duration_ms": round(seconds * 1000, 1),
                        "body_bytes": received,
                        **({"stages_ms": stages.as_ms()} if stages.seconds else {}),
                    },
                    ensure_ascii=False,
                )
            )


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "payload_too_large", f"请求体超过上限（{limit // 1024} KB）。")


def _bad_length() -> ApiError:
    return ApiError(400, "bad_request", "Content-Length 无效。")


async def _send_error(send: Any, error: ApiError) -> None:
    body = json.dumps({"error": {"code": error.code, "message": error.message}}, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": error.status_code,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


class JsonLogFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message (already JSON for access lines), request id."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
        }
        message = record.getMessage()
        try:
            parsed = json.loads(message)
        except ValueError:
            parsed = None
        if isinstance(parsed, dict):
            entry.update(parsed)
        else:
            entry["message"] = message
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
