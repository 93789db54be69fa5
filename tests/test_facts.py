"""Facts from the plan's tables, footnotes and target sentences, and from a new document of the same shape."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.core.types import Fact
from assistant.ingest.chunking import chunk_document
from assistant.ingest.facts import extract_facts, split_units
from assistant.ingest.loaders import load_document
from assistant.ingest.structure import extract_tables

DATA = Path(__file__).parent / "data"


def facts_of(path: Path) -> list[Fact]:
    doc = load_document(path)
    return extract_facts(doc, extract_tables(doc), chunk_document(doc))


@pytest.fixture(scope="session")
def plan_facts() -> list[Fact]:
    return facts_of(DATA / "jinjiang-talent-plan-2021-2025.txt")


def one(facts: list[Fact], kind: str, name_part: str) -> Fact:
    found = [f for f in facts if f.kind == kind and name_part in f.name]
    assert found, f"no {kind} named like {name_part}"
    return found[0]


def test_all_four_lists_become_programmes(plan_facts: list[Fact]) -> None:
    groups = {f.group for f in plan_facts if f.kind == "programme"}
    assert groups == {"重点工程", "重点项目", "重点平台", "重点政策"}
    assert sum(f.kind == "programme" for f in plan_facts) == 17 + 16 + 18 + 7


def test_lead_units_are_split_and_town_units_stay_whole(plan_facts: list[Fact]) -> None:
    skills = one(plan_facts, "programme", "技能人才振兴工程")
    assert skills.lead_units == ["人社局", "总工会", "教育局"]
    phd = one(plan_facts, "programme", "倍增工程")
    assert phd.lead_units == ["市直涉才部门", "各镇（街道）", "经济开发区"]


def test_platform_keeps_its_period_and_quote(plan_facts: list[Fact]) -> None:
    anta = one(plan_facts, "programme", "安踏科研基地")
    assert anta.period == "2022-2025"
    assert anta.lead_units == ["紫帽镇"]
    assert anta.quote.split("\t")[1] == "安踏科研基地"


def test_indicator_row_has_baseline_target_and_unit(plan_facts: list[Fact]) -> None:
    postdoc = [f for f in plan_facts if f.kind == "indicator" and f.name == "博士后工作站" and f.baseline]
    assert len(postdoc) == 1
    fact = postdoc[0]
    assert (fact.baseline, fact.target, fact.unit, fact.group) == ("2", "4", "家", "人才环境")
    assert (fact.baseline_year, fact.target_year) == ("2020", "2025")


def test_footnotes_become_definitions(plan_facts: list[Fact]) -> None:
    stations = one(plan_facts, "definition", "两站三中心")
    assert "博士后工作站" in (stations.content or "")
    assert stations.quote.startswith("“两站三中心”指")


def test_target_sentence_in_prose_is_a_fact(plan_facts: list[Fact]) -> None:
    yearly = one(plan_facts, "indicator", "每年新增技能人才")
    assert (yearly.target, yearly.unit, yearly.baseline) == ("4000", "人", None)


def test_industry_needs_carry_their_group(plan_facts: list[Fact]) -> None:
    textile = one(plan_facts, "industry_need", "纺织")
    assert textile.group == "四大优势主导产业"
    assert "面料研发创新人才" in (textile.content or "")


def test_every_fact_points_at_a_chunk_holding_its_text(plan_facts: list[Fact]) -> None:
    doc = load_document(DATA / "jinjiang-talent-plan-2021-2025.txt")
    chunks = {c.chunk_id: c for c in chunk_document(doc)}
    for fact in plan_facts:
        assert fact.chunk_id in chunks, fact.name
        assert fact.title and "人才发展规划" in fact.title


# The TXT spaces numbers from Chinese ('2.71 万人和 0.2 万人左右', '13.12 万平方米'). Where the PDF wrapped a
# line at such a space, the line is as full as any other and the page keeps no trace of the space (in the
# body a space glyph follows nearly every full line, spaced or not; in a left-aligned cell none does). So in
# `content` only, a space between a Chinese character and a digit is not compared; names, units, lead units,
# periods, baselines and targets must be identical.
_CJK_DIGIT_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=\d)|(?<=\d)\s+(?=[\u4e00-\u9fff])")


def _records(facts: list[Fact]) -> set[tuple]:
    return {
        (
            f.kind,
            f.name,
            f.group,
            f.baseline,
            f.target,
            f.period,
            tuple(f.lead_units),
            _CJK_DIGIT_GAP.sub("", f.content or ""),
            f.subject,  # the policy kinds' fields must agree across renderings too
            f.value,
            tuple(f.items),
        )
        for f in facts
    }


@pytest.mark.parametrize("rendering", ["docx", "pdf"])
def test_docx_and_pdf_give_the_same_records_as_text(plan_facts: list[Fact], rendering: str) -> None:
    other = facts_of(DATA / f"jinjiang-talent-plan-2021-2025.{rendering}")
    assert len(other) == len(plan_facts)
    assert _records(other) == _records(plan_facts)


def test_unit_names_wrapped_in_a_pdf_cell_stay_apart(plan_facts: list[Fact]) -> None:
    pdf = facts_of(DATA / "jinjiang-talent-plan-2021-2025.pdf")
    for unit in ("人才办", "三创办", "经济开发区", "林业园林局"):
        led = {f.name for f in pdf if f.kind == "programme" and unit in f.lead_units}
        assert led and led == {
            f.name for f in plan_facts if f.kind == "programme" and unit in f.lead_units
        }, unit


def test_target_sentence_with_stray_spaces_between_chinese_characters(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "某县科创发展规划\n到2025年，新增双创载体50家 以上，开展职业技能培训 鉴定 1.5 万名。\n",
        encoding="utf-8",
    )
    targets = {f.name: f.target for f in facts_of(path) if f.kind == "indicator"}
    assert targets == {"新增双创载体": "50以上", "开展职业技能培训鉴定": "1.5"}


def test_a_new_document_with_the_same_header_shape_yields_programmes(tmp_path: Path) -> None:
    text = "\n".join(
        [
            "某县青年人才行动计划（2023-2026年）",
            "一、重点项目",
            "序号\t项目\t项目内容\t实施年限\t牵头单位",
            "1\t青年驿站提质项目\t新建青年驿站12个，提供免费住宿。\t2023-2024\t团县委、住建局",
            "2\t乡村工匠培育项目\t培育乡村工匠300名。\t2024-2026\t人社局 农业农村局",
            "“青年驿站”是指为来县求职青年提供短期住宿的场所。",
        ]
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    facts = facts_of(path)
    programmes = [f for f in facts if f.kind == "programme"]
    assert [f.name for f in programmes] == ["青年驿站提质项目", "乡村工匠培育项目"]
    assert programmes[0].lead_units == ["团县委", "住建局"]
    assert programmes[1].period == "2024-2026"
    assert programmes[1].group == "重点项目"
    assert any(f.kind == "definition" and "青年驿站" in f.name for f in facts)


def test_split_units_handles_spaces_and_enumeration_commas() -> None:
    assert split_units("工商联 统战部 侨联") == ["工商联", "统战部", "侨联"]
    assert split_units("市直涉才部门、各镇（街道）、经济开发区") == [
        "市直涉才部门",
        "各镇（街道）",
        "经济开发区",
    ]
