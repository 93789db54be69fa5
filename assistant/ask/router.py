"""Question routing: what is asked (intent) and about which facts.

    route(question, index) -> Route

Intents: lead_unit (谁牵头), target (2025年/目标), baseline (2020年/现状), period (实施年限/哪几年), list_by_unit
(人社局牵头哪些…), definition (…指什么), industry_needs (…产业需要什么人才), content (…主要做什么), none (let
retrieval answer). The intent comes from cue words plus the kind of thing the question names: a question that
names a defined term is a definition question even when it reads "是多少份"; a 2020/2025 question that names no
indicator or programme is routed to none. Route.facts holds the facts to answer from, best first; when
several items fit almost equally, all of them are kept so the answer can address each.

The cue words are `assistant.ask.vocabulary`'s, read once per question by `analysis.analyse`. What is a
document's own comes from its facts (`EntityIndex`): which years are baseline and which target years (so a
plan's '2020年' or '“十三五”末' asks the baseline, '2025年' the target, and a 2026-2030 plan's years likewise),
the 清单 groups a list question may name, and the place its titles name (a setting, not a subject).
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.ask.analysis import QuestionAnalysis, analyse, missing_aspect, subject_words
from assistant.ask.entities import EntityIndex
from assistant.ask.entity_names import entity_key
from assistant.ask.name_coverage import naming_words, near_miss, uncovered_terms
from assistant.core.types import Fact

__all__ = ["Intent", "Route", "route", "subject_words"]

Intent = Literal[
    "lead_unit",
    "target",
    "baseline",
    "period",
    "list_by_unit",
    "definition",
    "industry_needs",
    "content",
    "none",
]

# Minimum resolution score to answer from a fact; below it the question goes to retrieval.
_MIN_SCORE = 0.55
# Items within this fraction of the best score are "equally good": the answer addresses each.
_TIE = 0.93


class Route(BaseModel):
    """What a question asks and which facts answer it."""

    model_config = ConfigDict(frozen=True)

    intent: Intent
    facts: list[Fact] = Field(default_factory=list, description="Facts to answer from, best first")
    unit: str | None = Field(None, description="Lead unit named in a list question")
    score: float = Field(0.0, ge=0.0, le=1.0, description="How surely the facts are what was asked")
    groups: list[str] = Field(default_factory=list, description="清单 kinds a list question is limited to")
    year: str | None = Field(
        None, description="Year a period list question filters on (开始/结束 in that year)"
    )
    question: str = ""


def route(question: str, index: EntityIndex) -> Route:
    """Decide how to answer `question` from the facts in `index`."""
    q = question.strip()
    a = analyse(q)
    key = entity_key(q)
    groups = [g for g in index.groups() if g in key or _list_name(g) in key]
    none = Route(intent="none", question=q)

    units = index.find_units(q)
    if units and a.has("list") and a.has("lead"):
        return _list_by_unit(q, index, units[0], groups)
    written = [y for y in a.years if y in q]
    if written and a.has("list") and a.has("starts"):
        return _list_by_year(q, index, written[0], groups, at_end=a.has("ends"))

    ranked = index.resolve(q)
    if not ranked:
        return none
    best_fact, best_score = ranked[0]
    drop = (*units, *index.places(), *index.years("baseline"), *index.years("target"))

    def pick(intent: Intent, ranked: list[tuple[Fact, float]]) -> Route:
        return _pick(a, drop, intent, ranked)

    if a.has("asks_content") and not a.has("asks_who"):
        return pick("content", index.resolve(q, kinds={"programme"}))
    if a.has("lead"):
        return pick("lead_unit", index.resolve(q, kinds={"programme"}))
    if a.has("needs") and (needs := index.resolve(q, kinds={"industry_need"})):
        return pick("industry_needs", needs)
    if best_fact.kind == "definition" and best_score >= 0.75:
        return pick("definition", [r for r in ranked if r[0].kind == "definition"])
    if a.has("period") and not a.has("amount"):
        return pick("period", index.resolve(q, kinds={"programme"}))
    if a.has("define") and (defs := index.resolve(q, kinds={"definition"})) and defs[0][1] >= _MIN_SCORE:
        return pick("definition", defs)
    # The documents' own years say which a question means: a baseline year asks what is, a target year the aim.
    baseline_years, target_years = index.years("baseline"), index.years("target")
    aims_year = bool(set(a.years) & target_years)
    done = a.has("done") or _before(a.whole_periods + a.before_years, baseline_years)
    if (a.has("present") or set(a.years) & baseline_years or done) and not (aims_year or "目标" in q):
        return pick("baseline", [r for r in index.resolve(q, kinds={"indicator"}) if r[0].baseline])
    if (a.has("target", "amount") or aims_year) and not done:
        return pick("target", index.resolve(q, kinds={"indicator", "programme"}))
    if a.has("content"):
        return pick("content", index.resolve(q, kinds={"programme"}))
    if best_fact.kind == "industry_need" and best_score >= 0.75:
        return pick("industry_needs", [r for r in ranked if r[0].kind == "industry_need"])
    return none


def _before(years: tuple[str, ...], baseline_years: set[str]) -> bool:
    """A period or a 'by year' that ends by the documents' baseline: a count of what was done."""
    return bool(baseline_years) and any(y <= max(baseline_years) for y in years)


def _list_name(group: str) -> str:
    """How a question names a 清单 group: '重点工程' is also asked as '工程清单'."""
    return group.removeprefix("重点") + "清单"


def _pick(a: QuestionAnalysis, drop: tuple[str, ...], intent: Intent, ranked: list[tuple[Fact, float]]) -> Route:
    q = a.text
    if intent in ("target", "baseline"):
        # '到2030年…' is not answered by the 2025 target: a year the question names must be the fact's own.
        asked = {y for y in a.years if y in q}
        ranked = [r for r in ranked if r[0].kind != "indicator" or _states_years(r[0], asked)]
    if not ranked or ranked[0][1] < _MIN_SCORE:
        return Route(intent="none", question=q, score=ranked[0][1] if ranked else 0.0)
    top = ranked[0][1]
    chosen: list[Fact] = []
    for fact, s in ranked[:4]:
        # One answer per thing: the 表1 row stands for the prose sentence restating its target.
        if s >= top * _TIE and all(
            (f.kind, entity_key(f.name)) != (fact.kind, entity_key(fact.name)) for f in chosen
        ):
            chosen.append(fact)
    subject = naming_words(subject_words(q, drop))
    chosen = [f for f in chosen[:3] if not near_miss(q, f)]
    chosen = [f for f in chosen if _covers_subject(subject, f, chosen)]
    if intent != "lead_unit":
        chosen = [f for f in chosen if not missing_aspect(q, f.quote)]

    if not chosen:
        return Route(intent="none", question=q, score=top)
    return Route(intent=intent, facts=chosen, score=min(1.0, top), question=q)


def _states_years(fact: Fact, years: set[str]) -> bool:
    """The fact is of every year asked: its target or baseline year, or, for a sentence, years its quote writes."""
    if years <= {fact.target_year, fact.baseline_year}:
        return True
    quote = re.sub(r"\s+", "", fact.quote)
    return fact.target_year is None and all(y in quote for y in years)


def _programmes(index: EntityIndex, groups: list[str]) -> list[Fact]:
    return [f for f in index.facts if f.kind == "programme" and (not groups or f.group in groups)]


def _list_by_unit(q: str, index: EntityIndex, unit: str, groups: list[str]) -> Route:
    facts = [f for f in _programmes(index, groups) if unit in f.lead_units]
    return Route(
        intent="list_by_unit", facts=facts, unit=unit, groups=groups, score=0.9 if facts else 0.5, question=q
    )


def _list_by_year(q: str, index: EntityIndex, year: str, groups: list[str], at_end: bool) -> Route:
    facts = []
    for fact in _programmes(index, groups):
        years = re.findall(r"(?:19|20)\d\d", fact.period or "")
        if years and (years[-1] if at_end else years[0]) == year:
            facts.append(fact)
    return Route(
        intent="period", facts=facts, groups=groups, year=year, score=0.9 if facts else 0.5, question=q
    )


def _covers_subject(subject: str, fact: Fact, chosen: list[Fact]) -> bool:
    """True when every subject word of the question is the fact's, or belongs to another item the question
    names alongside it (回归工程和汇智工程: 汇智 is the other item's word)."""
    others = [f for f in chosen if f is not fact]
    return all(
        any(not uncovered_terms(term, other) for other in others) for term in uncovered_terms(subject, fact)
    )
