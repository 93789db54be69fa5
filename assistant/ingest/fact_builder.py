"""Building `Fact`s from text: stable ids, tidy fields and the page a quote stands on.

    b = FactBuilder(doc)
    b.add("amount", chunk, quote, subject="引进博士", value="2000元", unit="元/月")
    b.facts -> list[Fact]
    fact_id(doc_id, kind, name, quote) -> str       the same inputs give the same id (idempotent ingest)

Contract: a fact's name is its subject, else the last heading of its chunk's section, else its kind; its page
is the given one, else the page of the paragraph holding the quote, else the chunk's page.
"""

from __future__ import annotations

import hashlib
import re

from assistant.core.types import Chunk, Fact, Paragraph, RawDocument


def fact_id(doc_id: str, kind: str, name: str, quote: str) -> str:
    return hashlib.sha256("\x1f".join((doc_id, kind, name, quote)).encode()).hexdigest()[:32]


_GAP = re.compile(r"(?<=[\u4e00-\u9fff\d（）“”《》])\s+(?=[\u4e00-\u9fff\d（）“”《》])")


def _tidy(text: str | None) -> str | None:
    """A field read from text, without the spaces a rendering puts around numbers ('建成 21 个' = '建成21个')."""
    return _GAP.sub("", text).strip() if text else text


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


class FactBuilder:
    def __init__(self, doc: RawDocument) -> None:
        self.doc = doc
        self.facts: list[Fact] = []
        self._pages = [(_compact(b.text), b.page) for b in doc.blocks if isinstance(b, Paragraph)]

    def page_of(self, quote: str, fallback: int | None) -> int | None:
        needle = _compact(quote)[:40]
        for text, page in self._pages:
            if needle and needle in text:
                return page if page is not None else fallback
        return fallback

    def add(self, kind: str, chunk: Chunk | None, quote: str, *, subject: str | None, value: str | None = None,
            page: int | None = None, **fields: object) -> None:  # fmt: skip
        section = chunk.section if chunk else ""
        subject, value = _tidy(subject), _tidy(value)
        if "items" in fields:
            fields["items"] = [_tidy(i) for i in fields["items"]]  # type: ignore[attr-defined]
        name = subject or (section.split(" > ")[-1] if section else kind)
        self.facts.append(
            Fact(
                fact_id=fact_id(self.doc.doc_id, kind, f"{name}\x1f{value or ''}", quote),
                doc_id=self.doc.doc_id,
                kind=kind,  # type: ignore[arg-type]
                name=name,
                subject=subject,
                value=value,
                section=section,
                page=page if page is not None else self.page_of(quote, chunk.page if chunk else None),
                quote=quote,
                chunk_id=chunk.chunk_id if chunk else None,
                **fields,  # type: ignore[arg-type]
            )
        )
