"""Facts of a policy document, from any document: generic patterns per table cell, per enumeration and per
sentence.

    policy_facts(doc, tables, chunks, skip_tables=set()) -> list[Fact]

Tables (header roles from `tables.column_roles`): every value cell of a row -> 'amount' (subject = the row
key, value with the header's unit, column = the header); a period column -> 'duration'; a condition column ->
'condition' (or 'age_limit' when it states an age). The quote is the row chunk's text.

Enumerations (a chunk whose introduction is kept with its items): an introduction about 材料 -> 'materials',
about 条件/情形/要求 -> 'condition', with the items; a section headed …条件 / …材料 likewise.

Sentences of the text chunks: the detectors per fact kind in `assistant.ingest.sentence_facts`.
"""

from __future__ import annotations

import re

from assistant.core.types import Chunk, Fact, RawDocument, TableRows
from assistant.ingest.chunking import split_sentences
from assistant.ingest.fact_builder import FactBuilder
from assistant.ingest.normalize import SUPERSCRIPT_DIGITS
from assistant.ingest.sentence_facts import amount_unit, sentence_facts, value_subject
from assistant.ingest.structure import ENUM_ITEM
from assistant.ingest.tables import TableRoles, column_roles, is_placeholder, row_key, with_unit


def policy_facts(
    doc: RawDocument, tables: list[TableRows], chunks: list[Chunk], *, skip_tables: set[int]
) -> list[Fact]:
    """Facts of the policy kinds (see the module docstring). `skip_tables`: indexes of `tables` read by the
    plan's own table rules."""
    b = FactBuilder(doc)
    rows = [c for c in chunks if c.kind == "table_row"]
    for t, table in enumerate(tables):
        if t not in skip_tables:
            _table_facts(b, table, rows)
    for chunk in chunks:
        if chunk.kind != "text":
            continue
        _list_facts(b, chunk)
        for line in chunk.text.split("\n"):
            if line[:1] in SUPERSCRIPT_DIGITS:
                continue  # a footnote's definition appended to the chunk: read where it stands
            for sentence in split_sentences(line):
                sentence_facts(b, chunk, sentence)
    return b.facts


# ------------------------------------------------------------------ tables


def _table_facts(b: FactBuilder, table: TableRows, rows: list[Chunk]) -> None:
    roles = column_roles(table)
    if not (roles.values or roles.periods or roles.conditions):
        return
    for r, row in enumerate(table.rows):
        key = row_key(roles, row)
        chunk = _row_chunk(rows, table, key, row)
        quote = chunk.text if chunk else "\t".join(row)
        page = table.row_pages[r] if r < len(table.row_pages) else None
        for kind, columns in (
            ("amount", roles.values),
            ("duration", roles.periods),
            ("condition", roles.conditions),
        ):
            for i in columns:
                cell = row[i].strip() if i < len(row) else ""
                if not cell or is_placeholder(cell):
                    continue
                value = with_unit(cell, roles.units[i])
                k = (
                    "age_limit"
                    if kind == "condition" and ("年龄" in roles.header[i] or "周岁" in cell)
                    else kind
                )
                b.add(k, chunk, quote, subject=key, value=value, page=page, unit=roles.units[i] or amount_unit(value),
                      column=roles.header[i], group=_group(roles, row))  # fmt: skip


def _group(roles: TableRoles, row: list[str]) -> str | None:
    return row[roles.group].strip() or None if roles.group is not None and roles.key is not None else None


def _row_chunk(rows: list[Chunk], table: TableRows, key: str, row: list[str]) -> Chunk | None:
    """The row chunk of this table with this key (the one holding every cell, when keys repeat)."""
    same = [c for c in rows if c.table == table.name and c.row_key == key]
    cells = [c.strip() for c in row if c.strip()]
    return next((c for c in same if all(any(v.startswith(x) for _, v in c.cells) for x in cells)), None) or (
        same[0] if same else None
    )


# ------------------------------------------------------------------ enumerations


def _list_facts(b: FactBuilder, chunk: Chunk) -> None:
    intro = chunk.text.split("\n", 1)[0]
    heading = chunk.section.split(" > ")[-1] if chunk.section else ""
    items = list(chunk.items)
    if items and intro == items[0]:
        intro = heading  # a section that is one list: its heading introduces it
    if not items:
        # an inline list ('…材料：1.…；2.…') or a section headed '…材料' whose paragraphs are its items
        inline = re.split(r"[：:]\s*(?=(?:1\s*[.．、]|（一）|\(1\)|①))", chunk.text, maxsplit=1)
        if len(inline) == 2:
            intro = inline[0] + "："
            items = [
                i.strip(" ；;。\n")
                for i in re.split(
                    r"[；;。]?\s*(?=(?:\d{1,2}\s*[.．、](?!\d)|（[一二三四五六七八九十]{1,3}）|\(\d\)|[①-⑩]))",
                    inline[1],
                )
                if i.strip(" ；;。\n")
            ]
        elif re.search(r"材料|条件", heading) and all(
            ENUM_ITEM.match(line) for line in chunk.text.split("\n") if line
        ):
            items = [line for line in chunk.text.split("\n") if line]
            intro = heading
    if len(items) < 2:
        return
    about = intro + heading if chunk.items else intro
    if "材料" in about:
        kind = "materials"
    elif re.search(r"条件|情形|要求|资格", about):
        kind = "condition"
    elif re.search(r"程序|流程|步骤|办理", about):
        kind = "channel"
    else:
        return
    subject = value_subject(intro.rstrip("：:"), len(intro)) or heading
    b.add(
        kind, chunk, chunk.text if len(chunk.text) < 2000 else intro, subject=subject, value=None, items=items
    )

