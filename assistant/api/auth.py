"""Who is calling: API keys from settings, checked in constant time and never logged.

- `/api/v1/*` and `/v1/*` need a client key (or the admin key) when `settings.api.keys` is not empty, sent as
  `Authorization: Bearer <key>` or `X-API-Key: <key>`; with no keys configured they are open.
- Admin endpoints need the admin key, and are refused (403) when none is configured: a forgotten setting
  must not leave document management open to the internet.

A caller is identified for rate limiting by a short hash of its key (or its address when the API is open),
so the key itself never reaches a log line or a metric label.
"""

from __future__ import annotations

import hashlib
import hmac

from fastapi import Request
from pydantic import BaseModel, ConfigDict, SecretStr

from assistant.api.errors import ApiError
from assistant.core.config import Settings


class Principal(BaseModel):
    model_config = ConfigDict(frozen=True)

    identity: str
    admin: bool = False


def presented_key(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return request.headers.get("x-api-key") or None


def key_matches(presented: str, candidates: list[SecretStr]) -> bool:
    """Compare against every candidate without stopping early, so timing tells nothing about which matched."""
    given = presented.encode("utf-8", "surrogateescape")
    found = False
    for candidate in candidates:
        found |= hmac.compare_digest(given, candidate.get_secret_value().encode("utf-8", "surrogateescape"))
    return found


def _identity_of(key: str) -> str:
    return "key:" + hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:12]


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})


def authenticate(request: Request, settings: Settings) -> Principal:
    keys, admin = settings.api.keys, settings.api.admin_key
    key = presented_key(request)
    is_admin = bool(key and admin is not None and key_matches(key, [admin]))
    if not keys:
        identity = _identity_of(key) if is_admin and key else f"ip:{request.client.host if request.client else '-'}"
        return Principal(identity=identity, admin=is_admin)
    if key is None:
        raise _unauthorized("缺少 API 密钥（Authorization: Bearer <key> 或 X-API-Key）。")
    if not (is_admin or key_matches(key, keys)):
        raise _unauthorized("API 密钥无效。")
    return Principal(identity=_identity_of(key), admin=is_admin)


def authorize_admin(request: Request, settings: Settings) -> Principal:
    if settings.api.admin_key is None:
        raise ApiError(403, "admin_disabled", "未配置管理员密钥（ASSISTANT_API__ADMIN_KEY），管理接口已关闭。")
    key = presented_key(request)
    if key is None:
        raise _unauthorized("此接口需要管理员密钥。")
    if not key_matches(key, [settings.api.admin_key]):
        raise _unauthorized("管理员密钥无效。")
    return Principal(identity=_identity_of(key), admin=True)
