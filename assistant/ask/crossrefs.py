"""Cross-references inside one document, resolved: '年龄符合本细则“一、总则”第2项的规定' is said with that item.

    units = Addresses.build(chunks)                      # once per snapshot: every addressable unit per document
    units.find(doc_id, "第三条", "第（一）项")  -> Unit | None
    with_referenced(answer, units) -> Answer             # the answer plus the text its quotes point to, cited

A policy often states a condition by pointing elsewhere in itself ('符合本办法第三条规定条件的', '按本通知第三条第（二）项
执行', '年龄符合本细则“一、总则”第2项的规定', '见附件2'). A user asking the age limit wants the value, not the pointer.

Contract:
- Addresses come from the document's own structure as ingest recorded it (each chunk's section path and text):
  an article (第X条) and its items (（一）/1.) and paragraphs (款); a part ('一、总则', addressed by its numeral or by
  its heading) and its numbered items (a numbered sub-section or an enumerated line); an annex (附件N).
- A reference is read only when it says it is to the same document (本办法 / 本细则 / 本通知 / 本规定 … or 本条 for
  the article the quote stands in; 附件N as a document lists its own annexes). An item number that two
  enumerations of the same part share, an address the document does not have, or a unit the answer already
  quotes: nothing is added.
- What is added is the referenced unit alone, shortened to whole sentences or items (`UNIT_CHARS`), as
  '本办法第三条规定：…[n]' ('附件1：…[n]'), with its own citation; a referenced item is narrowed to the clauses
  writing what the reference qualifies ('年龄符合…第2项的规定' -> the item's age clauses). At most
  `MAX_REFERENCES` per answer, and only while the whole answer stays within `ANSWER_CHARS`. Refusals are left
  as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.ask.pieces import citation, display
from assistant.core.types import Answer, Chunk
from assistant.text.tokens import tokenize_zh

# How much of a referenced unit is said: its first sentences or items up to this many characters.
UNIT_CHARS = 120
MAX_REFERENCES = 2
# An answer stays short: a referenced unit is added only while the whole answer fits in this many characters.
ANSWER_CHARS = 200

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_NUM = r"[一二三四五六七八九十百零〇两\d]{1,5}"


def ordinal(text: str) -> int | None:
    """'三' -> 3, '十二' -> 12, '二十' -> 20, '一百零五' -> 105, '12' -> 12; None when not a number."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _DIGITS and ch not in "十百" for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _DIGITS[ch]
    return total + current


# ---------------------------------------------------------------- the document's addressable units

_ARTICLE = re.compile(rf"^第\s*({_NUM})\s*条$")
_PART = re.compile(r"^([一二三四五六七八九十]{1,3})、\s*(\S.*)$")
_ANNEX = re.compile(r"^附件\s*(\d+)")
# An enumerated line or sub-heading: '（二）…' (bracketed) or '2.…' / '2、…' (plain), and its text after the marker.
_ITEM = re.compile(rf"^\s*(?:[（(]\s*({_NUM})\s*[）)]|(\d{{1,2}})\s*(?:[.．、](?!\d)))\s*(\S.*)$")
_SENTENCE = re.compile(r"[^。；\n]+[。；]?")


@dataclass(frozen=True)
class Unit:
    """One addressable part of a document: the chunk holding it and its exact text there."""

    chunk: Chunk
    text: str


@dataclass
class _Document:
    articles: dict[int, list[Chunk]] = field(default_factory=dict)
    # (part numeral) -> chunks; heading text (without its numeral) -> part numeral
    parts: dict[int, list[Chunk]] = field(default_factory=dict)
    part_names: dict[str, int] = field(default_factory=dict)
    annexes: dict[int, list[Chunk]] = field(default_factory=dict)


def _items(chunks: list[Chunk]) -> list[tuple[int, bool, Unit]]:
    """(number, bracketed, unit) of every numbered line or numbered sub-section of the chunks, in order."""
    found: list[tuple[int, bool, Unit]] = []
    seen_headings: set[str] = set()
    for chunk in chunks:
        segments = chunk.section.split(" > ")
        heading = segments[-1] if len(segments) > 1 else ""
        m = _ITEM.match(heading)
        if m and heading not in seen_headings:  # '四、申领程序 > 1.申报时间': the sub-section is item 1
            seen_headings.add(heading)
            number = ordinal(m.group(1) or m.group(2))
            if number is not None:
                found.append((number, m.group(1) is not None, Unit(chunk, chunk.text.strip())))
            continue
        if m:
            continue
        for line in chunk.text.splitlines():
            m = _ITEM.match(line)
            if m:
                number = ordinal(m.group(1) or m.group(2))
                if number is not None:
                    found.append((number, m.group(1) is not None, Unit(chunk, line.strip())))
    return found


def _pick(items: list[tuple[int, bool, Unit]], number: int, bracketed: bool | None) -> Unit | None:
    """The one item with that number, the marker's style ('第（二）项' -> （二）) deciding between two; None
    when the number is missing or still ambiguous (two enumerations of a part both have a （二）)."""
    same = [unit for n, b, unit in items if n == number]
    if bracketed is not None and len(same) > 1:
        same = [unit for n, b, unit in items if n == number and b == bracketed]
    return same[0] if len(same) == 1 else None


def _paragraph(chunks: list[Chunk], number: int) -> Unit | None:
    """第N款: the article's Nth paragraph (its enumerated items belong to the paragraph before them)."""
    lines = [(c, line.strip()) for c in chunks for line in c.text.splitlines() if line.strip()]
    paragraphs = [(c, line) for c, line in lines if not _ITEM.match(line)]
    return Unit(*paragraphs[number - 1]) if 0 < number <= len(paragraphs) else None


class Addresses:
    """Every document's addressable units, by doc_id (see the module docstring)."""

    def __init__(self, documents: dict[str, _Document]) -> None:
        self._documents = documents

    @classmethod
    def build(cls, chunks: list[Chunk]) -> Addresses:
        documents: dict[str, _Document] = {}
        for chunk in sorted(chunks, key=lambda c: (c.doc_id, c.order)):
            if chunk.kind != "text" or not chunk.section:
                continue
            doc = documents.setdefault(chunk.doc_id, _Document())
            segments = chunk.section.split(" > ")
            annex = _ANNEX.match(segments[0])
            if annex:
                doc.annexes.setdefault(int(annex.group(1)), []).append(chunk)
                continue
            for segment in segments:
                article = _ARTICLE.match(segment)
                if article and (number := ordinal(article.group(1))) is not None:
                    doc.articles.setdefault(number, []).append(chunk)
                    break
                part = _PART.match(segment)
                if part and (number := ordinal(part.group(1))) is not None:
                    doc.parts.setdefault(number, []).append(chunk)
                    doc.part_names.setdefault(_bare(part.group(2)), number)
                    break
        return cls(documents)

    def find(self, doc_id: str, unit: str, item: str | None = None) -> Unit | None:
        """The unit `unit` ('第三条', '一、总则', '总则', '附件2') with its item or paragraph `item` ('第（二）项',
        '第2项', '第一款'), of document `doc_id`; None when the document has no such unit."""
        doc = self._documents.get(doc_id)
        if doc is None:
            return None
        chunks = self._chunks(doc, unit.strip('“”"「」 '))
        if not chunks:
            return None
        if item is None:
            return Unit(chunks[0], "\n".join(c.text.strip() for c in chunks))
        m = re.match(rf"第\s*(?:([（(])\s*)?({_NUM})\s*[）)]?\s*(项|款)", item)
        if m is None or (number := ordinal(m.group(2))) is None:
            return None
        if m.group(3) == "款":
            return _paragraph(chunks, number)
        return _pick(_items(chunks), number, True if m.group(1) else None)

    @staticmethod
    def _chunks(doc: _Document, unit: str) -> list[Chunk]:
        if m := re.fullmatch(rf"第\s*({_NUM})\s*条", unit):
            return doc.articles.get(ordinal(m.group(1)) or -1, [])
        if m := re.fullmatch(r"附件\s*(\d+)", unit):
            return doc.annexes.get(int(m.group(1)), [])
        if m := re.fullmatch(rf"第\s*({_NUM})\s*部分", unit):
            return doc.parts.get(ordinal(m.group(1)) or -1, [])
        if m := _PART.match(unit):
            number = ordinal(m.group(1))
            # the numeral and the heading must agree: '“二、总则”' of a document whose 总则 is 一 is no address
            if number is not None and doc.part_names.get(_bare(m.group(2)), number) == number:
                return doc.parts.get(number, [])
            return []
        number = doc.part_names.get(_bare(unit))
        return doc.parts.get(number, []) if number is not None else []


def _bare(heading: str) -> str:
    return re.sub(r"[\s“”\"]", "", heading).rstrip("。")


# ---------------------------------------------------------------- references in an answer's quotes

_SELF = r"本(?:实施细则|实施办法|暂行办法|办法|细则|通知|规定|意见|条例|方案|标准|措施|决定|指南|公告)"
_ITEM_REF = rf"第\s*(?:[（(]\s*{_NUM}\s*[）)]|{_NUM})\s*(?:项|款)"
_UNIT_REF = rf"第\s*{_NUM}\s*条|[“\"][^”\"]{{1,20}}[”\"](?:部分)?|第\s*{_NUM}\s*部分|附件\s*\d+"
_ONE_REF = rf"(?:(?:{_UNIT_REF})\s*(?:{_ITEM_REF}\s*){{0,2}}|(?:{_ITEM_REF}\s*){{1,2}})"
# '本办法第三条第（一）项', '本细则“一、总则”第2项', '本通知附件2', '本条第二款'; several joined by 、/和/或.
_REFERENCE = re.compile(rf"(?P<doc>{_SELF}|本条)(?P<units>{_ONE_REF}(?:[、和或及]\s*{_ONE_REF})*)")
_ONE = re.compile(rf"(?P<unit>{_UNIT_REF})?\s*(?P<item>(?:{_ITEM_REF}\s*){{0,2}})")
_ANNEX_REF = re.compile(r"(?<![《》])(?:见|详见|参见|按照|按|依照)?附件\s*(\d+)")


@dataclass(frozen=True)
class Reference:
    """A reference as written ('本办法第三条第（一）项') and the address it names."""

    written: str
    unit: str
    items: tuple[str, ...]
    start: int = 0  # where the reference begins in the text it was read from


def references(text: str, own_article: str | None = None) -> list[Reference]:
    """The references to the same document written in `text`; `own_article` ('第五条') is what 本条 names."""
    found: list[Reference] = []
    for m in _REFERENCE.finditer(text):
        for one in _ONE.finditer(m.group("units")):
            if not one.group(0).strip():
                continue
            unit, items = one.group("unit"), re.findall(_ITEM_REF, one.group("item") or "")
            if m.group("doc") == "本条":
                if unit or own_article is None or not items:
                    continue
                unit = own_article
            if not unit:
                continue
            # an item of a paragraph ('第一款第（二）项') is found among the article's items
            items = sorted(items, key=lambda i: not i.endswith("项"))[:1]
            found.append(Reference(m.group("doc") + one.group(0).strip(), unit, tuple(items), m.start()))
    for m in _ANNEX_REF.finditer(text):
        if not any(f"附件{m.group(1)}" in r.unit.replace(" ", "") for r in found):
            found.append(Reference(f"附件{m.group(1)}", f"附件{m.group(1)}", (), m.start()))
    return found


def _shortened(text: str) -> str:
    """The unit's first lines (items stay whole) or sentences within `UNIT_CHARS`, lines kept apart; the first
    sentence always."""
    kept: list[str] = []
    size = 0
    for raw in text.splitlines():
        line = ""
        for sentence in _SENTENCE.findall(raw.strip()):
            if (size or line) and size + len(line) + len(sentence) > UNIT_CHARS:
                break
            line += sentence
        if line:
            kept.append(line)
            size += len(line)
        if line != raw.strip():
            break
    return "\n".join(kept)[: UNIT_CHARS * 2]


# Words that say how a reference applies, not what about: '年龄符合…' asks the age, '符合…' asks everything.
_HOW = frozenset(
    {"符合", "按照", "依照", "根据", "参照", "执行", "规定", "应当", "须", "需", "的", "中", "和", "及", "与"}
)
_CLAUSE = re.compile(r"[^，,；;。、\n]+[，,；;。、]?")


def _about(quote: str, ref: Reference) -> list[str]:
    """What the quote refers to the unit for: the words of its clause before the reference ('年龄和职业资格符合本通知…'
    -> 年龄, 职业资格); none when the reference stands for the whole unit ('符合本办法第三条规定条件的')."""
    clause = re.split(r"[，,；;。：:]", quote[: ref.start])[-1]
    clause = _ENUM_OPENING.sub("", clause)
    return [t for t in tokenize_zh(clause) if len(t) >= 2 and t not in _HOW]


_ENUM_OPENING = re.compile(r"^\s*(?:[（(][^）)]{1,3}[）)]|\d{1,2}\s*[.．、])")


def _narrowed(text: str, about: list[str]) -> str:
    """The run of clauses of the unit from the first to the last that writes one of `about` (an exact substring):
    '年龄不超过35周岁的人员；博士研究生年龄放宽至40周岁。' of the 总则 item, for '年龄符合…'. The unit as it is when
    `about` is empty or no clause writes it, or when the words name the unit's introduction ('…下列条件：')."""
    if not about:
        return text
    clauses = [m for m in _CLAUSE.finditer(text) if m.group().strip()]
    hits = [m for m in clauses if any(word in m.group() for word in about)]
    if not hits or any(m.group().rstrip().endswith(("：", ":")) for m in hits):
        return text
    return text[hits[0].start() : hits[-1].end()].strip()


def _shown(text: str) -> str:
    """The unit as the answer says it: each line without its number, joined by '；'."""
    text = re.sub(r"^\s*(?:是指|指)", "", text)  # a definition's body, narrowed: '取得技师…的人员'
    lines = [display(line) for line in re.split(r"(?<=[：:；;。])|\n", text) if display(line)]
    return "".join(f"{line}{'' if line.endswith(('：', ':')) else '；'}" for line in lines).rstrip("；")


def with_referenced(answer: Answer, addresses: Addresses) -> Answer:
    """`answer` followed by the units its quotes refer to in their own document (see the module docstring)."""
    if not answer.answerable or not answer.citations:
        return answer
    text, citations = answer.answer.rstrip(), list(answer.citations)
    said = display(re.sub(r"\[\d+\]", "", text))
    added = 0
    for cited in answer.citations:
        article = next((s for s in cited.section.split(" > ") if _ARTICLE.match(s)), None)
        for ref in references(cited.quote, article):
            if added >= MAX_REFERENCES:
                break
            unit = addresses.find(cited.doc_id, ref.unit, ref.items[0] if ref.items else None)
            if unit is None:
                continue
            # an item is narrowed to what the reference asks of it; an article or annex is said from its start
            quoted = _shortened(_narrowed(unit.text, _about(cited.quote, ref)) if ref.items else unit.text)
            shown = _shown(quoted)
            # a unit the answer already says, or the quote pointing at itself, adds nothing
            if not shown or shown[:20] in said or display(cited.quote)[:20] in shown:
                continue
            said_as = f"{ref.written}：" if ref.unit.startswith("附件") else f"{ref.written}规定："
            addition = f"{said_as}{shown}[{len(citations) + 1}]。"
            if len(text) + len(addition) > ANSWER_CHARS:
                continue
            citations.append(citation(len(citations) + 1, unit.chunk, quoted))
            text += addition
            said += shown
            added += 1
    if not added:
        return answer
    return answer.model_copy(update={"answer": text, "citations": citations})
