"""How specifically an item's own text addresses the words a person used to describe themself.

    spec = Specificity([chunk.text for chunk in chunks])          # the documents' text: what is common
    grams = description_grams("我在企业做技术转移，算是技术经纪人", extra=["技术经纪"])
    spec.score(grams, name="探索将技术经纪专员人员纳入职称评定范围", body="…")   -> 9.3

Contract:
- A description's grams are the two-character pieces of its content words (jieba parts of speech that can
  name what a person is or does: no places, names, times, numbers, pronouns or function words), plus those of
  the profile's own cue words. Pieces, not whole words: 技术经纪人 in a question meets 技术经纪专员 in a document.
- A piece weighs by how rare it is in the documents' text (inverse document frequency over chunks): 经纪, 研二,
  双师 say much; 发展, 支持, 技术 say little. A piece in the item's name weighs more than one in its body;
  a name says the pieces of its own words only (转化工程 does not say 化工).
- Nothing here knows a document or a kind of talent: the same rule ranks any item against any description.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from assistant.ask.talent_profile import _fold

# Parts of speech that never say who a person is or what they do: places, person and organisation names, times,
# numbers, pronouns, function words, adjectives, localisers, non-words.
NOT_CONTENT = ("ns", "nr", "nt", "t", "m", "r", "p", "u", "d", "c", "a", "q", "f", "x")
_HAN_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")
NAME_WEIGHT = 1.5
# About two pieces rare in the documents (each in a handful of passages): enough to say an item is about what the
# person said. Scores are read relative to it.
SPEC_FULL = 8.0


# A character or two in brackets inside a word gives an alternative reading: 挂（兼）职 is 挂职 or 兼职.
_INSERT = re.compile(r"[（(]([\u4e00-\u9fff]{1,2})[）)]")


def grams(text: str) -> set[str]:
    """The two-Han-character pieces of a text (folded), reading a bracketed insert both ways (挂（兼）职 says
    挂职 and 兼职)."""
    t = _fold(text)
    out: set[str] = set()
    for reading in {t, _INSERT.sub("", t), _INSERT.sub(r"\1", t)}:
        out |= {
            reading[i : i + 2] for i in range(len(reading) - 1) if _HAN_PAIR.fullmatch(reading[i : i + 2])
        }
    return out


@lru_cache(maxsize=4096)
def name_grams(name: str) -> frozenset[str]:
    """The pieces of a name's own words: a name is short and its words are what it says, so a piece across two
    of them is not ('转化工程' does not say 化工)."""
    import jieba

    t = _fold(name)
    readings = {t, _INSERT.sub("", t), _INSERT.sub(r"\1", t)}  # 挂（兼）职 read both ways, as `grams` does
    return frozenset(g for r in readings for w in jieba.cut(r) if len(w) >= 2 for g in grams(w))


def description_grams(text: str, extra: Iterable[str] = ()) -> set[str]:
    """The pieces of the description's content words and of `extra` (the profile's matched cue words)."""
    import jieba.posseg

    words = [w.word for w in jieba.posseg.cut(_fold(text)) if not w.flag.startswith(NOT_CONTENT)]
    out: set[str] = set()
    for w in [*words, *extra]:
        if len(w) >= 2:
            out |= grams(w)
    return out


class Specificity:
    """Inverse document frequency of two-character pieces over the documents' passages."""

    def __init__(self, passages: Sequence[str]) -> None:
        self.n = max(len(passages), 1)
        df: dict[str, int] = {}
        for p in passages:
            for g in grams(p):
                df[g] = df.get(g, 0) + 1
        self.df = df

    def idf(self, gram: str) -> float:
        return math.log((1 + self.n) / (1 + self.df.get(gram, 0)))

    def score(self, description: set[str], name: str, body: str) -> tuple[float, list[str]]:
        """The weight of the description's pieces the item says, and those pieces (name pieces first)."""
        in_name, in_body = description & name_grams(name), description & grams(body)
        total = sum(self.idf(g) * NAME_WEIGHT for g in in_name)
        total += sum(self.idf(g) for g in in_body - in_name)
        return total, sorted(in_name) + sorted(in_body - in_name)
