"""Question routing: what is asked (intent) and about which facts.

    route(question, index) -> Route

Intents: lead_unit (谁牵头), target (2025年/目标), baseline (2020年/现状), period (实施年限/哪几年), list_by_unit
(人社局牵头哪些…), definition (…指什么), industry_needs (…产业需要什么人才), content (…主要做什么), none (let
retrieval answer). The intent comes from cue words plus the kind of thing the question names: a question that
names a defined term is a definition question even when it reads "是多少份"; a 2020/2025 question that names no
indicator or programme is routed to none. Route.facts holds the facts to answer from, best first; when
several items fit almost equally, all of them are kept so the answer can address each.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.ask.entities import EntityIndex
from assistant.ask.entity_names import entity_key
from assistant.ask.name_coverage import near_miss, uncovered_terms
from assistant.core.types import Fact

Intent = Literal[
    "lead_unit",
    "target",
    "baseline",
    "period",
    "list_by_unit",
    "definition",
    "industry_needs",
    "content",
    "none",
]

_LEAD = re.compile(
    r"牵头|负责|主管|谁管|在管|由谁|归谁|哪个部门|哪个单位|哪家单位|责任单位|哪些单位|哪些部门|谁来管|找谁"
)
_PERIOD = re.compile(
    r"实施年限|哪几年|哪一年|哪年|什么时候|何时|多久|期限|时间|年限|起止|开始|完成|建成|截止"
)
_BASELINE = re.compile(r"2020|现状|基数|基础值|目前|现在|现有|十三五末|原来|原有|当时|已有")
_TARGET = re.compile(
    r"2025|目标|达到|要到|计划|十四五末|十四五”末|力争|五年后|将来|未来|要新增|新增|提升到|提到|预期"
)
_AMOUNT = re.compile(r"多少|几家|几个|几名|几人|几件|比例|比重|覆盖率|数量|规模|总量|人数")
_DEFINE = re.compile(
    r"指的是|是指|指什么|是什么|什么意思|含义|意思|包括哪|包含哪|涉及什么|都涉及|哪几个|哪六个|哪四个|哪三个|哪些"
)
_NEEDS = re.compile(r"人才需求|需要什么|需要哪些|缺什么|紧缺|急需|需求")
_CONTENT = re.compile(r"内容|做什么|干什么|主要做|有哪些措施|措施|怎么做|具体")
_LIST = re.compile(r"哪些|哪几|几个|几项|多少个|多少项|列出|都有|清单|分别是")
_ASKS_CONTENT = re.compile(r"做什么|干什么|主要内容|具体内容|什么内容|哪些内容|包括什么|有哪些措施")
_ASKS_WHO = re.compile(r"谁牵头|谁负责|哪个部门|哪个单位|哪些单位|哪些部门|归谁")
# Aspects a fact must mention to answer a question about them: "硕士每月补贴多少" is not answered by the
# 硕士 headcount target. Each group lists words that count as the same aspect.
_ASPECTS = (
    ("补贴", "补助", "津贴", "奖励", "奖金", "资助", "经费", "资金", "多少钱", "元"),
    # A person's pay is not an institution's funding: 3万元 per 工作站 does not answer 引才大使的报酬.
    ("报酬", "薪酬", "酬劳", "工资", "薪水", "年薪", "月薪"),
    ("电话", "热线", "联系方式"),
    ("地址", "在哪", "地点", "位置"),
    ("面积", "平方米", "亩", "占地", "用地"),
    ("申报", "申请", "报名", "截止"),
    ("积分",),
    ("入驻",),
    ("条件", "资格", "门槛"),
)
# A count of what was done (十三五 achievements) is never answered by a 2025 target.
_PAST = re.compile(r"十三五(?!末)|累计|已建成|已经|此前|过去|以前|以来|至今|2020年底前")
# Words that say what kind of answer is wanted, not what it is about: removed before checking that the fact's
# name covers the question's subject words.
_FILLER = re.compile(
    r"晋江市?|我市|全市|政策|规划|方面|领域|相关|有关|情况|一下|介绍|请问|怎么样|怎样|如何|为什么|可以|能够|"
    r"应该|需要|打算|准备|进行|开展|实施|推进|推动|引进|培育|培养|提供|支持|要求|规定|方案|文件|"
    r"十四五|十三五|期间|时期|末|底|年底|年|月|每年|每个|一共|总共|共|分别|大概|大约|左右|以上|主要|重点|"
    r"工作|任务|举措|这个|那个|这项|那项|这块|这一块|该|部门|单位|局|人员|行业|产业|是不是|只有|一家|单独|"
    r"里面|里|会|出台|印发|发布|制定|工程|项目|平台|建设|行动"
)
# 多少家 / 几个 / 多少万: the measure word belongs to the question word.
_COUNTED = re.compile(r"(?:多少|几)(?:家|个|名|人|项|所|套|位|次|份|批|万|亿)?")
# A sentence that asks nothing (我想咨询…的事。) is context: its words need not be covered by the fact.
_STATEMENT = re.compile(r"[^？?！!。；;]*[。！!]")
_YEAR = re.compile(r"(20\d\d)\s*年?")
_GROUPS = ("重点工程", "重点项目", "重点平台", "重点政策")

# Minimum resolution score to answer from a fact; below it the question goes to retrieval.
_MIN_SCORE = 0.55
# Items within this fraction of the best score are "equally good": the answer addresses each.
_TIE = 0.93


class Route(BaseModel):
    """What a question asks and which facts answer it."""

    model_config = ConfigDict(frozen=True)

    intent: Intent
    facts: list[Fact] = Field(default_factory=list, description="Facts to answer from, best first")
    unit: str | None = Field(None, description="Lead unit named in a list question")
    score: float = Field(0.0, ge=0.0, le=1.0, description="How surely the facts are what was asked")
    groups: list[str] = Field(default_factory=list, description="清单 kinds a list question is limited to")
    year: str | None = Field(
        None, description="Year a period list question filters on (开始/结束 in that year)"
    )
    question: str = ""


def route(question: str, index: EntityIndex) -> Route:
    """Decide how to answer `question` from the facts in `index`."""
    q = question.strip()
    key = entity_key(q)
    groups = [g for g in _GROUPS if g in key or g[2:] + "清单" in key]
    none = Route(intent="none", question=q)

    units = index.find_units(q)
    if units and _LIST.search(q) and _LEAD.search(q):
        return _list_by_unit(q, index, units[0], groups)
    if (year := _YEAR.search(q)) and _LIST.search(q) and re.search(r"开始|启动|结束|完成|截止", q):
        return _list_by_year(q, index, year.group(1), groups)

    ranked = index.resolve(q)
    if not ranked:
        return none
    best_fact, best_score = ranked[0]

    if _ASKS_CONTENT.search(q) and not _ASKS_WHO.search(q):
        return _pick(q, units, "content", index.resolve(q, kinds={"programme"}))
    if _LEAD.search(q):
        return _pick(q, units, "lead_unit", index.resolve(q, kinds={"programme"}))
    if _NEEDS.search(q) and (needs := index.resolve(q, kinds={"industry_need"})):
        return _pick(q, units, "industry_needs", needs)
    if best_fact.kind == "definition" and best_score >= 0.75:
        return _pick(q, units, "definition", [r for r in ranked if r[0].kind == "definition"])
    if _PERIOD.search(q) and not _AMOUNT.search(q):
        return _pick(q, units, "period", index.resolve(q, kinds={"programme"}))
    if _DEFINE.search(q) and (defs := index.resolve(q, kinds={"definition"})) and defs[0][1] >= _MIN_SCORE:
        return _pick(q, units, "definition", defs)
    past = bool(_PAST.search(q))
    if (_BASELINE.search(q) or past) and not re.search(r"2025|十四五末|目标", q):
        return _pick(
            q, units, "baseline", [r for r in index.resolve(q, kinds={"indicator"}) if r[0].baseline]
        )
    if (_TARGET.search(q) or _AMOUNT.search(q)) and not past:
        return _pick(q, units, "target", index.resolve(q, kinds={"indicator", "programme"}))
    if _CONTENT.search(q):
        return _pick(q, units, "content", index.resolve(q, kinds={"programme"}))
    if best_fact.kind == "industry_need" and best_score >= 0.75:
        return _pick(q, units, "industry_needs", [r for r in ranked if r[0].kind == "industry_need"])
    return none


def _pick(q: str, units: list[str], intent: Intent, ranked: list[tuple[Fact, float]]) -> Route:
    if intent in ("target", "baseline"):
        # '到2030年…' is not answered by the 2025 target: a year the question names must be the fact's own.
        asked = set(re.findall(r"(?:19|20)\d\d", q))
        ranked = [r for r in ranked if r[0].kind != "indicator" or _states_years(r[0], asked)]
    if not ranked or ranked[0][1] < _MIN_SCORE:
        return Route(intent="none", question=q, score=ranked[0][1] if ranked else 0.0)
    top = ranked[0][1]
    chosen: list[Fact] = []
    for fact, s in ranked[:4]:
        # One answer per thing: the 表1 row stands for the prose sentence restating its target.
        if s >= top * _TIE and all(
            (f.kind, entity_key(f.name)) != (fact.kind, entity_key(fact.name)) for f in chosen
        ):
            chosen.append(fact)
    subject = subject_words(q, units)
    chosen = [f for f in chosen[:3] if not near_miss(q, f)]
    chosen = [f for f in chosen if _covers_subject(subject, f, chosen)]
    if intent != "lead_unit":
        chosen = [f for f in chosen if _covers_aspects(q, f)]

    if not chosen:
        return Route(intent="none", question=q, score=top)
    return Route(intent=intent, facts=chosen, score=min(1.0, top), question=q)


def _states_years(fact: Fact, years: set[str]) -> bool:
    """The fact is of every year asked: its target or baseline year, or, for a sentence, years its quote writes."""
    if years <= {fact.target_year, fact.baseline_year}:
        return True
    quote = re.sub(r"\s+", "", fact.quote)
    return fact.target_year is None and all(y in quote for y in years)


_CUES = (_LEAD, _PERIOD, _BASELINE, _TARGET, _AMOUNT, _DEFINE, _NEEDS, _CONTENT, _LIST, _PAST, _FILLER)


def subject_words(q: str, units: list[str] | None = None) -> str:
    """The question without its cue words (who/when/how many/target…), lead units, fillers and statements
    around it: what it is about."""
    text = _STATEMENT.sub(" ", q) if _STATEMENT.sub("", q).strip() else q
    for unit in units or []:
        text = text.replace(unit, " ")
    text = _COUNTED.sub(" ", text)
    for pattern in _CUES:
        text = pattern.sub(" ", text)
    return text


def _programmes(index: EntityIndex, groups: list[str]) -> list[Fact]:
    return [f for f in index.facts if f.kind == "programme" and (not groups or f.group in groups)]


def _list_by_unit(q: str, index: EntityIndex, unit: str, groups: list[str]) -> Route:
    facts = [f for f in _programmes(index, groups) if unit in f.lead_units]
    return Route(
        intent="list_by_unit", facts=facts, unit=unit, groups=groups, score=0.9 if facts else 0.5, question=q
    )


def _list_by_year(q: str, index: EntityIndex, year: str, groups: list[str]) -> Route:
    at_end = bool(re.search(r"结束|完成|截止", q))
    facts = []
    for fact in _programmes(index, groups):
        years = re.findall(r"20\d\d", fact.period or "")
        if years and (years[-1] if at_end else years[0]) == year:
            facts.append(fact)
    return Route(
        intent="period", facts=facts, groups=groups, year=year, score=0.9 if facts else 0.5, question=q
    )


def _covers_subject(subject: str, fact: Fact, chosen: list[Fact]) -> bool:
    """True when every subject word of the question is the fact's, or belongs to another item the question
    names alongside it (回归工程和汇智工程: 汇智 is the other item's word)."""
    others = [f for f in chosen if f is not fact]
    return all(
        any(not uncovered_terms(term, other) for other in others) for term in uncovered_terms(subject, fact)
    )


def _covers_aspects(q: str, fact: Fact) -> bool:
    """False when the question asks about an aspect (money, phone, address, area, deadline) the fact never
    mentions: then the fact's figures would answer a different question."""
    for words in _ASPECTS:
        if any(w in q for w in words) and not any(w in fact.quote for w in words):
            return False
    return True
