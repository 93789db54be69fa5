"""Read a .txt/.md file into blocks.

Contract: UTF-8 (with or without BOM), UTF-16 with a BOM, and GBK/GB18030 as a fallback (government files
are often saved in GBK); a file with NUL bytes is not text. A file holding more than `LoadLimits.max_chars`
characters is refused before it is parsed. One line is one paragraph or one table
row: a line with tabs is a row of cells (a leading tab = an empty first cell, i.e. a merged group continuing);
consecutive rows, blank lines between them allowed, form one table; a line starting with a superscript number
is a footnote body. Markdown marks ('# ' headings, '> ' quotes, '**' bold) are dropped. Markdown table lines ('| a | b |') are read as rows too. Page-less: every `page` is None.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.core.errors import DocumentTooLarge, UnreadableDocument
from assistant.core.types import Block, Footnote, Paragraph, Table
from assistant.ingest.normalize import normalize_zh, parse_footnote

if TYPE_CHECKING:
    from assistant.ingest.loaders import LoadLimits

_MD_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


def decode_text(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UnreadableDocument("文本文件编码无法识别（UTF-16 内容已损坏）") from exc
    if b"\x00" in data:
        raise UnreadableDocument("不是文本文件（含有二进制内容）")
    # UTF-8 first: a GBK file is almost never valid UTF-8, while UTF-8 text often decodes as GB18030 garbage.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableDocument("文本文件编码无法识别（需要 UTF-8 或 GBK/GB18030）")


def read_text(path: Path, limits: LoadLimits | None = None) -> list[Block]:
    """The blocks of a text file (see the module docstring)."""
    max_chars = limits.max_chars if limits else None
    # A character takes at most 4 bytes in any accepted encoding: a bigger file is over the limit unread.
    if max_chars is not None and path.stat().st_size > 4 * max_chars:
        raise DocumentTooLarge(f"文本文件过大（上限 {max_chars} 字）")
    text = decode_text(path.read_bytes())
    if max_chars is not None and len(text) > max_chars:
        raise DocumentTooLarge(f"文本文件文字过多（{len(text)} 字，上限 {max_chars} 字）")
    return text_blocks(normalize_zh(strip_markdown(text)))


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE)
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"\*\*(.+?)\*\*")


def strip_markdown(text: str) -> str:
    """Markdown marks that are not words: '# ' of a heading, '> ' of a quote, '**' of bold."""
    return _MD_EMPHASIS.sub(r"\1", _MD_QUOTE.sub("", _MD_HEADING.sub("", text)))


def text_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    rows: list[list[str]] = []

    def flush_table() -> None:
        if rows:
            blocks.append(Table(rows=list(rows), row_pages=[None] * len(rows)))
            rows.clear()

    for line in text.split("\n"):
        cells = _cells(line)
        if cells is not None:
            if cells:  # a Markdown rule line ('|---|---|') yields no cells
                rows.append(cells)
            continue
        if not line.strip():
            continue  # a blank line between table pieces does not end the table
        flush_table()
        footnote = parse_footnote(line)
        if footnote:
            blocks.append(Footnote(marker=footnote[0], text=footnote[1]))
        else:
            blocks.append(Paragraph(text=line.strip()))
    flush_table()
    return blocks


def _cells(line: str) -> list[str] | None:
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
        if _MD_RULE.match(stripped):
            return []
        return [c.strip() for c in stripped.strip("|").split("|")]
    return None
