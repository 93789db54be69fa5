"""The kinds of value a question can ask for (an amount, a phone number, a deadline, a count …) and the measure
it asks a figure in; question analysis, scoring, support and refusals all read them from here.

    asked_kinds("博士生活补贴每月多少？") -> ["money", "quantity"]    the kinds of value asked, rare kinds first
    ASKS["money"].cue / .value / .what / .label                      how a question asks it, how a sentence states it,
                                                                     how a refusal names it, how a column names it
    asked_measure("审核要几个工作日") -> "工作日"; MEASURE_UNITS["工作日"] -> "工作日|天|日"   units a figure may be in
    noun_kin({"补助"}) -> {"补助", "补贴", "津贴", "资助", "安家费"}     money nouns of one kind (`MONEY_KIN`)

Contract:
- A kind of value (`ASKS`) has a cue (how a question asks it), a value pattern (how a sentence states it) and the
  words a refusal names it with. The cues and values are Chinese policy language, not any one document's words.
- `rare` kinds come first in `asked_kinds`; a narrower kind drops the broader one its cue also fires (`_NARROWER`)
  unless a clause of its own asks the broader one.
- Pure and document-free: nothing here reads passages or settings; it imports no other `ask` module but
  `vocabulary`, so `analysis` (and everything else) can build on it without a cycle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import jieba

from assistant.ask.vocabulary import WHEN
from assistant.text import values

# How a question asks a count or a size ('几家', '多大', '比例'); analysis reads it as the 'number' intent.
_HOW_MANY = re.compile(r"多少|(?<![哪好])几[个家名人项所年次支万]|几$|多大|多高|面积|规模|比例|比重|数量|人数|达到|什么目标")


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
    # (whom to consult is a contact: '找谁咨询' is answered by '咨询电话：…')
    "phone": _ask(r"电话|号码|联系方式|热线是|怎么联系|公众号|微信号|[找向问]谁(?:咨询|问|了解)|咨询谁",
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
                    rf"|[送交到去打]\S{{0,2}}哪(?![些个几类种一样位家])|在哪办"
                    # where money is paid to ('打到哪个账户', '发到什么卡上')
                    rf"|[哪什][个么张]\S{{0,2}}(?:账户|账号|银行卡|卡)"
                    rf")(?!{_HOSTED})",
                    # a place, or where money is paid to (an account is the 'where' of a payment)
                    r"位于|地址|坐落|选址|设在|[路街巷道]\s*\d+\s*号|\d+\s*号窗口|\d+\s*[楼层]|账户|银行卡|社会保障卡"
                    # a named online place to apply ('登录“澄岭科创通”平台', '通过“X人才网”')
                    r"|(?:登录|通过|进入)\s*“[^”]{2,16}”",
                    "具体地址", label=r"地址|地点|受理(?:部门|单位|窗口|机构)|办理(?:部门|地点|窗口)"),
    "hours": _ask(r"几点|上班时间|办公时间|开放时间|营业时间|工作时间|周末|周[六日]|星期[六日天]|节假日|上不上班|开门|关门",
                  r"\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*点|工作日|上班时间|办公时间|开放时间", "开放或上班时间"),
    "deadline": _ask(r"截止|最迟|最晚|(?:什么|啥)时候(?:开始|能|可以)?(?:申报|申请|报名|报|受理)|申报时间|报名时间|哪天|几号|几月"
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
    # How often a benefit is paid or claimed ('多久发一次', '几个月申领一次'): by month, quarter, half-year or year,
    # at once or in instalments — a rate ('每月3000元') says how much, and may stand for the period only when
    # nothing else does, so the kind ranks pieces but never refuses on its own.
    "frequency": _Ask(
        re.compile(r"(?:多久|多长时间|几个月|多少天|隔多久)\S{0,4}一次|频[次率]|(?:怎么|如何)(?:发放|拨付|发钱|发(?=\s*(?:的|呢)?\s*(?:[，,。？?；;]|$)))"),
        re.compile(rf"按(?:月|季度|季|半年|年度?)|[每逐]个?(?:月|季度|季|半年|年度?)\S{{0,4}}?(?:发放|拨付|申领|领取|兑现|支付|发)"
                   rf"|一次性|分\s*{NUMBER}\s*(?:年|期|次|批)"),
        "发放或申领的频次", decisive=False, label=re.compile(r"发放方式|发放频[次率]|拨付方式|申领方式")),
    # Values a plan does hold (targets, periods); asked about a subject no such sentence mentions, still refused.
    "quantity": _Ask(_HOW_MANY, re.compile(rf"\d|{NUMBER}[大个家所名项支批类]"), "这方面的具体数字", False),
    # A condition or requirement ('有什么要求', '哪些人可以申请'): stated in the language of rules.
    "condition": _Ask(
        re.compile(r"条件|要求|资格|门槛|(?:哪些|什么)人(?:可以|能)|谁(?:可以|能)(?:申请|申报|享受|领)|够格|符合"
                   r"|(?:哪些|哪类|哪种|什么样的?)\S{0,4}(?:可以|能)(?:申请|申报|享受|领|报)"),
        re.compile(r"须|需|应当|必须|不得|不超过|不低于|不少于|以上|以下|以内|满\s*\d|年满|周岁|具有|具备|取得|持有|"
                   r"符合|不限|之一|限于"
                   # who may ('经认定的A类至D类人才…可以申请入住')
                   r"|可以?(?:申请|申报|享受|入住|领取)"),
        "具体条件", rare=False, decisive=False, label=re.compile(r"条件|要求|对象|资格|范围")),
    "time": _Ask(re.compile(WHEN), re.compile(rf"{values.YEAR.pattern}|\d+\s*(?:个月|月|年|天|日|个?工作日)|[到至]\s*\d|年内|每年"),
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


# A narrower kind wins over the broader one its cue also fires ('有效期多久' asks a validity, not a processing time).
_NARROWER = {
    "validity": ("processing", "time", "deadline"),
    "site": ("web", "address"),  # '在哪个网站公示' names a site; it asks no address
    "effective": ("deadline", "time"),
    "age": ("quantity",),
    "processing": ("time",),  # '多久能审完' asks a processing time, which '15个工作日内' states
    "frequency": ("time", "processing"),  # '多久发一次' asks how often, not how long
    # '补贴方面有疑问，联系电话是多少' asks a number to call, not an amount — unless another clause asks the amount
    # ('安家补贴多少钱，咨询电话多少')
    "phone": ("money", "quantity"),
    "web": ("money", "quantity"),
    "email": ("money", "quantity"),
    "deadline": ("age",),  # '年龄按哪天算' asks a date; the age is what the date is of
}
_CLAUSES = re.compile(r"[，,？?；;。！!]")


def asked_kinds(question: str) -> list[str]:
    """Kinds of value the question asks for (money, phone, …, quantity, time), rare kinds first."""
    kinds = [name for name, ask in ASKS.items() if ask.cue.search(question)]
    for narrow, broader in _NARROWER.items():
        if narrow not in kinds:
            continue
        # a broader kind a clause of its own asks stays asked
        others = [c for c in _CLAUSES.split(question) if c and not ASKS[narrow].cue.search(c)]
        kinds = [k for k in kinds if k not in broader or any(ASKS[k].cue.search(c) for c in others)]
    # '找谁交材料', '材料交到哪' ask who or where receives them, not which materials to bring
    if "procedure" in kinds and _RECIPIENT.search(question) and not _WHICH_MATERIALS.search(question):
        kinds.remove("procedure")
    return sorted(kinds, key=lambda k: not ASKS[k].rare)


_RECIPIENT = re.compile(r"[找向给]谁|交给谁|谁(?:来)?收|[交送报递]\S{0,2}哪|在哪[里儿]?[交送报]|去哪[里儿]?[交送报]")
_WHICH_MATERIALS = re.compile(r"(?:什么|哪些|啥|几[份样项种个])\S{0,3}(?:材料|证明|证件)|材料\S{0,3}(?:有哪些|是什么|包括)")


def asked_measure(question: str) -> str | None:
    """The measure the question asks a figure in ('几个工作日' -> '工作日'), a key of `MEASURE_UNITS`, or None."""
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
