"""Policy matching: from who a talent is to the programmes, platforms and policies whose content addresses them.

    profile = extract_profile("我是做芯片的博士，想来晋江", industries=[f.name for f in industry_facts])
    matches = match(profile, facts, chunks)          -> list[Match], best first
    reply = format_matches(profile, matches)         -> a short Chinese reply for the chat
    markdown = format_matches_markdown(matches)      -> one block per item (the UI form, the match API)

Contract:
- Items are the documents' own records: every `programme` fact (重点工程 / 重点项目 / 重点平台 / 重点政策 rows)
  and, for groups no programme names, the narrative sections whose heading names the group (a plan's
  "晋台人才合作交流示范区" section). Nothing here lists this plan's items; a new document's rows match the same way.
- A target group is recognised from content words (博士, 台湾, 侨, 技能, 教师 …); an industry from the words of
  the `industry_need` facts' names plus a few everyday synonyms (芯片 -> 集成电路/半导体/微电子).
- Each match says why: the clauses of the item that hold the matched words, quoted. Words in an item's name
  weigh more than words in its content, which weigh more than words in its actions.
- When an industry is given, its `industry_need` records are returned too (kind '产业人才需求').
- Every indexed document is read for what it pays such a person: a table row whose key cell names the talent
  kind and another cell a sum, or a sentence naming both, gives one match per document (kind '政策待遇', named
  by the document's title, each row or sentence quoted and cited), listed first.
- The note that a document sets no amounts is said only of the cited documents that state none for this
  profile, each by its title from the catalog (`amount_note`); nothing here names a document.
- A words-of-the-description aspect: a content word of the free text that only a few item names use (直播)
  matches those items (`_topic_words`, from the names and the documents' text, no list).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field

from assistant.ask.talent_profile import (
    _BORN_CUES,
    _EMPLOYER_CUES,
    INDUSTRY_SYNONYMS,
    TALENT_KIND_CUES,
    Profile,
    _fold,
    _hits,
    extract_profile,
    home_places,
    industry_terms,
)
from assistant.core.types import Chunk, Citation, Fact

__all__ = [  # the profile side is re-exported: callers import both from here
    "INDUSTRY_SYNONYMS", "TALENT_KIND_CUES", "Profile", "Match", "extract_profile", "home_places", "industry_terms",
    "match", "format_matches", "format_matches_markdown", "amount_note", "chat_items", "profile_label",
    "match_notes", "AMOUNT_KIND", "AMOUNT_NOTE", "NEEDS_KIND", "SECTION_KIND",
]  # fmt: skip


_CLAUSE = re.compile(r"[^，；。！？①-⑳]+")
_NAME_W, _CONTENT_W, _ACTIONS_W = 3.0, 2.0, 1.0
_EXTRA_WORD_W, _EXTRA_CAP = 0.5, 2.0
_RELATIVE = 0.6
_INDUSTRY_PREFIX = "产业:"
SECTION_KIND = "规划章节"
NEEDS_KIND = "产业人才需求"
AMOUNT_KIND = "政策待遇"
# Said of a document only when it states no amount for the profile (see `amount_note`); generic wording kept
# for callers that have no matches to name documents from.
AMOUNT_NOTE = "说明：所列工程、项目、平台和政策的文件未规定补贴或奖励金额；具体标准请向牵头单位咨询。"


class Match(BaseModel):
    """One item that addresses the profile, with the words that made it match and whom to contact."""

    model_config = ConfigDict(frozen=True)

    name: str
    kind: str = Field(description="重点工程 / 重点项目 / 重点平台 / 重点政策, 规划章节, or 产业人才需求")
    why: list[str] = Field(description="Quoted clauses of the item holding the matched words")
    matched: list[str] = Field(description="The profile aspects that matched (kinds, industry …)")
    lead_units: list[str] = Field(default_factory=list)
    period: str | None = None
    citations: list[Citation] = Field(default_factory=list)
    score: float


def _quote_clauses(text: str, words: Sequence[str], limit: int = 2) -> list[str]:
    found: list[str] = []
    for clause in _CLAUSE.findall(text):
        if _hits(words, clause) and clause.strip() not in found:
            found.append(clause.strip())
        if len(found) >= limit:
            break
    return [f"“{c}”" for c in found]


class _Item(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    kind: str
    content: str
    actions: str = ""
    lead_units: list[str] = []
    period: str | None = None
    citation: Citation


def _fact_items(facts: Sequence[Fact], titles: dict[str, str]) -> list[_Item]:
    return [
        _Item(
            name=f.name,
            kind=f.group or "清单",
            content=f.content or "",
            actions=f.actions or "",
            lead_units=f.lead_units,
            period=f.period,
            citation=_cite(f, titles),
        )
        for f in facts
        if f.kind == "programme"
    ]


def _cite(fact: Fact, titles: dict[str, str]) -> Citation:
    return Citation(
        id=1, doc_id=fact.doc_id, title=titles.get(fact.doc_id, ""), section=fact.section, page=fact.page,
        quote=fact.quote, chunk_id=fact.chunk_id,
    )  # fmt: skip


def _section_items(chunks: Sequence[Chunk], programme_names: Sequence[str]) -> list[_Item]:
    """Narrative sections, one item per section path, named by its last heading. Sections that restate a
    programme (same name) are left to the programme's item."""
    by_section: dict[str, list[Chunk]] = {}
    for c in chunks:
        if c.kind == "text" and c.section:
            by_section.setdefault(c.section, []).append(c)
    items = []
    known = [_bare(n) for n in programme_names]
    for section, parts in by_section.items():
        heading = section.split(" > ")[-1]
        name = _strip_number(heading)
        if not name or any(k and (k in _bare(name) or _bare(name) in k) for k in known):
            continue
        parts.sort(key=lambda c: c.order)
        text = "".join(c.text for c in parts)
        first = parts[0]
        citation = Citation(
            id=1, doc_id=first.doc_id, title=first.title, section=section, page=first.page,
            quote=first.text, chunk_id=first.chunk_id,
        )  # fmt: skip
        items.append(_Item(name=name, kind=SECTION_KIND, content=text, citation=citation))
    return items


_HEADING_NUMBER = re.compile(r"^\s*(?:——|[(（]?[一二三四五六七八九十\d]+[)）、.．]\s*)+")


def _strip_number(heading: str) -> str:
    return _HEADING_NUMBER.sub("", heading).strip("。 ")


def _bare(name: str) -> str:
    return re.sub(r"[“”\"'‘’（）()\s]|工程|项目|建设", "", _fold(name))


def _aspect_scores(
    item: _Item, aspects: dict[str, Sequence[str]], name_only: bool = False
) -> dict[str, tuple[float, list[str]]]:
    """Per profile aspect: the best field weight its words hit, plus a little for each further distinct word
    (an item that says 高层次, 领军 and 创新创业团队 is about that group; one that says 领军 once may not be)."""
    fields = [(item.name, _NAME_W)] if name_only else [
        (item.name, _NAME_W), (item.content, _CONTENT_W), (item.actions, _ACTIONS_W)
    ]  # fmt: skip
    out: dict[str, tuple[float, list[str]]] = {}
    for aspect, words in aspects.items():
        best = 0.0
        hit_words: list[str] = []
        for text, weight in fields:
            hit = _hits(words, text)
            if hit:
                best = max(best, weight)
                hit_words.extend(h for h in hit if h not in hit_words)
        if best:
            # Industry synonyms overlap by construction (鞋, 鞋服, 运动鞋), so only group words earn the extra.
            extra = (
                0.0
                if aspect.startswith(_INDUSTRY_PREFIX)
                else _EXTRA_WORD_W * (len(_distinct(hit_words)) - 1)
            )
            out[aspect] = (best + min(extra, _EXTRA_CAP), hit_words)
    return out


def _distinct(words: list[str]) -> list[str]:
    """Words not contained in another hit word: 技能 inside 职业技能 is one mention, not two."""
    return [w for w in words if not any(w != o and w in o for o in words)]


def _aspects(profile: Profile) -> dict[str, Sequence[str]]:
    aspects: dict[str, Sequence[str]] = {
        k: TALENT_KIND_CUES[k] for k in profile.talent_kinds if k in TALENT_KIND_CUES
    }
    if profile.industry:
        aspects[f"{_INDUSTRY_PREFIX}{profile.industry}"] = industry_terms(profile.industry)
    return aspects


_TOPIC_PREFIX = "事项:"
_TOPIC_MAX_SHARE = 0.02
_TOPIC_MAX_NAMES = 3  # a word in more item names than this is a general word (人才, 工程, a city's name)
# Parts of speech that never name a topic: places, person and organisation names, times, numbers, pronouns,
# function words, adjectives (福州 in "在福州读研" is where, not what).
_NOT_TOPIC = ("ns", "nr", "nt", "t", "m", "r", "p", "u", "d", "c", "a", "q", "f", "x")


def _topic_words(
    text: str, names: Sequence[str], aspects: dict[str, Sequence[str]], chunks: Sequence[Chunk] = ()
) -> list[str]:
    """Words of the self-description that name what only a few items are about (直播 -> the live-streaming
    bases; 留学 -> the returnees' park). Read from the item names themselves, so no list is kept here."""
    if not text:
        return []
    import jieba.posseg

    known = {w for words in aspects.values() for w in words}
    folded_names = [_fold(n) for n in names]
    texts = [_fold(c.text) for c in chunks]
    out = []
    words = dict.fromkeys(w.word for w in jieba.posseg.cut(_fold(text)) if not w.flag.startswith(_NOT_TOPIC))
    for token in words:
        if len(token) < 2 or token in known or not re.search(r"[\u4e00-\u9fff]", token):
            continue
        count = sum(token in n for n in folded_names)
        if not 1 <= count <= _TOPIC_MAX_NAMES:
            continue
        # and rare in the documents' text: 工作 or 发展 is in a few names but on every page.
        if texts and sum(token in t for t in texts) > _TOPIC_MAX_SHARE * len(texts):
            continue
        out.append(token)
    return out


def match(profile: Profile, facts: Sequence[Fact], chunks: Sequence[Chunk], limit: int = 10) -> list[Match]:
    """Items addressing the profile, best first; then, when an industry is given, its talent needs."""
    titles = {c.doc_id: c.title for c in chunks}
    born_cues = _born_cues(home_places(titles.values()))
    aspects = _aspects(profile)
    programmes = _fact_items(facts, titles)
    topic = _topic_words(profile.free_text or "", [p.name for p in programmes], aspects, chunks)
    if not aspects and not topic:
        return []
    candidates = [(item, _aspect_scores(item, aspects)) for item in programmes]
    if topic:  # what the person does or wants, as only a few items' names say it (直播, 留学)
        key = f"{_TOPIC_PREFIX}{'、'.join(topic)}"
        aspects[key] = topic
        for item, per_aspect in candidates:
            if hit := _hits(topic, item.name):
                per_aspect[key] = (_NAME_W, hit)
    # The lists come first; a narrative section is offered for a group only when no list item is named for it
    # (a plan may serve 台湾青年 in a chapter, not in a table row).
    named = {a for _, s in candidates for a, v in s.items() if v[0] >= _NAME_W}
    gaps = {a: w for a, w in aspects.items() if a not in named}
    if gaps:
        sections = _section_items(chunks, [p.name for p in programmes])
        candidates += [(item, _aspect_scores(item, gaps, name_only=True)) for item in sections]
    # Per aspect, an item must come near the best item for that aspect: a passing mention of 金融 in a
    # company's name is not an offer to financial talent when another item is about them.
    best = {a: max((s[a][0] for _, s in candidates if a in s), default=0.0) for a in aspects}
    scored: list[tuple[float, _Item, list[str], list[str]]] = []
    for item, per_aspect in candidates:
        kept = {a: v for a, v in per_aspect.items() if v[0] >= _CONTENT_W and v[0] >= _RELATIVE * best[a]}
        if not kept:
            continue
        score = sum(v[0] for v in kept.values()) + _bonus(profile, item, born_cues)
        # Quote by every word of the matched aspects: a chapter matched by its heading (晋台) is quoted where
        # its text says 台湾.
        words = list(
            dict.fromkeys([w for v in kept.values() for w in v[1]] + [w for a in kept for w in aspects[a]])
        )
        scored.append((score, item, list(kept), words))
    scored.sort(key=lambda s: (-s[0], s[1].kind == SECTION_KIND))
    out = _amount_matches(profile, chunks)
    out += [_to_match(item, score, matched, words) for score, item, matched, words in scored[:limit]]
    if profile.industry:
        out.extend(_industry_needs(profile.industry, facts, titles))
    return out


def _born_cues(places: Sequence[str]) -> tuple[str, ...]:
    """How documents address people with roots in their place: 回归, 家乡 …, and for a place X: X籍, X人, and
    the one-character short forms 回X / 留X that policy texts use (回晋, 留晋)."""
    derived = [w for p in places for w in (f"{p}籍", f"{p}人", f"回{p[0]}", f"留{p[0]}")]
    return (*_BORN_CUES, *derived)


def _bonus(profile: Profile, item: _Item, born_cues: Sequence[str] = _BORN_CUES) -> float:
    """Small tie-breakers: the employer kind and the home-town roots the item speaks to."""
    text = item.name + item.content
    bonus = 0.0
    if profile.employer_kind and _hits(_EMPLOYER_CUES.get(profile.employer_kind, ()), text):
        bonus += 0.5
    if profile.jinjiang_born and _hits(born_cues, text):
        bonus += 1.0
    return bonus


def _to_match(item: _Item, score: float, matched: list[str], words: list[str]) -> Match:
    # Quote the item's own description first; its name only when the name alone matched.
    why = _quote_clauses(item.content + "。" + item.actions, words) or _quote_clauses(item.name, words)
    return Match(
        name=item.name, kind=item.kind, why=why, matched=matched, lead_units=item.lead_units,
        period=item.period, citations=[item.citation], score=round(score, 2),
    )  # fmt: skip


def _industry_needs(industry: str, facts: Sequence[Fact], titles: dict[str, str]) -> list[Match]:
    terms = industry_terms(industry)
    out: list[Match] = []
    seen: set[str] = set()
    for f in facts:
        if f.kind != "industry_need" or f.name in seen:
            continue
        in_name = _hits(terms, f.name)
        in_content = _hits(terms, f.content or "")
        if not (in_name or in_content):
            continue
        seen.add(f.name)
        why = _quote_clauses(f.content or "", in_content or in_name)
        out.append(
            Match(name=f.name, kind=NEEDS_KIND, why=why, matched=[f"{_INDUSTRY_PREFIX}{industry}"], lead_units=f.lead_units,
                  citations=[_cite(f, titles)], score=_NAME_W if in_name else _CONTENT_W)
        )  # fmt: skip
    out.sort(key=lambda m: -m.score)
    return out


def profile_label(profile: Profile) -> str:
    """Who a reply says it understood the talent to be: the talent kinds, then the industry ('博士、集成电路产业')."""
    return "、".join([*profile.talent_kinds, *([f"{profile.industry}产业"] if profile.industry else [])])


def match_notes(m: Match, quote_label: str = "相关内容") -> list[str]:
    """What a reply says of one match besides its name: a quoted clause, the lead units, the period."""
    notes = [f"{quote_label}：{m.why[0]}"] if m.why else []
    if m.lead_units:
        notes.append(f"牵头单位：{'、'.join(m.lead_units)}")
    if m.period:
        notes.append(f"实施年限：{m.period}")
    return notes


_CHAT_RELATIVE = 0.75  # a chat reply names the items that score near the best one, not every weak match


def chat_items(matches: Sequence[Match], max_items: int = 6) -> list[Match]:
    """The programmes a short reply names: those scoring within _CHAT_RELATIVE of the best, at most max_items."""
    items = [m for m in matches if m.kind not in (NEEDS_KIND, AMOUNT_KIND)]
    # Who the person is comes before their industry: items that serve their kind of talent are named, and the
    # industry's platforms only when nothing serves the kind (the industry's needs are listed apart anyway).
    by_kind = [m for m in items if any(not a.startswith(_INDUSTRY_PREFIX) for a in m.matched)]
    items = by_kind or items
    # Per aspect of the person (博士, 海外, 企业家 …), the items near that aspect's best: one strong aspect does
    # not crowd out the items of another.
    top: dict[str, float] = {}
    for m in items:
        for a in m.matched:
            top[a] = max(top.get(a, 0.0), m.score)
    keep = [m for m in items if any(m.score >= _CHAT_RELATIVE * top[a] for a in m.matched)]
    return keep[:max_items]


def format_matches(profile: Profile, matches: Sequence[Match], max_items: int = 6) -> str:
    """A short reply: who we understood you to be, what the documents pay such a person (with the figures
    quoted), the items with why/lead units/period, the industry's needs, and — only of documents that set no
    amount for this profile — the note that they state directions, not amounts."""
    who = profile_label(profile) or "未识别"
    amounts = [m for m in matches if m.kind == AMOUNT_KIND]
    items = chat_items(matches, max_items)
    needs = [m for m in matches if m.kind == NEEDS_KIND]
    if not items and not needs and not amounts:
        return f"根据您的描述（{who}），文件中没有找到明确面向该群体的工程、项目或政策。"
    lines = [f"根据您的描述（{who}），文件中与您相关的有："]
    for m in amounts:
        lines.append(f"《{m.name}》规定：{'；'.join(m.why)}")
    for n, m in enumerate(items, start=1):
        lines.append("；".join([f"{n}. {m.name}（{m.kind}）", *match_notes(m)]))
    for m in needs[:2]:
        lines.append(f"{m.name}产业人才需求：{m.why[0] if m.why else ''}")
    note = amount_note([*amounts, *items])
    if note:
        lines.append(note)
    return "\n".join(lines)


# ---------------------------------------------------------------- amounts the documents set for the profile

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


# ---------------------------------------------------------------- Markdown for the UI and the API


def source_text(c: Citation) -> str:
    """《title》 section, 第N页."""
    parts = [f"《{c.title}》" if c.title else "", c.section or "", f"第{c.page}页" if c.page else ""]
    return " ".join(p for p in parts if p)


def format_matches_markdown(matches: Sequence[Match]) -> str:
    """The matches as Markdown, one block per item: its name, then its reason, lead units, period and source,
    each on its own line; then the amount note, said only of documents that set no amount for the profile."""
    if not matches:
        return "文件中没有找到明确面向该群体的工程、项目或政策。"
    blocks = []
    for n, m in enumerate(matches, start=1):
        head = f"**{n}. {m.name}**（{m.kind}）"
        if m.kind == AMOUNT_KIND:
            lines = [f"- 标准：{w}" for w in m.why]
        else:
            lines = [f"- 原因：{m.why[0]}"] if m.why else []
            if m.lead_units:
                lines.append(f"- 牵头单位：{'、'.join(m.lead_units)}")
            if m.period:
                lines.append(f"- 实施年限：{m.period}")
        for c in m.citations[:1]:
            lines.append(f"- 出处：{source_text(c)}")
        blocks.append("\n".join([head, *lines]))
    note = amount_note(matches)
    return "\n\n".join([*blocks, *([note] if note else [])])
