"""Chunks as retrieval and citations will use them."""

from __future__ import annotations

import re

import pytest

from assistant.core.types import Chunk, RawDocument
from assistant.ingest.chunking import UNIT_FACTOR, chunk_document, split_sentences
from assistant.ingest.loaders import load_document
from tests.conftest import PLAN_DOCX, PLAN_PDF, PLAN_TXT


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def plan() -> RawDocument:
    return load_document(PLAN_TXT)


@pytest.fixture(scope="module")
def chunks(plan: RawDocument) -> list[Chunk]:
    return chunk_document(plan)


def test_one_meta_chunk_with_title_number_issuer_date(chunks: list[Chunk]) -> None:
    meta = [c for c in chunks if c.kind == "meta"]
    assert len(meta) == 1
    for value in (
        "晋江市“十四五”人才发展规划（2021-2025年）",
        "晋政文〔2021〕346号",
        "晋江市人民政府",
        "2021年12月10日",
    ):
        assert value in meta[0].text


def test_text_chunks_never_cut_a_sentence(chunks: list[Chunk]) -> None:
    texts = [c for c in chunks if c.kind == "text"]
    assert texts
    for chunk in texts:
        body = [line for line in chunk.text.split("\n") if line[:1] not in "⁰¹²³⁴⁵⁶⁷⁸⁹"]
        # every paragraph in the chunk ends where a sentence ends (short title lines aside)
        for line in body:
            assert re.search(r"[。；！？：”）)]$", line) or len(line) <= 60, line[-40:]


def test_text_chunks_hold_body_only_and_name_their_section(chunks: list[Chunk]) -> None:
    chunk = next(c for c in chunks if c.kind == "text" and "加大青年硕博士、博士后招引力度" in c.text)
    assert chunk.section.endswith("2. 重点工程 > （3）硕博人才“倍增工程”")
    assert not chunk.text.startswith("（3）")


def test_size_stays_near_target_unless_one_sentence_is_longer(plan: RawDocument) -> None:
    small = chunk_document(plan, chunk_chars=120)
    for chunk in (c for c in small if c.kind == "text"):
        body = "".join(line for line in chunk.text.split("\n") if line[:1] not in "⁰¹²³⁴⁵⁶⁷⁸⁹")
        if chunk.items:  # an introduction kept with its items: longer, up to UNIT_FACTOR times the target
            assert len(body) <= UNIT_FACTOR * 120 + max(map(len, chunk.items))
            continue
        assert len(body) <= 125 or len(split_sentences(body)) == 1


def test_footnote_definition_travels_with_the_text_that_uses_it(chunks: list[Chunk]) -> None:
    user = next(c for c in chunks if c.kind == "text" and "“两站三中心”⁹" in c.text)
    assert (
        "“两站三中心”指院士<专家>工作站、博士后工作站、工程技术研究中心、工程研究中心、企业技术中心。"
        in user.text
    )
    own = [c for c in chunks if c.kind == "footnote" and c.text.startswith("“两站三中心”指")]
    assert len(own) == 1


def test_one_chunk_per_table_row_with_every_cell(plan: RawDocument, chunks: list[Chunk]) -> None:
    rows = [c for c in chunks if c.kind == "table_row"]
    assert len(rows) == 23 + 12 + 17 + 16 + 18 + 7 + 12
    doubling = next(c for c in rows if c.row_key == "硕博人才“倍增工程”")
    # 'key — header：value；…', the cells kept as structured fields too
    assert doubling.text.startswith("硕博人才“倍增工程” — 主要内容：")
    assert "牵头单位：市直涉才部门、各镇（街道）、经济开发区" in doubling.text
    assert ("牵头单位", "市直涉才部门、各镇（街道）、经济开发区") in doubling.cells
    assert ("序号", "3") in doubling.cells and doubling.table == "一、重点工程"
    assert doubling.section == "附件1 > 一、重点工程 > 3 硕博人才“倍增工程”"
    line = next(
        line for line in PLAN_TXT.read_text(encoding="utf-8").splitlines() if line.startswith("3\t硕博人才")
    )
    for cell in line.split("\t"):
        assert cell.strip() in [value for _, value in doubling.cells]
        assert cell.strip() in doubling.text or cell.strip() == "3"  # the 序号 lives in `cells` and `section`


def test_merged_group_is_filled_in_row_chunks(chunks: list[Chunk]) -> None:
    row = next(c for c in chunks if c.kind == "table_row" and c.row_key == "博士后工作站")
    assert "一级指标：人才环境" in row.text and "2025年：4" in row.text
    textile = next(c for c in chunks if c.kind == "table_row" and c.row_key == "纺织")
    assert "重点产业：四大优势主导产业" in textile.text


def test_ids_are_stable_unique_and_ordered(plan: RawDocument, chunks: list[Chunk]) -> None:
    again = chunk_document(load_document(PLAN_TXT))
    assert [c.chunk_id for c in again] == [c.chunk_id for c in chunks]
    assert len({c.chunk_id for c in chunks}) == len(chunks)
    assert [c.order for c in chunks] == list(range(len(chunks)))
    assert all(c.doc_id == plan.doc_id and c.title == plan.meta.title for c in chunks)


def test_every_sentence_of_the_text_is_in_some_chunk(chunks: list[Chunk]) -> None:
    haystack = squash("".join(c.text for c in chunks))
    for sentence in (
        "人才发展投入大幅增加",
        "力争“十四五”末，博士达到1000名、硕士达到10000名。",
        "讲好“晋江人才故事”，在全社会营造识才爱才敬才用才的良好环境。",
    ):
        assert squash(sentence) in haystack


@pytest.mark.parametrize("path", [PLAN_DOCX, PLAN_PDF], ids=["docx", "pdf"])
def test_other_formats_give_nearly_the_same_text_chunks(chunks: list[Chunk], path) -> None:
    other = {squash(c.text) for c in chunk_document(load_document(path)) if c.kind in ("text", "footnote")}
    mine = [squash(c.text) for c in chunks if c.kind in ("text", "footnote")]
    share = sum(t in other for t in mine) / len(mine)
    assert share >= 0.95, share


def test_pdf_chunks_carry_pages() -> None:
    pdf_chunks = chunk_document(load_document(PLAN_PDF))
    doubling = next(c for c in pdf_chunks if c.kind == "table_row" and "硕博人才“倍增工程”" in c.text)
    assert doubling.page == 40
    assert all(c.page is not None for c in pdf_chunks)


TOC_LINE = re.compile(r"(?:\t\d{1,3}|\.{4,}\s*\d{0,3})$", re.M)


@pytest.mark.parametrize("path", [PLAN_TXT, PLAN_DOCX, PLAN_PDF], ids=lambda p: p.suffix)
def test_the_table_of_contents_is_not_content(path) -> None:  # type: ignore[no-untyped-def]
    found = chunk_document(load_document(path))
    rows = [c for c in found if c.kind == "table_row"]
    # 105 = the data rows of the plan's seven tables; a TOC entry would add a row under no table's section
    assert len(rows) == 105
    assert all(c.section.startswith(("二、总体要求 > （四）发展目标 > 表1", "四、主要任务", "附件")) for c in rows)
    assert not any(TOC_LINE.search(c.text) for c in found if c.kind != "table_row")
    assert not any("面临形势与挑战" in c.text and "\t" in c.text for c in found)


def test_toc_entries_read_as_table_rows_are_dropped(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Entries too long to pass for a heading line survive the line filter and would be read as tab-separated
    # rows; without a '目录' title line either.
    notice = tmp_path / "subsidy.txt"
    notice.write_text(
        "晋江市人才住房补贴实施细则\n\n"
        "一、适用范围和补贴对象认定的具体条件及所需提交的申请材料清单与办理流程、受理窗口、办理时限和咨询电话的说明\t2\n"
        "二、补贴标准、发放方式、发放周期以及逾期未申请的处理办法说明以及监督检查、信息公开和责任追究的规定\t3\n\n"
        "一、适用范围和补贴对象认定的具体条件及所需提交的申请材料清单与办理流程、受理窗口、办理时限和咨询电话的说明\n"
        "在晋江市就业的全日制本科以上毕业生可申请补贴。\n"
        "二、补贴标准、发放方式、发放周期以及逾期未申请的处理办法说明以及监督检查、信息公开和责任追究的规定\n"
        "类别\t月补贴\n博士\t2000元\n硕士\t1000元\n",
        encoding="utf-8",
    )
    rows = [c for c in chunk_document(load_document(notice)) if c.kind == "table_row"]
    assert [c.text for c in rows] == ["博士 — 月补贴：2000元", "硕士 — 月补贴：1000元"]
