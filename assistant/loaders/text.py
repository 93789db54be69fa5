"""Read a .txt/.md file into blocks.

Contract: UTF-8 (with or without BOM; GB18030 accepted as a fallback). One line is one paragraph or one table
row: a line with tabs is a row of cells (a leading tab = an empty first cell, i.e. a merged group continuing);
consecutive rows, blank lines between them allowed, form one table; a line starting with a superscript number
is a footnote body. Markdown table lines ('| a | b |') are read as rows too. Page-less: every `page` is None.
"""

from __future__ import annotations

import re
from pathlib import Path

from assistant.errors import UnreadableDocument
from assistant.normalize import normalize_zh, parse_footnote
from assistant.types import Block, Footnote, Paragraph, Table

_MD_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


def decode_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableDocument("文本文件编码无法识别（需要 UTF-8 或 GB18030）")


def read_text(path: Path) -> list[Block]:
    """The blocks of a text file (see the module docstring)."""
    return text_blocks(normalize_zh(decode_text(path.read_bytes())))


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
