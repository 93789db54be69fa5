"""Sentences that say only part of a rule without the one beside them: the parallel cases of a sanction
('弄虚作假的，取消申报资格；已入选的，撤销入选资格…') and a relaxation or exception of the clause before it
('…年龄不超过35周岁的人员；博士研究生年龄放宽至40周岁').

    picks = with_cases(picks, pieces)        # each chosen case followed by the cases after it in its sentence
    picks = with_qualified(picks, pieces)    # a chosen relaxation or exception preceded by the rule it qualifies

Both only add pieces of the chosen piece's own passage, next to it; neither changes a pick.
"""

from __future__ import annotations

import re

from assistant.ask.pieces import Piece, ScoredPiece

# A case of a rule: '已入选的，' opens the clause saying what happens in that case.
_CASE = re.compile(r"^[^，；。]{1,20}的，")
# A clause that relaxes or excepts the rule before it ('…放宽至40周岁', '…除外', '但…') says nothing on its own.
_BUT = re.compile(r"^\s*但")
_QUALIFIES = re.compile(_BUT.pattern + r"|放宽(?:至|到|为)|除外|不受[^，；。]{0,8}限制")


def _beside(piece: Piece, pieces: list[Piece], step: int) -> Piece | None:
    return next(
        (p for p in pieces if p.chunk.chunk_id == piece.chunk.chunk_id and p.header == piece.header
         and p.position == piece.position + step),
        None,
    )


def with_cases(picks: list[ScoredPiece], pieces: list[Piece]) -> list[ScoredPiece]:
    """A sanction is written as parallel cases of one sentence ('弄虚作假的，取消申报资格；已入选的，撤销入选资格…3年内
    不得申报'): the cases that follow a chosen one in its sentence belong to the answer."""
    out: list[ScoredPiece] = []
    for pick in picks:
        if any(o.piece == pick.piece for o in out):
            continue
        out.append(pick)
        piece = pick.piece
        while piece.text.endswith("；"):
            following = _beside(piece, pieces, 1)
            if following is None or not _CASE.match(following.text) or any(o.piece == following for o in out):
                break
            out.append(ScoredPiece(following, pick.score * 0.9, frozenset()))
            piece = following
    return out


def with_qualified(picks: list[ScoredPiece], pieces: list[Piece]) -> list[ScoredPiece]:
    """'博士研究生年龄放宽至40周岁' answers '对年龄有要求吗' only with the rule it relaxes ('…年龄不超过35周岁的人员；'):
    a chosen relaxation or exception is preceded by the clause before it in its sentence ('但…' by the sentence
    before it)."""
    out = list(picks)
    for pick in picks:
        piece = pick.piece
        if piece.header is not None or not _QUALIFIES.search(piece.text):
            continue
        before = _beside(piece, pieces, -1)
        if before is None or not (_BUT.match(piece.text) or before.text.endswith("；")):
            continue
        if all(o.piece != before for o in out):
            out.append(ScoredPiece(before, pick.score * 0.9, frozenset()))
    return out
