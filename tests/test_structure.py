"""Headings, sections and tables of the plan, as a reader of the plan sees them."""

from __future__ import annotations

import pytest

from assistant.core.types import Paragraph, RawDocument, TableRows
from assistant.ingest.loaders import load_document
from assistant.ingest.structure import (
    extract_tables,
    parse_caption,
    parse_heading,
    split_heading,
    split_sections,
)
from tests.conftest import PLAN_DOCX, PLAN_PDF, PLAN_TXT


@pytest.fixture(scope="module")
def plan() -> RawDocument:
    return load_document(PLAN_TXT)


@pytest.fixture(scope="module")
def tables_by_format() -> dict[str, list[TableRows]]:
    return {p.suffix: extract_tables(load_document(p)) for p in (PLAN_TXT, PLAN_DOCX, PLAN_PDF)}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("一、发展背景", (1, "一、发展背景")),
        ("（一）发展基础", (2, "（一）发展基础")),
        (
            "(二) 以质量提升为导向，打造立体式人才培养体系",
            (2, "(二) 以质量提升为导向，打造立体式人才培养体系"),
        ),
        ("2. 重点工程", (3, "2. 重点工程")),
        ("（3）硕博人才“倍增工程”。重点围绕自然科学和工程技术领域。", (4, "（3）硕博人才“倍增工程”")),
        ("(4) 晋商晋侨人才“回归工程”。实施晋商晋侨人才回归引进提升工程。", (4, "(4) 晋商晋侨人才“回归工程”")),
        ("——优师培育工程。以晋江与清华附中合作办学为契机。", (5, "优师培育工程")),
        ("附件 1", (0, "附件1")),
        ("附件 2-1", (0, "附件2-1")),
        ("——卫生人才“525”¹⁴孵化提升工程。以上海市第六人民医院为契机。", (5, "卫生人才“525”孵化提升工程")),
    ],
)
def test_heading_levels(line: str, expected: tuple[int, str]) -> None:
    assert parse_heading(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "1. 围绕产业链布局人才链，建设人才发展类型与产业发展需求相结合的人才匹配体系。",
        "3 万名企业经营管理人才。",
        "2. 第二层次：对照12个产业链群，按照城市分布，形成重",
        "表1：“十四五”时期全市人才发展主要指标",
        "“十三五”时期，市委、市政府贯彻落实泉州人才“港湾计划”。",
    ],
)
def test_body_lines_are_not_headings(line: str) -> None:
    assert parse_heading(line) is None


def test_heading_with_body_keeps_the_body() -> None:
    found = split_heading("(3) 硕博人才“倍增工程”。重点围绕自然科学和工程技术领域，优化支持政策。")
    assert found == (4, "(3) 硕博人才“倍增工程”", "重点围绕自然科学和工程技术领域，优化支持政策。")


def test_captions() -> None:
    assert parse_caption("表 2：“4+3+4+N”重点产业人才需求目录") == "表 2：“4+3+4+N”重点产业人才需求目录"
    assert parse_caption("表示支持") is None


def test_sections_carry_the_full_heading_path(plan: RawDocument) -> None:
    sections = {s.path_text: s for s in split_sections(plan)}
    path = "四、主要任务及重点工程 > （一）以产业需求为根基，打造应用型人才匹配体系 > 2. 重点工程 > （3）硕博人才“倍增工程”"
    body = sections[path].blocks[0]
    assert isinstance(body, Paragraph) and body.text.startswith("重点围绕自然科学和工程技术领域")
    assert "附件2 > 五、编制节点 > (二)首轮数据收集及清洗阶段(9月初-9月下旬)" in sections
    # the table of contents is not content: no empty TOC sections ahead of the body
    assert next(iter(sections)) == ""
    assert all("....." not in p for p in sections)


def test_annex_file_list_is_not_a_heading(plan: RawDocument) -> None:
    paths = [s.path for s in split_sections(plan)]
    assert not any("2. 晋江市重点产业人才目录图谱编制方案" in p for p in paths)
    assert ("附件1", "一、重点工程") in paths


def test_indicator_table_fills_merged_groups(tables_by_format: dict[str, list[TableRows]]) -> None:
    table = tables_by_format[".txt"][0]
    assert table.name == "表1：“十四五”时期全市人才发展主要指标"
    assert table.section == ("二、总体要求", "（四）发展目标")
    assert table.header == ["一级指标", "序号", "二级指标", "单位", "2020年", "2025年"]
    assert len(table.rows) == 23
    assert table.rows[1] == ["人才资源总量", "2", "党政人才", "万人", "0.6665", "0.67"]
    assert table.rows[16] == ["人才环境", "17", "博士后工作站", "家", "2", "4"]


def test_repeated_headers_are_not_data(tables_by_format: dict[str, list[TableRows]]) -> None:
    for tables in tables_by_format.values():
        for table in tables:
            assert all(row != table.header for row in table.rows), table.name
        programmes = next(t for t in tables if t.name == "一、重点工程")
        assert [r[0] for r in programmes.rows] == [str(i) for i in range(1, 18)]


def test_industry_table_header_spans_two_columns(tables_by_format: dict[str, list[TableRows]]) -> None:
    table = next(t for t in tables_by_format[".txt"] if t.name.startswith("表 2"))
    assert table.header == ["重点产业", "重点产业", "人才需求"]
    assert table.rows[1][:2] == ["四大优势主导产业", "纺织"]
    assert table.section[-1] == "(7) 产业急需紧缺人才“强基工程”"


def test_annex_tables_are_named_by_their_heading(tables_by_format: dict[str, list[TableRows]]) -> None:
    names = [(t.name, t.section) for t in tables_by_format[".txt"]]
    assert ("一、重点工程", ("附件1", "一、重点工程")) in names
    assert ("晋江市“4+3+4+N”重点产业人才需求目录（供参考）", ("附件2-1",)) in names


def _squashed(tables: list[TableRows]) -> list[tuple[str, list[str], list[list[str]]]]:
    return [(t.name, t.header, [["".join(c.split()) for c in r] for r in t.rows]) for t in tables]


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_tables_are_the_same_in_every_format(
    tables_by_format: dict[str, list[TableRows]], suffix: str
) -> None:
    assert len(tables_by_format[suffix]) == 7
    assert _squashed(tables_by_format[suffix]) == _squashed(tables_by_format[".txt"])


# Where each table of the plan sits: the section a reader finds it under, whatever the file format.
PLAN_TABLE_SECTIONS = [
    ("表1：“十四五”时期全市人才发展主要指标", ("二、总体要求", "（四）发展目标")),
    (
        "表 2：“4+3+4+N”重点产业人才需求目录",
        (
            "四、主要任务及重点工程",
            "（一）以产业需求为根基，打造应用型人才匹配体系",
            "2. 重点工程",
            "(7) 产业急需紧缺人才“强基工程”",
        ),
    ),
    ("一、重点工程", ("附件1", "一、重点工程")),
    ("二、重点项目", ("附件1", "二、重点项目")),
    ("三、重点平台", ("附件1", "三、重点平台")),
    ("四、重点政策", ("附件1", "四、重点政策")),
    ("晋江市“4+3+4+N”重点产业人才需求目录（供参考）", ("附件2-1",)),
]


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_every_table_sits_in_its_section_in_every_format(
    tables_by_format: dict[str, list[TableRows]], suffix: str
) -> None:
    assert [(t.name, t.section) for t in tables_by_format[suffix]] == PLAN_TABLE_SECTIONS


def _doc(text: str, tmp_path) -> RawDocument:  # type: ignore[no-untyped-def]
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    return load_document(path)


def test_a_target_item_owns_neither_the_caption_nor_the_table(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # The caption is kept apart from its table by a unit line, so it stays a paragraph of its own.
    doc = _doc(
        "一、工作目标\n（二）量化指标\n"
        "——引才规模持续扩大。到 2026 年，全镇新引进大专以上人才 1200 名，其中硕士 80 名。\n"
        "表3：安海镇引才指标\n单位：名\n指标\t2026年\n大专以上人才\t1200\n硕士\t80\n"
        "——服务体系更加完善。人才驿站覆盖全部社区。\n",
        tmp_path,
    )
    table = extract_tables(doc)[0]
    assert table.section == ("一、工作目标", "（二）量化指标")
    paths = {s.path: s for s in split_sections(doc)}
    item = paths[("一、工作目标", "（二）量化指标", "引才规模持续扩大")]
    assert [b.text for b in item.blocks if isinstance(b, Paragraph)] == [
        "到 2026 年，全镇新引进大专以上人才 1200 名，其中硕士 80 名。"
    ]
    caption_home = next(p for p, s in paths.items() if any(getattr(b, "text", "") == "表3：安海镇引才指标" for b in s.blocks))
    assert caption_home == ("一、工作目标", "（二）量化指标")
    # the item after the table is an item of the same section again
    assert ("一、工作目标", "（二）量化指标", "服务体系更加完善") in paths
