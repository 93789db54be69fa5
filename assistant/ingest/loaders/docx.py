"""Read a .docx file into blocks, body paragraphs and tables in document order.

Contract: paragraph text comes from every run (hyperlinks included); a run set in superscript digits becomes
superscript characters ('¹'), so footnote markers read the same as in the text and PDF renderings. A paragraph
starting with a superscript number is a footnote body. Real Word footnotes (footnotes.xml) are read as
footnotes too. Tables: a cell spanning columns (gridSpan) is written once and '' fills the columns it covers;
a vertically merged cell repeats its text in the rows below its first (in the first column it is '', a group
the table reader carries down); a cell's paragraphs are its lines, joined by '\n'. DOCX has no fixed pages:
every `page` is None. Returns (blocks, title from the core properties or None).

A DOCX is a zip: before anything is unpacked, the sizes its directory declares are checked against
`LoadLimits` (a zip bomb declares gigabytes; zipfile never inflates a member past its declared size, so the
check holds even for a lying archive). XML is parsed without resolving entities.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.core.errors import DocumentTooLarge, UnreadableDocument
from assistant.core.types import Block, Footnote, Paragraph, Table
from assistant.ingest.normalize import SUPERSCRIPT_DIGITS, normalize_zh, parse_footnote

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)

if TYPE_CHECKING:
    from assistant.ingest.loaders import LoadLimits


def read_docx(path: Path, limits: LoadLimits | None = None) -> tuple[list[Block], str | None]:
    """The blocks of a Word file and its core-properties title (see the module docstring)."""
    import docx  # python-docx

    if not zipfile.is_zipfile(path):
        raise UnreadableDocument("Word 文件已损坏或已加密，无法读取")
    if limits is not None:
        check_zip(path, limits)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise UnreadableDocument(f"Word 文件无法读取：{exc}") from exc
    blocks: list[Block] = []
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            blocks.extend(_paragraph_blocks(element, _style_name(document, element)))
        elif element.tag == f"{_W}tbl":
            rows = _table_rows(element)
            if rows:
                blocks.append(Table(rows=rows, row_pages=[None] * len(rows)))
    blocks.extend(_word_footnotes(document))
    title = (document.core_properties.title or "").strip() or None
    return blocks, title


def check_zip(path: Path, limits: LoadLimits) -> None:
    """Refuse a package whose directory declares too many members or too many unpacked bytes."""
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableDocument(f"Word 文件已损坏：{exc}") from exc
    if len(members) > limits.max_zip_entries:
        raise DocumentTooLarge(f"Word 文件结构异常：包含 {len(members)} 个部件（上限 {limits.max_zip_entries}）")
    unpacked = sum(m.file_size for m in members)
    if unpacked > limits.max_unpacked_bytes:
        raise DocumentTooLarge(
            f"Word 文件解压后过大（{unpacked // 2**20} MB，上限 {limits.max_unpacked_bytes // 2**20} MB）"
        )


def _paragraph_blocks(element: Any, style: str | None) -> list[Block]:
    out: list[Block] = []
    for line in normalize_zh(_run_text(element)).split("\n"):
        if not line.strip():
            continue
        footnote = parse_footnote(line)
        if footnote:
            out.append(Footnote(marker=footnote[0], text=footnote[1]))
        else:
            out.append(Paragraph(text=line.strip(), style=style))
    return out


def _run_text(element: Any) -> str:
    """The text of a paragraph element, superscript digits as superscript characters."""
    parts: list[str] = []
    for run in element.iter(f"{_W}r"):
        superscript = run.find(f"{_W}rPr/{_W}vertAlign")
        is_sup = superscript is not None and superscript.get(f"{_W}val") == "superscript"
        for child in run:
            if child.tag == f"{_W}t" and child.text:
                parts.append(
                    child.text.translate(_TO_SUPERSCRIPT) if is_sup and child.text.isdigit() else child.text
                )
            elif child.tag == f"{_W}tab":
                parts.append("\t")
            elif child.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            elif child.tag == f"{_W}footnoteReference":
                parts.append(str(child.get(f"{_W}id", "")).translate(_TO_SUPERSCRIPT))
    return "".join(parts)


def _style_name(document: Any, element: Any) -> str | None:
    style = element.find(f"{_W}pPr/{_W}pStyle")
    if style is None:
        return None
    style_id = style.get(f"{_W}val")
    try:
        return document.styles.get_by_id(style_id, 1).name  # 1 = WD_STYLE_TYPE.PARAGRAPH
    except Exception:
        return style_id


def _table_rows(table: Any) -> list[list[str]]:
    rows: list[list[str]] = []
    above: dict[int, str] = {}  # grid column -> the text of the cell a vertical merge continues
    for tr in table.iterchildren(f"{_W}tr"):
        cells: list[str] = []
        for tc in tr.iterchildren(f"{_W}tc"):
            props = tc.find(f"{_W}tcPr")
            span, continues = 1, False
            if props is not None:
                grid = props.find(f"{_W}gridSpan")
                span = int(grid.get(f"{_W}val", "1")) if grid is not None else 1
                vmerge = props.find(f"{_W}vMerge")
                continues = vmerge is not None and vmerge.get(f"{_W}val", "continue") != "restart"
            column = len(cells)
            # a cell merged down over several rows holds for each of them ('区人社局' accepts all three 事项);
            # the first column is left '' (a group the table reader carries down itself)
            text = (above.get(column, "") if column else "") if continues else _cell_text(tc)
            if not continues:
                above[column] = text
            cells.extend([text] + [""] * (span - 1))
        if any(cells) or rows:
            rows.append(cells)
    return rows


def _cell_text(tc: Any) -> str:
    """A cell's paragraphs, one per line: '1.申请表' and '2.劳动合同' are two lines of a list, not one word."""
    lines = [normalize_zh(_run_text(p)).replace("\n", "").strip() for p in tc.iterchildren(f"{_W}p")]
    return "\n".join(line for line in lines if line)


def _word_footnotes(document: Any) -> list[Block]:
    """Footnotes kept in Word's own footnotes part (ids 0 and -1 are separators)."""
    part = next((p for p in document.part.package.parts if str(p.partname).endswith("/footnotes.xml")), None)
    if part is None:
        return []
    from lxml import etree

    root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
    notes: list[Block] = []
    for note in root.iter(f"{_W}footnote"):
        note_id = note.get(f"{_W}id", "")
        if not note_id.isdigit() or int(note_id) < 1:
            continue
        text = "".join(normalize_zh(_run_text(p)).replace("\n", "") for p in note.iter(f"{_W}p")).strip()
        text = text.lstrip(SUPERSCRIPT_DIGITS).strip()
        if text:
            notes.append(Footnote(marker=note_id.translate(_TO_SUPERSCRIPT), text=text))
    return notes
