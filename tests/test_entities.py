"""Whether a question's subject words and coined terms are those of a fact, on the plan's own facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ask.name_coverage import near_miss, uncovered_terms
from assistant.ask.router import subject_words
from assistant.core.types import Fact
from assistant.ingest.chunking import chunk_document
from assistant.ingest.facts import extract_facts
from assistant.ingest.loaders import load_document
from assistant.ingest.structure import extract_tables

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def facts() -> dict[str, Fact]:
    doc = load_document(DATA / "jinjiang-talent-plan-2021-2025.txt")
    out: dict[str, Fact] = {}
    for fact in extract_facts(doc, extract_tables(doc), chunk_document(doc)):
        out.setdefault(fact.name, fact)
    return out


def test_words_outside_the_name_and_quote_are_reported(facts: dict[str, Fact]) -> None:
    assert uncovered_terms(subject_words("引才大使一年报酬多少？"), facts["引育高层次人才"])
    assert uncovered_terms(subject_words("高层次人才积分制怎么算？"), facts["高层次人才数"]) == ["积分制"]


def test_short_forms_and_words_from_the_quote_are_covered(facts: dict[str, Fact]) -> None:
    # 高校 contracts 高等院校, which the quote writes
    assert (
        uncovered_terms(
            subject_words("柔性合作专家教授和合作高校要新增多少？"), facts["新增柔性合作专家教授"]
        )
        == []
    )
    assert uncovered_terms(subject_words("引才大使由谁聘任？"), facts["布局高校人才工作站"]) == []


def test_a_coined_term_one_character_away_is_a_near_miss(facts: dict[str, Fact]) -> None:
    six = facts["“六个一”"]
    assert near_miss("“六个有”指什么？", six) and near_miss("六个有是什么", six)
    assert not near_miss("“六个一”指什么？", six) and not near_miss("六个一是哪几个", six)
