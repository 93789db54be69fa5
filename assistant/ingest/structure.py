"""Recognise a document's structure: heading levels, sections, and tables made ready for use.

Contract:
- `parse_heading(text)` -> (level, heading) or None. Levels of a Chinese government plan:
  0 附件 1 / 附件 2-1 · 1 一、 · 2 （一）or (一) · 3 1. · 4 （1）or (1) · 5 ——item.
  Full-width and ASCII brackets are both accepted (the corpus mixes '（3）' and '(4) '). A heading line that
  carries body text ('(3) 硕博人才“倍增工程”。重点围绕…') is a heading up to its first '。'; `split_heading`
  returns the body too. A numbered line whose first sentence is long or has a comma is a list item, not a heading.
- `split_sections(doc)` -> sections in reading order, each with its heading path; a heading's trailing body
  text becomes the first paragraph of its section; sections without blocks are left out.
- `extract_tables(doc)` -> `TableRows`: header row found (empty header cells take the text on their left),
  repeated header rows dropped, a blank first cell filled from the row above (merged groups), the table named
  by its caption or else its section heading. A table (or its caption) right after a '——' item belongs to
  the section enclosing the item: the item is a paragraph of that section, not the table's parent.
"""

from __future__ import annotations

import re

from assistant.core.types import Block, Paragraph, RawDocument, Section, Table, TableRows

_CN_NUM = "一二三四五六七八九十"
_ANNEX = re.compile(r"^附件\s*(\d+(?:\s*[-－—]\s*\d+)?)\s*$")
_LEVELS: list[tuple[int, re.Pattern[str]]] = [
    (1, re.compile(rf"^[{_CN_NUM}]{{1,3}}、\s*\S")),
    (2, re.compile(rf"^[（(]\s*[{_CN_NUM}]{{1,3}}\s*[）)]\s*\S")),
    (3, re.compile(r"^\d{1,2}\s*[.．]\s*(?!\d)\S")),
    (4, re.compile(r"^[（(]\s*\d{1,2}\s*[）)]\s*\S")),
    (5, re.compile(r"^[—―─]{2}\s*\S")),
]
_DASH_ITEM = 5
_CAPTION = re.compile(r"^(?:表|图)\s*[\d一二三四五六七八九十]+\s*[：:]")
# A heading is a short phrase: longer first sentences, or ones with a comma, are list items.
_MAX_HEADING_CHARS = 40
_LIST_ITEM_HINT = re.compile(r"[，,；;]")
_COMMAS = re.compile(r"[，,]")
_FOOTNOTE_MARKS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
# In an annex list ('附件： 1. …' / '2. …') numbered lines name files, they are not headings.
_ANNEX_LIST = re.compile(r"^[-·•]?\s*附件\s*[：:]")


def split_heading(text: str) -> tuple[int, str, str] | None:
    """(level, heading, body after the heading) or None when `text` is not a heading line."""
    text = text.strip()
    m = _ANNEX.match(text)
    if m:
        return 0, "附件" + re.sub(r"\s+", "", m.group(1)), ""
    level = heading_level(text)
    if level is None:
        return None
    head, sep, body = text.partition("。")
    if len(head) > _MAX_HEADING_CHARS:
        return None
    if sep and _LIST_ITEM_HINT.search(head):
        return None  # '1. 围绕产业链布局人才链，建设…。' is a list item
    if not sep and (
        head.endswith(("，", "；", "、", ",", ";")) or "：" in head or len(_COMMAS.findall(head)) > 1
    ):
        return None  # an unfinished sentence ('2. 第二层次：对照…，形成重'), not a title
    head = _FOOTNOTE_MARKS.sub("", head)
    if level == 5:
        head = head.lstrip("—―─ ")
    return level, head.strip(), body.strip()


def heading_level(text: str) -> int | None:
    """The level a line's numbering marker suggests, whatever follows it (a TOC entry, a list item…)."""
    text = text.strip()
    if _ANNEX.match(text):
        return 0
    return next((level for level, pattern in _LEVELS if pattern.match(text)), None)


def parse_heading(text: str) -> tuple[int, str] | None:
    """(level, heading text) for a heading line, else None. See the module docstring for the levels."""
    found = split_heading(text)
    return (found[0], found[1]) if found else None


def parse_caption(text: str) -> str | None:
    """'表1：…' / '表 2：…' / '图一：…' -> the caption as written, else None."""
    text = text.strip()
    return text if _CAPTION.match(text) and len(text) <= 80 else None


def split_sections(doc: RawDocument) -> list[Section]:
    """Group the document's blocks under their heading paths (see the module docstring)."""
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []
    current: list[Block] = []
    in_annex_list = False

    def flush() -> None:
        if current:
            sections.append(Section(path=tuple(h for _, h in stack), blocks=list(current)))
            current.clear()

    for block in doc.blocks:
        ends_item = isinstance(block, Table) or (isinstance(block, Paragraph) and parse_caption(block.text))
        if ends_item and stack and stack[-1][0] == _DASH_ITEM:
            # A '——' item is one paragraph (often a target: '——人才总量进一步增加。到 2025 年…'); a table or a
            # table's caption after it belongs to the enclosing section, not to the item.
            flush()
            stack.pop()
        if not isinstance(block, Paragraph):
            current.append(block)
            continue
        numbered = _is_numbered(block.text)
        found = None if in_annex_list and numbered else split_heading(block.text)
        in_annex_list = bool(_ANNEX_LIST.match(block.text)) or (in_annex_list and numbered)
        if found is None:
            current.append(block)
            continue
        level, head, body = found
        flush()
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, head))
        if body:
            current.append(block.model_copy(update={"text": body}))
    flush()
    return sections


def _is_numbered(text: str) -> bool:
    return bool(re.match(r"^\d{1,2}\s*[.．]", text.strip()))


def extract_tables(doc: RawDocument) -> list[TableRows]:
    """Every table of the document as header + data rows (see the module docstring)."""
    tables: list[TableRows] = []
    for section in split_sections(doc):
        for block in section.blocks:
            if isinstance(block, Table) and block.rows:
                table = table_rows(block, section.path)
                if table.rows:
                    tables.append(table)
    return tables


def table_rows(table: Table, section: tuple[str, ...]) -> TableRows:
    """One `Table` made ready for use: header, data rows with merged groups filled, repeated headers dropped."""
    width = max(len(r) for r in table.rows)
    grid = [_pad(r, width) for r in table.rows]
    pages = list(table.row_pages) if len(table.row_pages) == len(grid) else [table.page] * len(grid)
    header = _fill_header(grid[0])
    header_key = _key(grid[0])
    rows: list[list[str]] = []
    row_pages: list[int | None] = []
    for cells, page in zip(grid[1:], pages[1:], strict=True):
        if _key(cells) == header_key or _key(_fill_header(cells)) == _key(header) or not any(cells):
            continue  # a header row repeated after a page break
        if not cells[0] and rows:
            cells = [rows[-1][0], *cells[1:]]  # a merged first-column group continues
        rows.append(cells)
        row_pages.append(page)
    name = table.caption or (section[-1] if section else "表格")
    return TableRows(name=name, section=section, header=header, rows=rows, row_pages=row_pages)


def _pad(row: list[str], width: int) -> list[str]:
    cells = [c.strip() for c in row]
    return cells + [""] * (width - len(cells))


def _fill_header(row: list[str]) -> list[str]:
    """A header cell merged across columns is written once; the columns it spans take its text."""
    out: list[str] = []
    for cell in row:
        out.append(cell or (out[-1] if out else ""))
    return out


def _key(cells: list[str]) -> tuple[str, ...]:
    return tuple(re.sub(r"\s+", "", c) for c in cells)
