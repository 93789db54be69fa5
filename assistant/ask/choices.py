"""Choice questions: a question offering alternatives ('补贴是按年发还是按季度发？', '线上或者线下申报？') asks which of
them the documents state, and is answered by the passage that writes one.

    offered("生活补贴是按年发还是按季度发？") -> Choice(options=("按年发", "按季度发"), cores=("按年", "按季度"), tail="发")
    offered("A类和B类可以同时享受吗？") -> None                       a yes/no question offers nothing to choose
    choice.stated("生活补贴每季度发放一次。") -> ("按季度",)          the alternatives a text writes, in near forms
    choice.stated_by(text) -> ["每季度"]                              the words of the text that write them

Contract:
- A choice is two alternatives joined by 还是 / 或者 / 或是 at the end of a question's clause; a clause that ends
  in 吗 (a yes/no question about either) or whose second alternative asks something (哪, 多少 …) offers none.
- What tells the alternatives apart (`cores`) is what is left of them without the words they share at either
  end ('按年发' / '按季度发' -> 按年 / 按季度, shared tail 发). A shared tail that names a thing ('个人账户' /
  '单位账户' share 账户) must be written with the alternative; a shared verb of the act (发, 发放, 申报) need not.
- An alternative is stated in the words policy documents write it with: a period of payment however it is
  put ('按季度' ↔ 每季度, 按季; a rate '每月3000元' says how much, not how often), an instalment ('分期' ↔ 分5年,
  分三期), a number with its measure in digits or characters ('3年' ↔ 三年), the words of `wording.SAME_MEANING`
  ('线上' ↔ 网上), a longer word by its characters in order ('社保卡' ↔ 社会保障卡), and words apart in one clause
  ('单位申报' ↔ 用人单位统一申报). Nothing here names one document's programmes, places or figures.
- Pure: nothing here reads passages beyond the text it is given; `compose` decides what a stated one changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property

import jieba
import jieba.posseg as pseg

from assistant.ask.analysis import WEAK_TERMS
from assistant.ask.wording import SAME_MEANING

# How the alternatives are joined. A bare 或 is left alone: '或' within a name or a condition ('博士或正高') is common.
_JOINED = re.compile(r"还是|或者|或是")
_CLAUSE = re.compile(r"[，,；;。？?！!]")
# Asking inside the second alternative: '还是去哪办', '或者多少' is a question of its own, not an alternative.
_ASKS = re.compile(r"哪|谁|什么|啥|多少|多久|多长|几|怎|如何|是否|吗")
# What a question says before its first alternative ('补贴是…', '由…', '到底…').
_BEFORE = re.compile(r"(?:是|由|到底|究竟|选择?|找)(?!否)")
# Particles ending a spoken question ('…还是按季度呢').
_PARTICLES = "呢啊呀吧哈的"
# A question whether either holds ('有没有贷款或者基金？') asks yes or no, not which.
_WHETHER = re.compile(r"有没有|是不是|是否|能否|能不能|可不可以|会不会|要不要")
# '还是' meaning 'still' ('离职了还是要退吗'): a modal or a negation after it.
_STILL = re.compile(r"^(?:要|会|能|可以|得|不|没|需|应|照样|一样)")
_LONGEST = 12  # an alternative longer than this is a clause of its own, not an option

# A period of payment or of doing: '按年' / '每年' / '按年度' / '年度'; '按季' / '每季度' / '季度'.
_PERIOD = re.compile(r"^[按每逐]?([年季月周])度?$")
# A rate ('每月3000元', '每年1.2万元') says how much is paid per period, not how often it is paid.
_NO_RATE = r"(?!\s*[\d一二两三四五六七八九十])"
_NUMERALS = "零一二三四五六七八九十"
_NUMBER = re.compile(r"\d+|[一二两三四五六七八九十]+")
# Alternatives policy documents write in words of their own.
_KIN = {
    "一次性": r"一次性|一次(?:发放|拨付|支付|给予|兑现|奖励|补贴)",
    "分期": r"分期|分批|分年度|分\s*(?:\d+|[一二两三四五六七八九十]+)\s*(?:期|年|批|次)",
    "线上": r"线上|网上|在线",
    "网上": r"线上|网上|在线",  # as `wording.in_their_words` may have put 线上
    "线下": r"线下|现场|窗口|纸质",
}
# Words of one alternative need not touch ('单位申报' ↔ '用人单位统一申报'), but stay in one clause.
_GAP = r"[^，。；：,;:？?！!\s]{0,4}"


@dataclass(frozen=True)
class Choice:
    """The alternatives a question offers, as it writes them, what tells them apart and what they share."""

    options: tuple[str, ...]
    cores: tuple[str, ...]
    tail: str = ""
    # the question's words from the first alternative to the last, the joining word with them
    asked: str = ""

    @cached_property
    def _patterns(self) -> tuple[re.Pattern[str], ...]:
        tail = rf"{_GAP}{re.escape(self.tail)}" if _names_a_thing(self.tail) else ""
        return tuple(re.compile(f"(?:{_forms(core)}){tail}") for core in self.cores)

    def stated(self, text: str) -> tuple[str, ...]:
        """The cores of the alternatives `text` writes."""
        return tuple(core for core, p in zip(self.cores, self._patterns, strict=True) if p.search(text))

    def stated_by(self, text: str) -> list[str]:
        """The words of `text` that write an alternative ('每季度发放' of '生活补贴每季度发放一次')."""
        return [m.group() for p in self._patterns for m in p.finditer(text)]


def offered(question: str) -> Choice | None:
    """The alternatives the question offers to choose from, or None when it offers none."""
    clauses = [c.strip() for c in _CLAUSE.split(question)]
    while clauses and not clauses[-1]:
        clauses.pop()
    if not clauses:
        return None
    clause = clauses[-1]  # the alternatives end the question
    joined = list(_JOINED.finditer(clause))
    if not joined:
        return None
    join = joined[-1]
    # '博士或者正高职称' is a condition until a question mark makes it a choice
    if join.group() != "还是" and not question.rstrip().endswith(("？", "?")):
        return None
    second = clause[join.end():].rstrip(_PARTICLES)
    before = clause[: join.start()] or (clauses[-2] if len(clauses) > 1 else "")
    if clause.rstrip(_PARTICLES).endswith("吗") or _WHETHER.search(before) or not second or _STILL.match(second):
        return None
    if _ASKS.search(second) or len(second) > _LONGEST:
        return None
    first = _first_option(before, second)
    if not first or _ASKS.search(first) or first == second:
        return None
    start, end = question.rfind(first, 0, question.rfind(join.group()) + 1), question.rfind(second) + len(second)
    asked = question[start:end] if start >= 0 else f"{first}{join.group()}{second}"
    return replace(_choice(first, second), asked=asked)


def _first_option(before: str, second: str) -> str:
    """The first alternative: what the clause says before the joining word, less what leads up to it. It starts
    where the second does ('生活补贴按月发' / '按季度发' -> 按月发), else after '是' / '由' ('补贴是一次性发放' ->
    一次性发放), else it is as many words long as the second; a verb only the first opens with leads up to both
    ('打到个人账户' / '单位账户' -> 个人账户)."""
    before = before.strip()
    lead = before.rfind(second[0], max(0, len(before) - len(second) - 4))
    if lead >= 0 and len(before) - lead >= 2:
        return before[lead:]
    marks = list(_BEFORE.finditer(before))
    if marks and marks[-1].end() < len(before):
        first = before[marks[-1].end():]
    else:
        first = "".join(jieba.lcut(before)[-len(jieba.lcut(second)):])
    words = pseg.lcut(first)
    while len(words) > 1 and words[0].flag.startswith("v") and len(first) - len(words[0].word) >= 2:
        first = first[len(words.pop(0).word):]
    return first


def _choice(first: str, second: str) -> Choice:
    """The alternatives without the words they share at either end, kept only when what is left of each is a
    word (two characters or more) and no bare figure ('3年' / '5年' keep their measure)."""
    cores = (first, second)
    tail = _shared(first[::-1], second[::-1])
    # a shared tail is the act both are ways of ('按年|发') or a word of its own ('个人|账户'), not the last
    # character of two names ('社保卡' / '银行卡')
    if (
        tail and min(len(first), len(second)) - tail >= 2
        and (tail >= 2 or not _names_a_thing(first[-tail:], 1))
        and not any(_NUMBER.search(c[-tail - 1]) for c in cores)
    ):
        cores, shared = (first[:-tail], second[:-tail]), first[-tail:]
    else:
        shared = ""
    head = _shared(*cores)
    if head and min(map(len, cores)) - head >= 2:
        cores = (cores[0][head:], cores[1][head:])
    return Choice(options=(first, second), cores=cores, tail=shared)


def _shared(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _names_a_thing(tail: str, shortest: int = 2) -> bool:
    """A shared tail that names a thing ('账户'), not the act both alternatives are ways of (发, 发放, 申报)."""
    return any(
        len(word) >= shortest and word not in WEAK_TERMS and not flag.startswith("v")
        for word, flag in pseg.lcut(tail)
    )


def _forms(core: str) -> str:
    """A pattern of the ways policy documents write an alternative."""
    period = _PERIOD.match(core)
    if period:
        unit = period.group(1)
        return rf"[按每逐]{unit}度?{_NO_RATE}|(?<![\d{_NUMERALS}]){unit}度{_NO_RATE}"
    if core in _KIN:
        return _KIN[core]
    number = _NUMBER.match(core)
    if number:  # '3年' is 三年 too, and not 13年
        measure = re.escape(core[number.end():])
        return rf"(?<![\d.{_NUMERALS}])(?:{_numeral_forms(number.group())})\s*{measure}"
    words = [w for w in jieba.lcut(core) if w.strip()]
    return _GAP.join(f"(?:{_word_forms(w)})" for w in words)


def _word_forms(word: str) -> str:
    if word in _KIN:
        return _KIN[word]
    kin = [w for group in SAME_MEANING if word in group for w in group]
    if kin:
        return "|".join(re.escape(w) for w in sorted(set(kin), key=len, reverse=True))
    if len(word) >= 3:  # a shortened name keeps its characters in order ('社保卡' of 社会保障卡)
        return "(?:" + r"[^\W\d]{0,2}?".join(re.escape(ch) for ch in word) + ")"
    return re.escape(word)


def _numeral_forms(number: str) -> str:
    """'3' -> '3|三'; '两' -> '2|两|二'."""
    digits = {str(i): ch for i, ch in enumerate(_NUMERALS) if i}
    if number.isdigit():
        return "|".join(dict.fromkeys([number, digits.get(number, number), "两" if number == "2" else number]))
    back = {ch: d for d, ch in digits.items()} | {"两": "2"}
    found = back.get(number)
    return "|".join(dict.fromkeys([number, *([found, digits[found]] if found else [])]))
