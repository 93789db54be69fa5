"""The one cue vocabulary of Chinese policy questions: how a question asks who, when, how many, what for, and
the words that only frame it. Question analysis (`assistant.ask.analysis`), routing and composing read these.

    CUES["lead"].search("领跑工程由哪个部门负责？")        a responsibility word
    plan_period_end("“十四五”末") -> "2025"                  a five-year plan period names years, not a subject

Contract:
- One pattern per concept, written as policy language in general says it; nothing names one document's items,
  years, periods or place. Years a document states (its baseline and target years) come from its facts.
- `CUES` holds what routing tells apart; `INTENT_CUES` (in analysis) what composing tells apart. Where both
  need a concept it is defined here once (`WHEN`, `PRESENT`, `FUTURE`).
"""

from __future__ import annotations

import re

from assistant.text.values import YEAR

# Asking when (哪年、什么时候、期限): a programme's period or a value's time. 截止 is not here: in policy language
# it is a deadline (申报截止), which `ASKS["deadline"]` asks for.
WHEN = r"哪年|哪一年|哪几年|哪几个?月|哪个月|几月份|哪些月份|何时|什么时候|啥时候|啥时|年限|期限|时间|周期|多久|多长时间"

# The present or the baseline (现状、目前): what is, not what is aimed at.
PRESENT = r"现状|基数|基础值|目前|现在|现有|原来|原有|当时|已有|已经|过去|之前|以前|此前"

# An aim (目标、力争、到…达到): what a plan means to reach. `FUTURE` adds the modal words of any future.
TARGET = r"目标|达到|要到|计划|力争|五年后|将来|未来|要新增|新增|提升到|提到|预期"
FUTURE = rf"{TARGET}|要|将|打算|预计|建到|做到|提高到"

# A five-year plan period (十三五, “十四五”末 …): names a span of years. 十N五 ends in 1955 + 5N (十四五 -> 2025).
PLAN_PERIOD = re.compile(r"[“\"]?十([一二三四五六七八九])五[”\"]?(末|期间|时期|以来|初)?")
# The end of a plan period ('“十四五”末'): a point in time, as a year is.
PERIOD_END = r"[“\"]?十[一二三四五六七八九]五[”\"]?末"
_DIGITS = "一二三四五六七八九"


def plan_period_end(text: str) -> str | None:
    """The last year of the five-year plan period `text` names ('十三五末' -> '2020'), else None."""
    m = PLAN_PERIOD.search(text)
    return str(1955 + 5 * (10 + _DIGITS.index(m.group(1)) + 1)) if m else None


# A year as a question writes it (2025年, 2030).
YEAR_ASKED = YEAR

# A clause asks something when it has a question word ('我是博士' asks nothing; '补贴多少' does).
ASKING = r"谁|哪|什么|啥|多少|几[个家名项次年月天]|怎么|怎样|如何|是否|能否|有没有|能不能|可不可以|多大|多久|多长"

CUES: dict[str, re.Pattern[str]] = {
    # Responsibility words: who leads, manages or answers for an item.
    "lead": re.compile(
        r"牵头|负责|主管|谁管|在管|由谁|归谁|哪个部门|哪个单位|哪家单位|责任单位|哪些单位|哪些部门|谁来管|找谁"
    ),
    # Asking for the body responsible (narrower than a responsibility word).
    "asks_who": re.compile(r"谁牵头|谁负责|哪个部门|哪个单位|哪些单位|哪些部门|归谁"),
    "period": re.compile(rf"实施年限|{WHEN}|起止|开始|完成|建成"),
    "present": re.compile(PRESENT),
    "target": re.compile(TARGET),
    # A count of what was done (累计、已建成): never answered by a target.
    "done": re.compile(r"累计|已建成|已经|此前|过去|以前|以来|至今"),
    "amount": re.compile(r"多少|几家|几个|几名|几人|几件|比例|比重|覆盖率|数量|规模|总量|人数"),
    "define": re.compile(
        r"指的是|是指|指什么|是什么|什么意思|含义|意思|包括哪|包含哪|涉及什么|都涉及|哪几个|哪[一二三四五六七八九十]个|哪些"
    ),
    "needs": re.compile(r"人才需求|需要什么|需要哪些|缺什么|紧缺|急需|需求"),
    "content": re.compile(r"内容|做什么|干什么|主要做|有哪些措施|措施|怎么做|具体"),
    "asks_content": re.compile(r"做什么|干什么|主要内容|具体内容|什么内容|哪些内容|包括什么|有哪些措施"),
    "list": re.compile(r"哪些|哪几|几个|几项|多少个|多少项|列出|都有|清单|分别是"),
    # When an item starts or ends (a list of what starts in a year); 截止 of a period is its end.
    "starts": re.compile(r"开始|启动|结束|完成|截止"),
    "ends": re.compile(r"结束|完成|截止"),
}

# Aspects a fact must mention to answer a question about them: "硕士每月补贴多少" is not answered by the
# 硕士 headcount target. Each group lists words that count as the same aspect.
ASPECTS = (
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

# Words that say what kind of answer is wanted, not what it is about; the place a document is about is added
# from its title. Removed before checking that a fact's name covers the question's subject words.
FILLER = re.compile(
    r"我市|全市|本市|政策|规划|方面|领域|相关|有关|情况|一下|介绍|请问|怎么样|怎样|如何|为什么|可以|能够|"
    r"应该|需要|打算|准备|进行|开展|实施|推进|推动|引进|培育|培养|提供|支持|要求|规定|方案|文件|"
    r"期间|时期|末|底|年底|年|月|每年|每个|一共|总共|共|分别|大概|大约|左右|以上|主要|重点|"
    r"工作|任务|举措|这个|那个|这项|那项|这块|这一块|该|部门|单位|局|人员|行业|产业|是不是|只有|一家|单独|"
    r"里面|里|会|出台|印发|发布|制定|工程|项目|平台|建设|行动"
)
# 多少家 / 几个 / 多少万: the measure word belongs to the question word.
COUNTED = re.compile(r"(?:多少|几)(?:家|个|名|人|项|所|套|位|次|份|批|万|亿)?")
# A sentence that asks nothing (我想咨询…的事。) is context: its words need not be covered by a fact.
STATEMENT = re.compile(r"[^？?！!。；;]*[。！!]")
