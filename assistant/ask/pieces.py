"""Pieces of retrieved passages: the sentences, clauses and table cells an extractive answer is built from.

    split_pieces(hits) -> list[Piece]       every sentence of a prose hit, every cell of a table-row hit
    trim(piece, weights, budget) -> str     the best run of clauses of a long piece (an exact substring)
    by_name(listed) -> list[ScoredPiece]    items of a list announcing its noun ('五大体系：') said by the clause naming each
    cite(pieces, weights, max_chars) -> (text, citations)   the pieces as one answer, each with its marker [n]
    display(text) / phrase(piece, text) / quote(piece, text)   how a piece is shown and cited

A piece remembers its hit's rank, so the composer can weigh what the retriever ranked first against how many
question words a sentence repeats.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property

from assistant.core.types import Chunk, Citation, ScoredChunk

_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
_CLAUSE = re.compile(r"[^，；。！？]+[，；。！？]?")
# '1. ' and '（3）' open an enumerated item; '10.14' is a figure, so a dot followed by a digit is not a prefix.
ENUM_PREFIX = re.compile(
    r"^\s*(?:[（(]\s*[0-9一二三四五六七八九十]+\s*[)）]|[0-9]+\s*(?:[、．]|\.(?!\d))|[一二三四五六七八九十]+[是、]|[①-⑳])\s*"
)
# A list's bullet ('- C类、D类人才：…', '• 申报表'): a mark, not a word.
_BULLET = re.compile(r"^\s*(?:[-*+]\s+|[·•]\s*)")
# An item opening right after its introduction's colon ('…下列条件：1.2025年…'): the figure after '1.' is no decimal.
_ITEM_OPENING = re.compile(
    r"\s*(?:[（(]\s*[0-9一二三四五六七八九十]+\s*[)）]|[0-9]{1,2}\s*[、．.]|[一二三四五六七八九十]+、|[①-⑳])"
)
_SPACE_NEAR_CJK = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+|\s+(?=[\u3000-\u9fff\uff00-\uffef])")
_CELL_LINE = re.compile(r"(?<![，；。：、,;:\s])[ \t]*\n\s*")
_SUPERSCRIPT = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_BARE_NUMBER = re.compile(r"\d[\d.,]*")
_SKIP_HEADERS = frozenset({"序号", "一级指标"})
_GROUP_HEADERS = frozenset({"重点产业", "产业类别", "类别", "一级指标"})
_UNIT_CELL = re.compile(r"单位：\s*([^|\s]+)")
CONTENT_HEADERS = frozenset({"主要内容", "项目内容", "人才需求", "行动措施"})
# A column naming who is in charge of a row's matter: who leads, is responsible, accepts or handles it
# ('牵头单位', '责任部门', '受理部门', '经办机构'), or the person to turn to ('联系人', '经办人'); not an employer
# ('用人单位').
RESPONSIBLE_COLUMN = re.compile(r"(?:牵头|责任|负责|主管|受理|经办|承办|办理|实施|主办)\s*(?:单位|部门|机构)|联系人|经办人|负责人")
# A body a sentence names as who does or receives something ('市人才服务中心', '区委人才办', '用人单位')
BODY = re.compile(r"[\u4e00-\u9fff]{2,20}?(?:局|委员会|委|办公室|人才办|政府|厅|部门|(?<![全内外干])部(?!分)|中心|领导小组|窗口|管委会|街道|单位)")
# A time as a heading writes it for the work below it: a month ('8月中旬-8月底', '3月底前'), a year or a span of years.
_HEADING_TIME = re.compile(r"\d{1,2}\s*月|(?:19|20)\d\d\s*(?:年|[-—–至到~]\s*(?:19|20)?\d\d)")


@dataclass(frozen=True)
class Piece:
    """A sentence, clause or table cell of one hit: the unit an answer is built from."""

    text: str
    chunk: Chunk
    rank: int
    position: int
    header: str | None = None
    row_name: str | None = None

    @property
    def context(self) -> str:
        """Where the piece stands: its section and passage, and for a table cell the sentence introducing its
        table ('在溪南区首次购买住房的，…标准如下：' is what the 20万元 of row E类人才 is for)."""
        if self.header is not None and self.chunk.intro:
            return f"{self.chunk.section} {self.chunk.intro} {self.chunk.text}"
        return f"{self.chunk.section} {self.chunk.text}"

    @property
    def about(self) -> str:
        """What the piece is about without saying it: its table row's name or its section's last heading."""
        return self.row_name or self.chunk.section.rsplit(" > ", 1)[-1]

    @property
    def preceding(self) -> str:
        """The passage's text before this sentence, or for a table cell its table's introduction: what a sentence
        continuing the passage is about without repeating it ('按实际租金的50%给予补贴。' before '补贴比例提高到70%')."""
        if self.header is not None:
            return self.chunk.intro or ""
        at = self.chunk.text.find(self.text)
        return self.chunk.text[:at] if at > 0 else ""

    @cached_property
    def lead_in(self) -> str:
        """The sentence introducing the enumeration this sentence is an item of ('申请薪酬补贴的人才应当符合下列
        条件：' before '年龄不超过45周岁'): what an item is about without repeating it; '' when none precedes it."""
        if self.header is not None:  # a table cell: the sentence introducing its table ('按下表给予一次性奖励：')
            return self.chunk.intro or ""
        before = list(sentences(self.chunk.text))[: self.position]
        # the introduction may share its sentence with the first item ('…下列条件：1.2025年1月1日以后…；')
        for sentence in reversed(before):
            cut = max(sentence.rfind("："), sentence.rfind(":")) + 1
            if cut and (cut == len(sentence) or _ITEM_OPENING.match(sentence[cut:])):
                return sentence[:cut]
        return ""

    @property
    def unit(self) -> str:
        """A table row's unit, given in a cell of its own ('单位：名') next to the figure; '' for prose."""
        if not self.header:
            return ""
        if self.chunk.cells:
            return next((v for h, v in self.chunk.cells if h == "单位"), "")
        found = _UNIT_CELL.search(self.chunk.text)
        return found.group(1) if found else ""


@dataclass(frozen=True)
class ScoredPiece:
    """A piece with the composer's score for the question, and the question words it matched."""

    piece: Piece
    score: float
    matched: frozenset[str]


def sentences(text: str) -> Iterable[str]:
    for match in _SENTENCE.finditer(text):
        piece = match.group().strip()
        if len(piece) >= 4:
            yield piece


def _table_cells(chunk: Chunk) -> tuple[str | None, list[tuple[str, str]]]:
    """A row's name and its (header, value) cells: the chunk's own fields when ingest filled them, else parsed
    from an older index's text ('表名 | 序号 3 | 重点工程：X | 牵头单位：Y', the first part the table's name)."""
    if chunk.cells:
        filled = [(h.strip(), v.strip()) for h, v in chunk.cells if v.strip()]
        return chunk.row_key or _row_name(filled), filled
    cells: list[tuple[str, str]] = []
    for part in chunk.text.split(" | ")[1:]:
        header, sep, value = part.partition("：")
        if sep and value.strip() and len(header) <= 12:
            cells.append((header.strip(), value.strip()))
    return _row_name(cells), cells


def _row_name(cells: list[tuple[str, str]]) -> str | None:
    """The row's subject: the short cell just before the first long one (主要内容, 人才需求 …), else the last
    short cell before the numbers (an indicator's 二级指标)."""
    named = [(h, v) for h, v in cells if h not in _SKIP_HEADERS and len(v) <= 40]
    if not named:
        return None
    # A group column (重点产业 → 三大新兴产业) comes first and shares its header or its kind with the next one.
    if len(named) > 1 and (named[1][0] == named[0][0] or named[0][0] in _GROUP_HEADERS):
        return named[1][1]
    return named[0][1]


def split_pieces(hits: list[ScoredChunk]) -> list[Piece]:
    pieces: list[Piece] = []
    for rank, hit in enumerate(hits):
        chunk = hit.chunk
        if chunk.kind == "table_row":
            name, cells = _table_cells(chunk)
            for position, (header, value) in enumerate(cells):
                if header in _SKIP_HEADERS or value == name:
                    continue
                # a cell of several lines ('1.申请表' / '2.劳动合同') is one answer, kept whole up to twice as long
                whole = 160 if "\n" in value else 80
                parts = [value] if len(value) <= whole else list(sentences(value)) or [value]
                for sub, part in enumerate(parts):
                    pieces.append(Piece(part, chunk, rank, position * 100 + sub, header, name))
        else:
            for position, sentence in enumerate(sentences(chunk.text)):
                pieces.append(Piece(_with_heading_time(chunk, sentence) if position == 0 else sentence,
                                    chunk, rank, position))
    return pieces


def _with_heading_time(chunk: Chunk, sentence: str) -> str:
    """'（一）方案设计与确定（8月中旬-8月底）' above '根据…制定课题研究方案…': a time its heading states is the time of
    the passage's work. The passage's first sentence is said with its heading when the heading writes a time and
    the passage writes none of its own, so '方案设计在什么时候' finds the time where the work is described."""
    heading = chunk.section.rsplit(" > ", 1)[-1].strip()
    if chunk.kind != "text" or not _HEADING_TIME.search(heading) or _HEADING_TIME.search(chunk.text):
        return sentence
    return f"{heading}：{sentence}"


def trim(piece: Piece, weights: dict[str, float], budget: int) -> str:
    """The best run of clauses of a long piece that fits the budget (an exact substring of the piece)."""
    text = piece.text
    if len(text) <= budget:
        return text
    clauses = [m.group() for m in _CLAUSE.finditer(text)]
    best, best_score = clauses[0][:budget], -1.0
    for start in range(len(clauses)):
        window = ""
        for end in range(start, len(clauses)):
            if len(window) + len(clauses[end]) > budget:
                break
            window += clauses[end]
            score = sum(w for t, w in weights.items() if t in window) + 0.01 * len(window) / budget
            if score > best_score:
                best, best_score = window, score
    return best


# An introduction that announces its items by count and noun ('主要包括五大体系：', '建立四项机制：'); the noun's
# last two characters are its head ('五大人才体系' -> 体系), which each item writes.
_ANNOUNCES_NOUN = re.compile(r"(?:[一二两三四五六七八九十]|\d{1,2})\s*(?:大|项|个|类|种|条)?\s*([\u4e00-\u9fff]{2,4})\s*[：:]\s*$")


def by_name(listed: list[ScoredPiece]) -> list[ScoredPiece]:
    """A list whose introduction announces its items' noun ('主要包括五大体系：' before five paragraphs each building
    one 体系) is answered by naming the items: the introduction by its announcing clause, each item by its first
    clause that writes the noun ('建设…的人才匹配体系'), not by the whole paragraph, so every item fits in a short
    answer. A sentence of the passage that is none of its enumerated items (a footnote's definition appended to
    the passage) is left out."""
    out: list[ScoredPiece] = []
    noun, intro = "", ""
    for scored in listed:
        piece = scored.piece
        announced = _ANNOUNCES_NOUN.search(piece.text.rstrip("。 "))
        # an item is in the introduction's passage or was brought from the passages continuing it (no words matched)
        if announced:
            noun, intro = announced.group(1)[-2:], piece.chunk.chunk_id
            clause = [m.group() for m in _CLAUSE.finditer(piece.text) if m.group().strip()][-1]
            scored = ScoredPiece(replace(piece, text=clause), scored.score, scored.matched)
        elif scored.matched and piece.chunk.chunk_id != intro:
            noun = ""
        elif noun and piece.chunk.items and not any(piece.text in item for item in piece.chunk.items):
            continue
        elif noun and noun in piece.text:
            clause = next(m.group() for m in _CLAUSE.finditer(piece.text) if noun in m.group())
            scored = ScoredPiece(replace(piece, text=clause), scored.score, scored.matched)
        out.append(scored)
    return out


def display(text: str) -> str:
    """The text as an answer shows it: no enumeration prefix, no spaces next to Chinese, no trailing comma."""
    # A footnote marker ('…一板¹³', '¹³ “一卡…”指') points at a note the citation carries; said aloud it is noise.
    # the lines of a table cell ('A类200万元' / 'B类100万元') are said as parts of one answer
    text = _BULLET.sub("", _CELL_LINE.sub("；", text.strip()))
    text = ENUM_PREFIX.sub("", _SPACE_NEAR_CJK.sub("", _SUPERSCRIPT.sub("", text))).strip()
    return text.rstrip("，；。,;") if text else text


def phrase(piece: Piece, text: str) -> str:
    """A table cell is said with its row's name and column ('X的牵头单位是：Y'); a sentence as it stands."""
    shown = display(text)
    if piece.header == "牵头单位" and piece.row_name:
        # a cell lists its units apart by spaces ('财政局 人社局 产业集团'), which `display` drops next to Chinese
        units = "、".join(display(unit) for unit in text.split())
        return f"{display(piece.row_name)}的牵头单位是：{units}"
    if piece.header == "实施年限" and piece.row_name:
        return f"{display(piece.row_name)}的实施年限为{shown}"
    if piece.header and piece.row_name and piece.header not in CONTENT_HEADERS:
        # A bare figure under a year column is said with the row's unit cell ('2025年：4家').
        if piece.unit and _BARE_NUMBER.fullmatch(shown):
            shown += piece.unit
        return f"{display(piece.row_name)}{spoken_header(piece.header, shown)}：{shown}"
    if piece.header and piece.row_name and display(piece.row_name) not in shown:
        return f"{display(piece.row_name)}：{shown}"
    return shown


_HEADER_UNIT = re.compile(r"\s*[（(]\s*([^（）()]{1,6})\s*[）)]\s*$")


def spoken_header(header: str, value: str) -> str:
    """'奖励金额（元）' is said '奖励金额' when the value already carries its unit ('3000元')."""
    unit = _HEADER_UNIT.search(header)
    return header[: unit.start()] if unit and unit.group(1) in value else header


def quote(piece: Piece, text: str) -> str:
    """A cell is quoted with its row's name, cells joined by a tab as the plan's text form writes a row; a cell
    whose column the answer names ('2020年：22.1') is quoted with its column, so the year is backed too."""
    if piece.header and piece.row_name and piece.row_name not in text:
        if piece.header not in CONTENT_HEADERS | {"牵头单位", "实施年限"}:
            text = f"{piece.header}：{text}"
            if piece.unit and _BARE_NUMBER.fullmatch(display(text.split("：", 1)[1])):
                text = f"单位：{piece.unit}\t{text}"  # the unit the answer adds is backed by its cell
        return f"{piece.row_name}\t{text}"
    return text


_SOURCE_FIELDS = {"doc_id", "title", "section", "page", "chunk_id"}


def citation(n: int, chunk: Chunk, text: str) -> Citation:
    """Citation number `n` quoting `text` from `chunk`: its document, title, section, page and chunk id."""
    return Citation(id=n, quote=text, **chunk.model_dump(include=_SOURCE_FIELDS))


def cite(pieces: list[Piece], weights: dict[str, float], max_chars: int) -> tuple[str, list[Citation]]:
    """The pieces, in the given order, as one answer of about `max_chars`: each trimmed to its share of the
    room, said with `phrase` and followed by its marker [n]; each citation quotes exactly what was used."""
    budget = max(max_chars // max(len(pieces), 1), 40)
    parts: list[str] = []
    citations: list[Citation] = []
    said: set[str] = set()
    for piece in pieces:
        used = trim(piece, weights, max(budget, max_chars - sum(len(p) for p in parts)))
        if not display(used) or display(used) in said:  # the same sentence from two passages is said once
            continue
        said.add(display(used))
        citations.append(citation(len(citations) + 1, piece.chunk, quote(piece, used)))
        parts.append(f"{phrase(piece, used)}[{len(citations)}]")
    return "；".join(parts) + "。", citations
