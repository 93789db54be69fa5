"""Policy matching on the real plan: free-text profiles in, the plan's own items out, with reasons and contacts."""

from __future__ import annotations

import pytest

from assistant.ask.matching import (
    NEEDS_KIND,
    SECTION_KIND,
    Match,
    Profile,
    extract_profile,
    format_matches,
    match,
)
from assistant.core.types import Chunk, Fact
from assistant.ingest.chunking import chunk_document
from assistant.ingest.facts import extract_facts
from assistant.ingest.loaders import load_document
from assistant.ingest.structure import extract_tables
from tests.conftest import PLAN_TXT


@pytest.fixture(scope="module")
def plan() -> tuple[list[Fact], list[Chunk]]:
    doc = load_document(PLAN_TXT, PLAN_TXT.name)
    chunks = chunk_document(doc, chunk_chars=200)
    return extract_facts(doc, extract_tables(doc), chunks), chunks


def _industries(facts: list[Fact]) -> list[str]:
    return [f.name for f in facts if f.kind == "industry_need"]


def _names(matches: list[Match]) -> list[str]:
    return [m.name.replace(" ", "") for m in matches if m.kind != NEEDS_KIND]


def test_free_text_becomes_a_profile() -> None:
    p = extract_profile("本人博士毕业，研究方向是半导体，老家在晋江，现在在研究所工作")
    assert p.education == "博士" and "博士" in p.talent_kinds and "硕士" not in p.talent_kinds
    assert p.industry == "集成电路"
    assert p.employer_kind == "科研院所"
    assert p.jinjiang_born is True


def test_industry_named_only_by_the_documents_is_recognised() -> None:
    p = extract_profile("我在做石墨烯材料", industries=["石墨烯"])
    assert p.industry == "石墨烯"


def test_a_chip_phd_gets_the_phd_programme_the_ic_platforms_and_the_industry_needs(plan) -> None:
    facts, chunks = plan
    profile = extract_profile("博士在读，方向是集成电路设计，毕业后考虑去晋江", _industries(facts))
    matches = match(profile, facts, chunks)
    names = _names(matches)
    assert "硕博人才“倍增工程”" in names
    assert "建设福州大学—晋江微电子研究院" in names
    assert "建设集成电路职业学校或产业学院" in names
    assert not any("卫生" in n or "体育" in n for n in names)
    phd = next(m for m in matches if m.name == "硕博人才“倍增工程”")
    assert "市直涉才部门" in phd.lead_units
    assert any("硕博" in w for w in phd.why)
    assert phd.citations and "硕博" in phd.citations[0].quote
    needs = [m for m in matches if m.kind == NEEDS_KIND]
    assert needs and needs[0].name == "信息技术"


def test_items_come_ranked_with_period_and_lead_units(plan) -> None:
    facts, chunks = plan
    matches = match(extract_profile("我是一家鞋企的高级技工"), facts, chunks)
    items = [m for m in matches if m.kind != NEEDS_KIND]
    assert [m.score for m in items] == sorted((m.score for m in items), reverse=True)
    assert items[0].name.replace(" ", "").startswith("技能人才")
    policy = next(m for m in items if m.name == "修订完善晋江市集聚技能人才政策")
    assert policy.period == "2021-2022" and policy.lead_units == ["人社局"]


def test_a_group_served_only_in_a_chapter_gets_that_chapter(plan) -> None:
    facts, chunks = plan
    matches = match(extract_profile("台胞，想来大陆发展"), facts, chunks)
    assert matches and matches[0].kind == SECTION_KIND and "晋台" in matches[0].name
    assert any("台湾" in w for w in matches[0].why)


def test_a_passing_mention_is_not_a_match(plan) -> None:
    facts, chunks = plan
    names = _names(match(extract_profile("我在证券公司做投资顾问"), facts, chunks))
    assert names[0] == "金融人才专业服务水平提升工程"
    assert "党政人才赋能提升工程" not in names  # mentions 金融 only among its actions


def test_matching_reads_the_records_it_is_given_not_a_list_of_this_plan(plan) -> None:
    facts, chunks = plan
    new = Fact(
        fact_id="x", doc_id="new-doc", kind="programme", name="农村青年渔业技术员培育计划", group="重点工程",
        content="面向农村青年开展渔业技能培训。", lead_units=["海洋渔业局"], period="2023-2025", quote="…",
    )  # fmt: skip
    names = _names(match(extract_profile("我是农村的养殖户"), [*facts, new], chunks))
    assert "农村青年渔业技术员培育计划" in names and "乡村振兴人才培养工程" in names


def test_no_recognisable_profile_matches_nothing(plan) -> None:
    facts, chunks = plan
    assert match(Profile(free_text="你好"), facts, chunks) == []


def test_reply_names_items_contacts_and_says_the_plan_sets_no_amounts(plan) -> None:
    facts, chunks = plan
    profile = extract_profile("我是社会工作者，想问能拿多少补贴")
    reply = format_matches(profile, match(profile, facts, chunks))
    assert "社会工作人才培养工程" in reply and "民政局" in reply
    assert "未规定补贴或奖励金额" in reply
