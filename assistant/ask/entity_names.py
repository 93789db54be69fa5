"""Names and the short forms people use for them: the one form names and questions are compared in, the aliases
a name yields by itself, and the two contraction tests (an abbreviation, a spelled-out unit).

    entity_key("硕博人才“倍增工程”") -> "硕博人才倍增工程"
    derived_aliases("硕博人才“倍增工程”") -> ["倍增工程", "硕博人才倍增"]
    abbreviation_score("高企", ("高新技术企业",)) -> 0.75      0 when the text holds no contraction of a name
    spelled_out("人社局", "人力资源和社会保障局") -> True

Contract: pure functions of their arguments; nothing here knows a document's rows. Used by the entity index
(`assistant.ask.entities`) and the coverage checks (`assistant.ask.name_coverage`).
"""

from __future__ import annotations

import re
import unicodedata

QUOTED = re.compile(r"[“\"「『]([^”\"」』]{1,20})[”\"」』]")
_GENERIC_SUFFIXES = (
    "建设提升项目",
    "建设项目",
    "扩面项目",
    "提升工程",
    "培养工程",
    "项目",
    "工程",
    "建设",
    "平台",
    "行动",
)
_LEADING_VERBS = (
    "组建成立",
    "打造",
    "建设",
    "布局",
    "提升",
    "修订完善",
    "全面推进",
    "全面开展",
    "探索",
    "实施",
)
# Question words carry no identity; they must not count as a match with a name that happens to contain them.
QUESTION_CHARS = set("的是了吗呢吧么哪谁几多少什怎样要请问我想和与及还或者有在这那个把")


def entity_key(text: str) -> str:
    """Fold width (NFKC), drop punctuation and spaces: the form names and questions are compared in."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if ch.isalnum() or ch == "+")


def derived_aliases(name: str) -> list[str]:
    """Short forms derived from a name: its quoted parts, and the name without generic suffixes or verbs."""
    aliases: list[str] = []
    for part in QUOTED.findall(name):
        aliases.append(entity_key(part))
    key = entity_key(name)
    stripped = key
    for _ in range(2):
        for suffix in _GENERIC_SUFFIXES:
            if stripped.endswith(suffix) and len(stripped) - len(suffix) >= 2:
                stripped = stripped[: -len(suffix)]
                break
    for verb in _LEADING_VERBS:
        if stripped.startswith(verb) and len(stripped) - len(verb) >= 2:
            stripped = stripped[len(verb) :]
            break
    aliases.append(stripped)
    # A quoted part is often asked with the suffix that follows the quote: “525”孵化提升工程 -> 525工程.
    for part in QUOTED.findall(name):
        tail = name.split(part, 1)[1].lstrip('”"」』')
        for suffix in ("工程", "项目", "行动"):
            if tail.endswith(suffix):
                aliases.append(entity_key(part) + suffix)
    return [a for a in dict.fromkeys(aliases) if len(a) >= 2 and a != key]



def abbreviation_score(query: str, names: tuple[str, ...]) -> float:
    """Score for a contracted form: a span of the question that starts with a name's first character, ends
    with one of its last two, and keeps the rest in order (高企 for 高新技术企业, 博士后站 for 博士后工作站)."""
    best = 0.0
    for name in names:
        if len(name) < 3:
            continue
        for start, ch in enumerate(query):
            if ch != name[0]:
                continue
            pos, end = 1, start + 1
            while end < len(query) and (found := name.find(query[end], pos)) != -1:
                pos, end = found + 1, end + 1
                span = end - start
                if span >= 2 and query[end - 1] in name[-2:] and len(name) <= 4 * span:
                    best = max(best, min(0.8, 0.55 + 0.1 * span))
    return best


def spelled_out(short: str, text: str) -> bool:
    """True when `text` holds a span starting with short[0], ending with short[-1], that contains `short`
    in order and is at most three times as long: 人力资源和社会保障局 spells out 人社局."""
    for start, ch in enumerate(text):
        if ch != short[0]:
            continue
        pos, i = start, 0
        while pos < len(text) and pos - start < 3 * len(short) + 3:
            if text[pos] == short[i]:
                i += 1
                if i == len(short):
                    return True
            pos += 1
    return False
