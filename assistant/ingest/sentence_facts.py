"""Facts stated in one sentence of a policy document: one detector per fact kind.

    sentence_facts(builder, chunk, sentence)       adds the sentence's facts to a `FactBuilder`
    value_subject(sentence, at) -> str | None      the words before a value in its clause

Subject = the words before the value in its clause, else the section's last heading; quote = the sentence;
page = the paragraph's page:
- amount: a number with 元/万元/亿元 ('每月2000元' -> value '2000元', unit '元/月')
- duration: 最长N个月/年, N年内, 期限…N个月/年, 分N年, 有效期为N年 (of a benefit or a certificate)
- age_limit: 年龄不超过N周岁 / 不超过N周岁
- application_window: a date range 'X至Y' in a sentence about 申报/受理/申请/报送 (start, end)
- deadline: a date with 前/之前/截止/截至
- processing_time: N个工作日 (value 'N个工作日'), 公示N天
- contact: phone numbers, e-mail addresses, 联系人 (value = the number or address)
- responsible: '由X负责解释', 'X负责…受理/审核/解释', '受理单位为X' (value = the unit)
- effective: 自DATE起施行 (start), 有效期至DATE (end), 有效期N年, 同时废止
- sanction: 追回 / 取消…资格 / 不得申报 / 撤销 / 纳入…信用 / 追究…责任
- channel: a platform in quotes ('“晋江人才服务平台”'), a window or address, 线上/网上/现场
"""

from __future__ import annotations

import re

from assistant.core.types import Chunk
from assistant.ingest.fact_builder import FactBuilder
from assistant.text.values import EMAIL, PHONE

_NUM = r"\d+(?:\.\d+)?"
_CN_NUM = r"[一二两三四五六七八九十百]+"
_AMOUNT = re.compile(
    rf"(?P<per>每(?:人|月|年|季度|家|个|次|引进1人)?)?\s*(?P<num>{_NUM})\s*(?P<unit>亿元|万元|元)(?P<rate>/(?:人|月|年|人·月|平方米))?"
)
_DURATION = re.compile(
    rf"(?:最长|最多|期限为?|期限最长|分|连续|累计|服务满|满)\s*(?:发放|享受|补贴|可|不超过)?\s*(?P<num>{_NUM}|{_CN_NUM})\s*(?P<unit>个月|年|天|周)"
    rf"|(?P<num2>{_NUM}|{_CN_NUM})\s*(?P<unit2>年|个月)内"
    rf"|有效期为?\s*(?P<num3>\d{{1,2}}|{_CN_NUM})\s*(?P<unit3>年|个月)(?![\d月])"
)
_AGE = re.compile(r"(?:年龄\s*(?:不超过|不得超过|在|放宽至|不满)?|不超过|放宽至)\s*(?P<num>\d{2})\s*周岁")
_DATE = r"(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日"
_RANGE = re.compile(
    rf"(?P<start>{_DATE})\s*(?:至|到|—|－|-|～|~)\s*(?P<end>(?:(?:19|20)\d{{2}}\s*年\s*)?(?:\d{{1,2}}\s*月\s*)?\d{{1,2}}\s*日)"
)
_WINDOW_WORDS = re.compile(r"申报|受理|申请|报送|申领|提交|报名")
_DEADLINE = re.compile(
    rf"(?:截止|截至)(?:时间|日期)?(?:为|是)?\s*(?P<d1>{_DATE}(?:\s*\d{{1,2}}[:：]\d{{2}})?)|(?P<d2>{_DATE}(?:\s*\d{{1,2}}[:：]\d{{2}})?)\s*(?:前|之前|以前|截止)"
)
_WORKDAYS = re.compile(rf"(?P<num>{_NUM}|{_CN_NUM})\s*个?工作日")
_PUBLICITY = re.compile(rf"公示(?:期为?|期|时间为?)?\s*(?P<num>{_NUM}|{_CN_NUM})\s*(?P<unit>天|日)")
_PERSON = re.compile(r"联系人[：:]\s*(?P<who>[\u4e00-\u9fff]{1,4}(?:先生|女士|老师)?)")
_RESPONSIBLE = re.compile(
    r"由(?P<u1>[^，。；由]{2,40}?)负责解释|(?P<u2>[^，。；由]{2,40}?)负责(?:[^，。；]{0,12})(?:解释|受理|审核|认定|统筹|管理|拨付|发放)"
    r"|受理(?:单位|部门|机构)(?:为|是)\s*(?P<u3>[^，。；]{2,40})"
)
_EFFECTIVE = re.compile(
    rf"自(?P<start>{_DATE}|印发之日|发布之日)起(?:施行|实施|执行)|有效期(?:至|到)(?P<end>{_DATE})"
    rf"|有效期(?:为|是)?\s*(?P<rs>{_DATE})\s*(?:至|到|—|-)\s*(?P<re>{_DATE})"
    rf"|有效期(?:为)?(?P<len>\d{{1,2}}|{_CN_NUM})\s*年(?![\d月])|同时废止"
)
_OWN_VALIDITY = re.compile(r"本(?:办法|细则|通知|标准|规定|政策|目录|意见|方案)|施行|实施")
_SANCTION = re.compile(
    r"追回|取消[^，。；]{0,8}资格|不得(?:再次)?(?:申报|申请|享受|参加)|撤销|纳入[^，。；]{0,12}信用|追究[^，。；]{0,8}责任|移送司法"
)
_PLATFORM = re.compile(
    r"“(?P<name>[^”]{2,24})”(?P<kind>平台|申报系统|系统|小程序|微信公众号|公众号|网站|网)?"
)
_PLACE = re.compile(r"(?:窗口|地址|地点|现场|线上|网上|登录|服务中心|驿站|大厅)")
_PLACE_DETAIL = re.compile(
    r"（(?P<addr>[^（）〔〕]{0,30}(?:路|街|大道|楼|窗口|大厦|中心|驿站|大厅)[^（）〔〕]{0,20})）|地址[：:](?P<addr2>[^。；]{4,40})"
)
_SUBJECT_TRIM = re.compile(
    r"^(?:答[：:]|问[：:]|其中|对|凡|经认定后?|按|给予|并|且|则|可以|可|的|，|、|\s)+|(?:给予|按照|为|每|的|:|：|\s)+$"
)
_CLAUSE = re.compile(r"[，；。：:,]")


def amount_unit(value: str) -> str | None:
    m = _AMOUNT.search(value)
    return (m.group("unit") + (m.group("rate") or "")) if m else None



def _clause_before(sentence: str, at: int) -> str:
    """The clause that ends at position `at` (the words before a value)."""
    start = max((m.end() for m in _CLAUSE.finditer(sentence, 0, at)), default=0)
    return sentence[start:at]


def value_subject(sentence: str, at: int) -> str | None:
    """The words before a value in its clause; with the clause before when those are too few or are a rate
    ('引进博士研究生的，每引进1人')."""
    pieces = _CLAUSE.split(sentence[:at])
    words = _SUBJECT_TRIM.sub("", pieces[-1]).strip()
    previous = [p for p in pieces[:-1] if len(re.findall(r"[\u4e00-\u9fff]", p)) >= 2]
    if previous and (
        len(re.findall(r"[\u4e00-\u9fff]", words)) < 2
        or words.startswith("每")
        or previous[-1].rstrip().endswith("的")
    ):
        # '引进博士研究生的，每引进1人' / '入选创新类人才的，给予一次性资助': the condition names who it is for
        before = previous[-1].strip()
        before = re.sub(r"^(?:\d{1,2}\s*[.．、]|（[一二三四五六七八九十]{1,3}）|答[：:])\s*", "", before)
        words = (
            f"{before}，{words}"
            if len(re.findall(r"[\u4e00-\u9fff]", words)) >= 2
            else _SUBJECT_TRIM.sub("", before)
        )
    words = re.sub(r"^(?:\d{1,2}\s*[.．、]|（[一二三四五六七八九十]{1,3}）)\s*", "", words)
    return words[:40] or None


def sentence_facts(b: FactBuilder, chunk: Chunk, sentence: str) -> None:
    s = sentence.strip()
    if len(s) < 4:
        return
    for m in _AMOUNT.finditer(s):
        unit = m.group("unit") + (m.group("rate") or "")
        per = m.group("per") or ""
        if per.startswith("每") and len(per) > 1 and not m.group("rate"):
            unit = (
                f"{m.group('unit')}/{per[1:].replace('引进1', '')}"
                if per[1:] in ("人", "月", "年", "季度", "家", "个", "次", "引进1人")
                else unit
            )
        b.add(
            "amount",
            chunk,
            s,
            subject=value_subject(s, m.start()),
            value=m.group("num") + m.group("unit"),
            unit=unit,
        )
    for m in _DURATION.finditer(s):
        num = m.group("num") or m.group("num2") or m.group("num3")
        unit = m.group("unit") or m.group("unit2") or m.group("unit3")
        if m.group("num3") and _OWN_VALIDITY.search(s):
            continue  # a policy's own validity: 'effective'
        b.add("duration", chunk, s, subject=value_subject(s, m.start()), value=m.group(0).strip(), unit=unit,
              content=f"{num}{unit}")  # fmt: skip
    for m in _AGE.finditer(s):
        b.add(
            "age_limit", chunk, s, subject=value_subject(s, m.start()), value=f"{m.group('num')}周岁", unit="周岁"
        )
    ranges = list(_RANGE.finditer(s))
    if ranges and _WINDOW_WORDS.search(s):
        for m in ranges:
            b.add("application_window", chunk, s, subject=value_subject(s, m.start()), value=m.group(0),
                  start=m.group("start"), end=m.group("end"))  # fmt: skip
    for m in _DEADLINE.finditer(s):
        date = m.group("d1") or m.group("d2")
        if any(r.start() <= m.start() < r.end() for r in ranges):
            continue
        b.add("deadline", chunk, s, subject=value_subject(s, m.start()), value=date.strip(), end=date.strip())
    for m in _WORKDAYS.finditer(s):
        b.add("processing_time", chunk, s, subject=_processing_subject(s, m), value=f"{m.group('num')}个工作日",
              unit="工作日")  # fmt: skip
    for m in _PUBLICITY.finditer(s):
        if "工作日" not in m.group(0):
            b.add(
                "processing_time",
                chunk,
                s,
                subject="公示",
                value=f"{m.group('num')}{m.group('unit')}",
                unit=m.group("unit"),
            )
    for m in PHONE.finditer(s):
        b.add("contact", chunk, s, subject=_contact_subject(s, m.start()), value=m.group(0), content="电话")
    for m in EMAIL.finditer(s):
        b.add(
            "contact", chunk, s, subject=_contact_subject(s, m.start()), value=m.group(0), content="电子邮箱"
        )
    for m in _PERSON.finditer(s):
        b.add(
            "contact",
            chunk,
            s,
            subject=_contact_subject(s, m.start()),
            value=m.group("who"),
            content="联系人",
        )
    for m in _RESPONSIBLE.finditer(s):
        unit = (m.group("u1") or m.group("u2") or m.group("u3") or "").strip()
        unit = re.sub(
            r"^(?:本\S{1,4}|并|由|且|另|\d{1,2}\s*[.．、]|（[一二三四五六七八九十]{1,3}）|第\S{1,5}条\s*)+",
            "",
            unit,
        ).strip()
        if 2 <= len(unit) <= 40:
            what = re.search(r"负责(\S{0,12}?)(?:[，。；]|$)", s[m.start() :])
            b.add("responsible", chunk, s, subject=(what.group(1) if what else "受理") or "负责", value=unit)
    for m in _EFFECTIVE.finditer(s):
        if m.group("start"):
            b.add("effective", chunk, s, subject="施行日期", value=m.group("start"), start=m.group("start"))
        elif m.group("rs"):
            b.add("effective", chunk, s, subject="有效期", value=f"{m.group('rs')}至{m.group('re')}",
                  start=m.group("rs"), end=m.group("re"))  # fmt: skip
        elif m.group("end"):
            b.add("effective", chunk, s, subject="有效期", value=m.group("end"), end=m.group("end"))
        elif m.group("len") and _OWN_VALIDITY.search(s):
            b.add("effective", chunk, s, subject="有效期", value=f"{m.group('len')}年", unit="年")
        else:
            b.add("effective", chunk, s, subject="废止", value=s)
    if _SANCTION.search(s) and not s.endswith(("：", ":")):
        b.add("sanction", chunk, s, subject=value_subject(s, _SANCTION.search(s).start()) or None, value=s)  # type: ignore[union-attr]
    _channel_facts(b, chunk, s)


def _processing_subject(s: str, m: re.Match[str]) -> str | None:
    after = re.match(r"[内里]?(?:完成|作出|办结|进行)?([^，。；]{0,10})", s[m.end() :])
    before = value_subject(s, m.start())
    what = (after.group(1) if after else "").strip("的，。；")
    return what or before


def _contact_subject(s: str, at: int) -> str | None:
    words = _clause_before(s, at)
    words = re.sub(r"(?:咨询)?(?:电话|手机|热线|邮箱|电子邮箱|联系人)[：:]?\s*$", "", words).strip(" ：:，")
    if len(words) < 2:
        clauses = [c for c in re.split(r"[，；。]", s[:at]) if c.strip()]
        words = clauses[-1].strip() if clauses else ""
        words = (
            re.sub(r"(?:咨询)?(?:电话|手机|热线|邮箱|电子邮箱|联系人)[：:]?.*$", "", words).strip(" ：:，")
            or words
        )
    words = re.sub(r"^(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*", "", words).strip(" ：:，")
    return words[:40] or None


def _channel_facts(b: FactBuilder, chunk: Chunk, s: str) -> None:
    """Where or how to apply: a platform named in quotes after 登录/通过/在 or followed by 平台/系统/小程序…, or
    an address / window in brackets or after '地址：', in a sentence about applying."""
    if not re.search(r"申报|申请|受理|办理|提交|报送|咨询|填报|上传|地址|窗口", s):
        return
    values: list[str] = []
    for m in _PLATFORM.finditer(s):
        if m.group("kind") or re.search(r"登录|通过", s[max(0, m.start() - 4) : m.start()]):
            values.append(m.group(0))
    for m in _PLACE_DETAIL.finditer(s):
        values.append((m.group("addr") or m.group("addr2") or "").strip())
    for value in (v for v in values if len(v) >= 4):
        b.add("channel", chunk, s, subject=value_subject(s, s.find(value)) if value in s else None, value=value)

