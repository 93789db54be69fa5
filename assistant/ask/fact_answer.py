"""Exact answers from facts: short Chinese sentences whose every number and unit name is copied from a quote.

    answer_from_facts(route) -> Answer | None

None means the facts do not answer the question (no fact, no value in the asked column, nothing a list
could hold); the engine then answers by retrieval. Values are written as the document writes them (23.6左右,
2021-2025, 28 with its unit %); each fact used becomes a citation carrying its verbatim quote, and the
composed text is checked by `fidelity.check_answer` before it is returned.
"""

from __future__ import annotations

import re

from assistant.ask.analysis import subject_words
from assistant.ask.fidelity import check_answer
from assistant.ask.router import Route
from assistant.core.types import Answer, Citation, Fact

_NUMBER_CLAUSE = re.compile(r"\d|[一二两三四五六七八九十百千万]+(?:名|人|家|个|所|项)")
# Industry needs list many kinds of talent; an answer names each kind within this many characters of content,
# so that with its lead-in it stays under the 200 characters a short answer may take.
_NEED_BUDGET = 170
# Words every need item says: they do not tell which item a question asks about.
_GENERIC_NEED = frozenset(
    {"人才", "哪些", "什么", "需要", "方面", "领域", "引进", "培育", "重点", "研制", "研发"}
)
_FUNCTION_CHARS = frozenset("的是了吗呢吧么和与及或在有")
_YEAR_CLAUSE = re.compile(r"20\d\d\s*年|20\d\d\s*[-—至]\s*20\d\d")


def answer_from_facts(route: Route) -> Answer | None:
    """The exact answer for a routed question, or None when the routed facts do not hold it."""
    compose = _COMPOSERS.get(route.intent)
    if compose is None:
        return None
    composed = compose(route)
    if composed is None:
        return None
    text, used = composed
    citations = [_citation(i, f) for i, f in enumerate(used, 1)]
    if check_answer(text, citations):
        return None  # a figure we could not trace to a quote: let retrieval answer instead
    return Answer(
        answer=text,
        answerable=True,
        confidence=max(0.0, min(1.0, route.score)),
        citations=citations,
        route=f"fact:{route.intent}",
        standalone_question=route.question or None,
    )


def _citation(i: int, fact: Fact) -> Citation:
    return Citation(
        id=i,
        doc_id=fact.doc_id,
        title=fact.title or "",
        section=fact.section,
        page=fact.page,
        quote=fact.quote,
        chunk_id=fact.chunk_id,
    )


def with_unit(value: str, unit: str | None) -> str:
    """'23.6左右' + '万人' -> '23.6万人左右'; '28' + '%' -> '28%'; '22%' + '%' -> '22%'."""
    value = value.strip()
    if not unit or value.endswith(unit):
        return value
    for tail in ("左右", "以上", "以下"):
        if value.endswith(tail):
            return value[: -len(tail)] + unit + tail
    return value + unit


def _compact(text: str) -> str:
    # Prose writes "4000 人" with spaces around figures; an answer reads better without them.
    return re.sub(r"\s+(?=[\d%])|(?<=[\d%])\s+", "", text).strip()


def count_zh(n: int) -> str:
    """Counts the answer computes (not figures quoted from the document) are written in Chinese numerals, so
    the fidelity check can tell them from quoted figures: 2 -> 两, 12 -> 十二, 25 -> 二十五."""
    digits = "零一二三四五六七八九"
    if n == 2:
        return "两"
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    return str(n)


def _several(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    marks = "①②③④⑤⑥"
    return (
        f"问题可能涉及{count_zh(len(parts))}项："
        + "；".join(f"{marks[i]}{p.rstrip('。')}" for i, p in enumerate(parts))
        + "。"
    )


def _lead_unit(route: Route) -> tuple[str, list[Fact]] | None:
    facts = [f for f in route.facts if f.lead_units]
    if not facts:
        return None
    parts = []
    for f in facts:
        together = "共同" if len(f.lead_units) > 1 else ""
        parts.append(f"{f.name}由{'、'.join(f.lead_units)}{together}牵头。")
    return _several(parts), facts


def _number_clauses(text: str | None) -> list[str]:
    clauses = [c.strip() for c in re.split(r"[，。；]", text or "") if c.strip()]
    aims = [
        c for c in clauses if _NUMBER_CLAUSE.search(c) and re.search(r"力争|达到|超|新增|至少|以上|左右", c)
    ]
    return aims or [c for c in clauses if _NUMBER_CLAUSE.search(c)]


def _target(route: Route) -> tuple[str, list[Fact]] | None:
    parts, used = [], []
    for f in route.facts:
        if f.kind == "indicator" and f.target and f.baseline:
            base = f"（{f.baseline_year}年为{with_unit(f.baseline, f.unit)}）"
            parts.append(f"到{f.target_year}年，{f.name}目标为{with_unit(f.target, f.unit)}{base}。")
        elif f.kind == "indicator" and f.target:
            piece = _compact(f.quote) if len(f.quote) <= 80 else _compact(f.content or f.quote)
            parts.append(piece.rstrip("。；") + "。")
        elif f.kind == "programme" and (aims := _number_clauses(f.content) or _number_clauses(f.actions)):
            parts.append(f"{f.name}：{'，'.join(_compact(a) for a in aims)}。")
        else:
            continue
        used.append(f)
    return (_several(parts), used) if parts else None


def _baseline(route: Route) -> tuple[str, list[Fact]] | None:
    facts = [f for f in route.facts if f.kind == "indicator" and f.baseline]
    if not facts:
        return None
    parts = []
    for f in facts:
        target = f"（{f.target_year}年目标为{with_unit(f.target, f.unit)}）" if f.target else ""
        parts.append(f"{f.baseline_year}年{f.name}为{with_unit(f.baseline or '', f.unit)}{target}。")
    return _several(parts), facts


def _period(route: Route) -> tuple[str, list[Fact]] | None:
    if route.year:
        return _period_list(route)
    parts, used = [], []
    for f in route.facts:
        lead = f"，由{'、'.join(f.lead_units)}牵头" if f.lead_units else ""
        if f.period:
            parts.append(f"{f.name}的实施年限为{f.period}{lead}。")
        elif clauses := [
            c
            for c in re.split(r"[，。；]", f"{f.content or ''}。{f.actions or ''}")
            if _YEAR_CLAUSE.search(c)
        ]:
            parts.append(f"{f.name}：{_compact(clauses[0])}{lead}。")
        else:
            continue
        used.append(f)
    return (_several(parts), used) if parts else None


def _period_list(route: Route) -> tuple[str, list[Fact]] | None:
    if not route.facts:
        return None
    # The groups asked, else those the listed items are in (a plan's 重点工程、重点项目 …, read from its facts).
    where = "、".join(route.groups or dict.fromkeys(f.group for f in route.facts if f.group)) or "清单"
    items = []
    for f in route.facts:
        lead = f"，{'、'.join(f.lead_units)}牵头" if f.lead_units else ""
        items.append(f"{f.name}（{f.period}{lead}）")
    return f"{where}中{route.year}年开始实施的共{count_zh(len(items))}项：{'、'.join(items)}。", route.facts


def _list_by_unit(route: Route) -> tuple[str, list[Fact]] | None:
    if not route.facts or not route.unit:
        return None
    unit = route.unit
    by_group: dict[str, list[Fact]] = {}  # in the document's order of its groups
    for f in route.facts:
        by_group.setdefault(f.group or "其他", []).append(f)
    sections = []
    for group in by_group:
        names = []
        for f in by_group[group]:
            others = [u for u in f.lead_units if u != unit]
            names.append(f"{f.name}（与{'、'.join(others)}共同牵头）" if others else f.name)
        sections.append(f"{group}{count_zh(len(names))}项：{'、'.join(names)}")
    total = len(route.facts)
    return f"{unit}牵头（含共同牵头）的共{count_zh(total)}项。" + "；".join(sections) + "。", route.facts


def _definition(route: Route) -> tuple[str, list[Fact]] | None:
    facts = [f for f in route.facts if f.kind == "definition"][:2]
    if not facts:
        return None
    return _several([_compact(f.quote).rstrip("。") + "。" for f in facts]), facts


def _industry_needs(route: Route) -> tuple[str, list[Fact]] | None:
    facts = [f for f in route.facts if f.kind == "industry_need" and f.content][:1]
    if not facts:
        return None
    f = facts[0]
    return f"{f.name}产业的人才需求：{_need_items(route.question, f)}", facts


def _need_items(question: str, fact: Fact) -> str:
    """The need, short: the items (一是…；二是…) that share the most words with the question, else every item clipped to an equal
    share of _NEED_BUDGET at a list boundary, ending in 等, so each kind of talent is still named."""
    content = _compact(fact.content or "").rstrip("。")
    items = [i.strip() for i in re.split(r"[；;]", content) if i.strip()]
    subject = subject_words(question).replace(fact.name, " ")
    asked_pairs = {
        subject[i : i + 2]
        for i in range(len(subject) - 1)
        if re.fullmatch(r"[\u3400-\u9fff]{2}", subject[i : i + 2])
        and subject[i : i + 2] not in _GENERIC_NEED
        and not set(subject[i : i + 2]) & _FUNCTION_CHARS
    }
    hits = [sum(p in item for p in asked_pairs) for item in items]
    if 0 < max(hits, default=0) and hits.count(max(hits)) < len(items):
        items = [item for item, h in zip(items, hits, strict=True) if h == max(hits)]
    if sum(len(i) for i in items) <= _NEED_BUDGET:
        return "；".join(items) + "。"
    share = _NEED_BUDGET // len(items)
    return "；".join(_clip(item, share) for item in items) + "。"


def _clip(item: str, limit: int) -> str:
    """`item` cut to about `limit` characters after a list separator (、 or ，), marked with 等."""
    if len(item) <= limit:
        return item
    head = re.split(r"[，,]", item, maxsplit=1)[0]
    cut = max(item.rfind("、", 0, limit), item.rfind("，", 0, limit))
    if cut <= len(head):
        return head + "等"
    return item[:cut].rstrip("，、") + "等"


def _content(route: Route) -> tuple[str, list[Fact]] | None:
    facts = [f for f in route.facts if f.content][:2]
    if not facts:
        return None
    parts = [f"{f.name}的主要内容：{_compact(f.content or '').rstrip('。')}。" for f in facts]
    return _several(parts), facts


_COMPOSERS = {
    "lead_unit": _lead_unit,
    "target": _target,
    "baseline": _baseline,
    "period": _period,
    "list_by_unit": _list_by_unit,
    "definition": _definition,
    "industry_needs": _industry_needs,
    "content": _content,
}
