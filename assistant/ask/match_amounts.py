"""What the indexed documents pay a person of the profile: table rows and sentences stating a sum of money next to
a word of the profile's talent kinds, one `Match` per document (kind '政策待遇'); and the note, said only of
cited documents that state no amount for the profile, that they set directions, not amounts."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.ask.match_types import AMOUNT_KIND, Match
from assistant.ask.talent_profile import TALENT_KIND_CUES, Profile, _hits
from assistant.core.types import Chunk, Citation

# A sum of money as policy documents write it: 3000元, 5万元, 1.5 万元, 三万元, 300元/月.
# A table cell whose header carries the unit ("补贴（元）：3000") counts as well.
_MONEY = re.compile(
    r"\d[\d,，.]*\s*(?:万|千|百)?元|[一二三四五六七八九十两百千万]+元|[（(][^（）()|]*元[^（）()|]*[)）][^|]*?\d"
)
_SEGMENT = re.compile(r"[^。；;\n]+")
_AMOUNT_SCORE = 10.0  # a benefit the person can claim comes before programmes that only address them


def _amount_matches(profile: Profile, chunks: Sequence[Chunk], per_doc: int = 3) -> list[Match]:
    """Per document, the table rows and sentences that state a sum of money next to a word of the profile's
    talent kinds ("博士 | 每月3000元", "对新引进的博士给予10万元安家补贴"): what that document offers them."""
    words = [w for k in profile.talent_kinds for w in TALENT_KIND_CUES.get(k, ())]
    if not words:
        return []
    by_doc: dict[str, list[tuple[Chunk, str]]] = {}
    for c in sorted(chunks, key=lambda c: (c.doc_id, c.order)):
        segments = [c.text] if c.kind == "table_row" else _SEGMENT.findall(c.text)
        for seg in segments:
            if _states_amount_for(seg, words, cells=_cells(c) if c.kind == "table_row" else None):
                found = by_doc.setdefault(c.doc_id, [])
                if len(found) < per_doc and all(seg.strip() != q for _, q in found):
                    found.append((c, seg.strip()))
    out = []
    for found in by_doc.values():
        first = found[0][0]
        hit = sorted(
            {k for k in profile.talent_kinds for _, q in found if _hits(TALENT_KIND_CUES.get(k, ()), q)}
        )
        citations = [
            Citation(id=n, doc_id=c.doc_id, title=c.title, section=c.section, page=c.page, quote=q,
                     chunk_id=c.chunk_id)
            for n, (c, q) in enumerate(found, start=1)
        ]  # fmt: skip
        out.append(
            Match(name=first.title, kind=AMOUNT_KIND, why=[f"“{q}”" for _, q in found], matched=hit,
                  citations=citations, score=_AMOUNT_SCORE)
        )  # fmt: skip
    return out


_CELL_SEP = re.compile(r" \| | — |；|;")


def _cells(chunk: Chunk) -> list[str]:
    """A table row's cells as 'header：value' strings: from the chunk's structured cells when it has them."""
    cells = getattr(chunk, "cells", None) or []
    if cells:
        return [f"{h}：{v}" for h, v in cells]
    return [c for c in _CELL_SEP.split(chunk.text) if c.strip()]


def _states_amount_for(segment: str, words: Sequence[str], cells: list[str] | None) -> bool:
    """A table row whose key cell names the person and another cell a sum ("人才类别：博士 | 补贴：3000元"), or a
    sentence that names both ("对全职引进的博士，给予10万元安家补贴"). A sum in the very cell that merely mentions
    the group ("依托…大学生联合会，…给予每个人才工作站3万元") is a row about something else."""
    if cells is not None:
        return any(_hits(words, c) and not _MONEY.search(c) for c in cells) and any(
            _MONEY.search(c) for c in cells
        )
    return bool(_MONEY.search(segment) and _hits(words, segment))


def amount_note(matches: Sequence[Match]) -> str | None:
    """The note that a document sets no amount — said only of the cited documents that state none for this
    profile (a 办法 whose table gives 博士 an amount is not named), each by its own title."""
    with_amounts = {c.doc_id for m in matches if m.kind == AMOUNT_KIND for c in m.citations}
    titles: dict[str, str] = {}
    for m in matches:
        if m.kind == AMOUNT_KIND:
            continue
        for c in m.citations[:1]:
            if c.doc_id not in with_amounts and c.title:
                titles.setdefault(c.doc_id, c.title)
    if not titles:
        return None
    named = "、".join(f"《{t}》" for t in titles.values())
    return (
        f"说明：{named}列出的是工程、项目、平台和政策方向，并未规定补贴或奖励金额；具体标准请向牵头单位咨询。"
    )
