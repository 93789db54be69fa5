"""The things an item's text names inside itself: the platforms, camps and sub-programmes a programme runs.

    names_in("建好用好云川青年创业示范基地，拓展“一站式窗口”服务，攻克“卡脖子”难题")
    -> ["一站式窗口", "云川青年创业示范基地"]
    within_for(text, item_name, words, rank)   -> the two of them that fit a person best (see below)

Contract:
- A name is either quoted and ends like a name (“一站式窗口”, “青松引航工程”; 2-16 characters; not a slogan
  such as “卡脖子”) or a noun phrase that
  ends in a word policy texts name their carriers with (基地, 创业园, 训练营, 示范区, 工作站, 窗口 …) — the
  phrase runs back to the start of its clause or list entry, less the action words in front of it ("建好用好",
  "做大做强": verbs, adverbs, prepositions and adjectives as jieba tags them; a one-character verb right before a
  noun stays, as in 准大学生), 4-16 characters; a carrier around a quoted name is the quoted name.
- `within_for` keeps the names in the clauses that say the person's words (`words`: the matched cue words;
  `rank`: how specifically a text says the person's own words); a name saying some of them itself comes first,
  one saying none is left out, at most `limit`.
- Nothing here knows a document: the same rule reads any plan's or policy's text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.ask.talent_profile import _fold, _hits

_QUOTED = re.compile(r"[“\"]([^“”\"，。；、：:！？\s]{2,16})[”\"]")
# The words policy texts end the names of the things they set up with (places, camps, windows, stations).
_CARRIER_WORDS = (
    "示范基地|基地|创业园|产业园|孵化器|训练营|规划营|夏令营|营|示范区|工作站|服务站|联络站|窗口|论坛|联盟|学院|"
    "研究院|实验室|中心"
)
_CARRIER = re.compile(rf"[\u4e00-\u9fff]{{2,24}}?(?:{_CARRIER_WORDS})")
# A quoted phrase is a name when it ends like one (“单一窗口”, “大学生菁英引航工程”), not a slogan (“卡脖子”).
_NAME_END = re.compile(rf"(?:工程|计划|行动|项目|大赛|{_CARRIER_WORDS})$")
_ENTRY = re.compile(r"[^，,；;。、：:（）()\s]+")
# Leading words that act on a name rather than belong to it.
_ACTION_FLAGS = ("v", "d", "p", "a", "j", "c", "ad", "vd", "u")


def _strip_action(phrase: str) -> str:
    import jieba.posseg

    tokens = list(jieba.posseg.cut(phrase))
    start = 0
    while start < len(tokens) - 1:
        t, nxt = tokens[start], tokens[start + 1]
        one_char_verb_before_noun = len(t.word) == 1 and t.flag == "v" and nxt.flag.startswith("n")
        if not t.flag.startswith(_ACTION_FLAGS) or one_char_verb_before_noun:
            break
        start += 1
    return "".join(t.word for t in tokens[start:])


def names_in(text: str) -> list[str]:
    """The quoted names and the carrier names a text holds, in text order, each once."""
    found: list[str] = []
    quoted = [m.group(1) for m in _QUOTED.finditer(text) if _NAME_END.search(m.group(1))]
    found.extend(quoted)
    for entry in _ENTRY.findall(re.sub(r"[“”\"]", "", text)):
        for m in _CARRIER.finditer(entry):
            name = _strip_action(m.group(0))
            # a carrier around a quoted name ('台湾人才单一窗口') is the quoted name
            if 4 <= len(name) <= 16 and not any(q in name for q in quoted):
                found.append(name)
    # a name inside a longer one found here (创业园 inside 海外留学人员创业园) is that one
    return list(dict.fromkeys(n for n in found if not any(n != o and n in o for o in found)))


_CLAUSE = re.compile(r"[^，；。！？①-⑳]+")
_WITHIN_MAX = 2


def within_for(
    text: str, item_name: str, words: Sequence[str], rank: Callable[[str], float], limit: int = _WITHIN_MAX
) -> list[str]:
    """The names `text` holds in its clauses about the person, those whose own name says most of the person's
    words first; the item's own name is not one of them."""
    weight: dict[str, float] = {}
    own = re.sub(r"[“”\"]", "", _fold(item_name))
    for clause in _CLAUSE.findall(text):
        if not (_hits(words, clause) or rank(clause) > 0):
            continue
        for name in names_in(clause):
            if _fold(name) in own or own in _fold(name):
                continue
            weight.setdefault(name, rank(name) + (1.0 if _hits(words, name) else 0.0))
    return sorted((n for n, w in weight.items() if w > 0), key=lambda n: -weight[n])[:limit]
