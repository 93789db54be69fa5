"""When the question names no document and two documents each state the asked value: both, each with its title.

    others = other_statements(kinds, top, backing, scores)   # [Piece] — one per other document, best first
    text, citations = cite_by_document([*answer_pieces, *others], weights, room)

Contract:
- Considered only for a question asking a kind of value ('多少钱', '什么时候截止', '找哪个部门') whose best piece
  states it. Another document takes part when a piece of it states every asked kind about the subject
  (`support.supporting`, the same check that stands between an answer and a refusal) and scores at least
  `CLOSE` of the best piece: a document that says the same thing about the same subject as well. A piece
  saying the same value as the best one adds nothing and is left out: a figure is compared as written ('3000元'),
  a value announced by a word ('发放到个人银行账户', '窗口设在…') by the clause it stands in.
- A question that names its document never gets here with other documents' passages (`focus` keeps that
  document's), so this is for questions that could be about several: the plan and a 办法 both setting 博士 targets,
  two cities' notices both giving a deadline. Picking one of them silently is a guess the hotline cannot see;
  saying each, with its title, is what the documents say.
- At most `MAX_OTHERS` other documents, so the answer stays short. Nothing here knows a document.
"""

from __future__ import annotations

import re

from assistant.ask.kinds import ASKS
from assistant.ask.pieces import Piece, ScoredPiece, cite, display
from assistant.core.types import Citation

_MARK = re.compile(r"\[(\d+)\]")
# Another document's statement is said beside the best one when it scores at least this share of the best.
CLOSE = 0.85
MAX_OTHERS = 1


# The clause a value stands in: a kind matched by its cue word ('账户', '设在', '地址') has its value in the clause.
_CLAUSE = re.compile(r"[^，,。；;：:！!？?\n]*")


def _values(kinds: list[str], text: str) -> tuple[str, ...]:
    """What `text` states of each asked kind: the figure matched ('3000元'), or for a kind matched by a word that
    only announces the value ('发放到个人银行账户', '受理窗口设在…') the clause it stands in, so two documents
    naming different accounts or addresses are not taken for saying the same."""
    out = []
    for kind in kinds:
        m = ASKS[kind].value.search(text)
        if m is None:
            out.append("")
        elif any(ch.isdigit() for ch in m.group()):
            out.append(m.group())
        else:
            start = max(text.rfind(c, 0, m.start()) for c in "，,。；;：:！!？?\n") + 1
            out.append(_CLAUSE.match(text, start).group())  # type: ignore[union-attr]
    return tuple(out)


def other_statements(
    kinds: list[str], top: ScoredPiece, backing: dict[str, list[Piece]], scores: dict[int, float]
) -> list[Piece]:
    """The best piece of each other document that states every asked kind about the subject and scores close to
    the best piece (`scores` by id of piece), best first, unless it says the best piece's own value."""
    if not kinds or any(not backing.get(k) for k in kinds):
        return []
    own_doc = top.piece.chunk.doc_id
    best = scores.get(id(top.piece), top.score)
    if best <= 0:
        return []
    stating = [p for p in backing[kinds[0]] if all(p in backing[k] for k in kinds[1:])]
    by_doc: dict[str, Piece] = {}
    for piece in stating:
        doc = piece.chunk.doc_id
        if doc == own_doc or scores.get(id(piece), float("-inf")) < CLOSE * best:
            continue
        if doc not in by_doc or scores.get(id(piece), 0.0) > scores.get(id(by_doc[doc]), 0.0):
            by_doc[doc] = piece
    said = _values(kinds, top.piece.text)
    others = [
        p for p in sorted(by_doc.values(), key=lambda p: -scores.get(id(p), 0.0))
        if _values(kinds, p.text) != said and display(p.text) != display(top.piece.text)
    ]
    return others[:MAX_OTHERS]


def _shifted(text: str, offset: int) -> str:
    """The citation markers of `text` numbered on from `offset` ('[1]' -> '[3]' after two citations)."""
    return _MARK.sub(lambda m: f"[{int(m.group(1)) + offset}]", text)


def cite_by_document(pieces: list[Piece], weights: dict[str, float], max_chars: int) -> tuple[str, list[Citation]]:
    """The pieces grouped by document (in the order each document first appears), each group cited as
    `pieces.cite` would on a line of its own that starts with its document's title; the citations numbered on
    across the groups."""
    by_doc: dict[str, list[Piece]] = {}
    said: set[str] = set()
    for piece in pieces:
        if display(piece.text) in said:  # one sentence from two passages is said once, where it first stands
            continue
        said.add(display(piece.text))
        by_doc.setdefault(piece.chunk.doc_id, []).append(piece)
    groups = list(by_doc.values())
    lines: list[str] = []
    citations: list[Citation] = []
    room = max(max_chars // max(len(groups), 1), 40)
    for group in groups:
        text, cited = cite(group, weights, room)
        if not cited:
            continue
        offset = len(citations)  # this group's [1] is the answer's [offset + 1]
        text = _shifted(text, offset)
        citations.extend([c.model_copy(update={"id": c.id + offset}) for c in cited])
        title = (group[0].chunk.title or "").strip("《》")
        lines.append(f"《{title}》：{text}" if title else text)
    return "\n".join(lines), citations
