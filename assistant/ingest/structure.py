"""Recognise a document's structure: heading levels, sections, and tables made ready for use.

Contract:
- `parse_heading(text)` -> (level, heading) or None. Levels of a Chinese government plan:
  0 附件 1 / 附件 2-1 · 1 一、 · 2 （一）or (一) · 3 1. · 3.5 2.1 · 4 （1）or (1) · 5 ——item.
  Full-width and ASCII brackets are both accepted (the corpus mixes '（3）' and '(4) '). A heading line that
  carries body text ('(3) 硕博人才“倍增工程”。重点围绕…') is a heading up to its first '。'; `split_heading`
  returns the body too. A numbered line whose first sentence is long or has a comma is a list item, not a heading.
- `split_sections(doc)` -> sections in reading order, each with its heading path; a heading's trailing body
  text becomes the first paragraph of its section; sections without blocks are left out.
- `extract_tables(doc)` -> `TableRows`: header row found (empty header cells take the text on their left),
  repeated header rows dropped, a two-level header joined into one name per column ('首年补贴标准（万元/年）'), a
  blank first cell filled from the row above (merged groups), the table named
  by its caption or else its section heading. A table (or its caption) right after a '——' item belongs to
  the section enclosing the item: the item is a paragraph of that section, not the table's parent.
"""

from __future__ import annotations

import re

from assistant.core.types import Block, Paragraph, RawDocument, Section, Table, TableRows

_CN_NUM = "一二三四五六七八九十"
# Legal drafting: 第X章 / 第X节 / 第X条 (levels between 附件 and 一、 so that a 办法's （一） items nest in them).
_ORDINAL = r"第\s*[一二三四五六七八九十百零〇两\d]{1,6}\s*"
_CHAPTER = re.compile(rf"^({_ORDINAL})(编|章|节)(?:[\s\u3000]*)(\S.{{0,30}})?$")
# The space after '第五条' may be gone (normalising drops spaces between Chinese characters): a line that opens
# with 第X条 is an article whether or not its body follows a space.
_ARTICLE = re.compile(rf"^({_ORDINAL})条(?:[\s\u3000]*(\S.*))?$")
_DIVISION_LEVEL = {"编": 0.2, "章": 0.3, "节": 0.4}
ARTICLE_LEVEL = 0.6
# A question of a 政策问答: '问：…' or a short line ending in '？' (after its number, if any); deeper than any
# numbering so that an answer's own numbered lines stay in it.
QUESTION_LEVEL = 9
_ASK = re.compile(r"^(?:问|Q|q)\s*\d*\s*[：:]\s*(\S.*)$")
_NUMBER_PREFIX = re.compile(rf"^(?:[{_CN_NUM}]{{1,3}}、|[（(]\s*[{_CN_NUM}\d]{{1,3}}\s*[）)]|\d{{1,3}}\s*[.．、]|Q\d+[.．:：]?)\s*")
# An enumeration item: （一） / (1) / 1. / 1、 / ① at the start of a line.
ENUM_ITEM = re.compile(rf"^(?:[（(]\s*(?:[{_CN_NUM}]{{1,3}}|\d{{1,2}})\s*[）)]|\d{{1,2}}\s*[.．、](?!\d)|[①-⑳])")
_ANNEX = re.compile(r"^附件\s*(\d+(?:\s*[-－—]\s*\d+)?)\s*$")
_LEVELS: list[tuple[float, re.Pattern[str]]] = [
    (1, re.compile(rf"^[{_CN_NUM}]{{1,3}}、\s*\S")),
    (2, re.compile(rf"^[（(]\s*[{_CN_NUM}]{{1,3}}\s*[）)]\s*\S")),
    (3, re.compile(r"^\d{1,2}\s*[.．]\s*(?!\d)\S")),
    # decimal numbering of a 细则 ('2.1 生活补贴申请条件'): a sub-heading of '2. …'
    (3.5, re.compile(r"^\d{1,2}\s*[.．]\s*\d{1,2}(?![\d.．])\s*[\u4e00-\u9fff]")),
    (4, re.compile(r"^[（(]\s*\d{1,2}\s*[）)]\s*\S")),
    (5, re.compile(r"^[—―─]{2}\s*\S")),
]
_DASH_ITEM = 5
_CAPTION = re.compile(r"^(?:表|图)\s*[\d一二三四五六七八九十]+\s*[：:]")
# A heading is a short phrase: longer first sentences, or ones with a comma, are list items.
_MAX_HEADING_CHARS = 40
_LIST_ITEM_HINT = re.compile(r"[，,；;]")
_COMMAS = re.compile(r"[，,]")
# Words of a rule, not of a title: a numbered line holding them is an item ('（三）本标准自…起施行。').
_CLAUSE_WORDS = re.compile(r"不超过|不低于|不得|应当|负责|适用于|^[（(]?\S{0,4}[）)]?\s*本(?:办法|细则|标准|通知|规定|意见|条例)|由\S+负责|自\S*起|\d+\s*(?:周岁|个月|元|万元|人|日|个工作日)")
_FOOTNOTE_MARKS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
# In an annex list ('附件： 1. …' / '2. …') numbered lines name files, they are not headings.
_ANNEX_LIST = re.compile(r"^[-·•]?\s*附件\s*[：:]")


def split_division(text: str) -> tuple[float, str, str] | None:
    """第X章 / 第X节 (level, 'heading', '') and 第X条 (ARTICLE_LEVEL, '第X条', article body), else None."""
    text = text.strip()
    m = _ARTICLE.match(text)
    if m:
        return ARTICLE_LEVEL, re.sub(r"\s+", "", m.group(1)) + "条", (m.group(2) or "").strip()
    m = _CHAPTER.match(text)
    if m and "。" not in text and not _LIST_ITEM_HINT.search(m.group(3) or ""):
        head = re.sub(r"\s+", "", m.group(1)) + m.group(2)
        title = re.sub(r"[\s\u3000]+", " ", (m.group(3) or "").strip())
        return _DIVISION_LEVEL[m.group(2)], f"{head} {title}".strip(), ""
    return None


def split_question(text: str, style: str | None = None) -> tuple[str, str] | None:
    """(question, answer text on the same line) for a Q&A question line, else None: '问：…' ('答：' may
    follow on the same line), or a short line ending in '？' that is not a sentence of running text."""
    text = text.strip()
    m = _ASK.match(text)
    if m:
        question, sep, answer = m.group(1).partition("答")
        if sep and answer[:1] in "：:":
            return question.strip(), answer[1:].strip()
        return m.group(1).strip(), ""
    if len(text) <= 80 and text.endswith(("？", "?")) and "。" not in text:
        question = _NUMBER_PREFIX.sub("", text, count=1).strip()
        if len(question) >= 4:
            return question, ""
    return None


def split_heading(text: str) -> tuple[float, str, str] | None:
    """(level, heading, body after the heading) or None when `text` is not a heading line."""
    text = text.strip()
    m = _ANNEX.match(text)
    if m:
        return 0, "附件" + re.sub(r"\s+", "", m.group(1)), ""
    division = split_division(text)
    if division is not None:
        return division  # type: ignore[return-value]
    level = heading_level(text)
    if level is None:
        return None
    head, sep, body = text.partition("。")
    if len(head) > _MAX_HEADING_CHARS:
        return None
    if sep and _LIST_ITEM_HINT.search(head):
        return None  # '1. 围绕产业链布局人才链，建设…。' is a list item
    if sep and (not body or _CLAUSE_WORDS.search(head)):
        return None  # '（二）年龄不超过40周岁。' / '2.本细则由…负责解释。' is a clause of a list, not a title
    if not sep and (
        head.endswith(("，", "；", "、", ",", ";")) or "：" in head or len(_COMMAS.findall(head)) > 1
    ):
        return None  # an unfinished sentence ('2. 第二层次：对照…，形成重'), not a title
    head = _FOOTNOTE_MARKS.sub("", head)
    if level == 5:
        head = head.lstrip("—―─ ")
    return level, head.strip(), body.strip()


def heading_level(text: str) -> float | None:
    """The level a line's numbering marker suggests, whatever follows it (a TOC entry, a list item…)."""
    text = text.strip()
    if _ANNEX.match(text):
        return 0
    division = split_division(text)
    if division is not None:
        return division[0]  # type: ignore[return-value]
    return next((level for level, pattern in _LEVELS if pattern.match(text)), None)


def parse_heading(text: str) -> tuple[float, str] | None:
    """(level, heading text) for a heading line, else None. See the module docstring for the levels."""
    found = split_heading(text)
    return (found[0], found[1]) if found else None


def parse_caption(text: str) -> str | None:
    """'表1：…' / '表 2：…' / '图一：…' -> the caption as written, else None."""
    text = text.strip()
    return text if _CAPTION.match(text) and len(text) <= 80 else None


def split_sections(doc: RawDocument) -> list[Section]:
    """Group the document's blocks under their heading paths (see the module docstring).

    Inside an article (第X条) or a question, and after an introduction that announces a list ('…下列条件：'),
    numbered lines are the article's items, not headings: they stay in the section of their introduction."""
    sections: list[Section] = []
    stack: list[tuple[float, str]] = []
    current: list[Block] = []
    in_annex_list = False
    listing = False  # after '…下列…：' the numbered lines that follow are items

    def flush() -> None:
        if current:
            sections.append(Section(path=tuple(h for _, h in stack), blocks=list(current)))
            current.clear()

    def push(level: float, head: str) -> None:
        flush()
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, head))

    for block in doc.blocks:
        ends_item = isinstance(block, Table) or (isinstance(block, Paragraph) and parse_caption(block.text))
        if ends_item and stack and stack[-1][0] == _DASH_ITEM:
            # A '——' item is one paragraph (often a target: '——人才总量进一步增加。到 2025 年…'); a table or a
            # table's caption after it belongs to the enclosing section, not to the item.
            flush()
            stack.pop()
        if not isinstance(block, Paragraph):
            current.append(block)
            listing = False  # '…按下表给予奖励：' announced the table, not the numbered lines after it
            continue
        text = block.text.strip()
        question = split_question(text, block.style)
        division = None if question else split_division(text)
        if question is not None:
            push(QUESTION_LEVEL, question[0])
            listing = False
            if question[1]:
                current.append(block.model_copy(update={"text": question[1]}))
            continue
        if division is not None or _ANNEX.match(text):
            level, head, body = division if division is not None else split_heading(text)  # type: ignore[misc]
            push(level, head)
            listing = is_intro(body)
            if body:
                current.append(block.model_copy(update={"text": body}))
            continue
        numbered = _is_numbered(text)
        in_article = any(level == ARTICLE_LEVEL for level, _ in stack)
        in_question = any(level == QUESTION_LEVEL for level, _ in stack)
        inside_unit = in_article or in_question
        if (inside_unit or listing) and ENUM_ITEM.match(text):
            current.append(block)  # an item of the article / answer / announced list
            continue
        found = None if in_annex_list and numbered else split_heading(text)
        in_annex_list = bool(_ANNEX_LIST.match(text)) or (in_annex_list and numbered)
        if found is None or (in_article and found[0] > 0) or (in_question and found[0] > 1):
            current.append(block)
            listing = is_intro(text) or (listing and bool(ENUM_ITEM.match(text)))
            continue
        level, head, body = found
        push(level, head)
        listing = is_intro(body)
        if body:
            current.append(block.model_copy(update={"text": body}))
    flush()
    return sections


def is_intro(text: str) -> bool:
    """A sentence that announces a list in legal drafting: '…符合下列条件：'. (Only 下列: a plan's '以下模块：'
    is followed by real sub-headings.)"""
    text = text.strip()
    return text.endswith(("：", ":")) and "下列" in text


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
    body, body_pages = grid[1:], pages[1:]
    if body and _sub_header(header, body[0]):
        # a two-level header ('补贴标准（万元/年）' over 首年 | 次年 | 第三年): each column is named by both
        header = [_joined(top, sub) for top, sub in zip(header, body[0], strict=True)]
        body, body_pages = body[1:], body_pages[1:]
    rows: list[list[str]] = []
    row_pages: list[int | None] = []
    for cells, page in zip(body, body_pages, strict=True):
        if _key(cells) == header_key or _key(_fill_header(cells)) == _key(header) or not any(cells):
            continue  # a header row repeated after a page break
        if not cells[0] and rows:
            cells = [rows[-1][0], *cells[1:]]  # a merged first-column group continues
        rows.append(cells)
        row_pages.append(page)
    name = table.caption or (section[-1] if section else "表格")
    return TableRows(name=name, section=section, header=header, rows=rows, row_pages=row_pages)


_UNIT_SUFFIX = re.compile(r"[（(][^（）()]{1,10}[）)]\s*$")


def _sub_header(header: list[str], row: list[str]) -> bool:
    """A second header row: under a header cell spanning several columns it names each of them (no figures),
    and elsewhere it is empty or repeats the header merged down."""
    spanned = [i for i in range(1, len(header)) if header[i] and header[i] == header[i - 1]]
    if not spanned:
        return False
    labels = [row[i] for i in range(len(row)) if row[i] and row[i] != header[i]]
    under = {i - 1 for i in spanned} | set(spanned)
    return (
        len(labels) >= 2
        and all(row[i] and not re.search(r"\d", row[i]) for i in under)
        and all(not row[i] or row[i] == header[i] for i in range(len(row)) if i not in under)
    )


def _joined(top: str, sub: str) -> str:
    """'补贴标准（万元/年）' over '首年' -> '首年补贴标准（万元/年）'; a column the sub-row leaves alone keeps its name."""
    if not sub or sub == top:
        return top
    unit = _UNIT_SUFFIX.search(top)
    base = top[: unit.start()] if unit else top
    return f"{sub}{base}{unit.group() if unit else ''}"


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
