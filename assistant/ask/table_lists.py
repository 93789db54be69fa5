"""A list asked of a table: the values of the column the question names, of the rows it picks.

    hits = with_table_rows(hits, tables)        # every row of a table a top hit is a row of
    items = table_listing(question, chunks)      # ['数控机床操作工', '工业机器人运维员', …] as pieces, or None

'紧缺工种目录分哪几个行业' asks for the distinct values of the table's 行业 column; '智能制造行业有哪些紧缺工种' for the
工种 of the rows whose 行业 is 智能制造. Retrieval finds a few rows; the answer needs all of them.

Contract:
- The asked noun is what follows 哪些 / 哪几 / 几 (a classifier such as 类, 档, 级, 种 names it on its own:
  '分哪几类' asks a 类别); a column is asked when its header and that noun name the same thing (the noun ends with
  the header, either contains the other, or a one-character classifier is in the header).
- A row is picked when the question names one of its other cells ('智能制造'); else, when only some rows' other
  cells write a word the question is about ('考了高级技师证要准备哪些材料': the row saying '高级技师奖励10000元'), those
  rows (one such row is answered by its cell); else every row is.
  A question that names a row itself ('叉车司机有哪些补贴') asks about that row, not for a list of rows.
- The listed values are the column's distinct values in reading order, each cited to the first row that writes
  it; a column with fewer than two values among the picked rows lists nothing (the answer is a cell, not a list).
- Of several tables, the one whose row ranks highest among the hits is used.
"""

from __future__ import annotations

import re

from assistant.ask.analysis import subject_terms
from assistant.ask.pieces import Piece
from assistant.ask.support import names_row
from assistant.core.types import Chunk, ScoredChunk

# What follows 哪些 / 哪几 / 几 up to the end of the clause: the asked noun, after an optional classifier.
_ASKED = re.compile(r"(?:哪些|哪几|几)([个种类项档级批家所条])?([^\s，,。？?！!、；;]{0,8})")
# A classifier that names a kind of category on its own ('分哪几类', '分几档').
_CATEGORY_CLASSIFIERS = "类种档级"
# Particles and verbs that end a clause without naming anything ('分哪几类呢', '有哪几个是…').
_TRAILING = re.compile(r"(?:呢|啊|呀|吗|吧|了|的|是|要|可以|能|有|分别|组成|构成|方面|内容)+$")
# Columns that number or annotate rows are never what is asked.
_NEVER_ASKED = re.compile(r"^(?:序号|编号|备注|说明|注)$")
_MIN_VALUES = 2
_PERSON_NOUN = re.compile(r"(?:位|个)?(?:人员|同志|人(?!才))")
_NAME_HEADER = re.compile(r"姓名|名字")


def with_table_rows(
    hits: list[ScoredChunk], tables: dict[tuple[str, str], list[Chunk]], top: int = 8
) -> list[ScoredChunk]:
    """The hits, plus after them the other rows of every table one of the top hits is a row of."""
    seen = {h.chunk.chunk_id for h in hits}
    extra: list[ScoredChunk] = []
    for hit in hits[:top]:
        chunk = hit.chunk
        if chunk.kind != "table_row" or not chunk.table:
            continue
        for row in tables.get((chunk.doc_id, chunk.table), []):
            if row.chunk_id not in seen:
                seen.add(row.chunk_id)
                extra.append(ScoredChunk(chunk=row, score=hit.score))
    return [*hits, *extra]


def asked_noun(question: str) -> str:
    """'智能制造行业有哪些紧缺工种？' -> '紧缺工种'; '一共分哪几类' -> '类'; '' when nothing is named."""
    found = _ASKED.search(question)
    if found is None:
        return ""
    classifier, rest = found.group(1) or "", _TRAILING.sub("", found.group(2))
    if rest:
        return rest
    return classifier if classifier and classifier in _CATEGORY_CLASSIFIERS else ""


def _asks_column(noun: str, header: str) -> bool:
    header = re.sub(r"[（(][^）)]*[）)]", "", header).strip()
    if not header or _NEVER_ASKED.match(header):
        return False
    # '有哪几个人', '哪些同志': people are listed by their names
    if _PERSON_NOUN.match(noun) and _NAME_HEADER.search(header):
        return True
    if len(noun) == 1:
        return noun in header
    return noun.endswith(header) or noun in header or (len(header) >= 2 and header in noun)


def table_listing(question: str, chunks: list[Chunk]) -> list[Piece] | None:
    """The asked column's values of the picked rows of the best-ranked table among `chunks` (hits in rank order),
    as pieces to cite; None when the question does not ask a table for a list."""
    noun = asked_noun(question)
    if not noun:
        return None
    tables: dict[tuple[str, str], list[tuple[int, Chunk]]] = {}
    for rank, chunk in enumerate(chunks):
        if chunk.kind == "table_row" and chunk.table and chunk.cells:
            tables.setdefault((chunk.doc_id, chunk.table), []).append((rank, chunk))
    for _, rows in sorted(tables.items(), key=lambda item: min(rank for rank, _ in item[1])):
        listed = _listing(question, noun, [row for _, row in sorted(rows, key=lambda r: r[1].order)])
        if listed:
            return listed
    return None


def _listing(question: str, noun: str, rows: list[Chunk]) -> list[Piece] | None:
    headers = [h for h, _ in rows[0].cells]
    asked = next((h for h in headers if _asks_column(noun, h)), None)
    if asked is None:
        return None
    if any(
        names_row(question, Piece(row.row_key or "", row, 0, 0, header="", row_name=row.row_key))
        for row in rows
    ):
        return None
    named = [row for row in rows if any(h != asked and len(v) >= 2 and v in question for h, v in row.cells)]
    # else the rows whose other cells write a word the question is about ('考了高级技师证要准备哪些材料' of the row whose
    # 支持标准 says '高级技师奖励10000元'), when only some rows do: one such row is answered by its cell
    # (a word of the document's title, '澜川人才一共分哪几类', is about the document, not a row)
    words = [t for t in subject_terms(question)[0] if len(t) >= 2 and t not in noun and t not in (rows[0].title or "")]
    writing = [row for row in rows if any(t in v for t in words for h, v in row.cells if h != asked)]
    narrowed = not named and 0 < len(writing) < len(rows)
    picked = named or (writing if narrowed else rows)
    values: dict[str, Chunk] = {}
    for row in picked:
        value = dict(row.cells).get(asked, "")
        if value and value not in values:
            values[value] = row
    if not values or len(values) < _MIN_VALUES and not narrowed:
        return None
    return [Piece(value, row, 0, -1) for value, row in values.items()]
