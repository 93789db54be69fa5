"""Question analysis: what a question asks for and about what, shared by composing, follow-ups and compound
questions.

    asked_kinds("博士生活补贴每月多少？") -> ["money", "quantity"]    the kinds of value asked, rare kinds first
    subject_terms(question) -> (terms, rejoined)                      what it is about, without the asking words
    question_terms(question) -> {term: weight}                        jieba terms, subject 1.0, generic 0.2
    asked_measure("审核要几个工作日") -> "工作日"; question_tense("要建到几家") -> "future"
    analyse("“十三五”末有几家？") -> QuestionAnalysis(cues, intents, kinds, tense, years=("2020",), …)   for routing
    subject_words(question, drop=units) -> the question without cue words, fillers and plan periods

Contract:
- A kind of value (`ASKS`) has a cue (how a question asks it), a value pattern (how a sentence states it) and the
  words a refusal names it with. The cues and values are Chinese policy language, not any one document's words.
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
    "number": re.compile(r"多少|(?<![哪好])几[个家名人项所年次支万]|几$|多大|多高|面积|规模|比例|比重|数量|人数|达到|什么目标"),
    "who": re.compile(rf"谁|{ASKS_BODY.pattern}|什么单位|牵头单位[是有]|由哪个|负责单位"),
    "when": re.compile(WHEN),
    "definition": re.compile(r"什么是|指什么|指的是|是什么意思|什么意思|含义|是指|包括哪"),
    # '哪几个月' asks when, not for a list
    "list": re.compile(r"哪些(?!月份)|哪几(?!个?[年月天日号])|包括|有什么|什么样"),
    "needs": re.compile(r"(?:需要|缺|紧缺|急需|引进|招|培养|培育)\S{0,4}(?:什么|哪些|哪方面|哪类|哪几类)\S{0,5}人才|人才需求"),
    "broad": re.compile(r"什么支持|怎么说|做什么|干什么|哪些措施|什么措施|什么政策|哪些政策|怎么做|如何做|有什么|什么人才"),
}


@dataclass(frozen=True)
class _Ask:
    """A kind of value a question can ask for: how the question asks it, how a sentence states it, and how a
    refusal names it (in words the fidelity checker cannot take for a unit name: nothing ending in 办, 联 …).
    `rare` kinds are what a plan seldom holds (money, phone …): a user must never get a guess at them."""

    cue: re.Pattern[str]
    value: re.Pattern[str]
    what: str
    rare: bool = True
    # whether no passage stating it means the documents do not answer; a condition is stated in too many ways
    # (a list of items, a clause of another sentence) for its absence to be that sign
    decisive: bool = True
    # how a table column or a list's introduction names this kind of value ('申报材料', '应当提交下列材料：')
    label: re.Pattern[str] | None = None


def _ask(cue: str, value: str, what: str, label: str | None = None) -> _Ask:
    return _Ask(re.compile(cue), re.compile(value), what, label=re.compile(label) if label else None)


MONEY_NOUNS = "补贴|补助|奖励|奖金|资助|经费|津贴|资金|安家费|薪酬|工资|薪资|月薪|年薪|费用|租金|房租|学费|报酬"


# Money nouns of one kind: a subsidy is asked as 补助 and written 补贴; a person's pay is not an institution's fund.
MONEY_KIN = (
    frozenset("补贴 补助 津贴 资助 安家费".split()),
    frozenset("奖励 奖金".split()),
    frozenset("报酬 薪酬 工资 薪资 月薪 年薪".split()),
    frozenset("经费 资金 费用".split()),
)


def noun_kin(nouns: set[str]) -> set[str]:
    return set(nouns).union(*(kin for kin in MONEY_KIN if kin & nouns))


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


NUMBER = r"(?:\d[\d.,]*|[一二两三四五六七八九十百千]+)"


# What a person goes somewhere to do as a learner or on secondment.
_HOSTED = r"[里儿]?\S{0,1}(?:进修|学习|培训|轮训|研修|深造|交流|挂职|实习|跟岗)"


ASKS: dict[str, _Ask] = {
    "money": _ask(
        rf"多少钱|多少元|金额|(?:多少|几|标准|给多少|发多少|多高)\S{{0,4}}(?:{MONEY_NOUNS})|(?:{MONEY_NOUNS})\S{{0,4}}(?:多少|几(?![年月天日次期档个号])|标准|多高)"
        # a subsidy's or award's verb alone ('买房补多少', '引进一个硕士奖多少'), not a count ('补多少人')
        r"|[补奖]贴?多少(?![人名个家项次年天月])",
        # a sum, or a share of a named base ('按市场租金的50%缴纳', '上浮20%')
        r"\d[\d.,，]*\s*[万亿千百]?\s*元|(?:[按以][^，。；]{1,12}的|上浮|下浮|提高|增加)\s*\d+(?:\.\d+)?\s*[%％]"
        # a benefit's share ('补贴比例提高到70%')
        r"|比例\S{0,4}?\d+(?:\.\d+)?\s*[%％]",
        "具体的金额标准", label=r"金额|标准|额度|数额"),
    # A number to call (or write to: '联系方式' is answered by an e-mail too); a web address and an e-mail are kinds
    # of their own — a phone number does not answer '网址是什么'.
    "phone": _ask(r"电话|号码|联系方式|热线是|怎么联系|公众号|微信号",
                  r"\d{3,4}\s*-\s*\d{7,8}|1\d{10}|\d{8}|@", "电话号码", label=r"电话|联系方式"),
    "web": _ask(r"网址|网站是|[哪什][个么]网站|官网|网页|链接|(?:哪里|哪儿|在哪)\S{0,2}下载",
                r"https?://|www\.|[A-Za-z0-9-]+\.(?:gov|com|org|net|edu)?\.?cn\b|[A-Za-z0-9-]+\.(?:com|org|net)\b",
                "网址"),
    # Which website something is on ('名单在哪个网站公示'): a site the passage names ('桐原市人民政府网站'), not
    # necessarily its address; '网址是什么' and '在哪个网站下载' still ask the address (`web`).
    "site": _ask(r"(?:[哪什][个么]网站|哪个网(?!址)|什么网(?!址)|哪个平台|什么平台)(?!\S{0,4}下载)",
                 r"[\u4e00-\u9fff“”]{2,20}(?:网站|官网|网|平台)(?![址点])", "具体的网站或平台"),
    "email": _ask(r"邮箱|邮件|(?i:e-?mail)", r"[\w.+-]+@[\w-]+\.[\w.]+", "电子邮箱"),
    # Where a person is sent to learn or serve ('派到哪里进修', '去哪儿挂职') asks the host the passage names (a hospital,
    # a university), not a street address.
    "address": _ask(rf"(?:地址|在哪里|在哪儿|在什么地方|位置在|具体位置|怎么去|在哪个位置|哪条[路街]|什么[路街]上|门牌"
                    rf"|[送交到去打]\S{{0,2}}哪(?![些个几类种一样位家])|在哪办)(?!{_HOSTED})",
                    # a place, or where money is paid to (an account is the 'where' of a payment)
                    r"位于|地址|坐落|选址|设在|[路街巷道]\s*\d+\s*号|\d+\s*号窗口|\d+\s*[楼层]|账户|银行卡|社会保障卡"
                    # a named online place to apply ('登录“澄岭科创通”平台', '通过“X人才网”')
                    r"|(?:登录|通过|进入)\s*“[^”]{2,16}”",
                    "具体地址", label=r"地址|地点|受理(?:部门|单位|窗口|机构)|办理(?:部门|地点|窗口)"),
    "hours": _ask(r"几点|上班时间|办公时间|开放时间|营业时间|工作时间|周末|周[六日]|星期[六日天]|节假日|上不上班|开门|关门",
                  r"\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*点|工作日|上班时间|办公时间|开放时间", "开放或上班时间"),
    "deadline": _ask(r"截止|(?:什么|啥)时候(?:开始|能|可以)?(?:申报|申请|报名|报|受理)|申报时间|报名时间|哪天|几号|几月"
                     r"|什么时候公布|何时公布",
                     # a date, or a window as policies state one: '常年受理', '每季度第一个月的1日至15日', '每月10日前'
                     r"截止|\d{1,2}\s*月\s*\d{1,2}\s*日|申报时间|报名时间|常年受理|随时(?:受理|申报|申请)"
                     r"|每(?:年|季度|月)\S{0,8}(?:受理|申报|申请)|\d{1,2}\s*日\s*[至到—-]\s*\d{1,2}\s*日"
                     r"|\d{1,2}\s*日(?:前|之前|以前)",
                     "具体的申报或截止时间"),
    # (an objection to a result asks how to object: '对评审结果有意见怎么反映')
    "evaluation": _ask(r"(?:评估|考核|评价|评审|评选)结果(?!\S{0,2}(?:有意见|有异议|不服|不满))|完成了多少|完成情况|完成得怎么样|完成率|效果怎么样|排第几|排名",
                       r"评估结果|考核结果|完成率|已完成|已达到|超额完成", "评估或完成情况的结果"),
    "processing": _ask(r"(?:办理|审批|评审|审核|受理|办结|认定|发放|到账|批下来|办下来)\S{0,6}(?:多久|多长时间|几天|几个工作日)"
                       r"|(?:多久|多长时间|几天)\S{0,3}(?:办|批|审|下来|到账)",
                       r"\d+\s*个?(?:工作日|天|日内)|时限|办结", "具体的审批时限", label=r"时限|办结时间|办理时间"),
    "procedure": _ask(r"(?:什么|哪些|要|需要|准备|带|交|提供|提交)\S{0,3}(?:材料|证明|证件)|材料\S{0,3}(?:有哪些|是什么|包括)"
                      r"|(?:带|准备|提交|提供)(?:什么|哪些|啥)(?!时候)"
                      r"|手续|流程|步骤|怎么办理|如何办理|办理程序|在哪办|去哪[里儿]?办|怎么申请|如何申请",
                      r"提交|提供|携带|材料|手续|证件|流程|办理|申请|申报", "具体需要的材料和手续",
                      label=r"材料|手续|流程|程序|步骤|证件"),
    "consequence": _ask(r"骗|造假|弄虚作假|违规|违反|被发现|被查|怎么处理|如何处理|处罚|后果|会怎样|会怎么样"
                        r"|要退|退不退|要不要退|退回|退还|收回|追回",  # '钱要退吗' asks whether it is clawed back
                        r"追回|取消|不得|处罚|追究|撤销|退回|收回|停止发放|停拨|停止拨付|终止|暂停|列入", "违规的处理办法"),
    # Where a person is sent to learn or serve: a host the passage names ('以上海市第六人民医院…合作', '赴先进地区').
    "host": _ask(rf"(?:[送派到去赴]\S{{0,2}}哪|在哪)(?={_HOSTED})",
                 r"[\u4e00-\u9fff（）()]{2,}(?:医院|大学|学院|研究院|研究所|院校|高校|企业|集团|基地)|赴[\u4e00-\u9fff]{2,}",
                 "具体的去处"),
    # The document a policy is made under ('依据哪个文件', '政策依据是什么'): '根据《…》（文号）'.
    "basis": _ask(r"(?:依据|根据|依照|按照)(?:的是)?(?:哪个|什么|哪份|哪些|啥)(?:文件|政策|办法|规定)|政策依据|上位(?:文件|政策)",
                  r"(?:根据|依据|依照)\s*《", "所依据的文件"),
    "age": _ask(r"年龄|年纪|多大岁数|几岁|多少岁|岁数", r"\d+\s*周?岁|年龄不限|不受年龄限制", "年龄要求"),
    "validity": _ask(r"有效期|有效多久|管几年|有效几年|多久失效|什么时候失效|过期",
                     r"有效期|有效至|\d+\s*年内有效", "有效期"),
    "effective": _ask(r"施行|生效|开始执行|开始实施|开始用|起执行|哪天起|什么时候起",
                      r"施行|生效|起执行|起实施", "施行日期"),
    # Values a plan does hold (targets, periods); asked about a subject no such sentence mentions, still refused.
    "quantity": _Ask(INTENT_CUES["number"], re.compile(rf"\d|{NUMBER}[大个家所名项支批类]"), "这方面的具体数字", False),
    # A condition or requirement ('有什么要求', '哪些人可以申请'): stated in the language of rules.
    "condition": _Ask(
        re.compile(r"条件|要求|资格|门槛|(?:哪些|什么)人(?:可以|能)|谁(?:可以|能)(?:申请|申报|享受|领)|够格|符合"
                   r"|(?:哪些|哪类|哪种|什么样的?)\S{0,4}(?:可以|能)(?:申请|申报|享受|领|报)"),
        re.compile(r"须|需|应当|必须|不得|不超过|不低于|不少于|以上|以下|以内|满\s*\d|年满|周岁|具有|具备|取得|持有|"
                   r"符合|不限|之一|限于"),
        "具体条件", rare=False, decisive=False, label=re.compile(r"条件|要求|对象|资格|范围")),
    "time": _Ask(INTENT_CUES["when"], re.compile(rf"{values.YEAR.pattern}|\d+\s*(?:个月|月|年|天|日|个?工作日)|[到至]\s*\d|年内|每年"),
                 "这方面的时间", False),
}


# A question that names its measure ('几个工作日', '多少间') is answered only by a figure in that measure. The
# measure must be a word of its own: '几个人才之家' counts 人才之家, not people.
MEASURE_UNITS = {
    "工作日": "工作日|天|日", "天": "工作日|天|日", "小时": "小时", "分钟": "分钟", "周": "周|星期", "星期": "周|星期",
    "人次": "人次", "次": "次", "篇": "篇", "步": "步", "分": "分", "元": "元", "块": "元", "亩": "亩",
    "平方米": "平方米", "人": "人|名|位", "名": "人|名|位", "位": "人|名|位", "家": "家|所|个", "所": "所|家|个",
    "间": "间", "项": "项|个", "件": "件", "倍": "倍", "个月": "个月|月", "年": "年",
}


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


def question_terms(question: str) -> dict[str, float]:
    """jieba tokens of the question with a base weight: subject words 1.0, generic words 0.2."""
    terms: dict[str, float] = {}
    tokens = [t for t in _merge_single_chars(jieba.lcut(question)) if t not in QUESTION_WORDS]
    # A plan period (十四五, 十五五, which jieba may cut as 十五/五) says when, not what.
    periods = [m.group(0) for m in PLAN_PERIOD.finditer(question)]
    places = _PLACES.get()
    for token in tokens:
        if not token or _PUNCT.match(token):
            continue
        if len(token) == 1 and not token.isdigit():
            continue
        weak = (
            token in WEAK_TERMS or token in places or _MODAL_VERB.match(token) or any(token in p for p in periods)
            or _ASKING_PART.search(token)  # '分哪', '几步', '多长': how it is asked, not what
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


# A narrower kind wins over the broader one its cue also fires ('有效期多久' asks a validity, not a processing time).
_NARROWER = {
    "validity": ("processing", "time", "deadline"),
    "site": ("web", "address"),  # '在哪个网站公示' names a site; it asks no address
    "effective": ("deadline", "time"),
    "age": ("quantity",),
    "processing": ("time",),  # '多久能审完' asks a processing time, which '15个工作日内' states
    # '补贴方面有疑问，联系电话是多少' asks a number to call, not an amount — unless another clause asks the amount
    # ('安家补贴多少钱，咨询电话多少')
    "phone": ("money", "quantity"),
    "web": ("money", "quantity"),
    "email": ("money", "quantity"),
    "deadline": ("age",),  # '年龄按哪天算' asks a date; the age is what the date is of
}
_CLAUSES = re.compile(r"[，,？?；;。！!]")


# What a unit is asked to do ('由谁解释', '哪个部门受理'): a duty other than leading a programme.
DUTY = re.compile(r"解释|受理|审核|审批|审查|发放|颁发|发证|认定|评审|拨付")
# '证书是哪个部门发' asks who issues it: the duty is 颁发 / 发放 / 核发, whichever the passage writes
ISSUES = re.compile(r"(?:谁|哪个部门|哪个单位|哪家单位|哪里)\S{0,2}发(?![展布挥现生])")
ISSUING = r"颁发|发放|核发|发证|签发"


def asked_kinds(question: str) -> list[str]:
    """Kinds of value the question asks for (money, phone, …, quantity, time), rare kinds first."""
    kinds = [name for name, ask in ASKS.items() if ask.cue.search(question)]
    for narrow, broader in _NARROWER.items():
        if narrow not in kinds:
            continue
        # a broader kind a clause of its own asks stays asked
        others = [c for c in _CLAUSES.split(question) if c and not ASKS[narrow].cue.search(c)]
        kinds = [k for k in kinds if k not in broader or any(ASKS[k].cue.search(c) for c in others)]
    return sorted(kinds, key=lambda k: not ASKS[k].rare)


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
    terms = []
    for term, weight in question_terms(question).items():
        at = question.find(term)
        if weight != 1.0 or term in VALUE_WORDS:
            continue
        if any(start <= at and at + len(term) <= end for start, end in asked):
            continue
        terms.append(term)
    return terms, {t for t in terms if t not in words}


def asked_measure(question: str) -> str | None:
    tokens = jieba.lcut(question)
    if not tokens:  # nothing but punctuation or spaces
        return None
    for token, after in zip(tokens, tokens[1:] + [""], strict=True):
        if token == "几个" and after == "月":
            return "个月"
        if token in ("多少", "几", "几个") and after in MEASURE_UNITS:
            return after
        if token.startswith("几") and token[1:] in MEASURE_UNITS:
            return token[1:]
    return None


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
