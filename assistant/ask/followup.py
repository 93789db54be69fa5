"""Follow-up resolution without an LLM: an elliptical question plus the conversation -> a standalone question.

    resolve_followup("那它是哪个单位牵头的？", history, mentions) -> "硕博倍增工程是哪个单位牵头的？"

Contract:
- A self-contained question (no pronoun, no ordinal, no "…呢？" ellipsis, names its own subject) is returned
  unchanged, character for character. Asking words (啥时候, 哪几个), attribute words (占地, 方式) and light verbs
  (来搞, 通过) are no subject; nor is an entity name the question does not write whole ('申请人' for '可以申请').
- The subject carried over is what the latest user question (resolved the same way, turn by turn) is about:
  the entity name it writes (at least half of the name in one run, so '工程师' alone never picks another
  row's name), unless the noun phrase it opens with says more than that name (the place or programme that
  names the document: '青松计划网上申报', '云溪县租房补贴'); then that phrase. Failing both, the first entity
  name of the latest answer.
- A conversation about one row of a table (`rows`: the rows a text names, as (row name, what the text writes of it);
  `table_rows.named_rows`) stays on that row: the row the latest user question names within its subject (said by
  the row's name when the question writes it, else by that subject as written), else, when that question has no
  subject of its own, the one row the latest answer names ('谁是高级工程师？' answered '李明哲职称：高级工程师') is
  the subject ('他在哪个单位？' -> '李明哲在哪个单位？'); '那C类呢？' / '硕士呢？' asks the previous question of the
  row named instead ('B类' -> 'C类', '博士研究生' -> '硕士研究生').
- 第N个 picks the N-th item listed in the latest assistant answer.
- 那2020年呢？ repeats the previous question with the year (or subject) swapped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import jieba

from assistant.ask.analysis import VALUE_WORDS, subject_terms
from assistant.ask.kinds import asked_kinds
from assistant.ask.support import siblings
from assistant.ask.vocabulary import PERIOD_END
from assistant.core.types import Turn

Mentions = Callable[[str], list[str]]
Rows = Callable[[str], list[tuple[str, str]]]

_PRONOUN = re.compile(
    r"这个(?:工程|项目|平台|政策|指标|产业|单位|计划|基地|体系|东西)?|那个(?:工程|项目|平台|政策|指标|产业)?|"
    r"该(?:工程|项目|平台|政策|指标|产业|单位|计划|基地)|这项(?:工程|政策)?|此项|它们|它的|它|其|"
    r"(?<![其吉])[他她](?:们)?(?![人乡处])"  # a person of a name list ('他在哪个单位'), not 其他 or 委托他人
)
_LEADING = re.compile(r"^(?:那么|那|还有|另外|then)\s*")
_ORDINAL = re.compile(r"第([一二三四五六七八九十\d]+)(?:个|项|条|家|名|种)?")
_ELLIPSIS = re.compile(r"^(?:那么|那|还有)?\s*(.{1,20}?)\s*呢\s*[？?]?\s*$")
_TIME = re.compile(rf"(?:到|在)?(?:19|20)\d\d\s*年(?:底|末)?|现在|目前|现阶段|{PERIOD_END}")
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


# Words that name what is asked about a subject, never the subject itself ('实施年限呢？', '要达到什么目标？').
_ATTRIBUTE = re.compile(
    r"牵头|负责|实施|年限|期限|目标|内容|措施|条件|要求|材料|手续|流程|电话|联系|地址|时间|截止|标准|金额|补贴|奖励|"
    r"多少|多久|对象|范围|人数|数量|规模|现状|基数|方式|方法|途径|渠道|占地|面积|用地"
)
# Words that ask, and light verbs that only say something is done ('啥时候', '哪几个', '来搞', '通过').
_NO_SUBJECT = re.compile(r"^(?:[哪谁啥咋怎]|什么|几[个家名项种]|多[少大久长高])|^(?:来|去)?(?:搞|干|做|弄)(?:嘛|啥)?$|^通过$")


# What ends a question's opening noun phrase: a verb of being or having, an asking word, a word that says which
# value is asked (目标, 最长, 占地), or the end of a clause. '计划' is left out: it ends names (青松计划).
_PHRASE_END = frozenset(
    "是 有 要 能 会 可以 需要 包括 由 归 算 属于 指 为 应 该 得 在 主要 具体 一共 总共 到底 是不是 是否 有没有 "
    "干嘛 干什么 做什么".split()
)
_ASKING = re.compile(r"^(?:[哪谁啥咋怎]|什么|几|多(?:少|大|久|长|高|远|重)|是否)")
_OPENERS = re.compile(r"^(?:那么|那|还有|另外|请问|我想问|想问|关于|对于|在)\s*")
# Benefits are named by what they pay ('租房补贴'): these attribute words belong to the subject's name.
_BENEFIT = re.compile(r"补贴|奖励|补助|资助|津贴")


def _ends_phrase(token: str) -> bool:
    if re.fullmatch(r"[，,。？?！!；;：:\s]+", token):
        return True
    if token in _PHRASE_END or _ASKING.match(token):
        return True
    if token != "计划" and token in VALUE_WORDS:
        return True
    return bool(_ATTRIBUTE.search(token)) and not _BENEFIT.search(token)


def opening_phrase(question: str) -> str | None:
    """The noun phrase a question opens with: '卫生人才“525”是什么意思？' -> '卫生人才“525”',
    '云溪县租房补贴最长发多久？' -> '云溪县租房补贴', '青禾创业园占地多大？' -> '青禾创业园'."""
    question = _OPENERS.sub("", _LEADING.sub("", question.strip()))
    phrase = ""
    for token in jieba.lcut(question):
        if phrase and _ends_phrase(token):
            break
        if not phrase and _ends_phrase(token):
            return None
        phrase += token
    phrase = phrase.strip(" ，,？?。的")
    return phrase if len(phrase) >= 2 else None


def _plain(text: str) -> str:
    return re.sub(r"[\W_的]", "", text)


def _common_run(a: str, b: str) -> int:
    """Length of the longest run of characters both texts write."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def written_mentions(text: str, mentions: Mentions, whole: bool = False) -> list[str]:
    """The entity names `mentions` finds that the text itself writes, at least half of them in one run
    ('社工人才培养工程' writes 社会工作人才培养工程's '人才培养工程'), or all of it with `whole`; a name sharing
    only a common word ('工程师', '补贴') with the text, or an attribute word alone, is not what the text is about."""
    plain = _plain(text)
    found = []
    for name in mentions(text):
        key = _plain(name)
        if len(key) < 2 or _ATTRIBUTE.fullmatch(key) or name in found:
            continue
        if key in plain if whole else _common_run(key, plain) * 2 >= len(key):
            found.append(name)
    return found


def question_subject(question: str, mentions: Mentions) -> str | None:
    """What a question is about: the entity name it writes, unless its opening phrase says more than that name
    ('青松计划网上申报' against 网上申报时间, '云溪县租房补贴' against 租房补贴): then the phrase, as written."""
    names = written_mentions(question, mentions)
    phrase = opening_phrase(question)
    if names:
        name = max(names, key=lambda n: (_common_run(_plain(n), _plain(question)), len(n)))
        more = set(_plain(_ATTRIBUTE.sub("", phrase or ""))) - set(_plain(name))
        if phrase is None or len(more) < 2:
            return name
    return phrase


def _subject(history: list[Turn], standalone_users: list[str], mentions: Mentions) -> str | None:
    for user in reversed(standalone_users):
        subject = question_subject(user, mentions)
        if subject:
            return subject
    for turn in reversed(history):
        if turn.role == "assistant":
            names = mentions(turn.content)
            if names:
                return names[0]
    return None


def _row(
    history: list[Turn], standalone_users: list[str], rows: Rows | None, mentions: Mentions
) -> tuple[str, str] | None:
    """The one table row the conversation is about: the row the latest user question names inside what it is about
    ('陈思远' of '陈思远入选', not a row an incidental word names), else, when that question is about nothing of its
    own ('谁是高级工程师？'), the one row the latest answer names; None when neither names exactly one."""
    if rows is None or not standalone_users:
        return None
    last = standalone_users[-1]
    about = question_subject(last, mentions)
    named = dict(rows(last))
    if len(named) == 1:
        name, written = next(iter(named.items()))
        if about is None or written in about:
            # the row's own name when the question writes it ('陈思远入选' -> 陈思远), else the subject as written,
            # which keeps what picks the document ('晋江租房补贴', not another city's row 青年人才租房补贴)
            return (name if name in last or about is None else about), written
    if about is not None:
        return None
    answer = next((t.content for t in reversed(history) if t.role == "assistant"), "")
    named = dict(rows(answer))
    return next(iter(named.items())) if len(named) == 1 else None


def _swap_row(previous: str, row: tuple[str, str], slot: str, names_row: bool) -> str | None:
    """The previous question asked of the row `slot` names instead: '博士研究生每月补贴多少？' with '硕士' ->
    '硕士研究生每月补贴多少？' (a name of the same kind swaps its qualifier), with 'C类' for 'B类' -> 'C类…'.
    None when the previous question does not write the row, or `slot` is neither a row's name nor of its kind."""
    written = row[1]
    if written not in previous or slot in written:
        return None
    for i in range(len(written) - len(slot) + 1):
        if siblings(slot, written[i : i + len(slot)]):
            return previous.replace(written, written[:i] + slot + written[i + len(slot) :], 1)
    return previous.replace(written, slot, 1) if names_row else None


def is_elliptical(question: str, mentions: Mentions) -> bool:
    """True for a question with a pronoun, an ordinal, a '…呢？' ellipsis, or no subject of its own: only asking
    words, attribute words and names it does not write ('哪几个月可以申请？' is about no 申请人)."""
    if _PRONOUN.search(question) or _ORDINAL.search(question) or _ELLIPSIS.match(question):
        return True
    named = written_mentions(question, mentions, whole=True)
    if _LEADING.match(question) and not named:
        return True
    core = re.sub(r"[？?。！!，,\s]", "", question)
    if len(core) <= 6 and not named:
        return True
    # No subject of its own: every content word only says what is asked ('要达到什么目标？', '谁牵头，啥时候实施？').
    own = [t for t in subject_terms(question)[0] if not _ATTRIBUTE.search(t) and not _NO_SUBJECT.search(t)]
    return not own and not named


def _is_attribute(slot: str, mentions: Mentions) -> bool:
    """'实施年限' in '实施年限呢？' asks for a value of the last subject; '博士后' in '博士后呢？' swaps the subject."""
    return not mentions(slot) and bool(_ATTRIBUTE.search(slot) or asked_kinds(slot))


def _resolve_one(
    question: str, history: list[Turn], standalone_users: list[str], mentions: Mentions, rows: Rows | None
) -> str:
    if not history or not is_elliptical(question, mentions):
        return question
    row = _row(history, standalone_users, rows, mentions)
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
        if row and rows is not None and not _is_attribute(slot, mentions):
            names_row = bool(rows(slot))
            other_row = _swap_row(previous, row, slot, names_row)
            if other_row:
                return other_row
            if not names_row and not mentions(slot):  # '受理部门呢？': another column of the same row
                return f"{row[0]}的{slot}是什么？"
        subject = row[0] if row else _subject(history, standalone_users, mentions)
        if subject and _is_attribute(slot, mentions):
            return f"{subject}的{slot}是什么？"
        if subject and subject in previous:
            return previous.replace(subject, slot, 1)
        return f"{slot}{previous}"

    subject = row[0] if row else _subject(history, standalone_users, mentions)
    if not subject:
        return question
    body = _LEADING.sub("", question)
    if _PRONOUN.search(body):
        resolved = _PRONOUN.sub(subject, body, count=1)
        # of a row: '她的职称呢？' -> '王晓岚的职称是什么？'
        return re.sub(r"呢\s*[？?]?$", "是什么？", resolved) if row else resolved
    return f"{subject}{body}"


def resolve_followup(question: str, history: list[Turn], mentions: Mentions, rows: Rows | None = None) -> str:
    """Rewrite an elliptical follow-up into a standalone question; a self-contained one comes back unchanged."""
    standalone_users: list[str] = []
    seen: list[Turn] = []
    for turn in history:
        if turn.role == "user":
            standalone_users.append(_resolve_one(turn.content, seen, standalone_users, mentions, rows))
        seen.append(turn)
    return _resolve_one(question, history, standalone_users, mentions, rows)
