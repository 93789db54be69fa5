"""One row of a table, named by a text, and the cell of it a question asks.

    named_rows("博士研究生每月补贴多少？", tables) -> [RowNamed(row=<B类 row>, written="博士研究生")]
    asked_column("他在哪个单位？", ["姓名", "单位", "职称", "类别"]) -> "单位"
    row_cell("陈思远在哪个单位？", hits) -> ("陈思远", "单位", Piece('澄江大学', …))   the piece None: the cell is empty

A conversation about one row of a table (a person of a 公示名单, a tier 'B类' of a benefit table, a batch) goes on
asking that row's other columns ('他在哪个单位？', '要交什么材料？'): `followup` reads which row the earlier turns
named, `compose` answers the row's cell for the asked column.

Contract:
- A text names a row when it writes one of the row's cells that no other row of its table writes: whole ('陈思远',
  'B类', '高级工程师' but not '教授' inside '副教授'), or a run of at least three characters and half of a longer
  cell that only this row's cells hold ('博士研究生' of '全职引进的博士研究生'). A row whose own name (its key) is
  written is named before rows named only by another cell ('B类' names the tier, not the person whose 类别 is B类).
- A column is asked when the question writes its header (the longest written), else the header's last word ('材料'
  of 申报材料), else the kind of value asked is the kind the header labels ('多少钱' of 补贴标准); one header only
  (two alike, '第一年补贴标准' and '第三年补贴标准', ask neither), never the column that named the row. The cell must
  state the kind of value asked ('8000元/月' does not answer '能领几个月'); a yes/no question is not a cell's.
- `row_cell` answers only within `following_up` (a follow-up the engine resolved from the conversation), and only
  a question naming exactly one row among the hits' tables and asking one of its table's columns: the row's name,
  the column and the row's cell, no cell when that row leaves the column empty and the question writes the
  column's header (the answer is then a refusal, never another row's value). Any other question gets None and is
  answered as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

import jieba

from assistant.ask.kinds import ASKS, MEASURE_UNITS, NUMBER, asked_kinds, asked_measure
from assistant.ask.pieces import Piece
from assistant.core.types import Chunk, ScoredChunk

# Columns that number or annotate rows name no row and are never asked.
_NEVER = re.compile(r"^(?:序号|编号|备注|说明|注)$")
_QUALIFIER = re.compile(r"[（(][^）)]*[）)]|[“”\"‘’'《》\s]")
_YES_NO = re.compile(r"吗\s*[？?]?\s*$|是否|有没有|能不能|可不可以")
# A cell answers only a follow-up (`following_up`): there the row is the one the conversation is about; a single
# question's words name rows too loosely to put one cell before the passages (bench held-out: cells answered
# questions that were to be refused).
_FOLLOWING: ContextVar[bool] = ContextVar("following_up", default=False)
_MIN_RUN = 3
_MAX_CELL = 24


@dataclass(frozen=True)
class RowNamed:
    row: Chunk
    written: str  # what the text writes of the row ('博士研究生')
    by_key: bool  # the text writes the row's own name

    @property
    def key(self) -> str:
        return self.row.row_key or self.written

    @property
    def column(self) -> str:
        """The header of the cell that named the row."""
        return next((h for h, v in self.row.cells if self.written in _plain(v)), "")


def _plain(text: str) -> str:
    return _QUALIFIER.sub("", text)


def _cells(row: Chunk) -> list[tuple[str, str]]:
    return [(h, _plain(v)) for h, v in row.cells if v.strip() and not _NEVER.match(h.strip())]


def _longest_run(cell: str, text: str) -> str:
    best = ""
    for i in range(len(cell)):
        for j in range(i + len(best) + 1, len(cell) + 1):
            if cell[i:j] in text:
                best = cell[i:j]
            else:
                break
    return best


def _in_table(text: str, rows: list[Chunk]) -> list[RowNamed]:
    cells = {row.chunk_id: _cells(row) for row in rows}
    found: list[RowNamed] = []
    for row in rows:
        key = _plain(row.row_key or "")
        mine: list[RowNamed] = []
        for _, value in cells[row.chunk_id]:
            if not 2 <= len(value) <= _MAX_CELL or value.isdigit():
                continue
            written = value if value in text else _longest_run(value, text)
            if written != value and (len(written) < _MIN_RUN or 2 * len(written) < len(value)):
                continue
            if not any(written in v for other in rows if other is not row for _, v in cells[other.chunk_id]):
                mine.append(RowNamed(row, written, value == key))
        if mine:
            found.append(max(mine, key=lambda n: (n.by_key, len(n.written))))
    # '教授' inside '副教授' is not written: a run inside a longer run another row is named by does not count
    return [n for n in found if not any(n.written in m.written and n.written != m.written for m in found)]


def named_rows(text: str, tables: Iterable[list[Chunk]]) -> list[RowNamed]:
    """The rows the text names, those whose own name it writes first (only those, when there are any)."""
    text = _plain(re.sub(r"\[\d+\]", "", text))
    found = [n for rows in tables if len(rows) >= 2 for n in _in_table(text, rows)]
    by_key = [n for n in found if n.by_key]
    return by_key or found


def _tail(header: str) -> str:
    words = [w for w in jieba.lcut(header) if len(w) >= 2]
    return words[-1] if len(words) >= 2 else ""


def _labelled(kind: str, header: str) -> bool:
    """Does the column's header name the kind of value ('受理部门' is where to apply)?"""
    label = ASKS[kind].label
    return label is not None and bool(label.search(header))


def _written(question: str, header: str) -> bool:
    return len(_plain(header)) >= 2 and _plain(header) in question


def asked_column(question: str, headers: list[str], naming: str = "") -> str | None:
    """The one header the question asks: the longest it writes whole, else the only one whose last word it writes,
    else the only one labelled for the kind of value it asks."""
    headers = [h for h in dict.fromkeys(headers) if h and h != naming and not _NEVER.match(h.strip())]
    kinds = asked_kinds(question)
    whole = [h for h in headers if _written(question, h)]
    if whole:
        longest = max(len(_plain(h)) for h in whole)
        whole = [h for h in whole if len(_plain(h)) == longest]
        return whole[0] if len(whole) == 1 else None
    for matches in (
        lambda h: bool(_tail(_plain(h))) and _tail(_plain(h)) in question,
        lambda h: any(_labelled(k, h) for k in kinds),
    ):
        asked = [h for h in headers if matches(h)]
        if asked:
            return asked[0] if len(asked) == 1 else None
    return None


def _states_asked(question: str, column: str, value: str) -> bool:
    """The cell states the kind of value asked, if one is, a count in the measure asked: '8000元/月' does not answer
    '能领几个月'."""
    kinds = asked_kinds(question)
    measure = asked_measure(question)
    if "quantity" in kinds and measure is not None:
        unit = MEASURE_UNITS[measure]
        return bool(re.search(rf"{NUMBER}\s*[万亿千百]?\s*个?\s*(?:{unit})(?![/每])", value))
    return not kinds or any(
        ASKS[k].value.search(value) or (k != "money" and _labelled(k, column)) for k in kinds
    )


@contextmanager
def following_up(on: bool = True) -> Iterator[None]:
    """Within the block, a question naming one row and one column is answered by the cell (`row_cell`)."""
    token = _FOLLOWING.set(on)
    try:
        yield
    finally:
        _FOLLOWING.reset(token)


def row_cell(question: str, hits: list[ScoredChunk]) -> tuple[str, str, Piece | None] | None:
    """The row the question names among the hits' tables, the column it asks and that row's cell (None when the row
    leaves the column empty); None when the question does not name one row and one of its columns."""
    if not _FOLLOWING.get() or _YES_NO.search(question):  # '有学历要求吗' is answered with the rule around the cell, not the cell alone
        return None
    tables: dict[tuple[str, str], list[Chunk]] = {}
    ranks: dict[str, int] = {}
    for rank, hit in enumerate(hits):
        chunk = hit.chunk
        if chunk.kind == "table_row" and chunk.table and chunk.cells and chunk.chunk_id not in ranks:
            ranks[chunk.chunk_id] = rank
            tables.setdefault((chunk.doc_id, chunk.table), []).append(chunk)
    named = named_rows(question, [sorted(rows, key=lambda c: c.order) for rows in tables.values()])
    if len({n.row.chunk_id for n in named}) != 1:
        return None
    one = named[0]
    rows = tables[(one.row.doc_id, one.row.table or "")]
    headers = [h for row in rows for h, _ in row.cells]
    column = asked_column(question, headers, one.column)
    if column is None:
        return None
    value = dict(one.row.cells).get(column, "").strip()
    if not value:  # refused only when the question writes the column the row leaves empty
        return (one.key, column, None) if _written(question, column) else None
    if not _states_asked(question, column, value):
        return None
    return one.key, column, Piece(value, one.row, ranks[one.row.chunk_id], -1, column, one.key)
