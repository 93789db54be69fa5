"""Clean Chinese text as loaders read it, before structure is recognised.

- `join_han_gaps(text)`: spaces between Chinese characters left by the source's line breaks are removed
  (spaces inside Latin text and between numbers stay); applied to every paragraph of every format at load.

Contract:
- `normalize_zh(text)` takes raw text (many lines) and returns clean lines: invisible characters removed,
  runs of spaces collapsed, page footers ('— 3 —') and table-of-contents leader lines dropped, and visual lines
  broken inside a sentence joined. Full-width punctuation and the characters of numbers are kept as written
  (no NFKC: '２０２５' stays '２０２５', '（3）' stays '（3）'). Tabs are kept: they separate table cells.
- Block helpers used by every loader, so TXT, PDF and DOCX come out alike: `drop_toc` removes a 目录 block,
  `join_paragraphs` joins a paragraph cut by a page break (footnotes printed in between move after it),
  `attach_captions` moves a table's title line ('表1：…') into `Table.caption`.
"""

from __future__ import annotations

import re

from assistant.core.types import Block, Footnote, Paragraph, Table
from assistant.ingest.structure import heading_level, parse_caption, parse_heading, split_heading

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u205f]+")
_PAGE_FOOTER = re.compile(
    r"^(?:[—\-–－~]+\s*\d{1,4}\s*[—\-–－~]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$"
)
# A TOC entry ends with a leader (dots, ellipses, middle dots) and usually a page number.
_TOC_LEADER = re.compile(r"(?:\.{4,}|…{2,}|·{4,}|\u22ef{2,})\s*\d{0,4}$")
_TOC_TITLE = re.compile(r"^目\s*录$")
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FOOTNOTE_LINE = re.compile(rf"^([{SUPERSCRIPT_DIGITS}]+)\s*(\S.*)$")
# A sentence (or a clause that may end a paragraph) is over at one of these.
_SENTENCE_END = tuple("。！？；：!?;:")
_ASCII_WORD = re.compile(r"[A-Za-z0-9%]")


def clean_line(line: str) -> str:
    """Remove invisible characters and collapse spaces; tabs (table cell separators) are left alone."""
    line = line.translate(_INVISIBLE)
    line = _SPACES.sub(" ", line)
    return line.strip(" \u3000\r\n")


def is_page_footer(line: str) -> bool:
    """'— 3 —', '- 12 -', '第 3 页', '3/60': page furniture, never content."""
    return bool(_PAGE_FOOTER.match(line.strip()))


def is_toc_line(line: str) -> bool:
    """A table-of-contents entry: leader dots and a page number, or 'heading<TAB>page'."""
    text = line.strip()
    if not text:
        return False
    if _TOC_LEADER.search(text):
        return True
    parts = text.split("\t")
    # Exactly one tab and a bare page number: a TOC entry. Table rows have more cells.
    return len(parts) == 2 and parts[1].strip().isdigit() and looks_like_heading(parts[0])


def looks_like_heading(text: str) -> bool:
    """A numbered line short enough to be a heading or a TOC entry (commas allowed, no full stop)."""
    text = text.strip().rstrip(".…· ")
    if text.lstrip("-·• ").startswith("附件"):
        return True
    return heading_level(text) is not None and len(text) <= 45 and "。" not in text


def parse_footnote(line: str) -> tuple[str, str] | None:
    """'¹ N 份配套政策指…' -> ('¹', 'N 份配套政策指…'); None when the line is not a footnote body."""
    m = _FOOTNOTE_LINE.match(line.strip())
    return (m.group(1), m.group(2).strip()) if m else None


def ends_sentence(text: str) -> bool:
    stripped = text.strip()
    if stripped.startswith(("（", "(")) and stripped.endswith(("）", ")")) and is_enclosed(stripped):
        return True  # a line wholly in brackets ('（此件主动公开）') is complete
    text = text.rstrip().rstrip("”’」』)）")
    return not text or text.endswith(_SENTENCE_END)


def is_enclosed(text: str) -> bool:
    """'（…）' whose first bracket closes at the very end."""
    depth = 0
    for i, ch in enumerate(text):
        depth += ch in "（(" 
        depth -= ch in "）)"
        if depth == 0:
            return i == len(text) - 1
    return False


# A space between two Chinese characters is a line break of the source ('开展职业技能培训 鉴定'), except between
# two names of a list of issuing bodies ('…人力资源和社会保障局 …财政局').
_HAN = "\u4e00-\u9fff"
_HAN_GAP = re.compile(rf"(?<=[{_HAN}“”《》（）、，；：。]) +(?=[{_HAN}“”《》（）])")
_ORG_END = re.compile(r"(?:局|委员会|委|办公室|办公厅|政府|厅|部|中心|院|会|办|公司)$")


def join_han_gaps(text: str) -> str:
    """Remove spaces between Chinese characters (kept in Latin text, between numbers, and between the names of
    a list of bodies)."""
    def keep(m: re.Match[str]) -> str:
        left, right = text[: m.start()], text[m.end() :]
        if _ORG_END.search(left) and re.match(rf"[{_HAN}]{{4,}}", right):
            return m.group(0)
        return ""

    return _HAN_GAP.sub(keep, text)


def join_text(left: str, right: str) -> str:
    """Join two pieces of one sentence: no space between Chinese characters, one between ASCII words."""
    left, right = left.rstrip(), right.lstrip()
    if left and right and _ASCII_WORD.match(left[-1]) and _ASCII_WORD.match(right[0]):
        return f"{left} {right}"
    return left + right


def is_body_text(text: str) -> bool:
    """Running prose, as opposed to a title, a heading alone, a caption or a signature line."""
    found = split_heading(text)
    if found is not None and not found[2]:
        return False  # a heading alone
    if parse_caption(text) or parse_footnote(text) or "\t" in text:
        return False
    return bool(re.search(r"[，、。；]", text))


# A Markdown table's row ('| 人才安家补贴 | 60万元 | 市人社局 |'): a row of its own however long, never a broken line.
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")


def continues_sentence(prev: str, nxt: str) -> bool:
    """True when `nxt` carries on the sentence `prev` left unfinished (a page or line break in between)."""
    if ends_sentence(prev) or not is_body_text(prev) or _TABLE_ROW.match(prev):
        return False
    if not nxt or "\t" in nxt or _TABLE_ROW.match(nxt) or parse_footnote(nxt) or parse_caption(nxt) or is_toc_line(nxt):
        return False
    return parse_heading(nxt) is None


def join_broken_lines(lines: list[str]) -> list[str]:
    """Join visual lines broken inside a sentence; a blank line always ends a paragraph."""
    out: list[str] = []
    for line in lines:
        if out and out[-1] and line and continues_sentence(out[-1], line):
            out[-1] = join_text(out[-1], line)
        else:
            out.append(line)
    return out


def normalize_zh(text: str) -> str:
    """Clean raw text: see the module docstring. Returns lines joined by '\\n' (blank line = paragraph break)."""
    lines = [clean_line(raw) for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    kept = [line for line in lines if not (is_page_footer(line) or is_toc_line(line))]
    return "\n".join(join_broken_lines(kept))


# ---------------------------------------------------------------- block helpers shared by the loaders


def is_toc_table(table: Table) -> bool:
    """Rows of 'numbered heading | page number' (a TOC whose lines were read as table rows, e.g. a heading
    too long to pass for one): a table of contents, not a table. A data table with a number column has
    data labels, not numbered headings, in its first column."""
    pairs = [[c.strip() for c in row if c.strip()] for row in table.rows]
    pairs = [p for p in pairs if p]
    if not pairs or any(len(p) != 2 or not re.fullmatch(r"\d{1,4}", p[1]) for p in pairs):
        return False
    numbered = sum(heading_level(p[0].rstrip(".…· ")) is not None for p in pairs)
    return numbered * 2 >= len(pairs)


def drop_toc(blocks: list[Block]) -> list[Block]:
    """Remove a table of contents: the '目录' line and the heading-like entries after it (with or without
    page numbers: a DOCX TOC has none), up to the first line of running text; and TOC entries read as a
    table (`is_toc_table`), wherever they are."""
    out: list[Block] = []
    in_toc = False
    for block in blocks:
        if isinstance(block, Table) and is_toc_table(block):
            continue
        if isinstance(block, Paragraph):
            text = block.text.strip()
            if _TOC_TITLE.match(text):
                in_toc = True
                continue
            if in_toc:
                if is_toc_line(text) or looks_like_heading(text) or not text:
                    continue
                in_toc = False
            elif is_toc_line(text):
                continue
        out.append(block)
    return out


def join_paragraphs(blocks: list[Block]) -> list[Block]:
    """Join a paragraph that a page break cut in two. Footnotes printed at the foot of the page sit between
    the halves in reading order; they move after the joined paragraph."""
    out: list[Block] = []
    pending: list[Block] = []  # footnotes seen after an unfinished paragraph
    open_idx: int | None = None  # index in `out` of the paragraph waiting for its continuation
    for block in blocks:
        if isinstance(block, Footnote) and open_idx is not None:
            pending.append(block)
            continue
        if isinstance(block, Paragraph) and open_idx is not None:
            prev = out[open_idx]
            assert isinstance(prev, Paragraph)
            if continues_sentence(prev.text, block.text):
                out[open_idx] = prev.model_copy(update={"text": join_text(prev.text, block.text)})
                if ends_sentence(out[open_idx].text):  # type: ignore[union-attr]
                    out.extend(pending)
                    pending, open_idx = [], None
                continue
        out.extend(pending)
        pending, open_idx = [], None
        out.append(block)
        if isinstance(block, Paragraph) and not ends_sentence(block.text) and is_body_text(block.text):
            open_idx = len(out) - 1
    out.extend(pending)
    return out


def attach_captions(blocks: list[Block]) -> list[Block]:
    """A title line right before a table ('表1：…', or a short title such as '…需求目录（供参考）') becomes the
    table's caption instead of a paragraph of its own."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Table) and block.caption is None and out and isinstance(out[-1], Paragraph):
            prev = out[-1]
            if is_caption_line(prev.text):
                out[-1] = block.model_copy(update={"caption": prev.text.strip()})
                continue
        out.append(block)
    return out


def is_caption_line(text: str) -> bool:
    text = text.strip()
    if parse_caption(text):
        return True
    return (
        0 < len(text) <= 40
        and parse_heading(text) is None
        and not re.search(r"[，。；！？：:]", text)
        and not re.search(r"\d{4}年\d{1,2}月\d{1,2}日", text)
    )
