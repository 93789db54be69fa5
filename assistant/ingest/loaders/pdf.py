"""Read a .pdf file into blocks, keeping page numbers.

Contract: pypdf opens the file (encrypted or corrupt files, and files without a text layer, raise
`UnreadableDocument`) and gives the page count and the metadata title. pdfplumber reads the page content:
tables with its ruling-line finder, text as positioned lines outside the tables. Measured on the plan:
pypdf's text stream gives table cells one per line with a row split over a page break and page footers in
between, while the ruling-line finder reproduces the TXT tables cell for cell, so tables come from pdfplumber.

- A paragraph starts at an indented line, a heading line or after a table; other lines continue it, across
  pages too (a body line at the top of a page carries on the paragraph the previous page left open).
- Page footers ('— 3 —') are dropped. Lines set smaller than the body that start with a superscript number are
  footnotes (their wrapped lines are joined); they follow the paragraph they interrupt.
- A table continued on the next page (its header repeated) is one `Table`; a row cut by the page break (its
  序号 cell empty on the new page) is joined back into the row it started.
- A cell's lines join with nothing (Chinese wraps anywhere), except a line of a centred cell set off centre
  by the trailing space it was broken at ('经济开发区 ' / '三创办'): unit names stay apart.
Returns (blocks, page count, metadata title or None).

Before pdfplumber starts (it inflates every content stream in memory, with no limit), pypdf checks the file
against `LoadLimits`: the page count the page tree declares and finds, and the bytes the pages' content streams
(and the form XObjects they draw) inflate to, counted per use and inflated only up to the limit. Structures
nested deep enough to exhaust the parser's recursion are unreadable, not a crash.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from assistant.core.errors import DocumentTooLarge, UnreadableDocument
from assistant.core.types import Block, Footnote, Paragraph, Table
from assistant.ingest.normalize import (
    SUPERSCRIPT_DIGITS,
    clean_line,
    ends_sentence,
    is_page_footer,
    is_toc_line,
    join_text,
    parse_footnote,
)
from assistant.ingest.structure import heading_level

# Lines this much to the right of the page's left text edge start a paragraph (an indent of two characters
# at body size is ~32pt; continuation lines sit at the margin, give or take a stray leading space).
_INDENT_PT = 12.0
# Footnotes are set at about two thirds of the body size.
_FOOTNOTE_SIZE_RATIO = 0.8

if TYPE_CHECKING:
    from assistant.ingest.loaders import LoadLimits


class _Line(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str
    x0: float
    x1: float
    top: float
    size: float
    page: int


class _TablePiece(BaseModel):
    model_config = ConfigDict(frozen=True)

    rows: list[list[str]]
    top: float
    page: int


def read_pdf(path: Path, limits: LoadLimits | None = None) -> tuple[list[Block], int, str | None]:
    """The blocks of a PDF, its page count and metadata title (see the module docstring)."""
    pages, title = _open_checked(path, limits)
    import pdfplumber

    items: list[_Line | _TablePiece] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                if number > pages:  # pdfminer found more pages than the checked page tree holds
                    raise UnreadableDocument("PDF 页面结构异常")
                items.extend(_page_items(page, number))
    except UnreadableDocument:
        raise
    except RecursionError as exc:
        raise UnreadableDocument("PDF 文件结构嵌套过深，无法解析") from exc
    except Exception as exc:
        raise UnreadableDocument(f"PDF 文件无法解析：{exc}") from exc
    if not any(isinstance(i, _Line) for i in items) and not any(isinstance(i, _TablePiece) for i in items):
        raise UnreadableDocument("PDF 没有文字层（可能是扫描件），请提供可复制文字的版本")
    return _assemble(items), pages, title


def _open_checked(path: Path, limits: LoadLimits | None) -> tuple[int, str | None]:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise UnreadableDocument("PDF 已加密，无法读取")
        if limits is not None:
            _check_pages(_declared_pages(reader), limits)  # before the page tree is walked
        pages = len(reader.pages)
        if limits is not None:
            _check_pages(pages, limits)
            _check_content_size(reader, limits)
        meta = reader.metadata
        title = str(meta.title).strip() if meta and meta.title else None
    except (UnreadableDocument, DocumentTooLarge):
        raise
    except (RecursionError, LimitReachedError) as exc:
        raise UnreadableDocument(f"PDF 文件结构超出解析限制（嵌套过深或对象过大）：{exc}") from exc
    except (PdfReadError, ValueError, KeyError, OSError, TypeError, AttributeError) as exc:
        raise UnreadableDocument(f"PDF 文件已损坏：{exc}") from exc
    if pages == 0:
        raise UnreadableDocument("PDF 没有页面")
    return pages, title


def _declared_pages(reader: Any) -> int:
    count = reader.root_object["/Pages"].get("/Count", 0)
    return int(count) if isinstance(count, int) else 0


def _check_pages(pages: int, limits: LoadLimits) -> None:
    if pages > limits.max_pages:
        raise DocumentTooLarge(f"PDF 页数过多（{pages} 页，上限 {limits.max_pages} 页）")


def _check_content_size(reader: Any, limits: LoadLimits) -> None:
    """Inflate each page's content streams (and its form XObjects) up to the budget; refuse past it."""
    budget = limits.max_unpacked_bytes
    sizes: dict[Any, int] = {}  # a stream shared by many pages is inflated once, counted per use
    used = 0
    for page in reader.pages:
        for stream in _drawn_streams(page):
            key = stream.indirect_reference or id(stream)
            if key not in sizes:
                sizes[key] = _inflated_size(stream, budget - used)
            used += sizes[key]
            if used > budget:
                raise DocumentTooLarge(f"PDF 内容解压后过大（上限 {budget // 2**20} MB）")


def _drawn_streams(page: Any) -> list[Any]:
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    streams = list(contents) if isinstance(contents, list) else [contents] if contents is not None else []
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is not None:
        streams += [x for x in xobjects.get_object().values() if x.get_object().get("/Subtype") == "/Form"]
    return [s.get_object() for s in streams if hasattr(s.get_object(), "get_data")]


def _inflated_size(stream: Any, budget: int) -> int:
    """Bytes `stream` decodes to, counting no further than budget + 1. Only Flate is inflated here; other
    filters are left to pypdf's own output limits."""
    raw = getattr(stream, "_data", b"") or b""
    filters = stream.get("/Filter")
    first = filters[0] if isinstance(filters, list) and filters else filters
    if first != "/FlateDecode":
        return len(raw)
    inflater = zlib.decompressobj()
    size = 0
    chunk = raw
    try:
        while chunk and size <= budget:
            size += len(inflater.decompress(chunk, 1 << 20))
            chunk = inflater.unconsumed_tail
    except zlib.error:
        return size  # a damaged stream: pdfminer reads what inflates, as far as it goes
    return size


def _page_items(page: Any, number: int) -> list[_Line | _TablePiece]:
    tables = _find_tables(page)
    boxes = [t.bbox for t in tables]

    def outside(obj: dict[str, Any]) -> bool:
        x = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
        y = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
        return not any(b[0] - 1 <= x <= b[2] + 1 and b[1] - 1 <= y <= b[3] + 1 for b in boxes)

    items: list[_Line | _TablePiece] = []
    for raw in page.filter(outside).extract_text_lines(return_chars=True):
        text = clean_line(raw["text"])
        if not text or is_page_footer(text):
            continue
        sizes = [c["size"] for c in raw["chars"] if not c["text"].isspace()]
        items.append(
            _Line(
                text=text,
                x0=raw["x0"],
                x1=raw["x1"],
                top=raw["top"],
                size=max(sizes) if sizes else 0.0,
                page=number,
            )
        )
    for table in tables:
        rows = _table_cells(page, table)
        items.append(_TablePiece(rows=rows, top=table.bbox[1], page=number))
    items.sort(key=lambda i: i.top)
    return items


def _find_tables(page: Any) -> list[Any]:
    # A table running on to the next page has no bottom rule on this page (and no top rule on the next):
    # close it where its column rules end so the cut row is not lost.
    verticals = [e for e in page.edges if e["orientation"] == "v"]
    settings: dict[str, Any] = {}
    if verticals:
        settings["explicit_horizontal_lines"] = [
            min(e["top"] for e in verticals),
            max(e["bottom"] for e in verticals),
        ]
    return page.find_tables(table_settings=settings)


def _table_cells(page: Any, table: Any) -> list[list[str]]:
    """Cell texts, a character belonging to the cell its left edge falls in. pdfplumber's own extract() goes
    by the character's centre, which gives a full-width '、' or '。' hanging past a cell's right rule to the
    next cell (or to none)."""
    chars = [c for c in page.chars if not c["text"].isspace()]
    grid: list[list[tuple[Any, list[_Line]]]] = []
    for row in table.rows:
        cells: list[tuple[Any, list[_Line]]] = []
        for box in row.cells:
            inside = (
                [
                    c
                    for c in chars
                    if box[0] - 0.5 <= c["x0"] < box[2] - 0.5
                    and box[1] <= (c["top"] + c["bottom"]) / 2 <= box[3]
                ]
                if box is not None
                else []
            )
            cells.append((box, _cell_lines(inside)))
        grid.append(cells)
    return [[_cell(box, lines) for box, lines in row] for row in grid]


def _cell_lines(chars: list[dict[str, Any]]) -> list[_Line]:
    from pdfplumber.utils import cluster_objects, extract_text

    lines = []
    for group in cluster_objects(chars, "top", 3):
        text = clean_line(extract_text(group) or "")
        if text:
            top = min(c["top"] for c in group)
            x0, x1 = min(c["x0"] for c in group), max(c["x1"] for c in group)
            lines.append(_Line(text=text, x0=x0, x1=x1, top=top, size=max(c["size"] for c in group), page=0))
    return sorted(lines, key=lambda line: line.top)


def _is_centred(box: Any, lines: list[_Line]) -> bool:
    """Centred: the cell's lines that sit further in than its left padding are midway between the rules.
    Left-aligned text has every line at the padding."""
    gaps = [(line.x0 - box[0], box[2] - line.x1) for line in lines]
    pad = min(left for left, _ in gaps)
    inset = [(left, right) for left, right in gaps if left > pad + 1.0]
    return bool(inset) and sum(abs(left - right) < 1.0 for left, right in inset) * 3 >= len(inset) * 2


def _cell(box: Any, lines: list[_Line]) -> str:
    """Join a cell's visual lines. Chinese wraps anywhere, so lines join with nothing, except where a line
    was broken at a space, which the PDF does not print. In a centred cell that line is off centre by the
    space (it was laid out: '经济开发区 ' / '三创办' sits left of the lines around it). In a left-aligned cell
    there is no such trace: a full line broken at a space ('13.12 ' / '万平方米') ends where any full line
    ends, and one that stops short may have kept a number or quoted word whole ('全校' / '“1+X”'), so those
    lines join with nothing."""
    if not lines:
        return ""
    centred = _is_centred(box, lines)
    out = ""
    for i, line in enumerate(lines):
        spaced = i > 0 and centred and _off_centre(box, lines[i - 1])
        out = f"{out} {line.text}" if spaced else join_text(out, line.text)
    return out


def _off_centre(box: Any, line: _Line) -> bool:
    """More room on the right than on the left: a trailing space was counted when the line was centred."""
    return (box[2] - line.x1) - (line.x0 - box[0]) > 0.2 * line.size


def _assemble(items: list[_Line | _TablePiece]) -> list[Block]:
    lines = [i for i in items if isinstance(i, _Line)]
    body_size = _mode([round(i.size) for i in lines]) if lines else 0
    margins: dict[int, float] = {}
    rights: dict[int, float] = {}
    for line in lines:
        if line.size >= body_size * _FOOTNOTE_SIZE_RATIO:
            margins[line.page] = min(margins.get(line.page, line.x0), line.x0)
            rights[line.page] = max(rights.get(line.page, line.x1), line.x1)
    blocks: list[Block] = []
    para: Paragraph | None = None
    para_size = 0.0
    prev_short = False
    pending: list[Footnote] = []
    last_was_footnote = False

    def close() -> None:
        nonlocal para
        if para is not None:
            blocks.append(para)
            para = None
        blocks.extend(pending)
        pending.clear()

    for item in items:
        if isinstance(item, _TablePiece):
            close()
            _add_table(blocks, item)
            last_was_footnote = False
            continue
        small = item.size < body_size * _FOOTNOTE_SIZE_RATIO
        note = parse_footnote(item.text) if item.text[0] in SUPERSCRIPT_DIGITS else None
        if small and note:
            pending.append(Footnote(marker=note[0], text=note[1], page=item.page))
            last_was_footnote = True
            continue
        if small and last_was_footnote and pending:
            pending[-1] = pending[-1].model_copy(update={"text": join_text(pending[-1].text, item.text)})
            continue
        last_was_footnote = False
        if is_toc_line(item.text):
            close()
            prev_short = True
            continue
        indented = item.x0 > margins.get(item.page, item.x0) + _INDENT_PT
        if (
            para is None
            or indented
            or heading_level(item.text) is not None
            or abs(item.size - para_size) > 0.5  # a title set larger than the text after it
            or prev_short
        ):
            close()
            para, para_size = Paragraph(text=item.text, page=item.page), item.size
        else:
            para = para.model_copy(update={"text": join_text(para.text, item.text)})
        # A line that stops well before the right edge ends its paragraph (a heading, a last line).
        prev_short = item.x1 < rights.get(item.page, item.x1) - 1.5 * item.size
    close()
    return blocks


def _add_table(blocks: list[Block], piece: _TablePiece) -> None:
    rows = [r for r in piece.rows if any(r)]
    if not rows:
        return
    # Footnotes printed under the first piece come between the pieces in reading order: look past them.
    at = next((i for i in range(len(blocks) - 1, -1, -1) if not isinstance(blocks[i], Footnote)), None)
    prev = blocks[at] if at is not None else None
    if at is not None and isinstance(prev, Table) and len(prev.rows[0]) == len(rows[0]):
        header = prev.rows[0]
        body = rows[1:] if _same(rows[0], header) else rows
        if body and _is_cut_row(body[0], header, prev.rows[-1]):
            last = prev.rows[-1]
            joined = [join_text(a, b) for a, b in zip(last, body[0], strict=True)]
            prev = prev.model_copy(update={"rows": [*prev.rows[:-1], joined]})
            body = body[1:]
        kept = rows[:1] if _same(rows[0], header) else []
        blocks[at] = prev.model_copy(
            update={
                "rows": [*prev.rows, *kept, *body],
                "row_pages": [*prev.row_pages, *([piece.page] * (len(kept) + len(body)))],
            }
        )
        return
    blocks.append(Table(rows=rows, page=piece.page, row_pages=[piece.page] * len(rows)))


def _is_cut_row(row: list[str], header: list[str], last: list[str]) -> bool:
    """The rest of a row the page break cut: it has no 序号 of its own; or, in a table without 序号, the row
    before the break stopped mid-sentence (a label cell may be printed on either side of the break)."""
    if "序号" in header:
        return not row[header.index("序号")]
    text = next((c for c in reversed(last) if c), "")
    return not any(row[:2]) or not ends_sentence(text)


def _same(a: list[str], b: list[str]) -> bool:
    return ["".join(x.split()) for x in a] == ["".join(x.split()) for x in b]


def _mode(values: list[int]) -> int:
    return max(set(values), key=values.count)
