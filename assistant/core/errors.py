"""Errors the engine raises on purpose. The API maps each to its status and the error shape of API.md."""

from __future__ import annotations


class AssistantError(Exception):
    status: int = 400
    code: str = "bad_request"

    def __init__(self, message: str, *, code: str | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        if status:
            self.status = status


class UnsupportedFileType(AssistantError):
    status, code = 415, "unsupported_file_type"


class DocumentTooLarge(AssistantError):
    status, code = 413, "payload_too_large"


class UnreadableDocument(AssistantError):
    """Encrypted, corrupt, scanned without a text layer, or no text at all. The index is left as it was."""

    status, code = 422, "unreadable_document"


class DocumentNotFound(AssistantError):
    status, code = 404, "document_not_found"


class NotReady(AssistantError):
    status, code = 503, "not_ready"
