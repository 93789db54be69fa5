"""Who a rule sentence is about: the actor of its condition, and the one a question names.

    rule_actor(text) -> (actor, served) | None
                                             the subject of a sentence's condition 'X为Y…的，' and whom it acts for
                                             ('人力资源服务机构', '本市企业' of '人力资源服务机构为本市企业成功引进
                                             博士研究生的，每引进1人奖励5000元')
    question_actor(question) -> str | None  the subject a question opens with ('企业' of '企业招进来一个博士能拿多少奖励')
    other_actor(question, text, terms) -> [term]
                                             the question's actor words a sentence writes only in another role

Contract:
- A rule sentence states what its condition's actor gets or must do: the nouns that open its first clause ending
  in 的 (after any list number), before the verb of that clause; when a preposition of service (为/给/帮/替/向)
  and another party stand between them, the sentence is about the actor acting for that party. A condition
  opening with a verb or preposition ('引进博士研究生的', '在本市缴纳社会保险满6个月的') names no actor; one with
  no verb after the second party ('申请人为博士研究生的') describes, and names no one served.
- A question's actor is the noun run its asking (last) clause opens with, right before a verb or a modal (not
  '被…', nor '企业通过中介…': acting through another), and no other noun in it does an act ('企业找中介帮忙招
  博士'; a modal is no act: '博士能拿'); a clause opening with a pronoun or a verb names none.
- A sentence whose actor the question does not name, while it writes the question's actor as whom the actor
  serves ('为本市企业'), is about someone else: `other_actor` gives the question's words it so writes, which
  `scoring` and `support` do not count. A sentence naming no actor, or the question's, is unaffected.
- Pure and general: parts of speech from jieba, no list of parties.
"""

from __future__ import annotations

import re
from functools import lru_cache

import jieba.posseg as pseg

from assistant.ask.pieces import (
    ENUM_PREFIX,  # a list item's number before its sentence ('（一）', '1.', '一是')
)
from assistant.ask.wording import shortens

# A condition clause: a run without a clause break, ending in 的 before a comma.
_CONDITION = re.compile(r"^([^，,；;。：:！？]{3,40}?)的[，,]")
# Parts of speech that make up a party's name ('人力资源/n 服务/vn 机构/n', '本市/n 企业/n').
_NOUN = re.compile(r"^(?:n\w*|vn|j)$")
_ACTS = re.compile(r"^(?:v\w*|l)$")
_OPENS_ACT = re.compile(r"^(?:v\w*|l|d)$")
_SHORTEST = 2
# Verbs that say whether one may or will act, not an act: '博士能拿' has 博士 doing nothing.
_MODALS = frozenset({"能", "会", "可", "可以", "能够", "要", "想", "得", "应", "应当", "该", "需", "需要"})
# Whom an actor acts for or towards: '为本市企业', '帮企业', '向用人单位'.
_FOR = frozenset({"为", "给", "帮", "替", "向", "帮助"})
# What is done to the nouns a question opens with ('补贴被收回', '材料把…'): they are not its actor.
_PASSIVE = frozenset({"被", "把", "将", "让", "由"})


def _leading_nouns(words: list[tuple[str, str]]) -> tuple[str, int]:
    """The noun run words open with (not ending in a verbal noun) and the index after it."""
    at = 0
    while at < len(words) and _NOUN.match(words[at][1]):
        at += 1
    while at and words[at - 1][1] == "vn":
        at -= 1
    return "".join(w for w, _ in words[:at]), at


@lru_cache(maxsize=8192)
def rule_actor(text: str) -> tuple[str, str] | None:
    """The subject of the sentence's condition and whom it acts for ('人力资源服务机构', '本市企业'), when the
    condition names both: 'X为/给/帮/替/向Y<verb>…的'."""
    condition = _CONDITION.match(ENUM_PREFIX.sub("", text))
    if condition is None:
        return None
    words = [(w, f) for w, f in pseg.lcut(condition.group(1))]
    actor, at = _leading_nouns(words)
    if len(actor) < _SHORTEST or at >= len(words) or words[at][0] not in _FOR:
        return None
    served, after = _leading_nouns(words[at + 1:])
    # the actor acts: a verb follows whom it serves ('为本市企业成功引进'); '申请人为博士研究生的' describes
    if not served or not any(_ACTS.match(f) and f != "vn" for _, f in words[at + 1 + after:]):
        return None
    return actor, served


@lru_cache(maxsize=1024)
def question_actor(question: str) -> str | None:
    """The party the asking clause opens with, doing or getting something ('企业招进来一个博士…'; '中介' of
    '企业通过中介引进博士，中介能拿多少')."""
    clauses = [c for c in re.split(r"[，,；;。？?！!]", question) if c.strip()]
    words = [(w, f) for w, f in pseg.lcut(clauses[-1] if clauses else question)]
    actor, at = _leading_nouns(words)
    if len(actor) < _SHORTEST or at >= len(words) or not _OPENS_ACT.match(words[at][1]) or words[at][0] in _PASSIVE:
        return None
    # another party acting in the question ('企业找中介帮忙招博士'): the asker's actor is not plain
    for (_, flag), (after, next_flag) in zip(words[at:], words[at + 1:], strict=False):
        if _NOUN.match(flag) and next_flag.startswith("v") and next_flag != "vn" and after not in _MODALS:
            return None
    return actor


def other_actor(question: str, text: str, terms: dict[str, float]) -> list[str]:
    """The question's actor words that `text` writes only as whom its condition's actor serves: '企业' in
    '人力资源服务机构为本市企业成功引进博士研究生的' for '企业招进来一个博士能拿多少奖励'. Empty when the sentence
    names no such pair, or the question names its actor too."""
    asked = question_actor(question)
    parties = rule_actor(text) if asked else None
    if not asked or not parties:
        return []
    actor, served = parties
    if any(len(t) >= _SHORTEST and (t in actor or shortens(t, actor)) for t in terms):
        return []
    return [t for t in terms if len(t) >= _SHORTEST and t in asked and t in served and t not in actor]
