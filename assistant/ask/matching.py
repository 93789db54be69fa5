"""Policy matching: from who a talent is to the programmes, platforms and policies whose content addresses them.

    profile = extract_profile("我是做芯片的博士，想来晋江", industries=[f.name for f in industry_facts])
    matches = match(profile, facts, chunks)          -> list[Match], best first
    reply = format_matches(profile, matches)         -> a short Chinese reply for the chat
    markdown = format_matches_markdown(matches)      -> one block per item (the UI form, the match API)

Contract:
- Items are the documents' own records: every `programme` fact (重点工程 / 重点项目 / 重点平台 / 重点政策 rows),
  the narrative sections whose heading names a measure (…工程, …项目, …计划, …行动: '（2）推动研究人员成果转化
  工程。…', scored as a row is, its lead sentence as the row's content, the rest as its actions; one that only
  mentions a group a row is named for needs the person's own words said specifically), and, for groups no item
  names, the other narrative sections whose heading names the group (a plan's "晋台人才合作交流示范区" section).
  Nothing here lists this plan's items; a new document's rows and measures match the same way.
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
- Each match carries its `specificity`: how much of what the person said, weighed by how rare it is in the
  documents, the item's own text says (`assistant.ask.specificity`). An item no aspect reached joins when it says
  the person's words more specifically than every item that did (中职…双师型教师 -> a vocational-education
  project). Quotes are the item's clauses that say most of the person's words.
- A chapter item also names what it sets up for the person (`within`, `assistant.ask.named_within`): the quoted
  names and the 基地 / 示范区 / 窗口 … its clauses about the person's words hold, at most two.
- The chat names few items (`chat_items`): ranked by aspect score plus specificity, those within a margin of
  the best, at most three — not every item that mentions the person's broad group. Per group, the item naming it
  most strongly is its own; a second item for a group already served only when it says the person's words as
  specifically; a further group of the person no named item serves gets its own item; an item saying less than
  one rare piece of the person's words is not named beside one that says them specifically.

Split by role: `match_types` (Match, kinds), `match_amounts` (what documents pay, the no-amount note),
`match_reply` (the chat text, Markdown). Everything is re-exported here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from pydantic import BaseModel, ConfigDict

from assistant.ask.match_amounts import _amount_matches, amount_note
from assistant.ask.match_reply import (
    chat_items,
    format_matches,
    format_matches_markdown,
    match_notes,
    profile_label,
    source_text,
)
from assistant.ask.match_types import (
    AMOUNT_KIND,
    AMOUNT_NOTE,
    INDUSTRY_PREFIX,
    NEEDS_KIND,
    SECTION_KIND,
    SPEC_ASPECT,
    TOPIC_PREFIX,
    Match,
)
from assistant.ask.named_within import within_for
from assistant.ask.specificity import SPEC_FULL, Specificity, description_grams
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
    own_words,
    place_kind_words,
)
from assistant.core.types import Chunk, Citation, Fact

__all__ = [  # the profile side is re-exported: callers import both from here
    "INDUSTRY_SYNONYMS", "TALENT_KIND_CUES", "Profile", "Match", "extract_profile", "home_places", "industry_terms",
    "match", "format_matches", "format_matches_markdown", "amount_note", "chat_items", "profile_label",
    "match_notes", "source_text", "AMOUNT_KIND", "AMOUNT_NOTE", "NEEDS_KIND", "SECTION_KIND", "INDUSTRY_PREFIX",
]  # fmt: skip


_CLAUSE = re.compile(r"[^，；。！？①-⑳]+")
_NAME_W, _CONTENT_W, _ACTIONS_W = 3.0, 2.0, 1.0
_EXTRA_WORD_W, _EXTRA_CAP = 0.5, 2.0
_RELATIVE = 0.6


def _quote_clauses(
    text: str, words: Sequence[str], limit: int = 2, rank: Callable[[str], float] | None = None
) -> list[str]:
    """The clauses holding the words, in text order; with `rank`, the clauses saying most of the person's own
    words first ("做大做强海外留学人员创业园" for someone who studied abroad)."""
    found: list[str] = []
    for clause in _CLAUSE.findall(text):
        if _hits(words, clause) and clause.strip() not in found:
            found.append(clause.strip())
    if rank is not None:
        found.sort(key=rank, reverse=True)
    return [f"“{c}”" for c in found[:limit]]


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


# A heading that names a measure ends the way programme names do: 工程, 项目, 计划, 行动 (a quote may close it).
_MEASURE_NAME = re.compile(r"(?:工程|项目|计划|行动)[”\"」]?$")


def _names_a_measure(name: str) -> bool:
    return _MEASURE_NAME.search(name) is not None


def _lead_and_rest(item: _Item, kinds: set[str]) -> _Item:
    """A measure's narrative as a list row has it: its lead sentence says what it is and whom it serves (the
    row's content); the rest says how (the row's actions, weighed less)."""
    lead, _, rest = item.content.partition("。")
    # its kind is the heading it is listed under when that is a kind the documents' lists use ('2. 重点工程')
    parents = [_strip_number(h) for h in (item.citation.section or "").split(" > ")[:-1]]
    kind = next((h for h in reversed(parents) if h in kinds), SECTION_KIND)
    return item.model_copy(update={"content": lead + "。", "actions": rest, "kind": kind})


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
            hit = [w for w in _hits(words, text) if not _only_in_org_names(w, text)]
            if hit:
                best = max(best, weight)
                hit_words.extend(h for h in hit if h not in hit_words)
        if best:
            # Industry synonyms overlap by construction (鞋, 鞋服, 运动鞋), so only group words earn the extra.
            extra = (
                0.0 if aspect.startswith(INDUSTRY_PREFIX) else _EXTRA_WORD_W * (len(_distinct(hit_words)) - 1)
            )
            out[aspect] = (best + min(extra, _EXTRA_CAP), hit_words)
    return out


# An organisation's proper name ends in one of these: a word for a group inside it (华侨职业中专, 某金融控股集团有限
# 公司) names the organisation, not people the item serves.
_ORG_NAME = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:有限公司|股份公司|集团|中专|中学|小学|职校)")


def _only_in_org_names(word: str, text: str) -> bool:
    """Every occurrence of the word in the text is part of an organisation's name."""
    folded, w = _fold(text), _fold(word)
    starts = [m.start() for m in re.finditer(re.escape(w), folded)]
    return bool(starts) and all(_ORG_NAME.match(folded, i + len(w)) for i in starts)


def _distinct(words: list[str]) -> list[str]:
    """Words not contained in another hit word: 技能 inside 职业技能 is one mention, not two."""
    return [w for w in words if not any(w != o and w in o for o in words)]


def _aspects(profile: Profile, places: Sequence[str] = ()) -> dict[str, Sequence[str]]:
    extra = place_kind_words(places)  # 'X商', 'X台' for the documents' place X
    aspects: dict[str, Sequence[str]] = {
        k: (*TALENT_KIND_CUES[k], *extra.get(k, ())) for k in profile.talent_kinds if k in TALENT_KIND_CUES
    }
    if profile.industry:
        aspects[f"{INDUSTRY_PREFIX}{profile.industry}"] = industry_terms(profile.industry)
    return aspects


_TOPIC_PREFIX = TOPIC_PREFIX
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
    places = home_places(titles.values())
    born_cues = _born_cues(places)
    aspects = _aspects(profile, places)
    if not aspects and profile.jinjiang_born:  # roots here, and nothing else known: what addresses returnees
        aspects[_ROOTS_ASPECT] = born_cues
    # A plan's measures are its list rows and the sections its text names as a measure ('（2）推动研究人员成果转化
    # 工程'): both are scored by name and content; other sections join only for a group no measure names.
    programmes = _fact_items(facts, titles)
    sections = _section_items(chunks, [p.name for p in programmes])
    kinds = {p.kind for p in programmes}
    measures = [_lead_and_rest(s, kinds) for s in sections if _names_a_measure(s.name)]
    sections = [s for s in sections if not _names_a_measure(s.name)]
    topic = _topic_words(profile.free_text or "", [p.name for p in [*programmes, *measures]], aspects, chunks)
    if not aspects and not topic and not profile.free_text:
        return []
    candidates = [(item, _aspect_scores(item, aspects)) for item in programmes]
    candidates += [(item, _aspect_scores(item, aspects)) for item in measures]
    if topic:  # what the person does or wants, as only a few items' names say it (直播, 留学)
        key = f"{_TOPIC_PREFIX}{'、'.join(topic)}"
        aspects[key] = topic
        for item, per_aspect in candidates:
            if hit := [w for w in _hits(topic, item.name) if not _only_in_org_names(w, item.name)]:
                per_aspect[key] = (_NAME_W, hit)
    # The lists come first; a narrative section is offered for a group only when no list item is named for it
    # (a plan may serve 台湾青年 in a chapter, not in a table row).
    named = {a for _, s in candidates for a, v in s.items() if v[0] >= _NAME_W}
    narrative = {id(item) for item in measures}
    named_rows = {a for i, s in candidates if id(i) not in narrative for a, v in s.items() if v[0] >= _NAME_W}
    gaps = {a: w for a, w in aspects.items() if a not in named}
    if gaps:
        candidates += [(item, _aspect_scores(item, gaps, name_only=True)) for item in sections]
    # Per aspect, an item must come near the best item for that aspect: a passing mention of 金融 in a
    # company's name is not an offer to financial talent when another item is about them.
    best = {a: max((s[a][0] for _, s in candidates if a in s), default=0.0) for a in aspects}
    spec = Specificity([c.text for c in chunks])
    grams = description_grams(profile.free_text or "", own_words(profile))
    scored: list[tuple[float, float, _Item, list[str], list[str]]] = []
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
        specific, _ = spec.score(grams, item.name, item.content + item.actions)
        # A measure written only in the narrative, whose name does not name a group a list row names, is a
        # second offer to that group only when it says the person's own words specifically (优师培育工程 for a
        # teacher who wants to become a 名师, not for every teacher).
        if (
            id(item) in narrative
            and all(a in named_rows and not _hits(aspects[a], item.name) for a in kept)
            and specific < SPEC_FULL
        ):
            continue
        scored.append((score, specific, item, list(kept), words))
    # A measure's narrative is several rows' worth of text: it joins by what its name and lead sentence say.
    scored += _specific_items(spec, grams, [*programmes, *measures], scored, lead_only=narrative)
    scored.sort(key=lambda s: (-s[0], -s[1], s[2].kind == SECTION_KIND))
    out = _amount_matches(profile, chunks)

    def rank(clause: str) -> float:
        return spec.score(grams, "", clause)[0]

    out += [
        _to_match(item, score, matched, words, specific, rank)
        for score, specific, item, matched, words in scored[:limit]
    ]
    if profile.industry:
        out.extend(_industry_needs(profile.industry, facts, titles))
    return out


def _born_cues(places: Sequence[str]) -> tuple[str, ...]:
    """How documents address people with roots in their place: 回归, 家乡 …, and for a place X: X籍, X人, and
    the one-character short forms 回X / 留X that policy texts use (回晋, 留晋)."""
    derived = [w for p in places for w in (f"{p}籍", f"{p}人", f"回{p[0]}", f"留{p[0]}")]
    return (*_BORN_CUES, *derived)


_BORN_W, _BORN_CAP = 1.0, 2.0
# The aspect of a person whose only known trait is their roots in the documents' place ("家在X，想回来").
_ROOTS_ASPECT = "家乡"


def _bonus(profile: Profile, item: _Item, born_cues: Sequence[str] = _BORN_CUES) -> float:
    """Small tie-breakers: the employer kind and the home-town roots the item speaks to."""
    text = item.name + item.content
    bonus = 0.0
    if profile.employer_kind and _hits(_EMPLOYER_CUES.get(profile.employer_kind, ()), text):
        bonus += 0.5
    # The more ways an item addresses people with roots here, the more it is for them.
    if profile.jinjiang_born:
        bonus += min(_BORN_W * len(_distinct(_hits(born_cues, text))), _BORN_CAP)
    return bonus


# An item no aspect reached joins when its own text says the person's words more specifically than any item
# that did, and says at least SPEC_FULL (about two pieces rare in the documents): "中职…双师型教师" reaches a
# vocational-education project that never says 教育人才's cue words in its name.
_SPEC_ASPECT = SPEC_ASPECT


def _specific_items(
    spec: Specificity,
    grams: set[str],
    items: Sequence[_Item],
    scored: Sequence[tuple[float, float, _Item, list[str], list[str]]],
    lead_only: Collection[int] = (),
) -> list[tuple[float, float, _Item, list[str], list[str]]]:
    floor = max([SPEC_FULL, *(s[1] for s in scored)])
    have = {s[2].name for s in scored}
    out = []
    for item in items:
        if item.name in have:
            continue
        body = item.content if id(item) in lead_only else item.content + item.actions
        specific, pieces = spec.score(grams, item.name, body)
        if specific >= floor:
            # Scored as an item whose content (not name) addresses the person: it ranks by its specificity.
            out.append((_CONTENT_W, specific, item, [_SPEC_ASPECT], pieces))
    return out


def _to_match(
    item: _Item, score: float, matched: list[str], words: list[str], specific: float = 0.0,
    rank: Callable[[str], float] | None = None,
) -> Match:  # fmt: skip
    # Quote the item's own description first; its name only when the name alone matched.
    text = item.content + "。" + item.actions
    why = _quote_clauses(text, words, rank=rank) or _quote_clauses(item.name, words)
    # A chapter serves a whole group (晋台…示范区): what it names inside itself for the person is where they can go.
    within = within_for(text, item.name, words, rank) if rank and item.kind == SECTION_KIND else []
    return Match(
        name=item.name, kind=item.kind, why=why, matched=matched, lead_units=item.lead_units,
        period=item.period, citations=[item.citation], score=round(score, 2), specificity=round(specific, 2),
        within=within,
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
            Match(name=f.name, kind=NEEDS_KIND, why=why, matched=[f"{INDUSTRY_PREFIX}{industry}"], lead_units=f.lead_units,
                  citations=[_cite(f, titles)], score=_NAME_W if in_name else _CONTENT_W)
        )  # fmt: skip
    out.sort(key=lambda m: -m.score)
    return out
