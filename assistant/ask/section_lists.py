"""A list asked of a section: the headings of its sub-sections.

    hits = with_sections(hits, children)          # the first chunk of every sub-section next to a top hit
    items = section_listing(question, chunks)     # ['形式审查', '专家答辩', …] as pieces, or None

'评审有哪几个环节' is answered by the sub-headings of '三、评审程序' ((一)形式审查 (二)专家答辩 …), '要建哪几个中心'
by the headings ending in 中心. Each sub-section is a passage of its own, so retrieval finds one or two of
them; the answer needs every heading.

Contract:
- Sub-sections are a heading's direct children in the document's section paths (text passages only: a table's
  rows are `table_lists`' business).
- A section's children are asked for when most of their headings end with the asked noun ('哪几个区' ->
  …集聚区, …先导区), when the section's own heading holds the asked noun ('有哪些保障措施' -> '六、保障措施'), or
  when the noun asks for the parts of something (环节, 步骤, 阶段… `PART_NOUNS`) and the section's heading holds a
  subject word of the question ('青松计划评审有哪几个环节' -> '三、评审程序'). A question naming one of the children
  asks about that child, not for the list; bare article numbers (第五条…) are no list of anything.
- The listed items are the child headings without their numbering, in reading order, each cited to the child's
  first passage; at least two children are needed. Of several sections, the one with the best-ranked hit wins.
"""

from __future__ import annotations

import re

from assistant.ask.analysis import subject_terms
from assistant.ask.pieces import Piece, display
from assistant.ask.table_lists import asked_noun
from assistant.core.types import Chunk, ScoredChunk

_SEP = " > "
# Nouns that ask for the parts of a named thing, whatever the document calls them ('评审有哪几个环节').
PART_NOUNS = re.compile(r"^(?:环节|步骤|流程|程序|阶段|部分|方面|板块|章|节)$")
_ARTICLE = re.compile(r"^第\S{1,6}[条章节]$")
_MIN_CHILDREN = 2
# Most of the headings must end with the asked noun for it to name them.
_NOUN_SHARE = 2 / 3


def _parent(section: str) -> str | None:
    return section.rsplit(_SEP, 1)[0] if _SEP in section else None


def children_of(chunks: list[Chunk]) -> dict[tuple[str, str], list[Chunk]]:
    """(doc id, section) -> the first text passage of each of its direct sub-sections, in reading order."""
    firsts: dict[tuple[str, str], Chunk] = {}
    for chunk in sorted(chunks, key=lambda c: (c.doc_id, c.order)):
        if chunk.kind == "text" and chunk.section and (chunk.doc_id, chunk.section) not in firsts:
            firsts[(chunk.doc_id, chunk.section)] = chunk
    children: dict[tuple[str, str], list[Chunk]] = {}
    for (doc_id, section), chunk in firsts.items():
        parent = _parent(section)
        if parent is not None:
            children.setdefault((doc_id, parent), []).append(chunk)
    return children


def with_sections(
    hits: list[ScoredChunk], children: dict[tuple[str, str], list[Chunk]], top: int = 8
) -> list[ScoredChunk]:
    """The hits, plus after them the first passage of every sub-section of a top hit's section or of its parent."""
    seen = {h.chunk.chunk_id for h in hits}
    extra: list[ScoredChunk] = []
    for hit in hits[:top]:
        chunk = hit.chunk
        if chunk.kind != "text":
            continue
        for section in (chunk.section, _parent(chunk.section)):
            for child in children.get((chunk.doc_id, section or ""), []):
                if child.chunk_id not in seen:
                    seen.add(child.chunk_id)
                    extra.append(ScoredChunk(chunk=child, score=hit.score))
    return [*hits, *extra]


def _heading(section: str) -> str:
    return display(section.rsplit(_SEP, 1)[-1])


def section_listing(question: str, chunks: list[Chunk]) -> list[Piece] | None:
    """The child headings of the best-ranked section among `chunks` (hits in rank order) that the question asks
    for, as pieces to cite; None when it asks for no section's children."""
    noun = asked_noun(question)
    terms = [t for t in subject_terms(question)[0] if len(t) >= 2]
    groups: dict[tuple[str, str], dict[str, Chunk]] = {}
    for chunk in chunks:
        parent = _parent(chunk.section) if chunk.kind == "text" else None
        if parent is None:
            continue
        group = groups.setdefault((chunk.doc_id, parent), {})
        if chunk.section not in group or chunk.order < group[chunk.section].order:
            group[chunk.section] = chunk
    for (_, parent), group in groups.items():  # dicts keep insertion order: best-ranked section first
        if len(group) < _MIN_CHILDREN:
            continue
        ordered = sorted(group.items(), key=lambda item: item[1].order)
        headings = [_heading(section) for section, _ in ordered]
        if any(h and h in question for h in headings):
            continue
        if all(_ARTICLE.match(h) for h in headings):
            continue
        own = _heading(parent)
        by_noun = bool(noun) and sum(h.endswith(noun) for h in headings) >= max(
            _MIN_CHILDREN, _NOUN_SHARE * len(headings)
        )
        by_parent = (
            len(noun) >= 2 and noun in own or bool(PART_NOUNS.match(noun)) and any(t in own for t in terms)
        )
        if by_noun or by_parent:
            return [
                Piece(heading, chunk, 0, -1) for heading, (_, chunk) in zip(headings, ordered, strict=True)
            ]
    return None
