"""Enumerations answered whole: an introduction ('应当符合下列条件：', '主要包括五大体系：') brings its items.

    hits = with_continuations(hits, following)     # chunks continuing an introduction that ends a top hit
    picks = with_items(picks, pieces, chunks)      # each introducing pick followed by its items
    picks = with_siblings(picks, pieces)           # an item picked without an introduction: its whole list

Contract:
- Items in the introduction's own chunk follow it in reading order; an introduction that ends its chunk continues
  in the next chunks of its own section (a table row whole, else their sub-heading when they open one, else their
  first sentence), up to `CONTINUATION_CHUNKS` and never past the section.
- A numbered item ('1. 个人注册：…') of a list under a heading, with no introducing sentence, stands for its list:
  the numbered items of its passage come with it, in order, each said by its name when every item names itself
  before a colon ('1. 个人注册：…' -> '个人注册').
- An item already picked is not repeated. Up to `LIST_CHARS` characters are given to a gathered list.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.ask.pieces import Piece, ScoredPiece
from assistant.core.types import Chunk, ScoredChunk

# An introduction that ends its chunk ('主要包括五大体系：') continues in up to this many following chunks: the
# numbered paragraphs or sub-headings that are its items, up to the next heading outside its own section.
CONTINUATION_CHUNKS = 6


def _within(section: str, parent: str) -> bool:
    return section == parent or section.startswith(parent + " > ")


def with_continuations(hits: list[ScoredChunk], following: dict[str, list[Chunk]], top: int = 8) -> list[ScoredChunk]:
    """The hits, plus after them the chunks that continue an enumeration introduced at the end of a top hit."""
    seen = {h.chunk.chunk_id for h in hits[:top]}
    extra: list[ScoredChunk] = []
    for hit in hits[:top]:
        if not _ENDS_INTRODUCING.search(hit.chunk.text.rstrip()):
            continue
        for chunk in following.get(hit.chunk.chunk_id, []):
            if chunk.kind == "footnote":
                continue
            if not _within(chunk.section, hit.chunk.section):
                break
            if chunk.chunk_id not in seen:
                seen.add(chunk.chunk_id)
                extra.append(ScoredChunk(chunk=chunk, score=hit.score))
    return [*hits[:top], *extra]


_ENDS_INTRODUCING = re.compile(r"[：:]$")


def _continuation_items(intro: ScoredPiece, pieces: list[Piece], chunks: list[Chunk]) -> list[ScoredPiece]:
    """Items of an introduction that ends its chunk: each following chunk's sub-heading when it opens a section
    of its own ('1. 基本信息'), else its first sentence."""
    chunk = intro.piece.chunk
    if any(p.chunk.chunk_id == chunk.chunk_id and p.position > intro.piece.position for p in pieces):
        return []
    items: list[ScoredPiece] = []
    for other in sorted((c for c in chunks if c.doc_id == chunk.doc_id and c.order > chunk.order), key=lambda c: c.order):
        if other.kind == "footnote":
            continue
        if not _within(other.section, chunk.section) or other.order > chunk.order + CONTINUATION_CHUNKS:
            break
        piece: Piece | None
        if other.kind == "table_row":  # a row of the table the introduction announces: the row, values and all
            piece = Piece(other.text, other, intro.piece.rank, -1)
        elif other.section != chunk.section:
            heading = other.section.rsplit(" > ", 1)[-1]
            piece = Piece(heading, other, intro.piece.rank, -1)
        else:
            piece = next((p for p in pieces if p.chunk.chunk_id == other.chunk_id), None)
        if piece is not None:
            items.append(ScoredPiece(piece, intro.score * 0.9, frozenset()))
    return items


# An enumeration is answered whole: up to this many characters when its items follow the introduction.
LIST_CHARS = 420


_INTRODUCES = re.compile(
    r"[：:]$|(?:下列|以下|如下)[^，。；]{0,12}$|[：:]\s*(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[.．、]|①)"
)


def introduces(piece: Piece) -> bool:
    """Does this sentence announce a list that follows it ('应当提交以下材料：')?"""
    return bool(_INTRODUCES.search(piece.text.rstrip("。 ")))


def with_items(ordered: list[ScoredPiece], pieces: list[Piece], chunks: list[Chunk]) -> list[ScoredPiece]:
    """A picked sentence that introduces a list ('应当符合下列条件：') brings the items that follow it in its
    passage, up to the passage's next sentence that is not an item; items already picked are not repeated."""
    out: list[ScoredPiece] = []
    for pick in ordered:
        if any(o.piece == pick.piece for o in out):
            continue
        out.append(pick)
        if not introduces(pick.piece):
            continue
        same = sorted(
            (p for p in pieces if p.chunk.chunk_id == pick.piece.chunk.chunk_id and p.header == pick.piece.header
             and p.position > pick.piece.position),
            key=lambda p: p.position,
        )
        for item in same:
            if any(o.piece == item for o in out):
                continue
            out.append(ScoredPiece(item, pick.score * 0.9, frozenset()))
        for scored in _continuation_items(pick, pieces, chunks):
            if all(o.piece != scored.piece for o in out):
                out.append(scored)
    return out


# '1. ', '（2）', '3、': a numbered item; a plain sentence is none.
_NUMBERED = re.compile(r"^\s*(?:[（(]\s*\d{1,2}\s*[)）]|\d{1,2}\s*(?:[、．]|\.(?!\d)))")


def with_siblings(picks: list[ScoredPiece], pieces: list[Piece]) -> list[ScoredPiece]:
    """'办理流程有哪几步' answered by the step '1. 个人注册：…' of a list under its heading (no sentence introduces it)
    is answered by the list: every numbered item of the pick's passage, in reading order, the pick among them."""
    out = list(picks)
    for pick in picks:
        piece = pick.piece
        if piece.header is not None or piece.lead_in or not _NUMBERED.match(piece.text):
            continue
        items = sorted(
            (p for p in pieces if p.chunk.chunk_id == piece.chunk.chunk_id and p.header is None
             and _NUMBERED.match(p.text)),
            key=lambda p: p.position,
        )
        # steps named before their colon ('1. 个人注册：申报人登录…') are said by their names, so all fit
        labels = [_LABEL.match(item.text) for item in items]
        if all(labels):
            items = [replace(item, text=label.group()[:-1]) for item, label in zip(items, labels, strict=True) if label]
        out = [o for o in out if o.piece.chunk.chunk_id != piece.chunk.chunk_id or not _NUMBERED.match(o.piece.text)]
        out += [ScoredPiece(item, pick.score * 0.9, frozenset()) for item in items]
    return out


# a numbered item naming itself before a colon ('1. 个人注册：…')
_LABEL = re.compile(_NUMBERED.pattern + r"\s*[^：:，,。；;]{2,8}[：:]")
