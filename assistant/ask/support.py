"""Does a passage state what was asked? The check that stands between an answer and a refusal.

    supported(kind, question, pieces) -> bool     a top piece states the asked kind of value about the subject
    idf(terms, pieces) -> {term: weight}          a term's weight by how rare it is among the candidate pieces

Contract:
- A piece supports an asked kind when it states that kind of value (`analysis.ASKS[kind].value`), in the asked
  measure and year when the question names them, about most of the question's subject (by idf weight, with
  half credit for the characters a paraphrase keeps: `SUPPORT`), and, for money, about the kind of money asked
  (a named benefit such as 生活补贴 only by that benefit).
"""

from __future__ import annotations

import math
import re

from assistant.ask.analysis import (
    ASKS,
    MEASURE_UNITS,
    MONEY_NOUNS,
    NUMBER,
    YEAR_NAMED,
    asked_measure,
    named_benefits,
    noun_kin,
    subject_terms,
)
from assistant.ask.pieces import Piece


def idf(terms: dict[str, float], pieces: list[Piece]) -> dict[str, float]:
    """Weight each term by how rare it is among the candidate pieces (a term in every piece says little)."""
    n = max(len(pieces), 1)
    weights: dict[str, float] = {}
    for term, base in terms.items():
        df = sum(1 for p in pieces if term in p.text)
        weights[term] = base * (0.5 + math.log(1 + n / (1 + df)))
    return weights


# How much of the question's subject a value-bearing sentence must name, by idf weight. A paraphrased verb
# (提高 / 达到) costs a little; a subject the passages never mention (永久居留, 公积金) costs most of it.
SUPPORT = 0.5


def credit(term: str, about: str) -> float:
    """1 for a term the passage writes; for one it does not, half the share of its characters it does write
    ('新版' against '（2025年版）', '进驻' against '入驻'): a paraphrase keeps some of its characters."""
    if term in about:
        return 1.0
    return 0.5 * sum(1 for ch in term if ch in about) / len(term)


def supported(kind: str, question: str, pieces: list[Piece]) -> bool:
    """Does a top passage state the asked kind of value in a sentence about the asked subject?"""
    ask = ASKS[kind]
    terms, rejoined = subject_terms(question)
    # A rejoined run counts only where the passages write it: otherwise it is more likely two stray characters.
    terms = [t for t in terms if t not in rejoined or any(t in p.text for p in pieces)]
    weights = idf(dict.fromkeys(terms, 1.0), pieces)
    total = sum(weights.values())
    measure = asked_measure(question) if kind == "quantity" else None
    in_measure = re.compile(rf"{NUMBER}\s*[万亿千百]?\s*(?:{MEASURE_UNITS[measure]})") if measure else None
    nouns = set(re.findall(MONEY_NOUNS, question)) if kind == "money" else set()
    named = named_benefits(question) if kind == "money" else []
    pieces = [p for p in pieces if p.chunk.kind != "meta"] or pieces
    for piece in pieces:
        if piece.rank > 5 or not ask.value.search(piece.text):
            continue
        if in_measure is not None and not in_measure.search(piece.text + piece.unit):
            continue
        about = (
            f"{piece.text} {piece.row_name or ''} {piece.header or ''} {piece.chunk.section} "
            f"{piece.chunk.title or ''}"
        )
        # '多少奖励' is answered by an amount of a reward: the noun (or a word of its kind: 补助 for 补贴) may stand
        # in the cell's column or the heading; a named benefit ('生活补贴') must be that benefit, not another sum.
        where = f"{about} {piece.chunk.section}"
        if nouns and not any(n in where for n in noun_kin(nouns)):
            continue
        # '博士安家费' names a person, whom the row names ('博士研究生 — 安家补贴'); '生活补贴' names a benefit.
        if any(head not in where and not any(v in where for v in variants) for head, variants in named):
            continue
        # A figure of another year does not answer for the year asked ('2022年引进了多少' vs the 2025 target).
        if kind == "quantity" and not all(y in about for y in YEAR_NAMED.findall(question)):
            continue
        if not total or sum(w * credit(t, about) for t, w in weights.items()) >= SUPPORT * total:
            return True
    return False
