"""Scoring the pieces of retrieved passages against a question, and picking the best for each part of it.

    select_pieces(question, pieces, max_chars, choice=None) -> (picks, scores)
        the best pieces for each part of the question, and every piece's best score (by id of piece)
    score_piece(piece, weights, intents, years, kinds, tense, measure, duty, lasting, question) -> ScoredPiece

What a score rewards: the share of the question's words (idf `weights`) a piece states (in its text, its row
or its column header; a short form by the phrase it shortens, '社保' by '缴纳社会保险'), less for words only in its
passage or its document's title, more when it opens with them; stating the asked kind of value (a rare kind such
as money or a phone number most), in the asked measure ('几个月' -> '60个月'), or being the column or list named
for it ('申报材料'); for 'who' the sentence naming the asked duty or the 牵头单位 cell; for 'when' a length, a
month of the year, an application window or a year, as asked; the asked year's figure, or the latest (target) /
earliest (now) year column; a definition for 'what is'; the list of exclusions for '哪些情况不能申请'; an
alternative a choice question offers ('每季度发放' for '按年发还是按季度发'); the retriever's rank a little; and a
政策问答 question that is the user's question in other words.
It penalises what only looks like an answer: a rule whose condition's actor serves the party the question names
as its own ('人力资源服务机构为本市企业…的' for '企业…能拿多少', `actors.other_actor`); a figure whose clause writes
none of the asked words (written only in a consequence or of another subject beside it, they count half); a
document's signing or in-force date, a footnote outside a definition question, a 牵头单位 / 实施年限 cell not asked
for, a list of what to submit for a question of who may apply, a fragment under 8 characters outside a table, a
line that only names a form or a document.

Contract:
- Scores compare pieces for one question; `compose` refuses when the best is under 0.2, so the scale (the
  share of question words, about 0 to 1, plus fixed bonuses and penalties) is part of this module's promise.
- A message with several questions ('补多少？怎么申请？') is scored part by part; each part also weighs the whole
  question's words, more when it names fewer than two subject words of its own. Each part gives its best piece
  and at most one close runner-up (>= 0.8 of the best, adding new matched words, within `max_chars`); an open
  question ('有什么支持') also takes sentences of the passage the retriever ranked first, or the sentence after
  the best one.
- Pure: nothing here retrieves, refuses or words an answer; pieces are scored as given, and `scores` is keyed
  by `id(piece)`, valid while the caller holds `pieces`.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from assistant.ask.actors import other_actor
from assistant.ask.analysis import (
    DUTY,
    ISSUES,
    ISSUING,
    YEAR,
    YEAR_NAMED,
    question_intents,
    question_tense,
    question_terms,
)
from assistant.ask.choices import Choice
from assistant.ask.enumerations import introduces
from assistant.ask.kinds import ASKS, MEASURE_UNITS, NUMBER, asked_kinds, asked_measure
from assistant.ask.pieces import BODY, CONTENT_HEADERS, RESPONSIBLE_COLUMN, Piece, ScoredPiece, display
from assistant.ask.support import idf
from assistant.ask.vocabulary import ASKING
from assistant.ask.wording import shortens

_DIGIT = re.compile(r"\d")
_CITED_TITLE = re.compile(r"《[^》]{2,60}》")
# What a sentence about another actor than the question's loses: as much as stating no asked kind of value.
OTHER_ACTOR = 0.2
# What stating an alternative a choice question offers is worth: as much as stating a rare kind of value asked.
CHOICE_STATED = 0.4

# ---------------------------------------------------------------- what the question asks for


def _year_column_fit(piece: Piece, tense: str | None) -> float:
    """A row with one column per year ('2020年', '2025年'): a target question takes the latest year's cell, a
    question about now the earliest's. 0 for cells of other columns and for questions naming no tense."""
    header_year = YEAR_NAMED.search(piece.header or "")
    if tense is None or header_year is None:
        return 0.0
    years = sorted({y for h, _ in piece.chunk.cells for y in YEAR_NAMED.findall(h)}) or [header_year.group()]
    wanted = years[-1] if tense == "future" else years[0]
    return 0.25 if header_year.group() == wanted else -0.1


# A question for a length of time, and how a passage states one.
_ASKS_LENGTH = re.compile(r"多久|多长时间|多长|期限|年限|(?<!哪)几(?:年|个月|天)|周期")  # '哪几个月' asks which months
_LENGTH = re.compile(r"(?<![\d.])(?:\d{1,3}|[一二两三四五六七八九十百]+)\s*(?:个月|年|天|周|个?工作日|日内)")
_SAID_OF = re.compile(r"\s*(?:为期|为|是|共|计|最长为?|最长不超过|不超过|一般为)?\s*" + _LENGTH.pattern)
_WINDOW = re.compile(r"(?:申报|报名|受理|申请)(?:时间|期限|日期)|截止|常年受理|集中受理|每(?:年|季度|月)\S{0,8}(?:受理|申报|申请)")
_SUBMITS = re.compile(r"(?:提交|提供|携带|报送)(?:以下|下列|[^，。；]{0,4}材料|[^，。；]{2,}(?:证明|证书|复印件|原件))")
_ASKS_EXCLUDED = re.compile(r"(?:不能|不可以|不得|不予|不让|没法|无法|不给)(?:申请|申报|享受|领|报|认定|补)|哪些情况不|什么情况下?不")
_EXCLUDES = re.compile(r"不予|不得|不属于|不纳入|不享受|不适用|除外|排除")
# when the document itself was issued ('这份解读是哪个月发的', '印发日期')
_ASKS_ISSUED = re.compile(r"(?:什么时候|何时|哪天|哪年|哪个月|几月份?)\S{0,2}(?:发|出台|印发|公布|下发)|(?:印发|发布|发文|成文)(?:日期|时间)|落款")
# a document's signing line: its date, alone or after the issuer's name ('苒城市住房和城乡建设局　2026年2月')
_BARE_DATE = re.compile(
    r"^\s*(?:[\u4e00-\u9fff（）()]{2,40}?(?:局|委|办|办公室|院|政府|会|厅|部|中心|室|处)\s*)?"
    r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*(?:印发|发布)?\s*[。.]?\s*$"
)
# a body an act goes to, through or is done by ('向市人才服务中心提交申请', '由区委人才办审核')
_BODY_ACTS = re.compile(rf"(?:由|向|经|通过|交[到至给]?|报送?[到至给]?|送[到至交]|提交[到至给]?)\s*{BODY.pattern}")
_IN_FORCE = re.compile(r"施行|生效|起执行|废止|印发")
_ASKS_MONTH = re.compile(r"哪几个?月|哪个月|几月份|哪些月份")
# a month of the year ('每年1月、7月'), not a date's month ('2024年1月1日') nor a length ('3个月内')
_MONTH = re.compile(r"(?<![\d.年])\d{1,2}\s*月(?!\s*\d{1,2}\s*日|\s*[以之]?内)")


# Kinds of value stated as a figure in one clause ('补贴期限3年', '20个工作日内完成审核', '每月2000元').
_FIGURE_KINDS = frozenset({"money", "quantity", "time", "processing", "deadline", "age", "validity"})
# What the asked words a sentence writes are worth when none stands in the clause stating the asked value: half,
# as a word only its passage writes ('in_context').
ASIDE = 0.5
_CLAUSE = re.compile(r"[^，,；;。！？：:]+[，,；;。！？：:]?")


def _aside(piece: Piece, weights: dict[str, float], kinds: tuple[str, ...]) -> float:
    """The weight of the asked words a sentence writes when none of them is in a clause stating the asked kind of
    value. A value is about the words of its own clause, of the conditions before it that end in 的 ('引进博士研究生
    的，每引进1人奖励2万元'), and of the sentence's row, column, heading and list introduction; a sentence whose
    value clause writes none of the asked words states the value of something else, and writes them in a
    consequence ('未满5年迁离的，追回已拨付的场地租金补贴') or of another subject ('审核通过的人员名单在…公示，公示期为
    7个工作日' for how long 审核 takes). 0 when no single clause states the value, or every clause does."""
    figures = [ASKS[k].value for k in kinds if k in _FIGURE_KINDS]
    if not figures or piece.header is not None:
        return 0.0
    clauses = [m.group() for m in _CLAUSE.finditer(piece.text) if m.group().strip()]
    stating = [i for i, c in enumerate(clauses) if any(f.search(c) for f in figures)]
    if not stating or len(stating) == len(clauses):
        return 0.0
    conditions = [c for i, c in enumerate(clauses) if i < stating[-1] and c.rstrip("，,；;：: ").endswith("的")]
    region = "".join([*(clauses[i] for i in stating), *conditions, piece.lead_in, piece.about])
    written = {t: w for t, w in weights.items() if t in piece.text}
    if any(t in region for t in written):
        return 0.0
    return sum(written.values())


# A question for the value of each tier ('分几档，每档多少', '各档标准是多少', '每类补多少').
# ('各级人社部门' names bodies at every level, '各类人才' every group: no tier asked)
ASKS_TIERS = re.compile(r"分\s*(?:几|多少)\s*[档级类等]|每\s*[档级类等](?!人才)|各\s*[档类](?!人才)")
# A figure and its unit as a tier states it ('每月2000元', '1.5万元', '发放36个月').
_FIGURE_UNIT = re.compile(r"(\d[\d.,]*)\s*([万亿千百]?\s*(?:元|%|％|个月|年|天|周岁|岁|人|名|平方米))")


def tier_items(pieces: list[Piece]) -> set[int]:
    """The items (by id) of the lists that are tiers: two or more sentences after one introduction, each stating
    a figure in the same unit, not all the same ('租房补贴分档确定，标准如下：' / '（一）博士研究生每月2000元；' /
    '（二）硕士研究生每月1200元；'). A list of conditions ('2024年以后毕业', '签订1年以上劳动合同', '年龄符合…') is
    no tier list: its items state different measures, or none."""
    lists: dict[tuple[str, str], list[Piece]] = {}
    for piece in pieces:
        if piece.header is None and piece.lead_in:
            lists.setdefault((piece.chunk.chunk_id, piece.lead_in), []).append(piece)
    tiers: set[int] = set()
    for items in lists.values():
        figures = [_FIGURE_UNIT.search(item.text) for item in items]
        if len(items) < 2 or not all(figures):
            continue
        units = {f.group(2).replace(" ", "") for f in figures if f}
        if len(units) == 1 and len({f.group(1) for f in figures if f}) > 1:
            tiers |= {id(item) for item in items}
    return tiers


# What being an item of a tier list is worth to a question for each tier's value: as much as being the column or
# list named for the asked kind.
TIER_ITEM = 0.3


def score_piece(
    piece: Piece,
    weights: dict[str, float],
    intents: set[str],
    years: list[str],
    kinds: tuple[str, ...] = (),
    tense: str | None = None,
    measure: re.Pattern[str] | None = None,
    duty: re.Pattern[str] | None = None,
    lasting: str | None = None,
    question: str = "",
    choice: Choice | None = None,
    tier: bool = False,
) -> ScoredPiece:
    total = sum(weights.values()) or 1.0
    text, header = piece.text, piece.header or ""
    # A cell is about its row and its column: '生活补贴' in the header is what '生活补助多少' asks for.
    # A short form is written too: '社保' by '在本市依法缴纳社会保险满6个月' (`wording.shortens`).
    written = f"{text} {piece.about} {header}"
    matched = frozenset(t for t in weights if t in written or shortens(t, written))
    # A rule's condition names whom it is about: '企业…能拿多少' is not asked of '人力资源服务机构为本市企业成功引进
    # …的' (the 机构's reward); the question's actor written there in another role counts for nothing.
    strays = frozenset(other_actor(question, text, weights))
    matched -= strays
    # (another document's title quoted in the passage, '已享受《…安家生活补贴办法》…', is not what the passage is about)
    context = _CITED_TITLE.sub("", piece.context)
    in_context = sum(w for t, w in weights.items() if t not in matched and t in context)
    # Every passage of a document is about the document's topic: '技能奖励…' is asked of the 技能人才奖励细则.
    in_title = sum(w for t, w in weights.items() if t not in matched and t in (piece.chunk.title or ""))
    # A piece that opens with the asked word is about it ('二是新能源汽车人才，…'), not merely mentioning it.
    opening = sum(w for t, w in weights.items() if t in display(text)[:12])
    score = (sum(weights[t] for t in matched) + 0.5 * in_context + 0.3 * in_title + 0.3 * opening) / total
    if strays:
        score -= OTHER_ACTOR
    if "number" in intents:
        score += 0.3 if _DIGIT.search(text) else -0.2
    # A question in a measure ('几个月') is answered by a figure in it ('60个月'), not by the 8000元 beside it.
    if measure is not None:
        score += 0.4 if measure.search(text) else -0.1
    # The smallest span that states the asked kind of value: the cell with the amount, not the remark beside it.
    if kinds:
        stated = [k for k in kinds if ASKS[k].value.search(text)]
        # a rare kind (money, phone…) stated weighs most; a figure or time of any sort a little
        score += (0.4 if any(ASKS[k].rare for k in stated) else 0.2) if stated else -0.1
        # a column or a list named for the asked kind holds it: '申报材料' / '应当提交下列材料：' for what to bring
        # (the most specific kind asked: '对年龄有要求吗' asks an age, not the list of conditions)
        label = header if piece.header is not None else text if introduces(piece) else ""
        named = [k for k in kinds if ASKS[k].rare] or kinds
        # (a list of who may apply is no list of who may not: '哪些情况不能申请')
        excluded = _ASKS_EXCLUDED.search(question) and not _EXCLUDES.search(label)
        if label and not excluded and any(ask.label is not None and ask.label.search(label) for ask in (ASKS[k] for k in named)):
            score += 0.3
        # the asked words of a sentence whose value clause writes none of them count half: '未满5年迁离的，追回…
        # 场地租金补贴' states no length of 场地租金补贴
        score -= ASIDE * _aside(piece, weights, kinds) / total
        # what to submit ('应当提交…花名册、劳动合同') is no answer to who may apply, though both say 应当
        if "condition" in kinds and "procedure" not in kinds and _SUBMITS.search(text):
            score -= 0.3
    if "who" in intents:
        if (
            duty is not None
        ):  # '由谁解释' is asked of the sentence that says who interprets, not of a lead-unit cell
            # (and names who: '审核通过的，在…网公示' writes the duty and nobody doing it)
            score += (0.4 if BODY.search(text) else 0.1) if duty.search(text) else -0.1
        else:
            # the row's responsible-unit cell ('牵头单位', '受理部门'), else a sentence saying who leads or which body
            # an act goes to or through ('向市人才服务中心提交申请'); a sentence naming no body says nobody
            if RESPONSIBLE_COLUMN.search(header):
                score += 0.6
            elif re.search(r"牵头|负责", text) or _BODY_ACTS.search(text):
                score += 0.15
            else:
                score -= 0.1 if BODY.search(text) else 0.3
    if "when" in intents:
        # '多久' asks a length of time ('最长发放36个月'); '哪几个月' months of the year ('每年1月、7月'); '哪年' /
        # '什么时候' a date or a year
        when = (
            _LENGTH if lasting == "length" else _MONTH if lasting == "month"
            else ASKS["deadline"].value if "deadline" in kinds else YEAR
        )
        score += 0.4 if header == "实施年限" or when.search(text) else 0.0
        # '资助周期多长' is answered where the length is said of it ('资助周期为2年'), not of what follows it
        # ('资助周期期满后3个月内提交')
        if lasting == "length" and any(
            _SAID_OF.match(text[text.find(t) + len(t):]) for t in matched if len(t) >= 2 and t in text
        ):
            score += 0.2
        # a sentence saying it gives the window ('申报时间为…', '常年受理') over one that only holds a date
        if "deadline" in kinds and _WINDOW.search(text):
            score += 0.3
        # the date a document is issued, takes effect or replaces another is no answer to when something else happens
        if not {"effective", "validity"} & set(kinds) and _IN_FORCE.search(text):
            score -= 0.3
    # '按年发还是按季度发' is answered by the sentence writing one of them ('每季度发放'), whose words as asked are
    # weak (`analysis.offering`): stating one counts as stating a rare kind of value does
    if choice is not None and choice.stated(f"{header}{text}"):
        score += CHOICE_STATED
    if not years and ("number" in intents or tense):
        # '目标是啥' asks the latest year's figure as '目标是多少' does
        score += _year_column_fit(piece, tense)
    if years and "number" in intents:
        # '2020年…有多少' asks the baseline: the figure of that year, not the 2025 target beside it.
        if any(y in text or y in header for y in years):
            score += 0.3
        elif YEAR.search(text + header):
            score -= 0.2
    if "definition" in intents and (piece.chunk.kind == "footnote" or re.search(r"指|是|即", text)):
        score += 0.3
    if "list" in intents and ("、" in text or "包括" in text):
        score += 0.15
    # '哪些人不能申请' asks who is excluded: the list under '不予支持的情形' / '有下列情形之一的，不予补贴'
    # (and not the list of who may apply)
    if _ASKS_EXCLUDED.search(question):
        announces = introduces(piece) or re.search(r"(?:下列|以下)\S{0,6}[：:]", text)
        score += 0.3 if _EXCLUDES.search(f"{text} {piece.about}") else -0.3 if announces else 0.0
    # '分几档，每档多少' is answered by the items of a tier list ('（一）博士研究生每月2000元；'), not by the sentence
    # beside it that writes the benefit's name and another figure ('租房补贴最长发放36个月')
    if tier:
        score += TIER_ITEM
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
    if (
        len(text) < 8 and not header
    ):  # a cell is short by nature: '120万元' under 安家补贴 is the whole answer
        score -= 0.2
    score += 0.15 / (1 + piece.rank)
    score += _faq_fit(question, piece)
    if _BARE_DATE.match(text):  # a document's signing line ('…局 2026年4月18日') says when it was written, nothing else
        score += 0.4 if _ASKS_ISSUED.search(question) else -0.6
    # a line that only names a form or a document ('1.《2026年度…申报表》（附件1）；') writes the topic's words in
    # the name and states nothing; it answers what to submit or which document, not how much, when or who
    if _NAME_ONLY.match(text) and "procedure" not in kinds and "basis" not in kinds:
        score -= 0.4
    return ScoredPiece(piece, score, matched)


_NAME_ONLY = re.compile(
    r"^\s*(?:附件\s*\d*\s*[：:]?\s*)?(?:[（(]?[\d一二三四五六七八九十]{1,2}[)）.．、]\s*)?《[^》]{2,60}》"
    r"\s*(?:[（(][^）)]{0,12}[）)])?\s*[；;。，,]?\s*$"
)


# A question-and-answer document's question, asked again in other words: at least this share of it in common.
FAQ_LIKENESS = 0.5


def _faq_fit(question: str, piece: Piece) -> float:
    """A piece answering a 政策问答 question ('哪些人可以申请入住人才公寓？') that is the user's question in other
    words ('哪些人可以申请溪南的人才公寓') is the document's own answer to it: up to 0.4 more, by likeness."""
    asked = piece.about
    if not question or not asked.endswith(("？", "?")):
        return 0.0
    likeness = SequenceMatcher(None, question.rstrip("？?"), asked.rstrip("？?"), autojunk=False).ratio()
    return 0.4 * likeness if likeness >= FAQ_LIKENESS else 0.0


_ASKING = re.compile(rf"吗|呢|几|{ASKING}")


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


def select_pieces(
    question: str, pieces: list[Piece], max_chars: int, choice: Choice | None = None
) -> tuple[list[ScoredPiece], dict[int, float]]:
    """Best piece for each part of the question, then close runners-up that add new matched words; and every
    piece's best score over the parts (by id of piece). A `choice` the question offers favours the pieces
    stating one of its alternatives, in the part that offers it."""
    chosen: list[ScoredPiece] = []
    scores: dict[int, float] = {}
    all_terms = question_terms(question)
    for part in _sub_questions(question):
        own = question_terms(part)
        # A part without its own subject ('要达到什么目标？') borrows the subject of the whole question.
        borrowed = 0.3 if sum(1 for w in own.values() if w >= 1.0) > 1 else 0.8
        terms = {**{t: w * borrowed for t, w in all_terms.items()}, **own}
        weights = idf(terms, pieces)
        intents, years = question_intents(part), YEAR_NAMED.findall(question)
        kinds = tuple(asked_kinds(part))
        # the duty asked is the last one named: '青枫人才认定办法谁负责解释' asks who interprets, not who 认定s
        found = DUTY.findall(part)
        duty = re.compile(found[-1]) if found else re.compile(ISSUING) if ISSUES.search(part) else None
        tense = question_tense(part)
        unit = asked_measure(part) if "哪几" not in part else None  # '哪几家公司' asks which, not how many
        measure = re.compile(rf"{NUMBER}\s*[万亿千百]?\s*个?\s*(?:{MEASURE_UNITS[unit]})") if unit else None
        tiered = tier_items(pieces) if ASKS_TIERS.search(part) else set()
        ranked = sorted(
            (
                score_piece(
                    p, weights, intents, years, kinds, tense, measure, duty,
                    "length" if _ASKS_LENGTH.search(part) else "month" if _ASKS_MONTH.search(part) else None,
                    part,
                    choice if choice is not None and all(o in part for o in choice.options) else None,
                    id(p) in tiered,
                )
                for p in pieces
            ),
            key=lambda s: -s.score,
        )
        for scored in ranked:
            scores[id(scored.piece)] = max(scores.get(id(scored.piece), float("-inf")), scored.score)
        if not ranked:
            continue
        best = ranked[0]
        picks = [best]
        covered = set(best.matched)
        for other in ranked[1:6]:
            if other.score < 0.8 * best.score or not (other.matched - covered):
                continue
            # a sentence naming no body says nobody (a responsible-unit cell names one by its column)
            if "who" in intents and not BODY.search(other.piece.text) and not RESPONSIBLE_COLUMN.search(other.piece.header or ""):
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
    return chosen, scores


def _from_top_passage(
    best: ScoredPiece, ranked: list[ScoredPiece], strong: set[str], room: int
) -> list[ScoredPiece]:
    """Open questions ('规划怎么说', '有什么支持') often share few words with the sentences that answer them; the
    passage the retriever ranked first (BM25 and meaning together) is then the better guide. Up to two of its
    sentences that name at least two of the question's subject words join the answer."""
    picks: list[ScoredPiece] = []
    wanted = 1 if best.piece.rank == 0 else 2
    for other in ranked:
        if (
            other.piece.rank != 0
            or other.piece == best.piece
            or other.piece.header in ("牵头单位", "实施年限")
        ):
            continue
        if len(other.matched & strong) < 2 or other.score < 0.4 * best.score or len(other.piece.text) > room:
            continue
        picks.append(other)
        room -= len(other.piece.text)
        if len(picks) == wanted:
            break
    return picks


def _following(
    best: ScoredPiece, pieces: list[Piece], weights: dict[str, float], room: int
) -> list[ScoredPiece]:
    """The sentence after the best one in the same passage: broad questions ('有什么支持') are answered by a
    run of measures, and the next sentence usually continues it."""
    for piece in pieces:
        same = piece.chunk.chunk_id == best.piece.chunk.chunk_id and piece.header == best.piece.header
        if same and piece.position == best.piece.position + 1 and len(piece.text) <= room:
            return [ScoredPiece(piece, best.score * 0.9, frozenset())]
    return []
