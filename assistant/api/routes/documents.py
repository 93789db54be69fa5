"""Document admin (API.md): list, upload (multipart field `file`), delete. All need the admin key.

An upload is checked in this order, each failure a 4xx that leaves the index as it was: admin key (before a
byte of the body is read: the route declares no body parameter, so FastAPI does not parse the form first),
size (enforced while the body streams in, see `middleware`), a `file` part, a safe file name, the file type
(415), a non-empty file, then the engine's own parse (422 for encrypted, scanned or empty documents).
Uploads are indexed one at a time, so two concurrent uploads of the same file cannot race each other.
"""

from __future__ import annotations

import logging
import re
import shutil
import unicodedata
import uuid
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Annotated

from fastapi import APIRouter, Request, Response
from fastapi import Path as PathParam
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from assistant.api.deps import AdminDep, EngineDep, SettingsDep
from assistant.api.errors import ApiError
from assistant.api.schemas import ERROR_RESPONSES, DocumentOut, DocumentsResponse
from assistant.core.errors import AssistantError, UnreadableDocument

log = logging.getLogger("assistant.api")

router = APIRouter(prefix="/api/v1/documents", tags=["documents"], responses=ERROR_RESPONSES)

UPLOAD_TYPES = {".pdf", ".docx", ".txt", ".md"}
_COPY_CHUNK = 1024 * 1024

UPLOAD_SCHEMA = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {"file": {"type": "string", "format": "binary"}},
                }
            }
        },
    }
}


def safe_filename(raw: str | None) -> str:
    """The file's own name without any directory part, control characters or leading dots."""
    name = PureWindowsPath(PurePosixPath(raw or "").name).name
    name = "".join(ch for ch in unicodedata.normalize("NFC", name) if unicodedata.category(ch)[0] != "C")
    name = re.sub(r"\s+", " ", name).strip().lstrip(".")
    if len(name) > 200:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: 200 - len(ext) - 1] + dot + ext) if dot else name[:200]
    return name


@router.get("", response_model=DocumentsResponse)
def list_documents(engine: EngineDep, _admin: AdminDep) -> DocumentsResponse:
    return DocumentsResponse(documents=[DocumentOut.of(d) for d in engine.documents()])


@router.post("", status_code=201, response_model=DocumentOut, openapi_extra=UPLOAD_SCHEMA)
async def upload_document(request: Request, engine: EngineDep, settings: SettingsDep, _admin: AdminDep) -> DocumentOut:
    if not request.headers.get("content-type", "").lower().startswith("multipart/form-data"):
        raise ApiError(415, "unsupported_media_type", "上传请使用 multipart/form-data，文件放在 file 字段。")
    async with request.form(max_files=1, max_fields=5) as form:
        file = form.get("file")
        if not isinstance(file, UploadFile):
            raise ApiError(422, "file_required", "缺少文件（multipart 字段 file）。")
        filename = safe_filename(file.filename)
        suffix = Path(filename).suffix.lower()
        if not filename or not Path(filename).stem:
            raise ApiError(422, "invalid_filename", "文件名无效。")
        if suffix not in UPLOAD_TYPES:
            raise ApiError(415, "unsupported_file_type", f"不支持的文件类型“{suffix or filename}”；支持 PDF、DOCX、TXT、MD。")
        folder = settings.data_dir / "uploads" / uuid.uuid4().hex
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / filename
        try:
            size = await _copy(file, target, int(settings.api.max_upload_mb * 1024 * 1024))
            if size == 0:
                raise ApiError(422, "empty_file", f"文件 {filename} 是空的。")
            info = await run_in_threadpool(_add_one_at_a_time, request, engine, target, filename)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
    return DocumentOut.of(info)


async def _copy(file: UploadFile, target: Path, limit: int) -> int:
    size = 0
    with target.open("wb") as out:
        while chunk := await file.read(_COPY_CHUNK):
            size += len(chunk)
            if size > limit:
                raise ApiError(413, "payload_too_large", f"文件超过 {limit // (1024 * 1024)} MB 上限。")
            out.write(chunk)
    return size


def _add_one_at_a_time(request: Request, engine: object, path: Path, filename: str):  # type: ignore[no-untyped-def]
    with request.app.state.upload_lock:
        try:
            return engine.add_document(path, filename)  # type: ignore[attr-defined]
        except AssistantError:
            raise
        except Exception as e:
            # A parser choking on a malformed file is the file's fault, not the server's: the caller gets a
            # 4xx, the operator the traceback.
            log.exception("ingesting upload %s failed", filename)
            raise UnreadableDocument(f"无法读取文件 {filename}（{type(e).__name__}）。") from e


@router.delete("/{doc_id}", status_code=204, response_class=Response)
def delete_document(
    doc_id: Annotated[str, PathParam(min_length=1, max_length=128)],
    request: Request,
    engine: EngineDep,
    _admin: AdminDep,
) -> Response:
    with request.app.state.upload_lock:
        engine.delete_document(doc_id)
    return Response(status_code=204)
