"""The query log, feedback, sessions and the unanswered report, on a real SQLite database."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from assistant.core.types import Citation
from assistant.service.records import (
    AnswerNotFound,
    LogStore,
    QueryLogRow,
    QueryRecord,
    new_id,
    normalize_question,
)
from assistant.store.db import make_db_engine

CITE = Citation(id=1, doc_id="d1", title="规划", section="一、总则", page=3, quote="博士后工作站达到 4 家", chunk_id="c1")


@pytest.fixture
def store(tmp_path: Path) -> LogStore:
    return LogStore(make_db_engine(f"sqlite:///{tmp_path / 'log.db'}"))


def log(store: LogStore, question: str, *, answerable: bool = True, confidence: float = 0.9) -> str:
    answer_id = new_id()
    store.log_query(
        QueryRecord(
            answer_id=answer_id, question=question, answer="……", citations=[CITE], answerable=answerable,
            confidence=confidence, latency_ms=12.5, route="retrieval",
        )
    )
    return answer_id


def test_a_logged_answer_keeps_its_citations_and_survives_reopening(tmp_path: Path, store: LogStore) -> None:
    answer_id = log(store, "博士后工作站有几家？")
    reopened = LogStore(make_db_engine(f"sqlite:///{tmp_path / 'log.db'}"))
    [record] = reopened.queries()
    assert record.answer_id == answer_id and record.citations == [CITE] and record.latency_ms == 12.5


def test_feedback_needs_a_known_answer(store: LogStore) -> None:
    answer_id = log(store, "博士后工作站有几家？")
    store.add_feedback(answer_id, "up", None)
    store.add_feedback(answer_id, "down", "数字不对")
    assert store.feedback_for(answer_id) == [("up", None), ("down", "数字不对")]
    with pytest.raises(AnswerNotFound):
        store.add_feedback("missing", "up")


def test_session_turns_come_back_oldest_first_and_limited(store: LogStore) -> None:
    session = store.new_session()
    for n in range(3):
        store.append_exchange(session, f"问题{n}", f"回答{n}", new_id())
    turns = store.turns(session, limit=4)
    assert [(t.role, t.content) for t in turns] == [("user", "问题1"), ("assistant", "回答1"), ("user", "问题2"), ("assistant", "回答2")]
    assert store.session_exists(session) and not store.session_exists("other")
    assert store.turns(session, limit=0) == []


def test_normalizing_ignores_punctuation_width_and_spaces() -> None:
    assert normalize_question(" 博士后 工作站，有几家？ ") == normalize_question("博士后工作站有几家?")
    assert normalize_question("ＡＢＣ") == "abc"


def test_unanswered_report_groups_alike_wordings_and_counts_each_reason(store: LogStore) -> None:
    log(store, "人才公寓怎么申请？", answerable=False, confidence=0.1)
    log(store, "人才公寓如何申请", answerable=False, confidence=0.1)
    log(store, "人才公寓怎么申请？", answerable=True, confidence=0.3)  # given, but shaky
    down = log(store, "硕博倍增工程谁牵头？")
    store.add_feedback(down, "down", "不完整")
    log(store, "领跑工程谁牵头？")  # answered well, no complaint: not in the report
    start, end = datetime.now() - timedelta(hours=1), datetime.now() + timedelta(hours=1)

    report = store.unanswered_report(start, end)
    assert [g.count for g in report] == [3, 1]
    flat = report[0]
    assert flat.question == "人才公寓怎么申请？" and flat.refused == 2 and flat.low_confidence == 1
    assert flat.variants == ["人才公寓怎么申请？", "人才公寓如何申请"]
    assert report[1].question == "硕博倍增工程谁牵头？" and report[1].thumbs_down == 1

    csv_text = store.unanswered_csv(start, end)
    assert csv_text.splitlines()[0].startswith("question,count,refused")
    assert "人才公寓怎么申请？,3,2,1,0" in csv_text


def test_unanswered_report_keeps_to_its_date_range(store: LogStore) -> None:
    old = log(store, "人才公寓怎么申请？", answerable=False)
    with Session(store.db) as s, s.begin():
        s.execute(update(QueryLogRow).where(QueryLogRow.answer_id == old).values(created_at=datetime(2022, 5, 1, 9)))
    log(store, "停车费怎么收？", answerable=False)
    now = datetime.now()
    assert [g.question for g in store.unanswered_report(now - timedelta(days=1), now + timedelta(days=1))] == ["停车费怎么收？"]
    assert [g.question for g in store.unanswered_report(datetime(2022, 5, 1), datetime(2022, 5, 2))] == ["人才公寓怎么申请？"]


def test_question_words_do_not_keep_alike_questions_apart() -> None:
    from assistant.service.records import wording_key

    assert wording_key("人才公寓怎么申请？") == wording_key("请问人才公寓如何申请呢")
    assert wording_key("博士的购房补贴是多少万元") == wording_key("博士购房补贴有多少万元？")
    assert wording_key("吗？") == "吗"
