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
    p = extract_profile("本人博士毕业，研究方向是半导体，老家在晋江，现在在研究所工作", places=["晋江"])
    assert p.education == "博士" and "博士" in p.talent_kinds and "硕士" not in p.talent_kinds
    assert p.industry == "集成电路"
    assert p.employer_kind == "科研院所"
    assert p.jinjiang_born is True


def test_a_places_short_forms_come_from_the_documents_place_not_from_the_code() -> None:
    """'X商' (the place's business people) and 'X台' (its ties with Taiwan) are read for the place the documents
    are about, whichever it is: 晋商 for 晋江, 松商 for 松川, and neither for the other."""
    assert "企业家" in extract_profile("我是松商，想了解一下政策", places=["松川"]).talent_kinds
    assert "企业家" not in extract_profile("我是松商，想了解一下政策", places=["晋江"]).talent_kinds
    assert "企业家" in extract_profile("我是晋商，想了解一下政策", places=["晋江"]).talent_kinds
    assert "企业家" not in extract_profile("我是晋商，想了解一下政策", places=["松川"]).talent_kinds


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
    assert f"《{chunks[0].title}》" in reply  # said of the plan by its own title, not a name in the code


# ---------------------------------------------------------------- the match API (same normaliser as the form)

from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from fastapi.testclient import TestClient  # noqa: E402

from assistant.ask.matching import AMOUNT_KIND, format_matches_markdown  # noqa: E402
from tests.conftest_api import ADMIN  # noqa: E402


def test_education_alone_returns_the_doctoral_programmes(open_client: TestClient) -> None:
    r = open_client.post("/api/v1/match", json={"education": "博士"})
    assert r.status_code == 200
    body = r.json()
    assert "博士" in body["profile"]["talent_kinds"]  # education implies the talent kind, as the form does
    assert body["matches"][0]["name"] == "硕博人才“倍增工程”"


@pytest.mark.parametrize(
    "sent,field,canonical",
    [
        ({"education": "PhD"}, "education", "博士"),
        ({"education": "博士后"}, "education", "博士"),
        ({"industry": "IT", "education": "硕士"}, "industry", "信息技术"),
        ({"talent_kinds": ["台胞"]}, "talent_kinds", ["台湾青年"]),
    ],
)
def test_synonyms_map_to_the_documents_values(
    open_client: TestClient, sent: dict, field: str, canonical: Any
) -> None:
    r = open_client.post("/api/v1/match", json=sent)
    assert r.status_code == 200
    assert r.json()["profile"][field] == canonical
    assert r.json()["matches"]


@pytest.mark.parametrize(
    "sent,field", [({"education": "幼儿园"}, "education"), ({"industry": "航天"}, "industry"),
                   ({"talent_kinds": ["外星人"]}, "talent_kinds")]
)  # fmt: skip
def test_an_unknown_value_is_a_422_naming_the_field_and_the_allowed_values(
    open_client: TestClient, sent: dict, field: str
) -> None:
    r = open_client.post("/api/v1/match", json=sent)
    assert r.status_code == 422
    message = r.json()["error"]["message"]
    assert field in message and "可选值" in message
    allowed = open_client.get("/api/v1/match/options").json()[field]
    assert all(v in message for v in allowed)


def test_options_list_the_allowed_values_with_the_documents_industries(open_client: TestClient) -> None:
    options = open_client.get("/api/v1/match/options").json()
    assert options["education"][:2] == ["博士", "硕士"]
    assert "台湾青年" in options["talent_kinds"] and "企业" in options["employer_kind"]
    # the plan's own industry names (its 产业人才需求 table) come first
    assert options["industry"][:1] and "鞋服" in options["industry"] and "信息技术" in options["industry"]
    for value in options["education"]:
        assert open_client.post("/api/v1/match", json={"education": value}).status_code == 200


def test_markdown_puts_each_item_in_its_own_block(plan) -> None:
    facts, chunks = plan
    text = format_matches_markdown(match(extract_profile("我是鞋厂的高级技师"), facts, chunks))
    blocks = text.split("\n\n")
    items = [b.splitlines() for b in blocks if b.startswith("**")]
    assert len(items) >= 3
    for n, lines in enumerate(items, start=1):
        assert lines[0].startswith(f"**{n}. ")  # the next item never runs into the previous one's source line
        assert lines[1].startswith("- 原因：“") and lines[-1].startswith("- 出处：《")
    policy = next(lines for lines in items if "集聚技能人才政策" in lines[0])
    assert "- 牵头单位：人社局" in policy and "- 实施年限：2021-2022" in policy


# An invented 办法 (not a real document): a tier table that sets amounts for 博士 and 硕士.
BANFA_TITLE = "示例市高学历人才生活补贴办法（试行）"
BANFA_TEXT = f"""{BANFA_TITLE}
（测试用虚构文件）

第一条 为吸引高学历人才来示例市工作，制定本办法。

第二条 全职引进的人才按下表享受生活补贴：
人才类别\t生活补贴标准\t发放期限
博士\t每月5000元\t36个月
硕士\t每月2000元\t24个月

第三条 对全职引进的博士，另给予一次性安家补贴10万元。

第四条 本办法由示例市人才工作办公室负责解释。
"""


def test_an_uploaded_banfa_gives_a_doctor_its_amounts_with_citation(
    admin_client: TestClient, tmp_path: Path
) -> None:
    path = tmp_path / "upload-banfa.txt"
    path.write_text(BANFA_TEXT, encoding="utf-8")
    with path.open("rb") as f:
        r = admin_client.post(
            "/api/v1/documents", files={"file": (path.name, f, "text/plain")}, headers=ADMIN
        )
    assert r.status_code in (200, 201), r.text
    title = r.json().get("title") or BANFA_TITLE

    body = admin_client.post("/api/v1/match", json={"education": "博士"}, headers=ADMIN).json()
    offer = next(m for m in body["matches"] if m["kind"] == AMOUNT_KIND)
    assert offer["name"] == title
    assert any("5000元" in w for w in offer["why"]) and any("10万元" in w for w in offer["why"])
    assert offer["citations"][0]["title"] == title

    reply = admin_client.post(
        "/api/v1/chat", json={"question": "我是刚毕业的博士，想来这边工作"}, headers=ADMIN
    ).json()
    assert reply["route"].startswith("match")
    assert "5000元" in reply["answer"] and "10万元" in reply["answer"]
    assert any(c["title"] == title and "5000元" in c["quote"] for c in reply["citations"])
    # the "no amounts" note is never said of the 办法 that sets them
    for line in reply["answer"].splitlines():
        if "未规定补贴或奖励金额" in line:
            assert title not in line
    # a 硕士 hears the 硕士 figure, not the 博士 one
    master = admin_client.post("/api/v1/match", json={"education": "硕士"}, headers=ADMIN).json()
    offer = next(m for m in master["matches"] if m["kind"] == AMOUNT_KIND)
    assert any("2000元" in w for w in offer["why"]) and not any("5000元" in w for w in offer["why"])


# ---------------------------------------------------------------- what the chat names (issue 12)


def test_the_chat_names_a_few_items_not_every_item_of_the_group(plan) -> None:
    """A skilled worker's reply names the best few 技能 items (at most three), not all six that mention 技能."""
    from assistant.ask.matching import chat_items

    facts, chunks = plan
    profile = extract_profile("我是焊工，干了十多年，想了解技能人才方面的政策", _industries(facts))
    found = match(profile, facts, chunks)
    named = chat_items(found)
    assert 1 <= len(named) <= 3
    assert all("技能" in m.name for m in named)
    reply = format_matches(profile, found)
    assert "1. " in reply and "4. " not in reply


def test_the_item_saying_the_persons_own_words_is_named_and_quoted_where_it_says_them(plan) -> None:
    """Someone who studied abroad gets the international-talent programme quoted at its returnees' park, not at a
    clause about overseas hometown associations."""
    from assistant.ask.matching import chat_items

    facts, chunks = plan
    profile = extract_profile("本人在澳洲留学多年，拿了硕士学位", _industries(facts))
    named = chat_items(match(profile, facts, chunks))
    intl = next(m for m in named if m.name == "国际化人才“汇智工程”")
    assert "留学" in intl.why[0]
    assert intl.specificity > 0


def test_an_item_that_says_the_persons_words_joins_though_no_group_word_reached_it(plan) -> None:
    """A vocational-school teacher who wants practical training reaches the vocational-education project, whose
    text says 职业, 专业 and 实训 but whose name carries no teacher cue."""
    facts, chunks = plan
    profile = extract_profile("我是职业学校的专业课教师，想带学生做实训", _industries(facts))
    names = _names(match(profile, facts, chunks))
    assert "现代职业教育融合发展项目" in names
    assert "“名师名校长名班主任”培养工程" in names


def test_where_someone_studied_is_not_their_employer() -> None:
    assert extract_profile("在厦门读完大学，想回老家工作").employer_kind is None
    assert extract_profile("我在厦门大学当老师").employer_kind == "高校"
