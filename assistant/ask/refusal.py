"""Refusals: "the documents do not say", said plainly, with what they say nearby and whom to ask.

    refusal(question, missing, best, pieces, what=None, hotline="") -> Answer (answerable=False)
    unmentioned(question, hits) -> "车位" | None            a subject noun no retrieved passage writes (or an
                                                            act applied for, a tier, another edition)

Contract:
- The refusal names what is missing (the kinds of value asked, or the unknown subject), quotes the closest passage
  when it is close enough, and names whom to ask only when that contact belongs to what was asked: the lead unit
  of the row asked about, else the phone number the asked document gives, else the deployment's own hotline
  (settings), else nobody.
"""

from __future__ import annotations

import re

import jieba
import jieba.posseg as pseg

from assistant.ask.analysis import INTERROGATIVE, question_terms, subject_terms
from assistant.ask.kinds import ASKS
from assistant.ask.pieces import Piece, ScoredPiece, citation, display, phrase, quote, trim
from assistant.core.types import Answer, Citation, ScoredChunk


def _lead_unit_nearby(pieces: list[Piece]) -> Piece | None:
    return next((p for p in pieces if p.header == "牵头单位" and p.rank <= 1), None)


def _contact_nearby(best: ScoredPiece | None, pieces: list[Piece]) -> Piece | None:
    """A sentence of the asked-about passage's own document that gives a phone number: the document's contact."""
    if best is None or best.score <= 0.25:
        return None
    phone = ASKS["phone"].value
    return next((p for p in pieces if p.chunk.doc_id == best.piece.chunk.doc_id and phone.search(p.text)), None)


def refusal(
    question: str,
    missing: list[str],
    best: ScoredPiece | None,
    pieces: list[Piece],
    what: str | None = None,
    hotline: str = "",
    *,
    about_subject: bool = False,
    within: str = "",
) -> Answer:
    """`about_subject`: the documents do not speak of what the question is about (not merely of the asked value);
    a later part of the question that borrows this subject is refused with it (`compound`). `within`: the title
    of the document the question names, which the refusal names ('《…》中没有明确…')."""
    what = what or ("、".join(ASKS[m].what for m in missing) if missing else "与这个问题直接相关的内容")
    text = f"《{within}》中没有明确{what}。" if within else f"文件中没有明确{what}。"
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
        # the contact line may say how already ('咨询电话：…'): '具体请咨询咨询电话' says it twice
        text += f"具体请{'' if where.startswith('咨询') else '咨询'}{where}。"
    return Answer(answer=text, answerable=False, confidence=0.8 if missing else 0.5, citations=citations,
                  route="refusal", refused_for="subject" if about_subject else "value")


# Nouns that frame a question, not its subject: which body, what sort, what it is called ('归哪个单位', '哪些方向',
# '起点数值'). The frame words of `analysis.WEAK_TERMS` (部门, 时候, 问题, 情况 …) are no subject words already.
_FRAME_NOUNS = frozenset(
    "单位 机构 意思 方向 环节 起点 终点 名下 盘子 月份 年份 外地 本地 地方 东西 事情 事儿 "
    "类型 种类 类别 数字 数值 数据 名字 名称 要求 条件 标准 办法 手续 材料 程序 方式 渠道 途径 "
    "名额 人数 个数 数量".split()  # '多少名额' asks a count
)
# A two-character name of a kind of person ('医生', '老师', '工人') is written many ways ('医师', '教师', '职工'):
# not knowing it is no sign the documents do not speak of such people.
_PERSON_ENDINGS = frozenset("生师员者人家工士手匠")
# How a question asks for a way of doing something, and the verbs of speech that name no particular act
# ('怎么拿到', '怎么弄', '如何办理', '怎么申请' are asked of any document).
_HOW = frozenset({"怎么", "如何", "怎样", "咋"})
_COLLOQUIAL_ACT = re.compile(r"^(?:\w[上下出进回起过到完掉住开了着]|办理|申请|申报|操作|处理|进行|解决|办|弄|搞)$")
# Verbs of applying: the act after them that ends the question is what is applied for ('能申请复议吗'), a subject
# of the question ('申请交给哪个单位' asks where the application goes).
_APPLY = frozenset({"申请", "提出", "提起", "申报"})
_ENDS_ASKING = frozenset({"吗", "么", "呢", "？", "?", "，", ",", "。", "不"})
# Locatives after a noun: '表里' is where in the document, not a thing of its own.
_LOCATIVES = frozenset("里中内上")


# a year's round or edition: '2023年度', '2024年第一批', '（2021年版）'
_EDITION = re.compile(r"((?:19|20)\d\d)\s*年\s*(?:度|版|第\s*([一二三四五六七八九十\d]{1,3})\s*批)")


def _covers(title_edition: tuple[str, str], asked: tuple[str, str]) -> bool:
    """A document of 2026年度 (or 2026年版) is of every round of 2026; one of 2026年第一批 is not of 2026年第二批."""
    (year, batch), (asked_year, asked_batch) = title_edition, asked
    return year == asked_year and (not batch or not asked_batch or batch == asked_batch)


def _other_edition(question: str, hits: list[ScoredChunk]) -> str | None:
    """An edition the documents are not of ('2023年度名单' asked of the 2024年度 notice, '2021年版的条件' of the
    2025年版 standard, '第二批名单' of the 第一批 公示). A document of one edition names others only as earlier or
    later rounds ('已享受2025年度补贴的', '（2021年版）同时废止'): only a document whose title names no edition
    speaks of the asked one by writing it."""
    titles = {h.chunk.doc_id: h.chunk.title or "" for h in hits}
    editions = [e for t in titles.values() for e in _EDITION.findall(t)]
    if not editions:
        return None
    plain = " ".join(
        f"{h.chunk.section} {h.chunk.text}" for h in hits if not _EDITION.search(titles[h.chunk.doc_id])
    ).replace(" ", "")
    for match in _EDITION.finditer(question):
        asked = (match.group(1), match.group(2) or "")
        if any(_covers(e, asked) for e in editions):
            continue
        written = [(m.group(1), m.group(2) or "") for m in _EDITION.finditer(plain)]
        if not any(_covers(e, asked) or _covers(asked, e) for e in written):
            return match.group()
    return None


_LETTER_TIER = re.compile(r"(?<![A-Za-z])([A-Za-z])\s*([类档级])")


def _written_in_parts(word: str, seen: str) -> bool:
    """The word is a run of shorter words the passages write, each of two characters or more ('以上学历': 以上 and
    学历 are written, though the 上学 a search cut also finds is not)."""
    ends = {0}  # where a run of written parts can end
    for end in range(2, len(word) + 1):
        if any(word[start:end] in seen for start in ends if 2 <= end - start < len(word)):
            ends.add(end)
    return len(word) in ends


def unmentioned(question: str, hits: list[ScoredChunk]) -> str | None:
    """A subject noun (个人所得税, 永久居留证, 车位) that no retrieved passage writes, in its title, section or
    text: the documents do not speak of it, so no passage can answer for it. Only dictionary nouns count: a
    colloquial verb ('批下来', '交上去') or a mis-cut run is how people ask, not what they ask; a two-character
    word only when it is a plain noun that does not frame the question ('问题', '部门') nor shorten a phrase the
    passages write ('社工' for 社会工作). Words of `wording.SAME_MEANING` arrive in the passages' words."""
    terms = set(subject_terms(question)[0])
    seen = " ".join(f"{h.chunk.title} {h.chunk.section} {h.chunk.text}" for h in hits).replace(" ", "")
    # an edition the documents are not of: another year's round
    edition = _other_edition(question, hits)
    if edition:
        return edition
    # a tier the passages' tiers do not include ('E类' of a table of A类…D类) is no tier of theirs
    for letter, classifier in _LETTER_TIER.findall(question):
        tiers = set(re.findall(rf"(?<![A-Za-z])([A-Za-z])\s*{classifier}", seen))
        if len(tiers) >= 2 and letter.upper() not in {t.upper() for t in tiers}:
            return f"{letter}{classifier}"
    tagged = pseg.lcut(question)
    for at, (word, flag) in enumerate(tagged):
        if word not in terms or len(word) < 2 or INTERROGATIVE.search(word) or not jieba.dt.FREQ.get(word):
            continue
        # the act a how-question asks ('证书丢了怎么补办'): a plain verb right after 怎么/如何/怎样
        asked_act = flag == "v" and at > 0 and tagged[at - 1].word in _HOW and not _COLLOQUIAL_ACT.match(word)
        # or the act applied for ('能申请复议吗', '可以提出复核吗'): what one applies for is what is asked about
        asked_act = asked_act or (
            flag[0] == "v"
            and at > 0
            and tagged[at - 1].word in _APPLY
            and not _COLLOQUIAL_ACT.match(word)
            and (at + 1 == len(tagged) or tagged[at + 1].word in _ENDS_ASKING)
        )
        if not asked_act:
            if len(word) == 2 and (flag != "n" or word in _FRAME_NOUNS or word[-1] in _PERSON_ENDINGS):
                continue
            if not (flag[0] == "n" or flag == "l" and len(word) >= 4):  # '招进来' is an idiom too, but a verb
                continue
        # a word holding how a kind of value is asked ('联系电话', '办公地址') asks for the value, whatever the
        # passages call it ('咨询电话')
        if any(ask.cue.search(word) for ask in ASKS.values()):
            continue
        # a place in the document ('那个表里', '文中'): a character or a noun the passages write, with a locative
        if word[-1] in _LOCATIVES and (len(word) == 2 or word[:-1] in seen):
            continue
        # Known when the passages write it, or every word it is made of ('岗位补贴': 岗位 and 补贴 are both
        # written), or a run of words they write ('以上学历'); unknown when a part of it is written nowhere
        # ('个人所得税': 所得 is not).
        parts = [w for w in jieba.lcut_for_search(word) if len(w) >= 2 and w != word]
        if word in seen or parts and all(w in seen for w in parts) or _written_in_parts(word, seen):
            continue
        # a two-character word may shorten a longer one the passages write ('社工' for 社会工作, '高企' for
        # 高新技术企业): its characters in order within one phrase
        if len(word) == 2 and re.search(rf"{word[0]}[^\W\d]{{1,6}}?{word[1]}", seen):
            continue
        return word
    return None
