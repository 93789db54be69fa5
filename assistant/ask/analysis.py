"""Question analysis: what a question asks for and about what, shared by composing, follow-ups and compound
questions.

    subject_terms(question) -> (terms, rejoined)                      what it is about, without the asking words
    question_terms(question) -> {term: weight}                        jieba terms, subject 1.0, generic 0.2
    question_tense("要建到几家") -> "future"; named_benefits("生活补助多少") -> [("生活", ["生活补贴", …])]
    analyse("“十三五”末有几家？") -> QuestionAnalysis(cues, intents, kinds, tense, years=("2020",), …)   for routing
    subject_words(question, drop=units) -> the question without cue words, fillers and plan periods
    with offering(["按年发还是按季度发"]): …   within the block, a choice's alternatives are weak words

The kinds of value a question asks (`ASKS`, `asked_kinds`, `asked_measure`) live in `assistant.ask.kinds`.

Contract:
- The cues are Chinese policy language, not any one document's words; `analyse` reads a question once, with
  the kinds `kinds.asked_kinds` finds.
- Nothing here reads passages; `compose` matches what this finds against them. The cue words are
  `assistant.ask.vocabulary`'s; nothing here names a document's years, periods, groups or place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

import jieba
import jieba.posseg as pseg

from assistant.ask.kinds import ASKS, MONEY_KIN, MONEY_NOUNS, asked_kinds, noun_kin
from assistant.ask.vocabulary import (
    ASPECTS,
    COUNTED,
    CUES,
    FILLER,
    FUTURE,
    PLAN_PERIOD,
    PRESENT,
    STATEMENT,
    WHEN,
    YEAR_ASKED,
    plan_period_end,
)
from assistant.core.config import DeploymentSettings
from assistant.text import values

# Words that carry no subject in a policy question; they still count a little when matched. A kind of document
# (规划, 文件) is one; a five-year plan period (十四五) is weak too (`question_terms`), and so is a place, which only
# the documents name (`subject_words`).
WEAK_TERMS = frozenset(
    "人才 规划 工程 项目 建设 方面 哪些 什么 多少 需要 支持 主要 具体 怎么 如何 哪个 哪几 要 有 "
    "是 的 了 吗 呢 和 与 及 在 对 给 会 能 可以 什么样 怎样 哪 几 我 我们 你 请问 一下 这个 那个 这份 文件 里面 "
    "规定 情况 内容 一些 提出 重点 期间 相关 分别 各自 "
    # a modal's negation says how it is asked ('不能申请' asks who is excluded, which the documents write 不予)
    "不能 不可以 不会 不要 "
    # nouns that frame the question: which body, when, what problem
    "部门 时候 问题 "
    # Verbs every policy document uses of every benefit: they say how it is had, not which one.
    "申请 申报 办理 享受 领取 发放 工作 "
    # Verbs of a document's own making: every policy is 开展ed, 制定d, 实施ed under something.
    "开展 制定 出台 实施 执行".split()
)


# '能领', '要交': a modal and a verb say how, not what; '几档', '每档': a count and its measure ask how many.
_MODAL_VERB = re.compile(r"^[能可要会得想该几每]\w$")


QUESTION_WORDS = frozenset("几个 几家 几名 几项 多少 哪些 哪个 哪几 哪几个 什么 怎么 如何 哪里 是否 有没有 怎样 多大".split())


_PUNCT = re.compile(r"^[\W_]+$")


# A piece of a question word that jieba leaves inside a token ('分哪', '几篇', '周期多长').
_ASKING_PART = re.compile(r"哪|几|多少|多长|多久|多大|多高|什么|怎|啥")
_MARK = re.compile(r"[★☆※▲△●◆◇■□＊*#＃]")
_TIER = re.compile(r"[A-Za-z0-9一二三四五六七八九十]{1,2}[类档级等]")


YEAR = re.compile(rf"{values.YEAR.pattern}\s*年?|\d{{4}}\s*[-—–]\s*\d{{4}}")


YEAR_NAMED = YEAR_ASKED  # a year named, digits only


# Asking which body, however the body is called ('找哪个局', '归哪个委', '是哪几个单位'): the unit responsible.
ASKS_BODY = re.compile(r"哪(?:个|家|一个|几个|几家|些)(?:局|委|办|部门|单位|机构)")


# Asking what a thing is like, at the end of a clause ('基地建成啥样？', '要办成什么样'): its content. '什么样的人才'
# asks a kind of person, which is no such question.
ASKS_LIKE = re.compile(r"(?:什么|啥)样子?(?=[？?。！!，,]|$)")


INTENT_CUES: dict[str, re.Pattern[str]] = {
    "number": ASKS["quantity"].cue,  # a count or a size, as the quantity kind is asked
    "who": re.compile(rf"谁|{ASKS_BODY.pattern}|什么单位|牵头单位[是有]|由哪个|负责单位"),
    "when": re.compile(WHEN),
    "definition": re.compile(r"什么是|指什么|指的是|是什么意思|什么意思|含义|是指|包括哪"),
    # '哪几个月' asks when, not for a list
    "list": re.compile(r"哪些(?!月份)|哪几(?!个?[年月天日号])|包括|有什么|什么样"),
    "needs": re.compile(r"(?:需要|缺|紧缺|急需|引进|招|培养|培育)\S{0,4}(?:什么|哪些|哪方面|哪类|哪几类)\S{0,5}人才|人才需求"),
    "broad": re.compile(r"什么支持|怎么说|做什么|干什么|哪些措施|什么措施|什么政策|哪些政策|怎么做|如何做|有什么|什么人才"),
}


def named_benefits(question: str) -> list[tuple[str, list[str]]]:
    """'生活补贴' / '安家补助' in a question, with each kin spelling ('生活补助' -> 生活补贴): a benefit the question
    names by its kind, which only a sentence or cell about that benefit answers."""
    named: list[tuple[str, list[str]]] = []
    tokens = jieba.lcut(question)
    for before, word in zip(["", *tokens], tokens, strict=False):
        noun = next((n for n in re.findall(MONEY_NOUNS, word) if word.endswith(n)), None)
        # Only a benefit is named by its qualifier (生活补贴, 引才奖励); pay and funds are qualified by whose they
        # are (高管年薪, 专项资金), which the passage may say otherwise.
        if noun is None or not any(noun in kin for kin in MONEY_KIN[:2]):
            continue
        # jieba writes 安家补贴 as one word or as 安家 + 补贴; the qualifier is a content word of 2+ characters.
        head = word[: -len(noun)] or (before if len(before) >= 2 and not INTERROGATIVE.search(before) else "")
        if len(head) >= 2 and head not in QUESTION_WORDS and head not in VALUE_WORDS:
            named.append((head, [head + kin for kin in noun_kin({noun})]))
    return named


# The place the assistant serves (settings `deployment.city`, 晋江市): a question to it names its city as the
# setting, not the subject, so it is a weak word. Another place a question names (a document of another city) still
# tells documents apart. Set per answer by the engine (`about_places`); a direct call (compose in a test) has the
# settings' default city.
def place_names(places: Iterable[str]) -> list[str]:
    """'晋江市' -> ['晋江市', '晋江', '晋江县', '晋江区']: how a question may write each place, longest first."""
    bases = [re.sub(r"(?<=..)[市县区]$", "", p) for p in places if p]
    return sorted({name for b in bases for name in (b, f"{b}市", f"{b}县", f"{b}区")}, key=len, reverse=True)


_PLACES: ContextVar[frozenset[str]] = ContextVar(
    "places", default=frozenset(place_names([DeploymentSettings.model_fields["city"].default]))
)


@contextmanager
def about_places(places: Iterable[str]) -> Iterator[None]:
    """Within the block, `places` (however suffixed) are weak words of the questions analysed."""
    token = _PLACES.set(frozenset(place_names(places)))
    try:
        yield
    finally:
        _PLACES.reset(token)


# The alternatives a choice question offers ('按年发还是按季度发', `choices.offered`), while a passage is known to
# state one: they say which answer is wanted, not what the question is about, so they are weak words and no
# subject words (`subject_terms`). Set per answer by `compose` (`offering`).
_OFFERED: ContextVar[tuple[str, ...]] = ContextVar("offered", default=())


@contextmanager
def offering(options: Iterable[str]) -> Iterator[None]:
    """Within the block, the words of `options` are weak words of the questions analysed."""
    token = _OFFERED.set(tuple(options))
    try:
        yield
    finally:
        _OFFERED.reset(token)


def question_terms(question: str) -> dict[str, float]:
    """jieba tokens of the question with a base weight: subject words 1.0, generic words 0.2."""
    terms: dict[str, float] = {}
    tokens = [t for t in _merge_single_chars(jieba.lcut(question)) if t not in QUESTION_WORDS]
    # A plan period (十四五, 十五五, which jieba may cut as 十五/五) says when, not what.
    periods = [m.group(0) for m in PLAN_PERIOD.finditer(question)]
    places, offered = _PLACES.get(), _OFFERED.get()
    for token in tokens:
        if not token or _PUNCT.match(token):
            continue
        if len(token) == 1 and not token.isdigit():
            continue
        weak = (
            token in WEAK_TERMS or token in places or _MODAL_VERB.match(token) or any(token in p for p in periods)
            or _ASKING_PART.search(token)  # '分哪', '几步', '多长': how it is asked, not what
            or any(token in option for option in offered)
        )
        terms[token] = 0.2 if weak else 1.0
    # A tier label ('C类', 'B档', '二级') is the row key of a tier table; jieba cuts its letter off as a stray char.
    for label in _TIER.findall(question):
        terms[label] = 1.5
    # a table's mark ('打★的岗位') picks the rows and the note that carry it
    for mark in set(_MARK.findall(question)):
        terms[mark] = 1.5
    # jieba splits names the plan writes whole (智能装备, 人才集团); the joined pair finds the exact one.
    for left, right in zip(tokens, tokens[1:], strict=False):
        if _ASKING_PART.search(left + right):
            continue
        if terms.get(left, 0) + terms.get(right, 0) >= 1.2 and len(left + right) <= 8:
            terms[left + right] = 1.5
    return terms


def _merge_single_chars(tokens: list[str]) -> list[str]:
    """jieba leaves rare names in single characters (人才之家 -> 人才/之/家); rejoin runs of them."""
    merged: list[str] = []
    run = ""
    for token in (t.strip() for t in tokens):
        if len(token) == 1 and "\u4e00" <= token <= "\u9fff" and token not in "的了吗呢是有和与及在对给我你":
            run += token
            continue
        if len(run) > 1:
            merged.append(run)
        run = ""
        merged.append(token)
    if len(run) > 1:
        merged.append(run)
    return merged


def question_intents(question: str) -> set[str]:
    return {name for name, cue in INTENT_CUES.items() if cue.search(question)}


# What a unit is asked to do ('由谁解释', '哪个部门受理'): a duty other than leading a programme.
# (a duty word naming the thing acted on is no duty asked: '认定申请交给哪个单位' asks who receives the application)
DUTY = re.compile(r"(?:解释|受理|审核|审批|审查|发放|颁发|发证|认定|评审|拨付)(?!申请|材料|证书|结果|条件|标准|名单|表)")
# '证书是哪个部门发' asks who issues it: the duty is 颁发 / 发放 / 核发, whichever the passage writes
ISSUES = re.compile(r"(?:谁|哪个部门|哪个单位|哪家单位|哪里)\S{0,2}发(?![展布挥现生])")
ISSUING = r"颁发|发放|核发|发证|签发"


_FUTURE = re.compile(FUTURE)


_PRESENT = re.compile(PRESENT)


def question_tense(question: str) -> str | None:
    """'future' for a question about a target ('要建到几家'), 'past' for one about the present or baseline."""
    future, past = bool(_FUTURE.search(question)), bool(_PRESENT.search(question))
    return "future" if future and not past else "past" if past and not future else None


INTERROGATIVE = re.compile(r"[哪谁什么怎几多吗呢啥]")


# Words that describe the asked value rather than its subject ('目标数量', '计划', '要提高到多少').
VALUE_WORDS = frozenset(
    "目标 计划 现状 基数 数量 总量 规模 达到 提高 提升 提到 增加 增长 力争 预计 打算 准备 要求 今后 未来 五年 "
    "末 到底 一共 总共 大概 大约 左右 目前 现在 分别 最多 最长 最高 最少 最低 最久 至少 今年 明年 去年 当年 "
    "本年度 每年 每月 每个月 一个月 一年 限制 限定 门槛".split()
)


def subject_terms(question: str) -> tuple[list[str], set[str]]:
    """The question's own subject words, and which of them are runs of single characters rejoined
    (人才之家, but also 后要 from '五年后要达到'). Weak words, joined pairs, words describing the value and words
    that only say what kind of value is asked ('多少钱', '电话', '什么时候') are not the subject."""
    # A plan period names when, not what: '十三五末' must not make '五末' a subject word.
    cues = [ask.cue for ask in ASKS.values()] + [PLAN_PERIOD]
    asked = [m.span() for cue in cues for m in cue.finditer(question)]
    words = set(jieba.lcut(question))
    # how something is done ('直接发', '马上到账', '分别发放') is what a yes/no question asks of its subject, not the
    # subject: the sentence answering it ('须经考核合格后发放') need not write it
    manner = {w for w, flag in pseg.lcut(question) if flag in ("d", "ad")}
    terms = []
    for term, weight in question_terms(question).items():
        at = question.find(term)
        if weight != 1.0 or term in VALUE_WORDS or term in manner:
            continue
        if any(start <= at and at + len(term) <= end for start, end in asked):
            continue
        terms.append(term)
    return terms, {t for t in terms if t not in words}


@dataclass(frozen=True)
class QuestionAnalysis:
    """A question analysed once: the cues that fire, the kinds of value asked, its tense and the years it names.
    Routing decides from it; `subject_words` says what the question is about."""

    text: str
    cues: frozenset[str]
    intents: frozenset[str]
    kinds: tuple[str, ...]
    tense: str | None
    years: tuple[str, ...]
    whole_periods: tuple[str, ...]
    before_years: tuple[str, ...]

    def has(self, *cues: str) -> bool:
        return any(c in self.cues for c in cues)


# 'X年底前', 'X年以前': what was done by a year, not what is aimed at for it.
_BY_YEAR = re.compile(r"((?:19|20)\d\d)\s*年(?:底|末)?(?:前|以前|之前)")


def analyse(question: str) -> QuestionAnalysis:
    """The cues of `question` (`vocabulary.CUES`), its intents, asked kinds, tense and years: the years it writes
    and the last year of each five-year plan period it names ('十三五末' -> 2020); a period named whole
    ('十三五期间') is `whole_periods`, a count of what was done in it."""
    periods = [(plan_period_end(m.group(0)), m.group(2)) for m in PLAN_PERIOD.finditer(question)]
    years = YEAR_ASKED.findall(question) + [end for end, tail in periods if end and tail == "末"]
    cues = {name for name, cue in CUES.items() if cue.search(question)}
    if ASKS_BODY.search(question):  # '…的事找哪个局' asks who is responsible, as '谁负责' does
        cues |= {"lead", "asks_who"}
    if ASKS_LIKE.search(question):  # '建成啥样' asks what is built, not when ('建成' is also a cue of a period)
        cues.add("asks_content")
    return QuestionAnalysis(
        text=question,
        cues=frozenset(cues),
        intents=frozenset(question_intents(question)),
        kinds=tuple(asked_kinds(question)),
        tense=question_tense(question),
        years=tuple(dict.fromkeys(years)),
        whole_periods=tuple(end for end, tail in periods if end and tail != "末"),
        before_years=tuple(_BY_YEAR.findall(question)),
    )


_SUBJECT_CUES = tuple(CUES[c] for c in ("lead", "period", "present", "target", "amount", "define", "needs",
                                         "content", "list", "done"))


def subject_words(question: str, drop: list[str] | tuple[str, ...] = ()) -> str:
    """The question without its cue words (who/when/how many/target…), fillers, plan periods, the statements
    around it and the words in `drop` (lead units, the documents' places and years): what it is about."""
    text = STATEMENT.sub(" ", question) if STATEMENT.sub("", question).strip() else question
    for word in sorted(drop, key=len, reverse=True):
        text = text.replace(word, " ")
    text = COUNTED.sub(" ", text)
    text = PLAN_PERIOD.sub(" ", text)
    for pattern in (*_SUBJECT_CUES, FILLER):
        text = pattern.sub(" ", text)
    return text


def missing_aspect(question: str, quote: str) -> bool:
    """True when the question asks about an aspect (money, phone, address, area, deadline …) the quote never
    mentions: then the quote's figures would answer a different question."""
    return any(any(w in question for w in words) and not any(w in quote for w in words) for words in ASPECTS)
