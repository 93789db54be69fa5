"""Suggested follow-up questions: 2-3 short questions the documents can answer, derived from what was cited.

    suggest_followups(answer, entities=None, limit=3) -> list[str]

The questions come from the facts the answer is about (the best `entities.mentions` match in the question, then
in the answer): each fact field that is filled in the store and not already stated in the answer
becomes one question (a programme's 牵头单位 / 实施年限 / 主要内容, an indicator's target and baseline, an
industry's 人才需求, a defined term). Without an entity index, terms the quotes put in quotation marks are
offered as "“X”指什么？". A refusal gets suggestions about the nearby material it cited.
"""

from __future__ import annotations

import re
from typing import Protocol

from assistant.core.types import Answer, Fact

_QUOTED = re.compile(r"“([^”]{2,14})”")


class MentionIndex(Protocol):
    def mentions(self, text: str) -> list[Fact]: ...


def _short(name: str) -> str:
    return re.sub(r"\s+", "", name)


def questions_for(fact: Fact, answered: str) -> list[str]:
    """Questions about `fact` whose answers the store holds and `answered` does not already give."""
    name = _short(fact.name)
    out: list[str] = []
    if fact.kind == "programme":
        if fact.lead_units and not any(u in answered for u in fact.lead_units):
            out.append(f"{name}由哪个单位牵头？")
        if fact.period and fact.period not in answered:
            out.append(f"{name}的实施年限是？")
        if fact.content and fact.content[:10] not in answered:
            out.append(f"{name}主要做什么？")
    elif fact.kind == "indicator":
        if fact.target and fact.target not in answered:
            year = f"到{fact.target_year}年" if fact.target_year else ""
            out.append(f"{name}{year}的目标是多少？")
        if fact.baseline and fact.baseline not in answered:
            year = f"{fact.baseline_year}年" if fact.baseline_year else "基期"
            out.append(f"{name}{year}是多少？")
    elif fact.kind == "industry_need":
        if fact.content and fact.content[:10] not in answered:
            out.append(f"{name}产业需要哪些人才？")
    elif fact.kind == "definition" and fact.content and fact.content[:10] not in answered:
        out.append(f"“{name}”指什么？")
    return out


def suggest_followups(answer: Answer, entities: MentionIndex | None = None, limit: int = 3) -> list[str]:
    """Up to `limit` follow-up questions about the material `answer` cites, none repeating what it says."""
    quotes = " ".join(c.quote for c in answer.citations)
    asked = answer.standalone_question or ""
    # Only what the reply says counts as answered: a cited table row holds every column, the reply only one.
    answered = answer.answer
    candidates: list[str] = []
    if entities is not None:
        seen: set[str] = set()
        # What the question named comes first; the answer's other names only when that gives too little.
        for text in (asked, answer.answer):
            if len(candidates) >= 2:
                break
            # Only the best-named fact of each text: looser matches drift to other items.
            for fact in (entities.mentions(text) if text else [])[:1]:
                if fact.fact_id in seen:
                    continue
                seen.add(fact.fact_id)
                # A content question whose text was just quoted would repeat the answer.
                said = answered + (f" {fact.content}" if _quoted(fact, answer) else "")
                candidates.extend(questions_for(fact, said))
    for term in _QUOTED.findall(quotes):
        if term not in asked:
            candidates.append(f"“{term}”指什么？")
    unique = [q for q in dict.fromkeys(candidates) if q.rstrip("？") not in asked]
    return unique[:limit]


def _quoted(fact: Fact, answer: Answer) -> bool:
    """Does some citation quote a piece of the fact's content (a sentence of a long 人才需求 cell, say)?"""
    content = fact.content or ""
    for citation in answer.citations:
        text = citation.quote.split("\t")[-1]
        middle = text[len(text) // 2 - 4 : len(text) // 2 + 4]
        if len(middle) == 8 and middle in content:
            return True
    return False
