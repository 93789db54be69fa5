"""A table row's remark qualifies the row: '须持有食品检验工证书' in the 备注 column is part of every answer about
that row's values, and a mark there ('★') means what the table's note says of it ('备注栏标注“★”的…上浮30%').

    hits = with_notes(hits, tables, following)     # the passage after a table, when it explains a mark of a top row
    picks = with_remarks(picks, pieces)            # each picked cell followed by its row's remark or mark's note

Contract:
- A remark column is one `ingest.tables.is_remark` names (备注, 说明, 注, 其他…); a placeholder cell ('—', '无')
  says nothing and is never added.
- A mark is a remark of at most three characters none of which is a Chinese character ('★', '※', '*'); it is
  said by the sentence of the same document that writes it outside the table, never on its own.
- Only answers about one or two rows carry remarks: a whole column or a list of rows is answered by its values.
"""

from __future__ import annotations

import re

from assistant.ask.pieces import Piece, ScoredPiece
from assistant.core.types import Chunk, ScoredChunk
from assistant.ingest.tables import is_placeholder, is_remark

_HAN = re.compile(r"[\u4e00-\u9fff]")
# the passages after a table's last row searched for its note
_NOTE_REACH = 2
# answers naming more rows than this are lists, said by their values alone
_MAX_ROWS = 2


def _is_mark(value: str) -> bool:
    return len(value.strip()) <= 3 and not _HAN.search(value)


def _remarks(chunk: Chunk) -> list[tuple[str, str]]:
    return [(h, v) for h, v in chunk.cells if is_remark(h) and v.strip() and not is_placeholder(v)]


def with_notes(
    hits: list[ScoredChunk], tables: dict[tuple[str, str], list[Chunk]], following: dict[str, list[Chunk]],
    top: int = 8,
) -> list[ScoredChunk]:
    """The hits, plus after them the passage following a table when it explains a mark one of the top rows has."""
    seen = {h.chunk.chunk_id for h in hits}
    extra: list[ScoredChunk] = []
    for hit in hits[:top]:
        marks = [v.strip() for _, v in _remarks(hit.chunk) if _is_mark(v)]
        rows = tables.get((hit.chunk.doc_id, hit.chunk.table or ""), [])
        if not marks or not rows:
            continue
        for chunk in following.get(rows[-1].chunk_id, [])[:_NOTE_REACH]:
            if chunk.kind != "table_row" and chunk.chunk_id not in seen and any(m in chunk.text for m in marks):
                seen.add(chunk.chunk_id)
                extra.append(ScoredChunk(chunk=chunk, score=hit.score))
    return [*hits, *extra]


def _note(mark: str, chunk: Chunk, pieces: list[Piece]) -> Piece | None:
    """The sentence outside the table that writes the mark, in the row's document."""
    return next(
        (p for p in pieces if p.header is None and p.chunk.doc_id == chunk.doc_id and mark in p.text), None
    )


def with_remarks(picks: list[ScoredPiece], pieces: list[Piece]) -> list[ScoredPiece]:
    """Each picked cell followed by its row's remark ('须持有…证书'), or by the note explaining its mark."""
    rows = {p.piece.chunk.chunk_id for p in picks if p.piece.header is not None and p.piece.chunk.cells}
    if not rows or len(rows) > _MAX_ROWS:
        return picks
    out: list[ScoredPiece] = []
    for pick in picks:
        out.append(pick)
        piece = pick.piece
        if piece.header is None or is_remark(piece.header):
            continue
        for header, value in _remarks(piece.chunk):
            added = (
                _note(value.strip(), piece.chunk, pieces) if _is_mark(value)
                else Piece(value, piece.chunk, piece.rank, piece.position + 1, header, piece.row_name)
            )
            if added is not None and all(o.piece.text != added.text for o in [*picks, *out]):
                out.append(ScoredPiece(added, pick.score * 0.9, frozenset()))
    return out
