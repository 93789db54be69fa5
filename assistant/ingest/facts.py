"""Facts: typed records lifted from a document's tables, footnotes and target sentences.

    extract_facts(doc, tables, chunks) -> list[Fact]

The table's header decides what a row means, never the row's text:
- a 牵头单位 / 实施年限 / 主要内容 / 项目内容 column -> 'programme' facts (group = the 重点工程/重点项目/重点平台/
  重点政策 column header, else the table's name);
- two year columns (2020年, 2025年) and a 单位 column -> 'indicator' facts (baseline = earlier year, target = later);
- a 人才需求 column -> 'industry_need' facts (group = the merged column before the industry);
- footnotes and sentences "X指Y" / "X是指Y" -> 'definition' facts;
- target sentences in prose ("到2025年，…达到N人", "力争“十四五”末，…超N家") -> 'indicator' facts without a
  baseline, quote = the sentence part that holds them.
Then the facts of any policy document (`policy_facts`: amounts, durations, conditions, age limits, windows,
deadlines, processing times, materials, channels, contacts, responsible units, effective dates, sanctions)
from every table not read by the rules above and from every sentence.
Every fact keeps its verbatim quote (a row's cells joined by a tab, or the sentence), its page and the id of
the chunk that holds that text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from assistant.core.types import Chunk, Fact, FactKind, Footnote, Paragraph, RawDocument, TableRows
from assistant.ingest.fact_builder import fact_id
from assistant.ingest.policy_facts import policy_facts
from assistant.ingest.tables import column_roles

_YEAR_HEADER = re.compile(r"^(?:[^\d]*?)((?:19|20)\d{2})\s*年?")
_GROUP_WORD = re.compile(r"重点(?:工程|项目|平台|政策|任务)")
_UNIT_SPLIT = re.compile(r"[\s\u3000、，,；;/]+")
_DEFINITION = re.compile(
    r"^(?P<term>[^，。；：、]{1,30}?)(?:是指|指)(?!导|标|挥|数|引|南|出|定|向|派|令|明|针|的是)(?P<body>.{2,})$"
)
_PLAN_PERIOD_END = r"“?十[一二三四五六七八九]五”?\s*末"  # the end of any five-year plan period
_TARGET_MARKER = re.compile(rf"到\s*20\d\d\s*年|{_PLAN_PERIOD_END}|力争")
_NUMERAL = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)"
_MEASURE = r"%|万人次|人次|万人|万名|亿元|万元|人|名|家|个|件|所|项|座|间"
_MEASURE_CHARS = "%人名家个件所项座间次元"
_TARGET_CLAUSE = re.compile(
    rf"^(?P<name>.*?[\u4e00-\u9fff）)])\s*(?P<verb>达到|达|超过|超|为|约|至少)?\s*"
    rf"(?P<value>{_NUMERAL})\s*(?P<unit>{_MEASURE})(?P<tail>以上|左右)?$"
)
# A space between two Chinese characters says nothing in running prose; a PDF's text layer has stray ones
# ('开展职业技能培训 鉴定', '新增双创载体50家 以上') that would split a name or a '以上'.
_HAN_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_LEADING_MARKERS = re.compile(rf"^(?:力争|其中|到\s*20\d\d\s*年|到?\s*{_PLAN_PERIOD_END}|[，,\s])+")


def extract_facts(doc: RawDocument, tables: list[TableRows], chunks: list[Chunk]) -> list[Fact]:
    """All facts of one document, in reading order (tables first, then definitions and prose targets)."""
    locator = _ChunkLocator(chunks)
    facts: list[Fact] = []
    plan_tables: set[int] = set()
    for t, table in enumerate(tables):
        generic = column_roles(table)
        if _table_kind(_column_roles(table.header)):
            # a table with amount columns as well (a benefit table with a 牵头单位 column) is read both ways; its
            # rows are named by their key column
            name_col = generic.key if generic.values else None
            facts.extend(_table_facts(doc.doc_id, table, locator, name_col=name_col))
            if not generic.values:
                plan_tables.add(t)
    facts.extend(_definition_facts(doc, locator))
    facts.extend(_prose_target_facts(doc, locator))
    facts.extend(policy_facts(doc, tables, chunks, skip_tables=plan_tables))
    title = doc.meta.title
    return [f.model_copy(update={"title": title}) for f in {f.fact_id: f for f in facts}.values()]


def split_units(cell: str) -> list[str]:
    """牵头单位 cell -> unit names. Splits on spaces and list punctuation; '各镇（街道）' stays whole."""
    return [u for u in _UNIT_SPLIT.split(cell.strip()) if u]


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


# ------------------------------------------------------------------ tables


def _column_roles(header: list[str]) -> dict[str, int]:
    """Map roles (number, name, group, content, actions, period, lead, unit, need, year:YYYY) to columns."""
    roles: dict[str, int] = {}
    for i, raw in enumerate(header):
        h = _compact(raw)
        role: str | None = None
        if h in ("序号", "编号", "序"):
            role = "number"
        elif any(w in h for w in ("牵头单位", "责任单位", "牵头部门", "责任部门", "主办单位", "实施单位")):
            role = "lead"
        elif any(w in h for w in ("实施年限", "实施时间", "年限", "建设期限", "完成时限", "时间安排")):
            role = "period"
        elif any(w in h for w in ("行动措施", "主要措施", "工作措施", "措施")):
            role = "actions"
        elif "人才需求" in h or h == "需求":
            role = "need"
        elif any(w in h for w in ("主要内容", "项目内容", "建设内容", "工作内容")) or h == "内容":
            role = "content"
        elif h in ("单位", "计量单位"):
            role = "unit"
        elif (m := _YEAR_HEADER.match(h)) and len(h) <= 8:
            role = f"year:{m.group(1)}"
        elif "一级" in h or h in ("类别", "分类", "领域"):
            role = "group"
        if role and role not in roles:
            roles[role] = i
    # The name column: the first remaining column with a header (重点工程, 二级指标, 项目名称, 重点产业 …);
    # with a merged two-column header (重点产业 | 重点产业), the first of the pair is the group.
    free = [i for i in range(len(header)) if i not in roles.values()]
    if free:
        if "need" in roles and len(free) >= 2 and "group" not in roles:
            roles["group"] = free[0]
            roles["name"] = free[-1]
        else:
            named = [i for i in free if _compact(header[i])]
            roles["name"] = named[0] if named else free[0]
    return roles


def _table_kind(roles: dict[str, int]) -> str | None:
    years = [r for r in roles if r.startswith("year:")]
    if "need" in roles:
        return "industry_need"
    if len(years) >= 2 and ("unit" in roles or "name" in roles):
        return "indicator"
    if {"lead", "period", "content"} & roles.keys():
        return "programme"
    return None


def _programme_group(table: TableRows, roles: dict[str, int]) -> str:
    name_header = _compact(table.header[roles["name"]]) if "name" in roles else ""
    for text in (name_header, table.name, *reversed(table.section)):
        if m := _GROUP_WORD.search(_compact(text)):
            return m.group(0)
    return name_header or table.name


def _table_facts(
    doc_id: str, table: TableRows, locator: _ChunkLocator, name_col: int | None = None
) -> Iterable[Fact]:
    roles = _column_roles(table.header)
    if name_col is not None and name_col not in roles.values():
        roles["name"] = name_col
    kind = _table_kind(roles)
    if kind is None or "name" not in roles:
        return
    section = " > ".join(table.section)
    group = _programme_group(table, roles) if kind == "programme" else None
    years = sorted((r.split(":")[1], i) for r, i in roles.items() if r.startswith("year:"))

    def cell(row: list[str], role: str) -> str | None:
        i = roles.get(role)
        if i is None or i >= len(row):
            return None
        return row[i].strip() or None

    for r, row in enumerate(table.rows):
        # A name cell wrapped in the source ("人才大数据平台 建设提升项目") is one name.
        name = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", cell(row, "name") or "")
        if not name:
            continue
        quote = "\t".join(c.strip() for c in row)
        if kind == "indicator":
            # A row of bare figures means nothing without its header: the years and the unit column live there.
            quote = "\t".join(h.strip() for h in table.header) + "\n" + quote
        page = table.row_pages[r] if r < len(table.row_pages) else None
        fields: dict[str, object] = {"number": cell(row, "number")}
        if kind == "programme":
            lead = cell(row, "lead")
            fields |= {
                "group": group,
                "content": cell(row, "content"),
                "actions": cell(row, "actions"),
                "period": cell(row, "period"),
                "lead_units_text": lead,
                "lead_units": split_units(lead) if lead else [],
            }
        elif kind == "indicator":
            (base_year, base_col), (target_year, target_col) = years[0], years[-1]
            fields |= {
                "group": cell(row, "group"),
                "unit": cell(row, "unit"),
                "baseline": row[base_col].strip() or None if base_col < len(row) else None,
                "baseline_year": base_year,
                "target": row[target_col].strip() or None if target_col < len(row) else None,
                "target_year": target_year,
            }
        else:
            fields |= {"group": cell(row, "group"), "content": cell(row, "need")}
        chunk = locator.find_row(row, section)
        yield Fact(
            fact_id=fact_id(doc_id, kind, name, quote),
            doc_id=doc_id,
            kind=kind,  # type: ignore[arg-type]
            name=name,
            section=chunk.section if chunk else section,
            page=page if page is not None else (chunk.page if chunk else None),
            quote=quote,
            chunk_id=chunk.chunk_id if chunk else None,
            **fields,  # type: ignore[arg-type]
        )


# ------------------------------------------------------------------ definitions and prose targets


def _definition_facts(doc: RawDocument, locator: _ChunkLocator) -> Iterable[Fact]:
    for block in doc.blocks:
        if isinstance(block, Footnote):
            sentences = [block.text.strip()]
        elif isinstance(block, Paragraph):
            sentences = [s for s in re.split(r"(?<=[。；])", block.text) if s.strip()]
        else:
            continue
        for sentence in sentences:
            m = _DEFINITION.match(sentence.strip())
            if not m:
                continue
            term = re.sub(r"\s+", "", m.group("term"))
            # In body text only short, quoted or numbered terms are definitions ("“两新”指…"); a footnote's
            # whole point is to define its term.
            if isinstance(block, Paragraph) and not (
                len(term) <= 12 and re.search(r"[“\"「]|^\d|^[一二三四五六七八九十两]", term)
            ):
                continue
            yield _prose_fact(
                doc.doc_id, locator, block, "definition", term, sentence.strip(), content=m.group("body").strip()
            )


def _prose_target_facts(doc: RawDocument, locator: _ChunkLocator) -> Iterable[Fact]:
    for block in doc.blocks:
        if not isinstance(block, Paragraph):
            continue
        for sentence in re.split(r"(?<=。)", block.text):
            if not _TARGET_MARKER.search(sentence):
                continue
            for piece in re.split(r"(?<=；)", sentence):
                quote = piece.strip().rstrip("；")
                # "博士达到 1000 名、硕士达到 10000 名": a 、 right after a measure word separates two targets.
                for clause in re.split(rf"[，；。,]|(?<=[{_MEASURE_CHARS}])\s*、", quote):
                    clause = _HAN_GAP.sub("", _LEADING_MARKERS.sub("", clause.strip()))
                    if "分别" in clause:
                        continue  # "A、B分别达到x、y": paired lists are for the table, not one clause
                    m = _TARGET_CLAUSE.match(clause)
                    if not m:
                        continue
                    name = _LEADING_MARKERS.sub("", m.group("name")).strip()
                    if len(re.findall(r"[\u4e00-\u9fff]", name)) < 2:
                        continue
                    yield _prose_fact(
                        doc.doc_id, locator, block, "indicator", name, quote,
                        unit=m.group("unit"), target=m.group("value") + (m.group("tail") or ""), content=clause,
                    )  # fmt: skip


def _prose_fact(
    doc_id: str, locator: _ChunkLocator, block: Paragraph | Footnote, kind: FactKind, name: str, quote: str,
    **fields: Any,
) -> Fact:
    """A fact read from a sentence of body text, placed at the chunk that holds the sentence."""
    chunk = locator.find_text(quote)
    return Fact(
        fact_id=fact_id(doc_id, kind, name, quote),
        doc_id=doc_id,
        kind=kind,
        name=name,
        section=chunk.section if chunk else "",
        page=block.page if block.page is not None else (chunk.page if chunk else None),
        quote=quote,
        chunk_id=chunk.chunk_id if chunk else None,
        **fields,
    )


class _ChunkLocator:
    """Finds the chunk that holds a quote, comparing text with spaces and width folded away."""

    def __init__(self, chunks: list[Chunk]) -> None:
        self._chunks = [(c, _compact(c.text)) for c in chunks]
        self._rows = [(c, t) for c, t in self._chunks if c.kind == "table_row"]

    def find_text(self, quote: str) -> Chunk | None:
        needle = _compact(quote)
        for chunk, text in self._chunks:
            if needle in text:
                return chunk
        # A long sentence may straddle two chunks: take the one holding its first clause.
        head = _compact(re.split(r"[，。；]", quote)[0])
        for chunk, text in self._chunks:
            if len(head) >= 6 and head in text:
                return chunk
        return None

    def find_row(self, row: list[str], section: str) -> Chunk | None:
        cells = [_compact(c) for c in row if c.strip()]
        best: tuple[int, int, Chunk] | None = None
        for chunk, text in self._rows or self._chunks:
            hits = sum(1 for c in cells if c in text)
            same_section = int(bool(section) and chunk.section.startswith(section))
            if hits and (best is None or (hits, same_section) > best[:2]):
                best = (hits, same_section, chunk)
        return best[2] if best else None
