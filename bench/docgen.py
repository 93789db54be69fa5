"""Shared writers of the INVENTED test/bench documents (test data, never for corpus/).

Used by the four generators, each of which holds its documents' text as a list of blocks and writes them with
these helpers:

    tests/data/policy/make_policy_docs.py   bench/data/wide/make_wide_docs.py
    bench/data/wide2/make_wide2_docs.py     bench/data/fresh/make_fresh_docs.py
    bench/data/wide3/make_wide3_docs.py

Those scripts are run directly (``/work/main/.venv/bin/python bench/data/wide/make_wide_docs.py``) and put the
project root on ``sys.path`` before ``from bench import docgen``. Writing needs python-docx and reportlab
(generator-only dependencies, imported inside the writers, so importing this module for ``blocks_text`` does
not) and the WenQuanYi Zen Hei TrueType font (fonts-wqy-zenhei), which is embedded in the PDFs. Every writer is
byte-reproducible: PDFs are built with reportlab's ``invariant`` mode, DOCX zips get fixed entry timestamps.

Block kinds (each generator uses a subset): ("title", s) ("sub", s) centred line; ("h", s) heading; ("h2", s)
second-level heading; ("p", s) body paragraph; ("li", s) list item; ("q", s) bold question line (Markdown);
("right", s) right-aligned line (issuer / date); ("note", s) small print; ("table", dict) with "rows" (a cell is a
str or a list of lines), optional "caption", "header_rows" (default 1), "vmerge" [(col, first_row, last_row)]
and "hmerge" [(row, first_col, last_col)] merges (a merged cell's text is its first grid cell's); ("landscape",)
/ ("portrait",) / ("pagebreak",) page layout, PDF only.
"""

from __future__ import annotations

import datetime
import re
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
FONT = "WQY"  # the name the font is registered under in reportlab
AUTHOR = "测试数据（虚构）"
LAYOUT = ("landscape", "portrait", "pagebreak")

Block = Sequence[Any]  # (kind, payload) or (kind,) for a layout block


# --------------------------------------------------------------------------------------------------
# plain text (what the check scripts compare questions against)
# --------------------------------------------------------------------------------------------------
def cell_lines(cell: str | list[str]) -> list[str]:
    return [cell] if isinstance(cell, str) else list(cell)


def blocks_text(blocks: Sequence[Block]) -> str:
    """Paragraphs one per line; a table as its caption then rows with cells joined by a tab (the lines of a
    multi-line cell joined by a newline inside the cell); layout blocks give nothing."""
    lines: list[str] = []
    for block in blocks:
        kind = block[0]
        if kind == "table":
            t = block[1]
            if t.get("caption"):
                lines.append(t["caption"])
            lines.extend("\t".join("\n".join(cell_lines(c)) for c in r) for r in t["rows"])
        elif kind not in LAYOUT:
            lines.append(block[1])
    return "\n".join(lines)


def table_value_strings(blocks: Sequence[Block]) -> set[str]:
    """cell + unit of its column header ("80" under "奖励金额（万元）" -> "80万元"): how an answer states a cell.
    The unit is read from any header row of the column (a two-level header carries it in the upper row);
    multi-line cells are skipped."""
    out: set[str] = set()
    for block in blocks:
        if block[0] != "table":
            continue
        t = block[1]
        rows, nh = t["rows"], t.get("header_rows", 1)
        for j in range(len(rows[0])):
            unit = None
            for head in rows[:nh]:
                m = re.search(r"（([^）]+)）", head[j])
                if m:
                    unit = m.group(1).split("/")[0]
            if unit is None:
                continue
            for r in rows[nh:]:
                if isinstance(r[j], str):
                    out.add(r[j] + unit)
    return out


def first_title(blocks: Sequence[Block]) -> str:
    return next(b[1] for b in blocks if b[0] == "title")


# --------------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------------
def write_md(path: Path, blocks: Sequence[Block], heading: str = "##") -> None:
    """# title, `heading` h, one level down h2, **q**, consecutive li without blank lines between them, a pipe table,
    > note."""
    out: list[str] = []
    for i, block in enumerate(blocks):
        kind = block[0]
        if kind == "title":
            out += [f"# {block[1]}", ""]
        elif kind == "h":
            out += [f"{heading} {block[1]}", ""]
        elif kind == "h2":  # a heading one level down ('### 3. 公寓能住多久？')
            out += [f"{heading}# {block[1]}", ""]
        elif kind == "q":
            out += [f"**{block[1]}**", ""]
        elif kind == "li":
            out.append(block[1])
            if i + 1 == len(blocks) or blocks[i + 1][0] != "li":
                out.append("")
        elif kind == "table":
            rows = block[1]["rows"]
            out.append("| " + " | ".join(rows[0]) + " |")
            out.append("|" + "---|" * len(rows[0]))
            out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
            out.append("")
        elif kind == "note":
            out += [f"> {block[1]}", ""]
        else:
            out += [block[1], ""]
    path.write_text("\n".join(out), encoding="utf-8")


# --------------------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------------------
TableFill = Callable[[Any, dict], None]  # (python-docx table, the block's table dict) -> None


def plain_cells(table: Any, t: dict) -> None:
    """Each cell one centred paragraph, the header row bold (the policy documents' tables)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for i, r in enumerate(t["rows"]):
        for j, cell_text in enumerate(r):
            cell = table.cell(i, j)
            cell.text = cell_text
            para = cell.paragraphs[0]
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if i == 0:
                for run in para.runs:
                    run.bold = True


def sized_cells(widths_cm: Sequence[float]) -> TableFill:
    """Column widths, 10.5 pt text, header rows bold; merged cells ("vmerge", "hmerge"); a multi-line cell is one
    left-aligned paragraph per line, a one-line cell is centred."""

    def fill(table: Any, t: dict) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt

        rows, nh = t["rows"], t.get("header_rows", 1)
        widths = [Cm(w) for w in widths_cm]
        covered: set[tuple[int, int]] = set()
        for r, c1, c2 in t.get("hmerge", []):
            table.cell(r, c1).merge(table.cell(r, c2))
            covered |= {(r, c) for c in range(c1 + 1, c2 + 1)}
        for c, r1, r2 in t.get("vmerge", []):
            table.cell(r1, c).merge(table.cell(r2, c))
            covered |= {(r, c) for r in range(r1 + 1, r2 + 1)}
        for i, r in enumerate(rows):
            for j, value in enumerate(r):
                if (i, j) in covered:
                    continue  # the merged cell was filled from its first grid cell
                cell = table.cell(i, j)
                cell.width = widths[j]
                lines = cell_lines(value)
                cell.paragraphs[0].text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
                for para in cell.paragraphs:
                    para.alignment = WD_ALIGN_PARAGRAPH.LEFT if len(lines) > 1 else WD_ALIGN_PARAGRAPH.CENTER
                    for run in para.runs:
                        run.font.size = Pt(10.5)
                        run.bold = i < nh

    return fill


def write_docx(
    path: Path,
    blocks: Sequence[Block],
    *,
    comments: str,
    when: datetime.datetime,
    body_font: tuple[str, str] = ("SimSun", "宋体"),
    heading_styles: Sequence[str] = ("Title", "Heading 1", "Heading 2"),
    headings: dict[str, tuple[int, bool]] | None = None,
    fill: TableFill = plain_cells,
    landscape: bool = False,
) -> None:
    """Write `blocks` as a Word document. `body_font` is (Latin name, East Asian name) of the Normal style;
    `heading_styles` get SimHei/黑体; `headings` maps a block kind to (heading level, centred) — by default
    title level 1 and h level 2, both centred; `fill` writes a table's cells; `landscape` makes the page a
    landscape A4 with 1.8 cm margins. `comments` and `when` (created/modified; the zip entries get its date at
    00:00) go into the properties, which gives identical bytes on every run."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    headings = headings or {"title": (1, True), "h": (2, True)}
    doc = Document()
    if landscape:
        section = doc.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(1.8))
    normal = doc.styles["Normal"]
    normal.font.name = body_font[0]
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), body_font[1])
    for style_name in heading_styles:
        st = doc.styles[style_name]
        st.font.name = "SimHei"
        st.element.rPr.rFonts.set(qn("w:eastAsia"), "黑体")

    for block in blocks:
        kind = block[0]
        if kind in headings:
            level, centred = headings[kind]
            p = doc.add_heading(block[1], level=level)
            if centred:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "sub":
            p = doc.add_paragraph(block[1])
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "right":
            p = doc.add_paragraph(block[1])
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif kind == "note":
            p = doc.add_paragraph()
            p.add_run(block[1]).font.size = Pt(10.5)
        elif kind == "table":
            t = block[1]
            if t.get("caption"):
                cp = doc.add_paragraph(t["caption"])
                cp.alignment = WD_ALIGN_PARAGRAPH.CENTER
            rows = t["rows"]
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            fill(table, t)
        else:
            p = doc.add_paragraph(block[1])
            p.paragraph_format.first_line_indent = Pt(24)
    doc.core_properties.title = first_title(blocks)
    doc.core_properties.comments = comments
    doc.core_properties.created = when
    doc.core_properties.modified = when
    doc.core_properties.author = AUTHOR
    doc.core_properties.last_modified_by = AUTHOR
    doc.save(str(path))
    fix_zip_times(path, (when.year, when.month, when.day, 0, 0, 0))


def fix_zip_times(path: Path, date_time: tuple[int, int, int, int, int, int]) -> None:
    """Rewrite the .docx zip with fixed entry timestamps so regenerating gives identical bytes."""
    with zipfile.ZipFile(path) as zin:
        entries = [(info, zin.read(info.filename)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=date_time)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(fixed, data)


# --------------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------------
def register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, FONT_PATH, subfontIndex=0))


def cjk_style(name: str, **kw: Any) -> Any:
    """A reportlab ParagraphStyle in the embedded CJK font, wrapping CJK text."""
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(name, fontName=FONT, wordWrap="CJK", **kw)


def text_styles(*, title_space_before: float = 0, centre_h: bool = False) -> dict[str, Any]:
    """ParagraphStyle per text block kind (title, sub, h, right, note, p)."""
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT

    return {
        "title": cjk_style(
            "title",
            fontSize=16,
            leading=24,
            alignment=TA_CENTER,
            spaceBefore=title_space_before,
            spaceAfter=4,
        ),
        "sub": cjk_style("sub", fontSize=11, leading=18, alignment=TA_CENTER, spaceAfter=2),
        "h": cjk_style(
            "h",
            fontSize=12.5,
            leading=21,
            alignment=TA_CENTER if centre_h else TA_LEFT,
            spaceBefore=6,
            spaceAfter=2,
        ),
        "right": cjk_style("right", fontSize=11.5, leading=19, alignment=TA_RIGHT),
        "note": cjk_style("note", fontSize=9.5, leading=14, spaceBefore=4),
        "p": cjk_style("body", fontSize=11.5, leading=18.5, firstLineIndent=23, spaceAfter=1),
    }


def page_footer(canvas: Any, doc: Any) -> None:
    """“— n —” centred at the foot of the page (of its own width, so landscape pages too)."""
    from reportlab.lib.units import mm

    canvas.saveState()
    canvas.setFont(FONT, 9)
    w = canvas._pagesize[0]
    canvas.drawCentredString(w / 2, 12 * mm, f"— {doc.page} —")
    canvas.restoreState()


def pdf_properties(blocks: Sequence[Block], subject: str) -> dict[str, Any]:
    """Document-template keyword arguments: title, author, subject, and invariant mode (fixed dates and id)."""
    return {"title": first_title(blocks), "author": AUTHOR, "subject": subject, "invariant": 1}


def grid_table(data: list[list[Any]], col_widths: list[float], repeat_rows: int = 0) -> Any:
    """A reportlab Table with a black grid, cells middle-aligned, a grey header row, 3 pt vertical padding."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    tbl = Table(data, colWidths=col_widths, repeatRows=repeat_rows)
    tbl.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return tbl


def write_pdf(
    path: Path,
    blocks: Sequence[Block],
    *,
    subject: str,
    margin_mm: float,
    styles: dict[str, Any],
    table: Callable[[dict, float], list[Any]] | None = None,
) -> None:
    """Write `blocks` as a portrait A4 PDF with `margin_mm` margins and a page-number footer: text blocks in
    `styles[kind]`, a table block as the flowables `table(t, available_width)` returns."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    register_font()
    margin = margin_mm * mm
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        **pdf_properties(blocks, subject),
    )
    story: list[Any] = []
    for block in blocks:
        if block[0] == "table":
            if table is None:
                raise ValueError(f"{path.name}: a table block but no table writer")
            story += table(block[1], A4[0] - 2 * margin)
        else:
            story.append(Paragraph(block[1], styles[block[0]]))
    doc.build(story, onFirstPage=page_footer, onLaterPages=page_footer)
