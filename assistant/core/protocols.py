"""The seams between stages. Each protocol has one required method; conveniences are built on top."""

from __future__ import annotations

from typing import Literal, Protocol, runtime_checkable

from assistant.core.types import Answer, ScoredChunk, Turn

EmbedKind = Literal["query", "passage"]


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into vectors. `name` goes into the Chroma collection name so vectors never mix."""

    name: str
    dim: int

    def embed(self, texts: list[str], kind: EmbedKind) -> list[list[float]]: ...


@runtime_checkable
class Retriever(Protocol):
    def retrieve(self, query: str, k: int) -> list[ScoredChunk]: ...


@runtime_checkable
class Generator(Protocol):
    """Writes an answer from numbered sources; returns None when it cannot (the caller falls back)."""

    def generate(self, question: str, sources: list[ScoredChunk], history: list[Turn]) -> Answer | None: ...
