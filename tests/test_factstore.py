"""The fact store on a real SQLite file: atomic replace per document, filters, delete."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.core.types import Fact
from assistant.ingest.chunking import chunk_document
from assistant.ingest.facts import extract_facts
from assistant.ingest.loaders import load_document
from assistant.ingest.structure import extract_tables
from assistant.store.db import make_db_engine
from assistant.store.factstore import FactStore

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def plan_facts() -> list[Fact]:
    doc = load_document(DATA / "jinjiang-talent-plan-2021-2025.txt")
    return extract_facts(doc, extract_tables(doc), chunk_document(doc))


@pytest.fixture()
def store(tmp_path: Path) -> FactStore:
    return FactStore(make_db_engine(f"sqlite:///{tmp_path / 'facts.db'}"))


def test_round_trip_keeps_every_field(store: FactStore, plan_facts: list[Fact]) -> None:
    store.replace_document(plan_facts[0].doc_id, plan_facts)
    assert store.all() == plan_facts


def test_lead_unit_filter_includes_co_led_items(store: FactStore, plan_facts: list[Fact]) -> None:
    store.replace_document(plan_facts[0].doc_id, plan_facts)
    names = [f.name for f in store.query(lead_unit="人社局")]
    assert "技能人才振兴工程" in names  # led with 总工会 and 教育局
    assert "组建成立人才集团" in names  # led with 财政局 and 产业集团
    assert all("人社局" in f.lead_units for f in store.query(lead_unit="人社局"))


def test_kind_and_text_filters(store: FactStore, plan_facts: list[Fact]) -> None:
    store.replace_document(plan_facts[0].doc_id, plan_facts)
    definitions = store.query(kind="definition")
    assert definitions and all(f.kind == "definition" for f in definitions)
    hits = store.query(q="博士后工作站", kind="indicator")
    assert any(f.baseline == "2" and f.target == "4" for f in hits)
    assert len(store.query(limit=5)) == 5


def test_replace_swaps_a_documents_facts_and_leaves_others(store: FactStore, plan_facts: list[Fact]) -> None:
    doc_id = plan_facts[0].doc_id
    other = [f.model_copy(update={"doc_id": "other", "fact_id": "o" + f.fact_id[1:]}) for f in plan_facts[:3]]
    store.replace_document(doc_id, plan_facts)
    store.replace_document("other", other)
    store.replace_document(doc_id, plan_facts[:10])
    assert len(store.all()) == 10 + 3
    store.replace_document(doc_id, plan_facts[:10])  # same input again changes nothing
    assert len(store.all()) == 13
    store.delete_document(doc_id)
    assert [f.doc_id for f in store.all()] == ["other"] * 3
    assert store.query(lead_unit="人社局") == []


def test_a_failed_replace_keeps_the_old_facts(store: FactStore, plan_facts: list[Fact]) -> None:
    doc_id = plan_facts[0].doc_id
    store.replace_document(doc_id, plan_facts)
    stray = plan_facts[1].model_copy(update={"doc_id": "someone-else"})
    with pytest.raises(ValueError):
        store.replace_document(doc_id, [plan_facts[0], stray])
    assert len(store.all()) == len(plan_facts)
