"""Coverage: does a question name something a fact does not? Used by routing to keep a fact answer from
answering a question about something else that merely shares characters with it.

    uncovered_terms(subject, fact) -> list[str]   runs of the subject the fact neither names nor writes
    near_miss(question, fact) -> bool              True for a coined term one character off the fact's (“六个有” / “六个一”)
    naming_words("乡土人才的事找哪个") -> "乡土人才的事 …"   the subject without the words people ask with

Contract: pure functions of the question and the fact; names are compared in `entity_key` form.
"""

from __future__ import annotations

import re
import unicodedata

import jieba.posseg as pseg

from assistant.ask.entity_names import QUESTION_CHARS, QUOTED, entity_key
from assistant.core.types import Fact


def uncovered_terms(subject: str, fact: Fact) -> list[str]:
    """Runs of `subject` (a question with its cue words removed) that name something this fact does not:
    two or more consecutive characters that are absent from the fact's name and are not written in its text
    (quote, content, lead units), whole or as a contraction (高校 for 高等院校). "引才大使" against 引育高层次人才
    leaves 大使; "积分制" against 高层次人才数 leaves 积分制. A character overlap (人, 才) is not coverage.
    A question that names the fact outright (its full name, or its quoted term) may add qualifiers."""
    name = entity_key(fact.name)
    query = entity_key(subject)
    quoted = [entity_key(p) for p in QUOTED.findall(fact.name)]
    if (len(name) >= 4 and name in query) or any(len(p) >= 3 and p in query for p in quoted):
        return []
    text = entity_key(" ".join(x for x in (fact.quote, fact.content, fact.actions, *fact.lead_units) if x))
    runs: list[str] = []
    for part in re.split(r"[^\u3400-\u9fff]+", unicodedata.normalize("NFKC", subject)):
        named = _named_by(part, name)
        run = ""
        for ch, covered in zip(part + " ", [*named, True], strict=True):
            if not covered and ch not in QUESTION_CHARS:
                run += ch
                continue
            if len(run) >= 2:
                runs.extend(_unwritten(run, text))
            run = ""
    return runs


# Parts of speech that say how a person asks, not what about: adverbs ('共同', '到底'), pronouns, particles,
# prepositions, conjunctions, interjections. Numerals stay: '第一层', '一卡一贷' name things.
_ASKING_POS = re.compile(r"^(?:d|r|u\w*|p|c|y|e|o|x)$")


def naming_words(subject: str) -> str:
    """`subject` with the words that name nothing blanked: adverbs and pronouns ('是哪几个单位共同牵头的': 共同) and
    one-character verbs ('…的事找哪个局': 找; '归哪个部门管': 归, 管). Everyday wording around a programme's name
    is how it is asked about, not a second thing the programme's fact must also name. One-character nouns stay
    ('一卡一贷一基金一板')."""
    return "".join(
        " " * len(word) if _ASKING_POS.match(flag) or (len(word) == 1 and flag == "v") else word
        for word, flag in pseg.lcut(subject)
    )


def _named_by(part: str, name: str) -> list[bool]:
    """Which characters of `part` the name accounts for: a character counts when it and a neighbour occur in the
    name in that order, close together (硕博 in 硕博人才, 高企 in 高新技术企业). A lone shared character does not:
    院士 is not named by 博士后工作站 although both have 士."""
    if len(part) == 1:
        return [part in name]
    covered = [False] * len(part)
    for i in range(len(part) - 1):
        a, b = part[i], part[i + 1]
        if any(b in name[j + 1 : j + 6] for j, c in enumerate(name) if c == a):
            covered[i] = covered[i + 1] = True
    return covered


def _subsequence(short: str, text: str) -> bool:
    it = iter(text)
    return all(ch in it for ch in short)


def _unwritten(run: str, text: str) -> list[str]:
    """Pieces of `run` (two or more characters) that `text` does not write: a character is written when a
    two-character piece containing it occurs in `text`, whole or spread over a short span (高校 in 高等院校)."""
    written = [False] * len(run)
    for i in range(len(run) - 1):
        a, b = run[i], run[i + 1]
        if a + b in text or any(b in text[j + 1 : j + 4] for j, c in enumerate(text) if c == a):
            written[i] = written[i + 1] = True
    pieces = re.split(r"\x00+", "".join("\x00" if w else ch for ch, w in zip(run, written, strict=True)))
    return [p for p in pieces if len(p) >= 2]


def near_miss(question: str, fact: Fact) -> bool:
    """True when the question names a coined term that differs from this fact's quoted term: “六个有” is not
    “六个一”, “三创” is not “三航”. Coined terms in quotes are identifiers; one different character (a digit
    or a word inside the quotes) makes them a different thing."""
    query = entity_key(question)
    terms = [entity_key(t) for t in QUOTED.findall(fact.name)]
    haystack = entity_key(fact.name) + entity_key(fact.quote)
    for asked in QUOTED.findall(question) if terms else ():
        key = entity_key(asked)
        if key and key not in haystack and not _subsequence(key, entity_key(fact.name)):
            return True
    for term in terms:
        if len(term) < 3 or term in query:
            continue
        for start in range(len(query) - len(term) + 1):
            window = query[start : start + len(term)]
            if sum(a != b for a, b in zip(window, term, strict=True)) == 1:
                return True
    return False

