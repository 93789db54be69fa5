"""Pieces of retrieved passages: the sentences, clauses and table cells an extractive answer is built from.

    split_pieces(hits) -> list[Piece]       every sentence of a prose hit, every cell of a table-row hit
    trim(piece, weights, budget) -> str     the best run of clauses of a long piece (an exact substring)
    display(text) / phrase(piece, text) / quote(piece, text)   how a piece is shown and cited

A piece remembers its hit's rank and its share of the top hit's retrieval score, so the composer can weigh what
the retriever found against how many question words a sentence repeats.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.types import Chunk, ScoredChunk

_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
_CLAUSE = re.compile(r"[^，；。！？]+[，；。！？]?")
_ENUM_PREFIX = re.compile(r"^\s*(?:[（(]\s*[0-9一二三四五六七八九十]+\s*[)）]|[0-9]+\s*[.、．]|[一二三四五六七八九十]+[是、]|[①-⑳])\s*")
_SPACE_NEAR_CJK = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+|\s+(?=[\u3000-\u9fff\uff00-\uffef])")
_SKIP_HEADERS = frozenset({"序号", "一级指标"})
_GROUP_HEADERS = frozenset({"重点产业", "产业类别", "类别", "一级指标"})
CONTENT_HEADERS = frozenset({"主要内容", "项目内容", "人才需求", "行动措施"})


@dataclass(frozen=True)
class Piece:
    """A sentence, clause or table cell of one hit: the unit an answer is built from."""

    text: str
    chunk: Chunk
    rank: int
    position: int
    header: str | None = None
    row_name: str | None = None
    retrieval: float = 1.0  # the hit's retrieval score as a share of the top hit's (1.0 for the top hit)

    @property
    def context(self) -> str:
        return f"{self.chunk.section} {self.chunk.text}"

    @property
    def about(self) -> str:
        """What the piece is about without saying it: its table row's name or its section's last heading."""
        return self.row_name or self.chunk.section.rsplit(" > ", 1)[-1]


def sentences(text: str) -> Iterable[str]:
    for match in _SENTENCE.finditer(text):
        piece = match.group().strip()
        if len(piece) >= 4:
            yield piece


def _table_cells(chunk: Chunk) -> tuple[str | None, list[tuple[str, str]]]:
    """'表名 | 序号 3 | 重点工程：X | 牵头单位：Y' -> (row name, [(header, value), ...])."""
    cells: list[tuple[str, str]] = []
    for part in chunk.text.split(" | "):
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


def _retrieval_shares(hits: list[ScoredChunk]) -> list[float]:
    """Each hit's score over the top hit's; fused (RRF) and BM25 scores are both 'higher is better'."""
    top = max((h.score for h in hits), default=0.0)
    if top <= 0:
        return [1.0 / (1 + rank) for rank in range(len(hits))]
    return [max(h.score, 0.0) / top for h in hits]


def split_pieces(hits: list[ScoredChunk]) -> list[Piece]:
    pieces: list[Piece] = []
    for rank, (hit, share) in enumerate(zip(hits, _retrieval_shares(hits), strict=True)):
        chunk = hit.chunk
        if chunk.kind == "table_row":
            name, cells = _table_cells(chunk)
            for position, (header, value) in enumerate(cells):
                if header in _SKIP_HEADERS or value == name:
                    continue
                parts = [value] if len(value) <= 80 else list(sentences(value)) or [value]
                for sub, part in enumerate(parts):
                    pieces.append(Piece(part, chunk, rank, position * 100 + sub, header, name, share))
        else:
            for position, sentence in enumerate(sentences(chunk.text)):
                pieces.append(Piece(sentence, chunk, rank, position, retrieval=share))
    return pieces


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


def display(text: str) -> str:
    """The text as an answer shows it: no enumeration prefix, no spaces next to Chinese, no trailing comma."""
    text = _ENUM_PREFIX.sub("", _SPACE_NEAR_CJK.sub("", text)).strip()
    return text.rstrip("，；。,;") if text else text


def phrase(piece: Piece, text: str) -> str:
    """A table cell is said with its row's name and column ('X的牵头单位是：Y'); a sentence as it stands."""
    shown = display(text)
    if piece.header == "牵头单位" and piece.row_name:
        return f"{display(piece.row_name)}的牵头单位是：{shown}"
    if piece.header == "实施年限" and piece.row_name:
        return f"{display(piece.row_name)}的实施年限为{shown}"
    if piece.header and piece.row_name and piece.header not in CONTENT_HEADERS:
        return f"{display(piece.row_name)}{piece.header}：{shown}"
    if piece.header and piece.row_name and display(piece.row_name) not in shown:
        return f"{display(piece.row_name)}：{shown}"
    return shown


def quote(piece: Piece, text: str) -> str:
    """A cell is quoted with its row's name, cells joined by a tab as the plan's text form writes a row."""
    if piece.header and piece.row_name and piece.row_name not in text:
        return f"{piece.row_name}\t{text}"
    return text
