"""Extractive answers: from retrieved passages to a short cited Chinese answer, or a plain refusal.

    compose_answer(question, hits, max_chars=160) -> Answer

Contract:
- The answer is made only of text copied from the hits (sentences, clauses, table cells), each piece followed
  by its citation marker [n]; `Citation.quote` is the exact text used, so every number, date and unit in the
  answer appears in a quote. Only whitespace next to Chinese characters is dropped in the answer text.
- The question asks for a kind of value (an amount, a phone number, an address, opening hours, a deadline, a
  processing time, documents to bring, an evaluation result, a figure, a time). When no top passage states that
  kind of value in a sentence naming most of the asked subject (and, for a figure, in the asked measure and
  year), the answer is a refusal (`answerable=False`) that says so, shows what the plan says nearby and where
  to ask.
- Open questions ('规划怎么说', '有什么支持') also quote the sentences of the passage the retriever ranked first.
- Nothing here retrieves, rewrites follow-ups or calls an LLM; those are other stages.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import jieba
import jieba.posseg as pseg

from assistant.ask.pieces import (
    CONTENT_HEADERS,
    Piece,
    citation,
    cite,
    display,
    phrase,
    quote,
    split_pieces,
    trim,
)
from assistant.core.types import Answer, Chunk, Citation, ScoredChunk

# Words that carry no subject in a question about this plan; they still count a little when matched.
_WEAK_TERMS = frozenset(
    "人才 晋江 晋江市 规划 十四五 工程 项目 建设 方面 哪些 什么 多少 需要 支持 主要 具体 怎么 如何 哪个 哪几 要 有 "
    "是 的 了 吗 呢 和 与 及 在 对 给 会 能 可以 什么样 怎样 哪 几 我 我们 你 请问 一下 这个 那个 这份 文件 里面 "
    "规定 情况 内容 一些 提出 重点 期间 相关 "
    # Verbs every policy document uses of every benefit: they say how it is had, not which one.
    "申请 申报 办理 享受 领取 发放".split()
)
# '能领', '要交': a modal and a verb say how, not what; '几档', '每档': a count and its measure ask how many.
_MODAL_VERB = re.compile(r"^[能可要会得想该几每]\w$")
_QUESTION_WORDS = frozenset("几个 几家 几名 几项 多少 哪些 哪个 哪几 什么 怎么 如何 哪里 是否 有没有 怎样 多大".split())
_PUNCT = re.compile(r"^[\W_]+$")
_TIER = re.compile(r"[A-Za-z0-9一二三四五六七八九十]{1,2}[类档级等]")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?:19|20)\d\d\s*年?|\d{4}\s*[-—–]\s*\d{4}")
_YEAR_NAMED = re.compile(r"(?:19|20)\d\d")

# ---------------------------------------------------------------- what the question asks for

_INTENT_CUES: dict[str, re.Pattern[str]] = {
    "number": re.compile(r"多少|(?<![哪好])几[个家名人项所年次支万]|几$|多大|多高|面积|规模|比例|比重|数量|人数|达到|什么目标"),
    "who": re.compile(r"谁|哪个单位|哪些单位|什么单位|哪个部门|哪些部门|牵头单位[是有]|由哪个|由哪些单位|负责单位"),
    "when": re.compile(r"哪年|哪一年|哪几年|何时|什么时候|年限|期限|时间|周期|多久|多长时间"),
    "definition": re.compile(r"什么是|指什么|指的是|是什么意思|什么意思|含义|是指|包括哪"),
    "list": re.compile(r"哪些|哪几|包括|有什么|什么样"),
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


def _ask(cue: str, value: str, what: str) -> _Ask:
    return _Ask(re.compile(cue), re.compile(value), what)


_MONEY_NOUNS = "补贴|补助|奖励|奖金|资助|经费|津贴|资金|安家费|薪酬|工资|薪资|月薪|年薪|费用|租金|房租|学费|报酬"
# Money nouns of one kind: a subsidy is asked as 补助 and written 补贴; a person's pay is not an institution's fund.
_MONEY_KIN = (
    frozenset("补贴 补助 津贴 资助 安家费".split()),
    frozenset("奖励 奖金".split()),
    frozenset("报酬 薪酬 工资 薪资 月薪 年薪".split()),
    frozenset("经费 资金 费用".split()),
)


def _noun_kin(nouns: set[str]) -> set[str]:
    return set(nouns).union(*(kin for kin in _MONEY_KIN if kin & nouns))


def _named_benefits(question: str) -> list[tuple[str, list[str]]]:
    """'生活补贴' / '安家补助' in a question, with each kin spelling ('生活补助' -> 生活补贴): a benefit the question
    names by its kind, which only a sentence or cell about that benefit answers."""
    named: list[tuple[str, list[str]]] = []
    tokens = jieba.lcut(question)
    for before, word in zip(["", *tokens], tokens, strict=False):
        noun = next((n for n in re.findall(_MONEY_NOUNS, word) if word.endswith(n)), None)
        # Only a benefit is named by its qualifier (生活补贴, 引才奖励); pay and funds are qualified by whose they
        # are (高管年薪, 专项资金), which the passage may say otherwise.
        if noun is None or not any(noun in kin for kin in _MONEY_KIN[:2]):
            continue
        # jieba writes 安家补贴 as one word or as 安家 + 补贴; the qualifier is a content word of 2+ characters.
        head = word[: -len(noun)] or (before if len(before) >= 2 and not _INTERROGATIVE.search(before) else "")
        if len(head) >= 2 and head not in _QUESTION_WORDS and head not in _VALUE_WORDS:
            named.append((head, [head + kin for kin in _noun_kin({noun})]))
    return named


_NUMBER = r"(?:\d[\d.,]*|[一二两三四五六七八九十百千]+)"
_ASKS: dict[str, _Ask] = {
    "money": _ask(
        rf"多少钱|多少元|金额|(?:多少|几|标准|给多少|发多少|多高)\S{{0,4}}(?:{_MONEY_NOUNS})|(?:{_MONEY_NOUNS})\S{{0,4}}(?:多少|几(?![年月天日次期档个])|标准|多高)",
        r"\d[\d.,，]*\s*[万亿千百]?\s*元", "具体的金额标准"),
    "phone": _ask(r"电话|号码|联系方式|热线是|怎么联系|网址|网站是|邮箱|公众号|微信号",
                  r"\d{3,4}\s*-\s*\d{7,8}|1\d{10}|\d{8}|https?://|www\.|@", "电话号码、网址或邮箱"),
    "address": _ask(r"地址|在哪里|在哪儿|在什么地方|位置在|具体位置|怎么去|在哪个位置|哪条[路街]|什么[路街]上|门牌"
                    r"|[送交到去]\S{0,2}哪[里儿]|去哪|在哪办",
                    r"位于|地址|坐落|选址|设在|[路街巷道]\s*\d+\s*号|\d+\s*号窗口|\d+\s*[楼层]", "具体地址"),
    "hours": _ask(r"几点|上班时间|办公时间|开放时间|营业时间|工作时间|周末|周[六日]|星期[六日天]|节假日|上不上班|开门|关门",
                  r"\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*点|工作日|上班时间|办公时间|开放时间", "开放或上班时间"),
    "deadline": _ask(r"截止|什么时候(?:开始)?申报|申报时间|报名时间|什么时候报名|哪天|几号|几月|什么时候公布|何时公布",
                     r"截止|\d{1,2}\s*月\s*\d{1,2}\s*日|申报时间|报名时间", "具体的申报或截止时间"),
    "evaluation": _ask(r"(?:评估|考核|评价|评审|评选)结果|完成了多少|完成情况|完成得怎么样|完成率|效果怎么样|排第几|排名",
                       r"评估结果|考核结果|完成率|已完成|已达到|超额完成", "评估或完成情况的结果"),
    "processing": _ask(r"(?:办理|审批|评审|审核|受理|办结|认定|发放|到账|批下来|办下来)\S{0,6}(?:多久|多长时间|几天|几个工作日)"
                       r"|(?:多久|多长时间|几天)\S{0,3}(?:办|批|审|下来|到账)",
                       r"\d+\s*个?(?:工作日|天|日内)|时限|办结", "具体的审批时限"),
    "procedure": _ask(r"(?:什么|哪些|要|需要|准备|带|交|提供|提交)\S{0,3}(?:材料|证明|证件)|材料\S{0,3}(?:有哪些|是什么|包括)"
                      r"|手续|流程|步骤|怎么办理|如何办理|办理程序|在哪办|去哪[里儿]?办|怎么申请|如何申请",
                      r"提交|提供|携带|材料|手续|证件|流程|办理|申请|申报", "具体需要的材料和手续"),
    "age": _ask(r"年龄|多大岁数|几岁|多少岁|岁数", r"\d+\s*周?岁|年龄不限|不受年龄限制", "年龄要求"),
    "validity": _ask(r"有效期|有效多久|管几年|有效几年|多久失效|什么时候失效|过期",
                     r"有效期|有效至|\d+\s*年内有效", "有效期"),
    "effective": _ask(r"施行|生效|开始执行|开始实施|开始用|起执行|哪天起|什么时候起",
                      r"施行|生效|起执行|起实施", "施行日期"),
    # Values a plan does hold (targets, periods); asked about a subject no such sentence mentions, still refused.
    "quantity": _Ask(_INTENT_CUES["number"], re.compile(rf"\d|{_NUMBER}[大个家所名项支批类]"), "这方面的具体数字", False),
    "time": _Ask(_INTENT_CUES["when"], re.compile(r"(?:19|20)\d\d|\d+\s*(?:个月|月|年|天|日)|[到至]\s*\d|年内|每年"),
                 "这方面的时间", False),
}
# A question that names its measure ('几个工作日', '多少间') is answered only by a figure in that measure. The
# measure must be a word of its own: '几个人才之家' counts 人才之家, not people.
_MEASURE_UNITS = {
    "工作日": "工作日|天|日", "天": "工作日|天|日", "小时": "小时", "分钟": "分钟", "周": "周|星期", "星期": "周|星期",
    "人次": "人次", "次": "次", "分": "分", "元": "元", "块": "元", "亩": "亩",
    "平方米": "平方米", "人": "人|名|位", "名": "人|名|位", "位": "人|名|位", "家": "家|所|个", "所": "所|家|个",
    "间": "间", "项": "项|个", "件": "件", "倍": "倍", "个月": "个月|月", "年": "年",
}


@dataclass(frozen=True)
class _Scored:
    piece: Piece
    score: float
    matched: frozenset[str]


def question_terms(question: str) -> dict[str, float]:
    """jieba tokens of the question with a base weight: subject words 1.0, generic words 0.2."""
    terms: dict[str, float] = {}
    tokens = [t for t in _merge_single_chars(jieba.lcut(question)) if t not in _QUESTION_WORDS]
    for token in tokens:
        if not token or _PUNCT.match(token):
            continue
        if len(token) == 1 and not token.isdigit():
            continue
        terms[token] = 0.2 if token in _WEAK_TERMS or _MODAL_VERB.match(token) else 1.0
    # A tier label ('C类', 'B档', '二级') is the row key of a tier table; jieba cuts its letter off as a stray char.
    for label in _TIER.findall(question):
        terms[label] = 1.5
    # jieba splits names the plan writes whole (智能装备, 人才集团); the joined pair finds the exact one.
    for left, right in zip(tokens, tokens[1:], strict=False):
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
    return {name for name, cue in _INTENT_CUES.items() if cue.search(question)}


# A narrower kind wins over the broader one its cue also fires ('有效期多久' asks a validity, not a processing time).
_NARROWER = {"validity": ("processing", "time", "deadline"), "effective": ("deadline", "time"), "age": ("quantity",)}


def asked_kinds(question: str) -> list[str]:
    """Kinds of value the question asks for (money, phone, …, quantity, time), rare kinds first."""
    kinds = [name for name, ask in _ASKS.items() if ask.cue.search(question)]
    for narrow, broader in _NARROWER.items():
        if narrow in kinds:
            kinds = [k for k in kinds if k not in broader]
    return sorted(kinds, key=lambda k: not _ASKS[k].rare)


def _idf(terms: dict[str, float], pieces: list[Piece]) -> dict[str, float]:
    """Weight each term by how rare it is among the candidate pieces (a term in every piece says little)."""
    n = max(len(pieces), 1)
    weights: dict[str, float] = {}
    for term, base in terms.items():
        df = sum(1 for p in pieces if term in p.text)
        weights[term] = base * (0.5 + math.log(1 + n / (1 + df)))
    return weights


_FUTURE = re.compile(r"要|将|目标|计划|力争|达到|打算|预计|未来|建到|做到|提高到|提升到")
_PAST = re.compile(r"现在|目前|现有|原来|原有|已经|已有|过去|现状|基数|之前|以前|此前")


def _tense(question: str) -> str | None:
    """'future' for a question about a target ('要建到几家'), 'past' for one about the present or baseline."""
    future, past = bool(_FUTURE.search(question)), bool(_PAST.search(question))
    return "future" if future and not past else "past" if past and not future else None


def _year_column_fit(piece: Piece, tense: str | None) -> float:
    """A row with one column per year ('2020年', '2025年'): a target question takes the latest year's cell, a
    question about now the earliest's. 0 for cells of other columns and for questions naming no tense."""
    header_year = _YEAR_NAMED.search(piece.header or "")
    if tense is None or header_year is None:
        return 0.0
    years = sorted({y for h, _ in piece.chunk.cells for y in _YEAR_NAMED.findall(h)}) or [header_year.group()]
    wanted = years[-1] if tense == "future" else years[0]
    return 0.25 if header_year.group() == wanted else -0.1


def _score(
    piece: Piece,
    weights: dict[str, float],
    intents: set[str],
    years: list[str],
    kinds: tuple[str, ...] = (),
    tense: str | None = None,
    measure: re.Pattern[str] | None = None,
) -> _Scored:
    total = sum(weights.values()) or 1.0
    text, header = piece.text, piece.header or ""
    # A cell is about its row and its column: '生活补贴' in the header is what '生活补助多少' asks for.
    matched = frozenset(t for t in weights if t in text or t in piece.about or t in header)
    in_context = sum(w for t, w in weights.items() if t not in matched and t in piece.context)
    # Every passage of a document is about the document's topic: '技能奖励…' is asked of the 技能人才奖励细则.
    in_title = sum(w for t, w in weights.items() if t not in matched and t in (piece.chunk.title or ""))
    # A piece that opens with the asked word is about it ('二是新能源汽车人才，…'), not merely mentioning it.
    opening = sum(w for t, w in weights.items() if t in display(text)[:12])
    score = (sum(weights[t] for t in matched) + 0.5 * in_context + 0.3 * in_title + 0.3 * opening) / total
    if "number" in intents:
        score += 0.3 if _DIGIT.search(text) else -0.2
    # A question in a measure ('几个月') is answered by a figure in it ('60个月'), not by the 8000元 beside it.
    if measure is not None:
        score += 0.4 if measure.search(text) else -0.1
    # The smallest span that states the asked kind of value: the cell with the amount, not the remark beside it.
    if kinds:
        score += 0.4 if any(_ASKS[k].value.search(text) for k in kinds) else -0.1
    if "who" in intents:
        score += 0.6 if header == "牵头单位" else (0.15 if re.search(r"牵头|负责", text) else -0.1)
    if "when" in intents:
        score += 0.4 if header == "实施年限" or _YEAR.search(text) else 0.0
    if not years and "number" in intents:
        score += _year_column_fit(piece, tense)
    if years and "number" in intents:
        # '2020年…有多少' asks the baseline: the figure of that year, not the 2025 target beside it.
        if any(y in text or y in header for y in years):
            score += 0.3
        elif _YEAR.search(text + header):
            score -= 0.2
    if "definition" in intents and (piece.chunk.kind == "footnote" or re.search(r"指|是|即", text)):
        score += 0.3
    if "list" in intents and ("、" in text or "包括" in text):
        score += 0.15
    if header == "行动措施":
        score -= 0.05
    if header == "牵头单位" and "who" not in intents or header == "实施年限" and "when" not in intents:
        score -= 0.3
    if "needs" in intents and header == "人才需求":
        score += 0.3
    if piece.chunk.kind == "footnote" and "definition" not in intents:
        score -= 0.1  # a footnote defines a name; it answers 'what is X', not what X does or needs
    if "broad" in intents and header in CONTENT_HEADERS:
        score += 0.15
    if len(text) < 8 and not header:  # a cell is short by nature: '120万元' under 安家补贴 is the whole answer
        score -= 0.2
    score += 0.15 / (1 + piece.rank)
    return _Scored(piece, score, matched)


_ASKING = re.compile(r"吗|呢|谁|哪|什么|多少|几|怎么|怎样|如何|是否|有没有|多大|多久")


def _sub_questions(question: str) -> list[str]:
    """The separate questions in one message. A clause that asks nothing ('我是企业高技能人才，…',
    '台湾青年来晋江就业实习，…') is the subject of the question next to it, not a question of its own."""
    parts = [p for p in re.split(r"[？?，,；;。！!]", question) if len(p.strip()) >= 2]
    asks: list[str] = []
    pending = ""
    for part in parts:
        if _ASKING.search(part) or question_intents(part):
            asks.append(f"{pending}，{part}" if pending else part)
            pending = ""
        else:
            pending = f"{pending}，{part}" if pending else part
    if pending and asks:
        asks[-1] += f"，{pending}"
    return asks if len(asks) > 1 else [question]


def _select(question: str, pieces: list[Piece], max_chars: int) -> list[_Scored]:
    """Best piece for each part of the question, then close runners-up that add new matched words."""
    chosen: list[_Scored] = []
    all_terms = question_terms(question)
    for part in _sub_questions(question):
        own = question_terms(part)
        # A part without its own subject ('要达到什么目标？') borrows the subject of the whole question.
        borrowed = 0.3 if sum(1 for w in own.values() if w >= 1.0) > 1 else 0.8
        terms = {**{t: w * borrowed for t, w in all_terms.items()}, **own}
        weights = _idf(terms, pieces)
        intents, years = question_intents(part), _YEAR_NAMED.findall(question)
        kinds = tuple(k for k in asked_kinds(part) if _ASKS[k].rare)
        tense = _tense(part)
        unit = _asked_measure(part) if "哪几" not in part else None  # '哪几家公司' asks which, not how many
        measure = re.compile(rf"{_NUMBER}\s*[万亿千百]?\s*(?:{_MEASURE_UNITS[unit]})") if unit else None
        ranked = sorted(
            (_score(p, weights, intents, years, kinds, tense, measure) for p in pieces), key=lambda s: -s.score
        )
        if not ranked:
            continue
        best = ranked[0]
        picks = [best]
        covered = set(best.matched)
        for other in ranked[1:6]:
            if other.score < 0.8 * best.score or not (other.matched - covered):
                continue
            if sum(len(s.piece.text) for s in picks) + len(other.piece.text) > max_chars:
                continue
            picks.append(other)
            covered |= other.matched
            if len(picks) == 2:
                break
        if "broad" in intents:
            room = max_chars - sum(len(s.piece.text) for s in picks)
            strong = {t for t, w in all_terms.items() if w == 1.0}
            picks += _from_top_passage(best, ranked, strong, room) or _following(best, pieces, weights, room)
        for pick in picks:
            if all(c.piece != pick.piece for c in chosen):
                chosen.append(pick)
    return chosen


def _from_top_passage(best: _Scored, ranked: list[_Scored], strong: set[str], room: int) -> list[_Scored]:
    """Open questions ('规划怎么说', '有什么支持') often share few words with the sentences that answer them; the
    passage the retriever ranked first (BM25 and meaning together) is then the better guide. Up to two of its
    sentences that name at least two of the question's subject words join the answer."""
    picks: list[_Scored] = []
    wanted = 1 if best.piece.rank == 0 else 2
    for other in ranked:
        if other.piece.rank != 0 or other.piece == best.piece or other.piece.header in ("牵头单位", "实施年限"):
            continue
        if len(other.matched & strong) < 2 or other.score < 0.4 * best.score or len(other.piece.text) > room:
            continue
        picks.append(other)
        room -= len(other.piece.text)
        if len(picks) == wanted:
            break
    return picks


def _following(best: _Scored, pieces: list[Piece], weights: dict[str, float], room: int) -> list[_Scored]:
    """The sentence after the best one in the same passage: broad questions ('有什么支持') are answered by a
    run of measures, and the next sentence usually continues it."""
    for piece in pieces:
        same = piece.chunk.chunk_id == best.piece.chunk.chunk_id and piece.header == best.piece.header
        if same and piece.position == best.piece.position + 1 and len(piece.text) <= room:
            return [_Scored(piece, best.score * 0.9, frozenset())]
    return []


def _lead_unit_nearby(pieces: list[Piece]) -> Piece | None:
    return next((p for p in pieces if p.header == "牵头单位" and p.rank <= 1), None)


def _contact_nearby(best: _Scored | None, pieces: list[Piece]) -> Piece | None:
    """A sentence of the asked-about passage's own document that gives a phone number: the document's contact."""
    if best is None or best.score <= 0.25:
        return None
    phone = _ASKS["phone"].value
    return next((p for p in pieces if p.chunk.doc_id == best.piece.chunk.doc_id and phone.search(p.text)), None)


def _refusal(
    question: str,
    missing: list[str],
    best: _Scored | None,
    pieces: list[Piece],
    what: str | None = None,
    hotline: str = "",
) -> Answer:
    what = what or ("、".join(_ASKS[m].what for m in missing) if missing else "与这个问题直接相关的内容")
    text = f"文件中没有明确{what}。"
    citations: list[Citation] = []
    if best is not None and best.score > 0.25:
        used = trim(best.piece, question_terms(question), 70)
        citations.append(citation(1, best.piece.chunk, quote(best.piece, used)))
        text += f"文件相关的表述是：{phrase(best.piece, used)}[1]。"
    # Whom to ask: the lead unit of the row asked about, else the contact the document itself gives, else the
    # deployment's own hotline (settings); nobody when none is known. A unit is named only with its source.
    lead = _lead_unit_nearby(pieces)
    contact = _contact_nearby(best, pieces) if "phone" not in missing else None
    where = ""
    if lead is not None:
        citations.append(citation(len(citations) + 1, lead.chunk, quote(lead, lead.text)))
        where = f"牵头单位（{display(lead.text)}）[{len(citations)}]"
    elif contact is not None:
        citations.append(citation(len(citations) + 1, contact.chunk, quote(contact, contact.text)))
        where = f"{display(contact.text)}[{len(citations)}]"
    where = "或".join(w for w in (where, hotline) if w)
    if where:
        text += f"具体请咨询{where}。"
    return Answer(answer=text, answerable=False, confidence=0.8 if missing else 0.5, citations=citations,
                  route="refusal")


# A question about the document itself (its 文号, issuer, date, title) is answered from its title block; any
# other question never is: the title names every topic of the document and would otherwise win everything.
ASKS_DOCUMENT = re.compile(
    r"文号|发文|印发|发布|出台|颁布|编制单位|制定单位|标题|全称|文件名|落款|成文|(?:单位|部门|机关)(?:发|出|印|定)的"
    r"|(?:什么时候|何时|哪天|哪年)(?:发|出台|印发|公布|下发)"
)


# Which line of a document's title block a question about the document asks for.
_DOCUMENT_FIELDS = (
    ("文号", re.compile(r"文号|字号|几号文")),
    ("成文日期", re.compile(r"什么时候|何时|哪天|哪年|日期|时间")),
    ("发文机关", re.compile(r"(?:哪个|哪些|哪几个|哪两个|什么)(?:单位|部门|机关)|谁(?:发|出|印|制定|编制)|发文(?:单位|机关)|落款")),
    ("标题", re.compile(r"标题|全称|名称|叫什么|文件名")),
)


def _document_answer(question: str, hits: list[ScoredChunk]) -> Answer | None:
    """'这个通知的文号是多少？' / '是哪些部门印发的？': the asked line of the title block of the best-ranked
    document ('文号：海人社〔2025〕12号'), cited; None when that document's title block lacks it."""
    meta = next((h.chunk for h in hits if h.chunk.kind == "meta"), None)
    if meta is None:
        return None
    lines = dict(line.split("：", 1) for line in meta.text.splitlines() if "：" in line)
    for label, cue in _DOCUMENT_FIELDS:
        if cue.search(question) and lines.get(label):
            value = lines[label].strip()
            text = f"《{meta.title}》的{label}：{value}[1]。"
            return Answer(answer=text, answerable=True, confidence=0.9, route="retrieval",
                          citations=[citation(1, meta, f"{label}：{value}")])
    return None


def compose_answer(question: str, hits: list[ScoredChunk], max_chars: int = 160, *, hotline: str = "") -> Answer:
    """A short extractive answer with numbered citations, or a refusal when the hits do not support one.
    `hotline` is the deployment's own hotline, named in refusals when the documents give no closer contact."""
    question = question.strip()
    if ASKS_DOCUMENT.search(question):
        answer = _document_answer(question, hits)
        if answer is not None:
            return answer
    else:
        hits = [h for h in hits if h.chunk.kind != "meta"]
    # A line that only repeats its document's title says nothing the citation does not.
    # The top hits, and the chunks continuing an enumeration they introduce (`with_continuations` puts those
    # after the eighth hit).
    continuing = split_pieces(hits[8:])
    pieces = [p for p in split_pieces(hits[:8]) if display(p.text) != display(p.chunk.title or "")]
    rare = [kind for kind in asked_kinds(question) if _ASKS[kind].rare]

    def refuse(missing: list[str], best: _Scored | None, what: str | None = None) -> Answer:
        return _refusal(question, missing, best, pieces, what, hotline)

    if not pieces:
        return refuse(rare, None)
    quoted = [t.replace(" ", "") for t in _QUOTED_TERM.findall(question)]
    if quoted:
        def writes(chunk: Chunk, term: str) -> bool:
            return term in f"{chunk.section}{chunk.text}".replace(" ", "")

        unknown = [t for t in quoted if not any(writes(h.chunk, t) for h in hits[:8])]
        if unknown:  # a quoted term no passage writes is not explained by the documents, whatever looks alike
            return refuse(rare, None, what="“" + "”、“".join(unknown) + "”的说法")
        # “六个有” is answered from the passage that writes 六个有, not from the footnote defining 六个一
        pieces = [p for p in pieces if any(writes(p.chunk, t) for t in quoted)]
    unknown = _unmentioned(question, hits[:8])
    if unknown:  # a subject no passage speaks of: whatever looks alike is not the answer
        return refuse(rare, None, what=f"关于“{unknown}”的内容")
    picks = _select(question, pieces, max_chars)
    weights = _idf(question_terms(question), pieces)
    best = max(picks, key=lambda s: s.score) if picks else None
    if best is None or best.score < 0.2:
        return refuse(rare, best)

    kinds = asked_kinds(question)
    missing = [kind for kind in kinds if not _supported(kind, question, pieces)]
    if missing:
        return refuse([k for k in missing if _ASKS[k].rare] or missing[:1], best)
    ordered = sorted(picks, key=lambda s: (s.piece.rank, s.piece.position))
    listed = _with_items(ordered, pieces + continuing, [h.chunk for h in hits])
    gathered = min(_LIST_CHARS, sum(len(s.piece.text) + 4 for s in listed))
    room = max_chars if len(listed) == len(ordered) else max(max_chars, gathered)
    ordered = listed
    text, citations = cite([s.piece for s in ordered], weights, room)
    return Answer(answer=text, answerable=True, confidence=round(min(0.95, max(0.3, best.score)), 2),
                  citations=citations, route="retrieval")


def _unmentioned(question: str, hits: list[ScoredChunk]) -> str | None:
    """A subject noun of three or more characters (个人所得税, 永久居留证) that no retrieved passage writes, in its
    title, section or text: the documents do not speak of it, so no passage can answer for it. Only dictionary
    nouns count: a colloquial verb ('批下来', '交上去') or a mis-cut run is how people ask, not what they ask."""
    terms = set(subject_terms(question)[0])
    seen = " ".join(f"{h.chunk.title} {h.chunk.section} {h.chunk.text}" for h in hits).replace(" ", "")
    for word, flag in pseg.lcut(question):
        if word not in terms or len(word) < 3 or _INTERROGATIVE.search(word) or not jieba.dt.FREQ.get(word):
            continue
        if not (flag[0] == "n" or flag == "l" and len(word) >= 4):  # '招进来' is an idiom too, but a verb
            continue
        # Known when the passages write it, or every word it is made of ('岗位补贴': 岗位 and 补贴 are both
        # written); unknown when a part of it is written nowhere ('个人所得税': 所得 is not).
        parts = [w for w in jieba.lcut_for_search(word) if len(w) >= 2 and w != word]
        if word not in seen and not (parts and all(w in seen for w in parts)):
            return word
    return None


_INTERROGATIVE = re.compile(r"[哪谁什么怎几多吗呢啥]")


# An introduction that ends its chunk ('主要包括五大体系：') continues in up to this many following chunks: the
# numbered paragraphs or sub-headings that are its items, up to the next heading outside its own section.
CONTINUATION_CHUNKS = 6


def _within(section: str, parent: str) -> bool:
    return section == parent or section.startswith(parent + " > ")


def with_continuations(hits: list[ScoredChunk], following: dict[str, list[Chunk]], top: int = 8) -> list[ScoredChunk]:
    """The hits, plus after them the chunks that continue an enumeration introduced at the end of a top hit."""
    seen = {h.chunk.chunk_id for h in hits[:top]}
    extra: list[ScoredChunk] = []
    for hit in hits[:top]:
        if not _ENDS_INTRODUCING.search(hit.chunk.text.rstrip()):
            continue
        for chunk in following.get(hit.chunk.chunk_id, []):
            if chunk.kind == "footnote":
                continue
            if not _within(chunk.section, hit.chunk.section):
                break
            if chunk.chunk_id not in seen:
                seen.add(chunk.chunk_id)
                extra.append(ScoredChunk(chunk=chunk, score=hit.score))
    return [*hits[:top], *extra]


_ENDS_INTRODUCING = re.compile(r"[：:]$")


def _continuation_items(intro: _Scored, pieces: list[Piece], chunks: list[Chunk]) -> list[_Scored]:
    """Items of an introduction that ends its chunk: each following chunk's sub-heading when it opens a section
    of its own ('1. 基本信息'), else its first sentence."""
    chunk = intro.piece.chunk
    if any(p.chunk.chunk_id == chunk.chunk_id and p.position > intro.piece.position for p in pieces):
        return []
    items: list[_Scored] = []
    for other in sorted((c for c in chunks if c.doc_id == chunk.doc_id and c.order > chunk.order), key=lambda c: c.order):
        if other.kind == "footnote":
            continue
        if not _within(other.section, chunk.section) or other.order > chunk.order + CONTINUATION_CHUNKS:
            break
        if other.section != chunk.section:
            heading = other.section.rsplit(" > ", 1)[-1]
            piece = Piece(heading, other, intro.piece.rank, -1)
        else:
            piece = next((p for p in pieces if p.chunk.chunk_id == other.chunk_id), None)
        if piece is not None:
            items.append(_Scored(piece, intro.score * 0.9, frozenset()))
    return items


# An enumeration is answered whole: up to this many characters when its items follow the introduction.
_LIST_CHARS = 420
_INTRODUCES = re.compile(
    r"[：:]$|(?:下列|以下|如下)[^，。；]{0,12}$|[：:]\s*(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[.．、]|①)"
)


def _with_items(ordered: list[_Scored], pieces: list[Piece], chunks: list[Chunk]) -> list[_Scored]:
    """A picked sentence that introduces a list ('应当符合下列条件：') brings the items that follow it in its
    passage, up to the passage's next sentence that is not an item; items already picked are not repeated."""
    out: list[_Scored] = []
    for pick in ordered:
        if any(o.piece == pick.piece for o in out):
            continue
        out.append(pick)
        if not _INTRODUCES.search(pick.piece.text.rstrip("。 ")):
            continue
        same = sorted(
            (p for p in pieces if p.chunk.chunk_id == pick.piece.chunk.chunk_id and p.header == pick.piece.header
             and p.position > pick.piece.position),
            key=lambda p: p.position,
        )
        for item in same:
            if any(o.piece == item for o in out):
                continue
            out.append(_Scored(item, pick.score * 0.9, frozenset()))
        for scored in _continuation_items(pick, pieces, chunks):
            if all(o.piece != scored.piece for o in out):
                out.append(scored)
    return out


_QUOTED_TERM = re.compile(r"[“\"‘']([^”\"’']{1,20})[”\"’']")


# How much of the question's subject a value-bearing sentence must name, by idf weight. A paraphrased verb
# (提高 / 达到) costs a little; a subject the passages never mention (永久居留, 公积金) costs most of it.
_SUPPORT = 0.5


# Words that describe the asked value rather than its subject ('目标数量', '计划', '要提高到多少').
_VALUE_WORDS = frozenset(
    "目标 计划 现状 基数 数量 总量 规模 达到 提高 提升 提到 增加 增长 力争 预计 打算 准备 要求 今后 未来 五年 十三五 "
    "十四五 末 到底 一共 总共 大概 大约 左右 目前 现在 分别 最多 最长 最高 最少 最低 最久 至少 今年 明年 去年 当年 "
    "本年度 每年 每月 每个月 一个月 一年".split()
)

# The plan's periods name when, not what: '十三五末' must not make '五末' a subject word.
_PLAN_PERIOD = re.compile(r"十[二三四五]五(?:末|期间|时期|以来|初)?")


def subject_terms(question: str) -> tuple[list[str], set[str]]:
    """The question's own subject words, and which of them are runs of single characters rejoined
    (人才之家, but also 后要 from '五年后要达到'). Weak words, joined pairs, words describing the value and words
    that only say what kind of value is asked ('多少钱', '电话', '什么时候') are not the subject."""
    cues = [ask.cue for ask in _ASKS.values()] + [_PLAN_PERIOD]
    asked = [m.span() for cue in cues for m in cue.finditer(question)]
    words = set(jieba.lcut(question))
    terms = []
    for term, weight in question_terms(question).items():
        at = question.find(term)
        if weight != 1.0 or term in _VALUE_WORDS:
            continue
        if any(start <= at and at + len(term) <= end for start, end in asked):
            continue
        terms.append(term)
    return terms, {t for t in terms if t not in words}


def _credit(term: str, about: str) -> float:
    """1 for a term the passage writes; for one it does not, half the share of its characters it does write
    ('新版' against '（2025年版）', '进驻' against '入驻'): a paraphrase keeps some of its characters."""
    if term in about:
        return 1.0
    return 0.5 * sum(1 for ch in term if ch in about) / len(term)


def _asked_measure(question: str) -> str | None:
    tokens = jieba.lcut(question)
    for token, after in zip(tokens, tokens[1:] + [""], strict=True):
        if token == "几个" and after == "月":
            return "个月"
        if token in ("多少", "几", "几个") and after in _MEASURE_UNITS:
            return after
        if token.startswith("几") and token[1:] in _MEASURE_UNITS:
            return token[1:]
    return None


def _supported(kind: str, question: str, pieces: list[Piece]) -> bool:
    """Does a top passage state the asked kind of value in a sentence about the asked subject?"""
    ask = _ASKS[kind]
    terms, rejoined = subject_terms(question)
    # A rejoined run counts only where the passages write it: otherwise it is more likely two stray characters.
    terms = [t for t in terms if t not in rejoined or any(t in p.text for p in pieces)]
    weights = _idf(dict.fromkeys(terms, 1.0), pieces)
    total = sum(weights.values())
    measure = _asked_measure(question) if kind == "quantity" else None
    in_measure = re.compile(rf"{_NUMBER}\s*[万亿千百]?\s*(?:{_MEASURE_UNITS[measure]})") if measure else None
    nouns = set(re.findall(_MONEY_NOUNS, question)) if kind == "money" else set()
    named = _named_benefits(question) if kind == "money" else []
    pieces = [p for p in pieces if p.chunk.kind != "meta"] or pieces
    for piece in pieces:
        if piece.rank > 5 or not ask.value.search(piece.text):
            continue
        if in_measure is not None and not in_measure.search(piece.text + piece.unit):
            continue
        about = (
            f"{piece.text} {piece.row_name or ''} {piece.header or ''} {piece.chunk.section} "
            f"{piece.chunk.title or ''}"
        )
        # '多少奖励' is answered by an amount of a reward: the noun (or a word of its kind: 补助 for 补贴) may stand
        # in the cell's column or the heading; a named benefit ('生活补贴') must be that benefit, not another sum.
        where = f"{about} {piece.chunk.section}"
        if nouns and not any(n in where for n in _noun_kin(nouns)):
            continue
        # '博士安家费' names a person, whom the row names ('博士研究生 — 安家补贴'); '生活补贴' names a benefit.
        if any(head not in where and not any(v in where for v in variants) for head, variants in named):
            continue
        # A figure of another year does not answer for the year asked ('2022年引进了多少' vs the 2025 target).
        if kind == "quantity" and not all(y in about for y in _YEAR_NAMED.findall(question)):
            continue
        if not total or sum(w * _credit(t, about) for t, w in weights.items()) >= _SUPPORT * total:
            return True
    return False
