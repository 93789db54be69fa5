"""Does a passage state what was asked? The check that stands between an answer and a refusal.

    supported(kind, question, pieces) -> bool     a top piece states the asked kind of value about the subject
    supporting(kind, question, pieces) -> [Piece] the pieces that do
    subject_shares(question, chosen, pieces) -> [float]  how much of the asked subject each piece is about
    idf(terms, pieces) -> {term: weight}          a term's weight by how rare it is among the candidate pieces

Contract:
- A piece supports an asked kind when it states that kind of value (`kinds.ASKS[kind].value`; a count by a
  figure that is no year, date or document number), in the asked measure and year when the question names them,
  about most of the question's subject (by idf weight, full credit for a short form of a phrase it writes, half
  credit for the characters a paraphrase keeps: `SUPPORT`), and, for money, about the kind of money asked (a
  named benefit such as 生活补贴 only by that benefit).
- A rule whose condition names another actor than the question's, serving the question's ('人力资源服务机构为
  本市企业成功引进…的' for '企业招进来一个博士…'), gets no credit for the question's actor it so writes (`actors`).
- A table cell of the asked kind needs only a third of the subject when the question names its row (`names_row`:
  the row's name without qualifiers, or most of it in order): a row is answerable by its key and the asked
  column, however the question words the rest ('盘子', '开局时'). A cell whose row is a sibling of the one
  asked (same kind of name, another qualifier: '初级工' against 高级工; a run of nouns sharing more than its head
  noun: '化工工艺工程师' against 生物制药工艺工程师) never supports, nor does a sum the same document states outside
  that table without naming the asked category.
- A table cell is also about the sentence introducing its table ('首次取得下列职业技能等级证书的，按下表给予…：').
"""

from __future__ import annotations

import math
import re
from difflib import SequenceMatcher

import jieba.posseg as pseg

from assistant.ask.actors import other_actor
from assistant.ask.analysis import YEAR_NAMED, named_benefits, subject_terms
from assistant.ask.kinds import ASKS, MEASURE_UNITS, MONEY_NOUNS, NUMBER, asked_measure, noun_kin
from assistant.ask.pieces import Piece, display
from assistant.ask.wording import shortens
from assistant.text import values


def idf(terms: dict[str, float], pieces: list[Piece]) -> dict[str, float]:
    """Weight each term by how rare it is among the candidate pieces (a term in every piece says little)."""
    n = max(len(pieces), 1)
    weights: dict[str, float] = {}
    for term, base in terms.items():
        df = sum(1 for p in pieces if term in p.text)
        weights[term] = base * (0.5 + math.log(1 + n / (1 + df)))
    return weights


# How much of the question's subject a value-bearing sentence must name, by idf weight. A paraphrased verb
# (提高 / 达到) costs a little; a subject the passages never mention (永久居留, 公积金) costs most of it.
SUPPORT = 0.5
# A cell whose row the question names needs less of the rest: the row's key is most of what is asked about.
SUPPORT_NAMED_ROW = 1 / 3


def credit(term: str, about: str) -> float:
    """1 for a term the passage writes, or shortens ('社保' of '缴纳社会保险', `wording.shortens`); for one it does
    not, half the share of its characters it does write ('新版' against '（2025年版）', '进驻' against '入驻'): a
    paraphrase keeps some of its characters."""
    if term in about or shortens(term, about):
        return 1.0
    return 0.5 * sum(1 for ch in term if ch in about) / len(term)


# Parts of speech that say how a person asks, not what about: idioms, numerals, time words, pronouns, adverbs,
# particles. A passage need not repeat them to answer.
_ASKING_POS = re.compile(r"^(?:l|m|mq|t|tg|r|d|p|c|u\w*|y|e|o|q|f|x|zg)$")
# A verb with a direction or result after it ('招进来', '查出来', '批下来') or a potential infix ('登不上去',
# '办得了') is how the asker talks about an act the passage names otherwise ('引进', '弄虚作假的'); a plain verb
# ('减免', '补办') is what is asked about.
_COLLOQUIAL_VERB = re.compile(
    r"^\w+[来去]$|^\w[上下出进回起过到完掉住开]来?$|^\w[不得]\w*$"
    # and how jieba cuts speech: a verb with its aspect ('领了', '发了'), an adverb with a verb ('就去'), a word
    # with the modal after it ('钱要')
    r"|^\w[了着]$|^[就才都也还又再]\w$|^\w[要会能想]$"
)
# A modal ('不能', '可以', '是否') says how a rule is asked about ('年龄不能超过多少'), never what.
_MODAL = re.compile(r"^(?:[不没](?:能|得|会|可|要|用|够|准|许)\w?|能否|是否|可否|可以|能够|应当|应该)$")


def _named(question: str, terms: list[str]) -> list[str]:
    """The subject terms that name something: nouns, names, verbal nouns such as 补贴, attributes such as 高层次,
    plain verbs. A term jieba tags as a numeral, time word, idiom … in this question, or a colloquial verb
    compound, is how it is asked."""
    tags = {word: flag for word, flag in pseg.lcut(question)}

    def asking(term: str) -> bool:
        flag = tags.get(term)
        # a figure ('525') names a programme here: years were taken out with the asking words already
        if _MODAL.match(term):
            return True
        if any(ch.isdigit() for ch in term):
            return False
        if flag is None:  # a run jieba did not cut as one word ('发了', '钱要'): speech, when it reads as such
            return bool(_COLLOQUIAL_VERB.match(term))
        if flag == "l":  # an idiom is four characters or more ('来龙去脉'); jieba tags some trades 'l' too (初级工)
            return len(term) >= 4
        if _ASKING_POS.match(flag):
            return True
        return flag.startswith("v") and flag != "vn" and bool(_COLLOQUIAL_VERB.match(term))

    return [t for t in terms if not asking(t)]


def _subject(question: str, pieces: list[Piece]) -> dict[str, float]:
    """The question's naming subject terms, weighted by how rare they are among the candidate pieces."""
    terms, rejoined = subject_terms(question)
    terms = _named(question, terms)
    # A rejoined run counts only where the passages write it: otherwise it is more likely two stray characters.
    terms = [t for t in terms if t not in rejoined or any(t in p.text for p in pieces)]
    return idf(dict.fromkeys(terms, 1.0), pieces)


def _about(piece: Piece) -> str:
    """What a piece is about: its words, its row and column, its headings, its document, its introduction."""
    return (
        f"{piece.text} {piece.row_name or ''} {piece.header or ''} {piece.chunk.section} "
        f"{piece.chunk.title or ''} {piece.lead_in}"
    )


def _covers(
    weights: dict[str, float], about: str, share: float = SUPPORT, without: frozenset[str] = frozenset()
) -> bool:
    """Does `about` name `share` of the weighted terms (those `without` counting for nothing)?"""
    total = sum(weights.values())
    return not total or sum(w * credit(t, about) for t, w in weights.items() if t not in without) >= share * total


# What a row name says without its qualifiers: '高级工（三级）' is named by '高级工', “双一流”高校 by 双一流高校.
_QUALIFIER = re.compile(r"[（(][^）)]*[）)]|[“”\"‘’'《》]")
# How much of a row's name a question must write, in order, to name the row ('义务教育标准化学校比例' names
# '通过省义务教育管理标准化学校比例'): most of it. A short name ('高级工') is named only whole: two of its
# characters ('级工' of 初级工) name another row.
ROW_NAMED = 2 / 3
_ROW_MIN_CHARS = 3
_ROW_FUZZY_CHARS = 6


def names_row(question: str, piece: Piece) -> bool:
    """Does the question name the table row this cell is in? A row is answerable by its key and the asked column
    ('人才资源总量的盘子要做到多大' → 人才资源总量 | 2025年), whatever other words the question uses."""
    if piece.header is None or not piece.row_name:
        return False
    key = _QUALIFIER.sub("", piece.row_name)
    if len(key) < _ROW_MIN_CHARS:
        return False
    if key in question:
        return True
    if len(key) < _ROW_FUZZY_CHARS:
        return False
    blocks = SequenceMatcher(None, key, question, autojunk=False).get_matching_blocks()
    # only runs of two or more characters count: single characters match anything
    kept = sum(b.size for b in blocks if b.size >= 2)
    return kept >= ROW_NAMED * len(key)


# Two names of the same kind differ only in a short qualifier before a shared ending: 初级工 / 高级工, 硕士 / 博士,
# 中级职称 / 高级职称 — not 用地 / 实训基地, which only end alike.
_QUALIFIER_CHARS = 2


def siblings(term: str, key: str) -> bool:
    """'初级工' and '高级工': the same kind of name, another qualifier."""
    shared = 0
    while shared < min(len(term), len(key)) and term[-1 - shared] == key[-1 - shared]:
        shared += 1
    return 0 < shared and 0 < len(term) - shared <= _QUALIFIER_CHARS and 0 < len(key) - shared <= _QUALIFIER_CHARS


def _noun_runs(question: str) -> list[tuple[str, int]]:
    """The names a question writes as a run of two or more nouns ('化工工艺工程师', '硕士研究生'): one name, though
    jieba cuts it into words; each with the length of its head, its last word."""
    runs: list[list[str]] = [[]]
    for word, flag in pseg.lcut(question):
        if flag.startswith("n") and flag != "ns" and len(word) >= 2:
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    return [("".join(run), len(run[-1])) for run in runs if len(run) >= 2]


# A run of nouns names a sibling of a row ('化工工艺工程师' of '生物制药工艺工程师', '硕士研究生' of '全职博士研究生')
# when it shares more of the row's ending than a head noun ('…补贴', '…人才', '…工作站' end many names of other
# kinds) and differs before it in a short qualifier; the row's own qualifier may be longer ('全职博' + 士研究生).
_RUN_SHARED_CHARS = 3


def _run_sibling(run: str, key: str, head: int) -> bool:
    shared = 0
    while shared < min(len(run), len(key)) and run[-1 - shared] == key[-1 - shared]:
        shared += 1
    return (
        shared >= _RUN_SHARED_CHARS
        and shared > head
        and 0 < len(run) - shared <= _QUALIFIER_CHARS
        and len(key) > shared
    )


def missing_rows(
    terms: dict[str, float], pieces: list[Piece], question: str = ""
) -> dict[tuple[str, str], list[str]]:
    """The tables (doc id, table name) that lack a row the question asks for, each with the names asked that it
    lacks. A table lists its categories: a question term of the same kind as a row's name ('初级工' against
    '高级工（三级）', '中级职称' against '高级职称'), or a run of nouns of the question of the same kind ('化工工艺
    工程师' against '生物制药工艺工程师'), that no row of the table writes asks for a row the table does not have,
    so none of its cells answers."""
    keys: dict[tuple[str, str], list[str]] = {}
    for piece in pieces:
        if piece.header is not None and piece.row_name and piece.chunk.table:
            keys.setdefault((piece.chunk.doc_id, piece.chunk.table), []).append(_QUALIFIER.sub("", piece.row_name))
    runs = _noun_runs(question) if question else []
    missing: dict[tuple[str, str], list[str]] = {}
    for table, names in keys.items():
        asked = [t for t in terms if any(siblings(t, k) for k in names) and not any(t in k for k in names)]
        asked += [
            run for run, head in runs if any(_run_sibling(run, k, head) for k in names) and not any(run in k for k in names)
        ]
        if asked:
            missing[table] = asked
    return missing


def on_subject(question: str, chosen: list[Piece], pieces: list[Piece]) -> bool:
    """Is one of the chosen pieces about most of what the question names? A question that asks no kind of value
    ('公寓能养宠物吗', '证书丢了怎么补办') is answered only by a passage about its subject, not by its neighbour."""
    weights = _subject(question, pieces)
    return any(_covers(weights, _about(piece)) for piece in chosen)


def subject_shares(
    question: str, chosen: list[Piece], pieces: list[Piece], *, passage: bool = False
) -> list[float]:
    """How much of what the question names each chosen piece is about (0 to 1, as `on_subject` weighs it), or
    with `passage` the piece and the passage it stands in: '安家补贴…' is about the sentence under 安家补贴 whole,
    and about one under 购房补贴 in part."""
    weights = _subject(question, pieces)
    total = sum(weights.values())
    if not total:
        return [1.0 for _ in chosen]
    abouts = [f"{_about(p)} {p.context}" if passage else _about(p) for p in chosen]
    return [sum(w * credit(t, about) for t, w in weights.items()) / total for about in abouts]


def supported(kind: str, question: str, pieces: list[Piece]) -> bool:
    """Does a top passage state the asked kind of value in a sentence about the asked subject?"""
    return bool(supporting(kind, question, pieces))


def supporting(kind: str, question: str, pieces: list[Piece]) -> list[Piece]:
    """The top pieces that state the asked kind of value about the asked subject, in the pieces' order."""
    ask = ASKS[kind]
    weights = _subject(question, pieces)
    measure = asked_measure(question) if kind == "quantity" else None
    in_measure = re.compile(rf"{NUMBER}\s*[万亿千百]?\s*个?\s*(?:{MEASURE_UNITS[measure]})") if measure else None
    nouns = set(re.findall(MONEY_NOUNS, question)) if kind == "money" else set()
    found_noun = _COUNTED.search(question) if kind == "quantity" else None
    counted = found_noun.group(1)[:2] if found_noun else ""
    named = named_benefits(question) if kind == "money" else []
    pieces = [p for p in pieces if p.chunk.kind != "meta"] or pieces
    incomplete = missing_rows(weights, pieces, question)
    absent = [name for names in incomplete.values() for name in names]
    categories = _categories(question, pieces) if kind in _FIGURES else []
    found: list[Piece] = []
    for piece in pieces:
        # an item states its value through its introduction: "应当提交下列材料：" + "身份证复印件"
        stated = f"{piece.lead_in}{piece.text}"
        if kind == "quantity":  # a year, date or document number is no count
            stated = values.NOT_A_COUNT.sub("", stated)
            if counted:  # '几个名额' counts a thing: a sum, an age or a span is no count of it
                stated = _OTHER_MEASURE.sub("", stated)
            if counted and counted not in f"{piece.lead_in}{piece.chunk.section}":
                # nor is the number of an item of a list of other things ('1.《申报书》' for '几个名额')
                stated = values.ITEM_NUMBER.sub("", stated)
        # a cell under a column named for the kind states it however it is written ('受理部门：区人社局' is where
        # to apply, '办理时限：即时办理' how long); a sum must still be written as one
        labelled = piece.header is not None and kind != "money" and ask.label is not None and bool(
            ask.label.search(piece.header)
        )
        if piece.rank > 5 or not (labelled or ask.value.search(stated)):
            continue
        if in_measure is not None and not in_measure.search(piece.text + piece.unit):
            continue
        about = _about(piece)
        # '多少奖励' is answered by an amount of a reward: the noun (or a word of its kind: 补助 for 补贴) may stand
        # in the cell's column or the heading; a named benefit ('生活补贴') must be that benefit, not another sum.
        where = f"{about} {piece.chunk.section}"
        if nouns and not any(n in where for n in noun_kin(nouns)):
            continue
        # '博士安家费' names a person, whom the row names ('博士研究生 — 安家补贴'); '生活补贴' names a benefit — which
        # the passage may have named in a sentence before ('按实际租金的50%给予补贴。…补贴比例提高到70%')
        said = f"{where} {piece.preceding}" if named else where
        if any(head not in said and not any(v in said for v in variants) for head, variants in named):
            continue
        # A category the documents tell apart ('创业类' beside 创新类) is answered by a figure said of it, not by the
        # programme's total ('计划遴选…不超过60名' does not say how many 创业类).
        if any(f"{c}类" not in about for c in categories):
            continue
        # A figure of another year does not answer for the year asked ('2022年引进了多少' vs the 2025 target).
        if kind == "quantity" and not all(y in about for y in YEAR_NAMED.findall(question)):
            continue
        if piece.header is not None and (piece.chunk.doc_id, piece.chunk.table) in incomplete:
            continue
        # a document that sets its sums by a table of categories sets none for a category the table lacks: its
        # other sentences' sums ('按实际发放安家补贴的10%…') are said of the categories it lists, unless they name
        # the one asked
        if (
            kind in _FIGURES
            and any(doc == piece.chunk.doc_id for doc, _ in incomplete)
            and not any(name in piece.text for name in absent)
        ):
            continue
        # a rule about another actor ('人力资源服务机构为本市企业…的') is not about the question's ('企业…'):
        # the question's actor written there counts for nothing (`actors.other_actor`)
        strays = frozenset(other_actor(question, piece.text, weights))
        if _covers(weights, about, SUPPORT_NAMED_ROW if names_row(question, piece) else SUPPORT, strays):
            found.append(piece)
        elif kind in _CONTACT_KINDS and _CONTACT_LINE.match(display(piece.text)) and any(
            p.chunk.doc_id == piece.chunk.doc_id and _covers(weights, _about(p)) for p in pieces
        ):
            # a document's contact line ('咨询电话：…') is the contact for every topic of that document
            found.append(piece)
    return found


# A category a question names by its word ('创业类', '技能类'; a letter tier is `refusal`'s), for a figure.
_CATEGORY = re.compile(r"([\u4e00-\u9fff]{2})类")
_FIGURES = frozenset({"quantity", "money"})

def _categories(question: str, pieces: list[Piece]) -> list[str]:
    """The categories the question names by their word ('创业类') that the passages tell apart by it."""
    asked = _CATEGORY.findall(question)
    if not asked:
        return []
    written = " ".join(f"{p.text} {p.row_name or ''}" for p in pieces)
    return [c for c in asked if f"{c}类" in written]


# The thing a count question counts: '几个名额' -> 名额, '几项材料' -> 材料.
_COUNTED = re.compile(r"几\s*[个项件类档种步批名位家所份条](?![月年天日小周星])\s*([\u4e00-\u9fff]{2,4})")

_OTHER_MEASURE = re.compile(rf"{NUMBER}\s*[万亿千百]?\s*(?:元|周岁|岁|个月|年|月|日|天|小时|%|％|倍)")

_CONTACT_KINDS = frozenset({"phone", "email", "web"})
# A line that only gives a contact: '咨询电话：0595-…（…中心）', '（三）联系方式：…', '电子邮箱：…'.
_CONTACT_LINE = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*)?(?:咨询|联系|服务|办事|监督|投诉)?"
    r"(?:电话|方式|人|邮箱|电子邮箱|网址|网站)\s*[：:]"
)
