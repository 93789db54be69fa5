"""Follow-up resolution without an LLM: an elliptical question plus the conversation -> a standalone question.

    resolve_followup("那它是哪个单位牵头的？", history, mentions) -> "硕博倍增工程是哪个单位牵头的？"

Contract:
- A self-contained question (no pronoun, no ordinal, no "…呢？" ellipsis, names its own subject) is returned
  unchanged, character for character.
- The subject carried over is the programme / indicator / unit / industry last talked about: the entity names
  `mentions` finds in the latest user question (resolved the same way, turn by turn), else in the latest
  answer, else the noun phrase that opened the latest user question.
- 第N个 picks the N-th item listed in the latest assistant answer.
- 那2020年呢？ repeats the previous question with the year (or subject) swapped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.ask.analysis import asked_kinds, subject_terms
from assistant.ask.vocabulary import PERIOD_END
from assistant.core.types import Turn

Mentions = Callable[[str], list[str]]

_PRONOUN = re.compile(
    r"这个(?:工程|项目|平台|政策|指标|产业|单位|计划|基地|体系|东西)?|那个(?:工程|项目|平台|政策|指标|产业)?|"
    r"该(?:工程|项目|平台|政策|指标|产业|单位|计划|基地)|这项(?:工程|政策)?|此项|它们|它的|它|其"
)
_LEADING = re.compile(r"^(?:那么|那|还有|另外|then)\s*")
_ORDINAL = re.compile(r"第([一二三四五六七八九十\d]+)(?:个|项|条|家|名|种)?")
_ELLIPSIS = re.compile(r"^(?:那么|那|还有)?\s*(.{1,20}?)\s*呢\s*[？?]?\s*$")
_TIME = re.compile(rf"(?:到|在)?(?:19|20)\d\d\s*年(?:底|末)?|现在|目前|现阶段|{PERIOD_END}")
_PREDICATE = re.compile(
    r"(?:是什么|是谁|是哪|是指|指什么|主要|具体|有哪些|有什么|有多少|有几|要|由谁|谁|什么|多少|几|哪|怎么|如何|"
    r"能|可以|需要|包括|的牵头|牵头|实施|计划|在|是|有)"
)
_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _ordinal(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    if token == "十":
        return 10
    if token.startswith("十"):
        return 10 + _NUMERALS.get(token[1:], 0)
    if token.endswith("十"):
        return _NUMERALS.get(token[0], 0) * 10
    if len(token) == 1:
        return _NUMERALS.get(token)
    return None


def list_items(text: str) -> list[str]:
    """Items of a list written in an answer: numbered lines, ①②, or a 、/；-separated run."""
    text = re.sub(r"\[\d+\]", "", text)
    numbered = [m.strip(" ；;，,。") for m in re.split(r"(?:^|\s|；|;|。)(?:[（(]?\d+[)）.、．]|[①-⑳])", text) if m.strip(" ；;，,。")]
    if len(numbered) >= 2:
        return numbered
    body = text.split("：", 1)[1] if "：" in text else text
    body = re.split(r"[。；]", body)[0]
    items = [i.strip(" ，,") for i in re.split(r"[、，,]|和|以及", body) if i.strip(" ，,")]
    return items if len(items) >= 2 else []


def opening_phrase(question: str) -> str | None:
    """The noun phrase a question opens with: '卫生人才“525”是什么意思？' -> '卫生人才“525”'."""
    question = _LEADING.sub("", question.strip())
    match = _PREDICATE.search(question, 2)
    phrase = question[: match.start()] if match else question
    phrase = phrase.strip(" ，,？?。的")
    return phrase if len(phrase) >= 2 else None


def _subject(history: list[Turn], standalone_users: list[str], mentions: Mentions) -> str | None:
    for user in reversed(standalone_users):
        names = mentions(user)
        if names:
            return max(names, key=len)
        phrase = opening_phrase(user)
        if phrase:
            return phrase
    for turn in reversed(history):
        if turn.role == "assistant":
            names = mentions(turn.content)
            if names:
                return names[0]
    return None


# Words that name what is asked about a subject, never the subject itself ('实施年限呢？', '要达到什么目标？').
_ATTRIBUTE = re.compile(
    r"牵头|负责|实施|年限|期限|目标|内容|措施|条件|要求|材料|手续|流程|电话|联系|地址|时间|截止|标准|金额|补贴|奖励|"
    r"多少|多久|对象|范围|人数|数量|规模|现状|基数"
)


def is_elliptical(question: str, mentions: Mentions) -> bool:
    if _PRONOUN.search(question) or _ORDINAL.search(question) or _ELLIPSIS.match(question):
        return True
    if _LEADING.match(question) and not mentions(question):
        return True
    core = re.sub(r"[？?。！!，,\s]", "", question)
    if len(core) <= 6 and not mentions(question):
        return True
    # No subject of its own: every content word only says what is asked ('要达到什么目标？', '谁牵头，啥时候实施？').
    own = [t for t in subject_terms(question)[0] if not _ATTRIBUTE.search(t)]
    return not own and not mentions(question)


def _is_attribute(slot: str, mentions: Mentions) -> bool:
    """'实施年限' in '实施年限呢？' asks for a value of the last subject; '博士后' in '博士后呢？' swaps the subject."""
    return not mentions(slot) and bool(_ATTRIBUTE.search(slot) or asked_kinds(slot))


def _resolve_one(question: str, history: list[Turn], standalone_users: list[str], mentions: Mentions) -> str:
    if not history or not is_elliptical(question, mentions):
        return question
    last_answer = next((t.content for t in reversed(history) if t.role == "assistant"), "")
    previous = standalone_users[-1] if standalone_users else ""

    ordinal = _ORDINAL.search(question)
    if ordinal and last_answer:
        n = _ordinal(ordinal.group(1))
        items = list_items(last_answer)
        if n and 1 <= n <= len(items):
            return _LEADING.sub("", question.replace(ordinal.group(), items[n - 1], 1))

    ellipsis = _ELLIPSIS.match(question)
    if ellipsis and previous and not _PRONOUN.search(question):
        slot = ellipsis.group(1).strip()
        if _TIME.fullmatch(slot) or re.fullmatch(r"(?:到|在)?(?:19|20)\d\d\s*年?.*", slot):
            swapped, count = _TIME.subn(slot, previous, count=1)
            return swapped if count else f"{slot}{previous}"
        subject = _subject(history, standalone_users, mentions)
        if subject and _is_attribute(slot, mentions):
            return f"{subject}的{slot}是什么？"
        if subject and subject in previous:
            return previous.replace(subject, slot, 1)
        return f"{slot}{previous}"

    subject = _subject(history, standalone_users, mentions)
    if not subject:
        return question
    body = _LEADING.sub("", question)
    if _PRONOUN.search(body):
        return _PRONOUN.sub(subject, body, count=1)
    return f"{subject}{body}"


def resolve_followup(question: str, history: list[Turn], mentions: Mentions) -> str:
    """Rewrite an elliptical follow-up into a standalone question; a self-contained one comes back unchanged."""
    standalone_users: list[str] = []
    seen: list[Turn] = []
    for turn in history:
        if turn.role == "user":
            standalone_users.append(_resolve_one(turn.content, seen, standalone_users, mentions))
        seen.append(turn)
    return _resolve_one(question, history, standalone_users, mentions)
