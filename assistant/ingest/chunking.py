"""Turn a `RawDocument` into chunks for retrieval.

Contract (`chunk_document(doc, chunk_chars)`):
- text chunks stay inside one section and never cut a sentence: paragraphs are split after 。！？； (a closing
  quote stays with its sentence) and sentences are packed up to about `chunk_chars`; a longer sentence is a
  chunk of its own. `text` is body text only (the heading lives in `section`, so it does not dilute vectors);
  `page` is where the chunk starts.
- a footnote's definition is appended to every text chunk that uses its marker, and is a chunk of its own
  (kind 'footnote').
- one chunk per table row (kind 'table_row'): '<table name> | 序号 3 | 重点工程：… | 牵头单位：…' with every
  cell's full text and merged cells filled in; its section is the table's path plus the row ('3 硕博人才…').
- one 'meta' chunk per document: title, 文号, issuing body, date.
- `chunk_id` = hash(doc_id, section, text), unique within the document; `order` = reading position.
"""

from __future__ import annotations

import hashlib
import re

from pydantic import BaseModel, ConfigDict

from assistant.core.types import (
    Chunk,
    ChunkKind,
    Footnote,
    Paragraph,
    RawDocument,
    Table,
    TableRows,
)
from assistant.ingest.normalize import SUPERSCRIPT_DIGITS
from assistant.ingest.structure import split_sections, table_rows

_SENTENCE = re.compile(r"[^。！？；!?;]*[。！？；!?;]+[”’」』）)]*|[^。！？；!?;]+$")
_MARKER = re.compile(rf"[{SUPERSCRIPT_DIGITS}]+")


class _Piece(BaseModel):
    """A chunk before it gets its id and position."""

    model_config = ConfigDict(frozen=True)

    section: str
    text: str
    page: int | None
    kind: ChunkKind


def split_sentences(text: str) -> list[str]:
    """Split after 。！？；, keeping punctuation and closing quotes with their sentence."""
    return [s for s in (m.group(0).strip() for m in _SENTENCE.finditer(text)) if s]


def pack_sentences(sentences: list[tuple[str, int | None]], chunk_chars: int) -> list[tuple[str, int | None]]:
    """Pack (sentence, page) pairs into texts of about `chunk_chars`; sentences are never cut."""
    packed: list[tuple[str, int | None]] = []
    buf: list[str] = []
    page: int | None = None
    size = 0
    for sentence, sentence_page in sentences:
        if buf and size + len(sentence) > chunk_chars:
            packed.append(("".join(buf).strip("\n"), page))
            buf, size = [], 0
        if not buf:
            page = sentence_page
        buf.append(sentence)
        size += len(sentence)
    if buf:
        packed.append(("".join(buf).strip("\n"), page))
    return packed


def footnote_text(note: Footnote) -> str:
    return f"{note.marker} {note.text}"


def table_row_text(table: TableRows, row: list[str]) -> str:
    cells = [
        f"序号 {cell}" if head == "序号" else f"{head}：{cell}"
        for head, cell in zip(table.header, row, strict=True)
        if cell
    ]
    return " | ".join([table.name, *cells])


def row_label(table: TableRows, row: list[str]) -> str:
    """'3 硕博人才“倍增工程”': the row's number and name, for the section path of a row chunk."""
    if "序号" in table.header:
        i = table.header.index("序号")
        return " ".join(c for c in row[i : i + 2] if c)
    return " ".join(c for c in row[:2] if c)


def chunk_document(doc: RawDocument, chunk_chars: int = 200) -> list[Chunk]:
    """All chunks of `doc` in reading order (see the module docstring)."""
    footnotes = {b.marker: b for b in doc.blocks if isinstance(b, Footnote)}
    pieces: list[_Piece] = [_meta_piece(doc)]
    for section in split_sections(doc):
        path = " > ".join(section.path)
        sentences: list[tuple[str, int | None]] = []
        for block in section.blocks:
            if isinstance(block, Paragraph):
                # a paragraph boundary inside a chunk stays visible as a line break
                sentences.extend(
                    (("\n" if i == 0 else "") + s, block.page)
                    for i, s in enumerate(split_sentences(block.text))
                )
                continue
            pieces.extend(_text_pieces(path, sentences, chunk_chars, footnotes))
            sentences = []
            if isinstance(block, Table) and block.rows:
                pieces.extend(_row_pieces(table_rows(block, section.path)))
            elif isinstance(block, Footnote):
                pieces.append(_Piece(section=path, text=block.text, page=block.page, kind="footnote"))
        pieces.extend(_text_pieces(path, sentences, chunk_chars, footnotes))
    return _number(doc, pieces)


def _text_pieces(
    path: str, sentences: list[tuple[str, int | None]], chunk_chars: int, footnotes: dict[str, Footnote]
) -> list[_Piece]:
    pieces = []
    for text, page in pack_sentences(sentences, chunk_chars):
        notes = [footnotes[m] for m in dict.fromkeys(_MARKER.findall(text)) if m in footnotes]
        full = "\n".join([text, *(footnote_text(n) for n in notes)])
        pieces.append(_Piece(section=path, text=full, page=page, kind="text"))
    return pieces


def _row_pieces(table: TableRows) -> list[_Piece]:
    base = list(table.section)
    if table.name not in base:
        base.append(table.name)
    return [
        _Piece(
            section=" > ".join([*base, row_label(table, row)]),
            text=table_row_text(table, row),
            page=page,
            kind="table_row",
        )
        for row, page in zip(table.rows, table.row_pages, strict=True)
    ]


def _meta_piece(doc: RawDocument) -> _Piece:
    meta = doc.meta
    lines = [f"标题：{meta.title}"]
    lines += [
        f"{label}：{value}"
        for label, value in (("文号", meta.doc_number), ("发文机关", meta.issuer), ("成文日期", meta.date))
        if value
    ]
    first_page = 1 if doc.pages else None
    return _Piece(section="", text="\n".join(lines), page=first_page, kind="meta")


def chunk_id(doc_id: str, section: str, text: str) -> str:
    return hashlib.sha256("\x1f".join((doc_id, section, text)).encode("utf-8")).hexdigest()[:16]


def _number(doc: RawDocument, pieces: list[_Piece]) -> list[Chunk]:
    chunks: list[Chunk] = []
    seen: set[str] = set()
    for piece in pieces:
        cid = chunk_id(doc.doc_id, piece.section, piece.text)
        n = 1
        while cid in seen:  # the same text twice in one section: keep both, with distinct ids
            cid = chunk_id(doc.doc_id, piece.section, f"{piece.text}\x1f{n}")
            n += 1
        seen.add(cid)
        chunks.append(
            Chunk(
                chunk_id=cid,
                doc_id=doc.doc_id,
                title=doc.meta.title,
                filename=doc.filename,
                section=piece.section,
                page=piece.page,
                kind=piece.kind,
                text=piece.text,
                order=len(chunks),
            )
        )
    return chunks
