"""What a reply says of the matches: the chat's short text (few items, each for a reason) and its cited Answer,
the one line after a direct question's answer, and the Markdown blocks the UI and the match API show."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.ask.match_amounts import amount_note
from assistant.ask.match_types import (
    AMOUNT_KIND,
    INDUSTRY_PREFIX,
    NEEDS_KIND,
    SPEC_ASPECT,
    TOPIC_PREFIX,
    Match,
)
from assistant.ask.specificity import SPEC_FULL
from assistant.ask.talent_profile import Profile
from assistant.core.types import Answer, Citation


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


# A chat reply names the items whose standing comes within _CHAT_MARGIN of the best one's. Standing = the item's
# aspect score relative to the best (whom it serves, by name or content) + its specificity relative to the
# most specific item (how much of what the person said it says). Few items, each for a reason.
_CHAT_MARGIN = 0.75
_SPEC_W = 4.0
_CHAT_MAX = 3
_NAME_SCORE = 3.0  # an aspect's words in the item's name (matching._NAME_W)


def chat_items(matches: Sequence[Match], max_items: int = _CHAT_MAX) -> list[Match]:
    """The programmes a short reply names: those whose standing is within _CHAT_MARGIN of the best, at most
    max_items, best first; for each group of the person, its own item, and another only when it says the
    person's words as specifically."""
    items = [m for m in matches if m.kind not in (NEEDS_KIND, AMOUNT_KIND)]
    # Who the person is comes before their industry: items that serve their kind of talent are named, and the
    # industry's platforms only when nothing serves the kind (the industry's needs are listed apart anyway).
    by_kind = [m for m in items if any(not a.startswith(INDUSTRY_PREFIX) for a in m.matched)]
    items = by_kind or items
    if not items:
        return []

    def standing(m: Match) -> float:
        return m.score + _SPEC_W * min(m.specificity / SPEC_FULL, 1.0)

    ranked = sorted(items, key=standing, reverse=True)
    # An item reached only through its content, for a group another item is named for, is a passing mention
    # unless it says the person's own words specifically.
    by_name = {a for m in ranked if m.score >= _NAME_SCORE for a in m.matched}
    ranked = [
        m for m in ranked
        if m.score >= _NAME_SCORE or m.specificity >= SPEC_FULL or not set(m.matched) <= by_name
    ]  # fmt: skip
    # A group's own item is the one that names it most strongly. Another item serving only groups that have
    # theirs is a second offer: named only when it says the person's own words at least as specifically as
    # their own item does, or specifically enough (SPEC_FULL): a finance director who wants finance training
    # gets the managers' training programme, not also the professional-manager pilot every manager could join.
    groups = {a for m in ranked for a in m.matched if _is_group(a)}
    primary = {
        a: max((m for m in ranked if a in m.matched), key=lambda m: (m.score, standing(m))) for a in groups
    }
    ranked = [
        m for m in ranked
        if not all(_is_group(a) for a in m.matched)
        or any(primary[a] is m for a in m.matched)
        or all(m.specificity >= min(primary[a].specificity, SPEC_FULL) for a in m.matched)
    ]  # fmt: skip
    best = standing(ranked[0])
    named = [m for m in ranked if standing(m) >= _CHAT_MARGIN * best]
    # An item that says less than one rare piece of the person's words (SPEC_FULL is about two) is not named
    # beside one that says them specifically: a head-hunter asking for the HR industrial park gets the park and
    # the intermediary programme, not every entrepreneurs' programme.
    if any(m.specificity >= SPEC_FULL for m in named):
        named = [m for m in named if m.specificity >= SPEC_FULL / 2]
    # A person of several groups: a further group no named item serves gets its own item when one is named for
    # it and says some of the person's words (a nurse with a master's degree: the health programme, and the
    # one for graduates). Only beside an item for one of their groups: when the person's own words reached
    # the items named, those are what they asked for.
    served = {a for m in named for a in m.matched}
    if served & groups:
        named += [
            m for m in ranked
            if m not in named
            and any(primary[a] is m and a not in served and m.score >= _NAME_SCORE and m.specificity > 0
                    for a in groups)
        ]  # fmt: skip
    return sorted(named, key=ranked.index)[:max_items]


def _is_group(aspect: str) -> bool:
    """A kind of talent the person belongs to (博士, 技能人才), not their industry nor their own words."""
    return not aspect.startswith((INDUSTRY_PREFIX, TOPIC_PREFIX)) and aspect != SPEC_ASPECT


def format_matches(profile: Profile, matches: Sequence[Match], max_items: int = _CHAT_MAX) -> str:
    """A short reply: who we understood you to be, what the documents pay such a person (with the figures
    quoted), the items with why/lead units/period, the industry's needs, and — only of documents that set no
    amount for this profile — the note that they state directions, not amounts."""
    # Roots here are all that was read ('家在…，想回来'): say so rather than that nothing was recognised.
    who = profile_label(profile) or ("本地籍" if profile.jinjiang_born else "未识别")
    amounts = [m for m in matches if m.kind == AMOUNT_KIND]
    items = chat_items(matches, max_items)
    needs = [m for m in matches if m.kind == NEEDS_KIND]
    if not items and not needs and not amounts:
        return f"根据您的描述（{who}），文件中没有找到明确面向该群体的工程、项目或政策。"
    lines = [f"根据您的描述（{who}），文件中与您相关的有："]
    for m in amounts:
        lines.append(f"《{m.name}》规定：{'；'.join(m.why)}")
    for n, m in enumerate(items, start=1):
        within = [f"其中：{'、'.join(m.within)}"] if m.within else []
        lines.append("；".join([f"{n}. {m.name}（{m.kind}）", *within, *match_notes(m)]))
    for m in needs[:2]:
        lines.append(f"{m.name}产业人才需求：{m.why[0] if m.why else ''}")
    note = amount_note([*amounts, *items])
    if note:
        lines.append(note)
    return "\n".join(lines)


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


def match_answer(profile: Profile, found: Sequence[Match]) -> Answer:
    """The chat's reply to a self-description: the fitting items in short, each cited (amounts with up to three
    sources, the others with one)."""
    text = format_matches(profile, found)
    amounts = [m for m in found if m.kind == AMOUNT_KIND]
    shown = amounts + chat_items(found) + [m for m in found if m.kind == NEEDS_KIND][:2]
    citations: list[Citation] = []
    for m in shown:
        for c in m.citations[: 3 if m.kind == AMOUNT_KIND else 1]:
            citations.append(c.model_copy(update={"id": len(citations) + 1}))
    return Answer(
        answer=text,
        answerable=bool(found),
        confidence=0.7 if found else 0.2,
        citations=citations,
        route="match",
    )


def match_brief(found: Sequence[Match]) -> Answer | None:
    """One line naming the few items that fit the person best, each cited: '与您情况相关的还有：…'."""
    items = [m for m in chat_items(found) if m.citations]
    if not items:
        return None
    citations = [m.citations[0].model_copy(update={"id": i + 1}) for i, m in enumerate(items)]
    names = "、".join(
        f"{m.name}[{i + 1}]" + (f"（其中：{'、'.join(m.within)}）" if m.within else "")
        for i, m in enumerate(items)
    )
    return Answer(
        answer=f"与您情况相关的还有：{names}。",
        answerable=True,
        confidence=0.6,
        citations=citations,
        route="match",
    )
