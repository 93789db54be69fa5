"""Turn a `RawDocument` into chunks for retrieval.

Contract (`chunk_document(doc, chunk_chars)`):
- text chunks stay inside one section and never cut a sentence: paragraphs are split after 。！？； (a closing
  quote stays with its sentence) and sentences are packed up to about `chunk_chars`; a longer sentence is a
  chunk of its own. `text` is body text only (the heading lives in `section`, so it does not dilute vectors);
  `page` is where the chunk starts.
- a footnote's definition is appended to every text chunk that uses its marker, and is a chunk of its own
  (kind 'footnote').
- an article (第X条) and a Q&A pair (section = the question) are one chunk each when they fit in
  `UNIT_FACTOR` × `chunk_chars`; an introduction ending in '：' is kept in one chunk with the enumerated items
  (（一）/1./（1）/①) that follow it (`items` holds them); a list too long for one chunk is split between
  items and every part repeats the introduction.
- one chunk per table row (kind 'table_row'): 'key — header：value；header：value…' with every cell's full
  text, merged cells filled in and a header's unit carried into bare numbers ('生活补贴：3000元/月'); `cells`
  holds (header, value) pairs, `row_key` the key cell, `table` the table's name; its section is the table's
  path plus the table's name and the row ('3 硕博人才…' / 'A类人才').
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
from assistant.ingest.structure import ENUM_ITEM, parse_caption, split_sections, table_rows
from assistant.ingest.tables import TableRoles, column_roles, is_placeholder, row_cells, row_key, with_unit

# An article or a Q&A pair is kept whole up to this many times `chunk_chars`; so is an enumerated list.
UNIT_FACTOR = 4
_INLINE_LIST = re.compile(r"[：:]\s*(?:[（(]\s*[一二三四五六七八九十1-9]\s*[）)]|1\s*[.．、]|①)")

_SENTENCE = re.compile(r"[^。！？；!?;]*[。！？；!?;]+[”’」』）)]*|[^。！？；!?;]+$")
_MARKER = re.compile(rf"[{SUPERSCRIPT_DIGITS}]+")


class _Piece(BaseModel):
    """A chunk before it gets its id and position."""

    model_config = ConfigDict(frozen=True)

    section: str
    text: str
    page: int | None
    kind: ChunkKind
    cells: list[tuple[str, str]] = []
    row_key: str | None = None
    table: str | None = None
    items: list[str] = []
    intro: str | None = None


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
    """'A类人才 — 安家补贴：200万元；生活补贴：10000元/月；生活补贴发放期限：60个月'."""
    roles = column_roles(table)
    key = row_key(roles, row)
    skip = {i for i in (roles.key, roles.number) if i is not None}
    if roles.key is None:
        skip |= {i for i in (roles.group,) if i is not None}
    parts = [
        f"{roles.header[i] or f'第{i + 1}列'}：{value}"
        for i, ((_, value), cell) in enumerate(zip(_all_cells(roles, row), row, strict=True))
        if i not in skip and cell.strip() and not is_placeholder(cell)
    ]
    body = ""
    for part in parts:  # '；' between cells, unless a cell already ends its sentence
        body += part if not body or body.endswith(("。", "；", "！", "？")) else "；" + part
    return f"{key} — {body}" if body else key


def _all_cells(roles: TableRoles, row: list[str]) -> list[tuple[str, str]]:
    return [(roles.header[i], with_unit(c, roles.units[i])) for i, c in enumerate(row)]


def row_label(table: TableRows, row: list[str]) -> str:
    """'3 硕博人才“倍增工程”' / 'A类人才': the row's number and key, for the section path of a row chunk."""
    roles = column_roles(table)
    key = row_key(roles, row)
    number = row[roles.number].strip() if roles.number is not None else ""
    return f"{number} {key}".strip() if number and number not in key else key


def chunk_document(doc: RawDocument, chunk_chars: int = 200) -> list[Chunk]:
    """All chunks of `doc` in reading order (see the module docstring)."""
    footnotes = {b.marker: b for b in doc.blocks if isinstance(b, Footnote)}
    pieces: list[_Piece] = [_meta_piece(doc)]
    limit = UNIT_FACTOR * chunk_chars
    for section in split_sections(doc):
        path = " > ".join(section.path)
        whole = _is_unit(section.path)
        paras: list[Paragraph] = []
        for block in section.blocks:
            if isinstance(block, Paragraph):
                paras.append(block)
                continue
            if isinstance(block, Footnote):
                # a note printed where its page ends ('主要包括五大体系：', a note, then the items) does not end the
                # run of paragraphs: the introduction keeps its items
                pieces.append(_Piece(section=path, text=block.text, page=block.page, kind="footnote"))
                continue
            intro = table_intro(paras)
            pieces.extend(_paragraph_pieces(path, paras, chunk_chars, limit, whole, footnotes))
            paras = []
            if isinstance(block, Table) and block.rows:
                pieces.extend(_row_pieces(table_rows(block, section.path), intro))
        pieces.extend(_paragraph_pieces(path, paras, chunk_chars, limit, whole, footnotes))
    return _number(doc, pieces)


def _is_unit(path: tuple[str, ...]) -> bool:
    """An article (第X条) or a question: kept whole when it fits."""
    last = path[-1] if path else ""
    return bool(re.fullmatch(r"第\S{1,6}条", last)) or last.endswith(("？", "?"))


def _paragraph_pieces(
    path: str, paras: list[Paragraph], chunk_chars: int, limit: int, whole: bool, footnotes: dict[str, Footnote]
) -> list[_Piece]:
    """Text chunks of a run of paragraphs: whole when the section is an article or a Q&A pair that fits;
    otherwise sentences packed, an introduction kept with its enumerated items."""
    if not paras:
        return []
    groups = _enumerations(paras)
    all_items = len(paras) >= 2 and all(ENUM_ITEM.match(p.text.strip()) for p in paras)
    if (whole or all_items) and sum(len(p.text) for p in paras) <= limit:
        # an article, a Q&A pair, or a section that is one list ('二、申报条件' with its （一）…（六）)
        items = [p.text for p in paras] if all_items else [p.text for g in groups for p in g[1:]]
        text = "\n".join(p.text for p in paras)
        return [_with_notes(_Piece(section=path, text=text, page=paras[0].page, kind="text", items=items), footnotes)]
    pieces: list[_Piece] = []
    sentences: list[tuple[str, int | None]] = []
    for group in groups:
        if len(group) > 1:  # an introduction and its items
            pieces.extend(_text_pieces(path, sentences, chunk_chars, footnotes))
            sentences = []
            pieces.extend(_list_pieces(path, group, limit, footnotes))
            continue
        para = group[0]
        if _INLINE_LIST.search(para.text) and len(para.text) <= limit:
            sentences.append(("\n" + para.text, para.page))  # a list written in one paragraph stays whole
            continue
        # a paragraph boundary inside a chunk stays visible as a line break
        sentences.extend((("\n" if i == 0 else "") + s, para.page) for i, s in enumerate(split_sentences(para.text)))
    pieces.extend(_text_pieces(path, sentences, chunk_chars, footnotes))
    return pieces


def _enumerations(paras: list[Paragraph]) -> list[list[Paragraph]]:
    """Paragraphs grouped: [intro, item, item…] for an introduction ending in '：' followed by items, else [p]."""
    groups: list[list[Paragraph]] = []
    for para in paras:
        text = para.text.strip()
        if groups and ENUM_ITEM.match(text) and _announces(groups[-1][0].text):
            groups[-1].append(para)
            continue
        groups.append([para])
    return groups


def _announces(text: str) -> bool:
    return text.rstrip().endswith(("：", ":"))


def _list_pieces(path: str, group: list[Paragraph], limit: int, footnotes: dict[str, Footnote]) -> list[_Piece]:
    intro, items = group[0], group[1:]
    parts: list[list[Paragraph]] = [[]]
    size = len(intro.text)
    for item in items:
        if parts[-1] and size + len(item.text) > limit:
            parts.append([])
            size = len(intro.text)
        parts[-1].append(item)
        size += len(item.text)
    return [
        _with_notes(
            _Piece(
                section=path,
                text="\n".join([intro.text, *(p.text for p in part)]),
                page=(intro if i == 0 else part[0]).page,
                kind="text",
                items=[p.text for p in part],
            ),
            footnotes,
        )
        for i, part in enumerate(parts)
    ]


def _with_notes(piece: _Piece, footnotes: dict[str, Footnote]) -> _Piece:
    notes = [footnotes[m] for m in dict.fromkeys(_MARKER.findall(piece.text)) if m in footnotes]
    if not notes:
        return piece
    return piece.model_copy(update={"text": "\n".join([piece.text, *(footnote_text(n) for n in notes)])})


def _text_pieces(
    path: str, sentences: list[tuple[str, int | None]], chunk_chars: int, footnotes: dict[str, Footnote]
) -> list[_Piece]:
    pieces = []
    for text, page in pack_sentences(sentences, chunk_chars):
        notes = [footnotes[m] for m in dict.fromkeys(_MARKER.findall(text)) if m in footnotes]
        full = "\n".join([text, *(footnote_text(n) for n in notes)])
        pieces.append(_Piece(section=path, text=full, page=page, kind="text"))
    return pieces


# A sentence that introduces the table after it: it ends in '：' or points to it ('按下表给予', '标准如下', '见下表').
_POINTS_TO_TABLE = re.compile(r"[：:]$|下表|如下|见表")
# A caption line, with or without its colon ('表1 职业技能等级奖励标准', '附表2：…').
_CAPTION_LINE = re.compile(r"(?:附)?[表图]\s*[\d一二三四五六七八九十]+(?:[：:\s].{0,40})?")


def table_intro(paras: list[Paragraph]) -> str | None:
    """The sentence right before a table (its caption line skipped) when it introduces the table."""
    for para in reversed(paras):
        text = para.text.strip()
        if parse_caption(text) or _CAPTION_LINE.fullmatch(text):
            continue
        last = (split_sentences(text) or [text])[-1].strip()
        return last if _POINTS_TO_TABLE.search(last) else None
    return None


def _row_pieces(table: TableRows, intro: str | None = None) -> list[_Piece]:
    base = list(table.section)
    if table.name not in base:
        base.append(table.name)
    roles = column_roles(table)
    return [
        _Piece(
            section=" > ".join([*base, row_label(table, row)]),
            text=table_row_text(table, row),
            page=page,
            kind="table_row",
            cells=row_cells(roles, row),
            row_key=row_key(roles, row),
            table=table.name,
            intro=intro,
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
                cells=piece.cells,
                row_key=piece.row_key,
                table=piece.table,
                items=piece.items,
                intro=piece.intro,
            )
        )
    return chunks
