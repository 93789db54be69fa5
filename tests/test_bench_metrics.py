"""The benchmark's metric functions: what counts as found evidence, an accurate answer, F1, and the summary."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from fastapi import FastAPI
from fastapi.responses import JSONResponse

from bench.load import check_loopback, run_load
from bench.metrics import (
    QARecord,
    answer_accurate,
    cmrc_f1,
    evidence_rank,
    mixed_segmentation,
    percentile,
    score_question,
    summarize,
)


def test_evidence_parts_must_all_occur_in_one_result_ignoring_spaces() -> None:
    evidence = ["以招商项目带动高端人才团队入驻。\t科技局"]
    results = [
        "领跑工程：以招商项目带动高端人才团队入驻。",  # first part only
        "科技局牵头的其他事项",  # second part only
        "重点工程：领跑 | 以招商项目带动高端 人才团队\n入驻。 | 牵头单位：科技局",  # both, split by spaces
    ]
    assert evidence_rank(evidence, results) == 3


def test_evidence_strings_are_alternatives_and_fullwidth_digits_match() -> None:
    evidence = ["硕士、博士分别达到 10000 名", "硕士\t名\t2300\t10000"]
    assert (
        evidence_rank(evidence, ["无关", "指标：硕士 | 单位：名 | 2020年：２３００ | 2025年：１００００"])
        == 2
    )
    assert evidence_rank(evidence, ["无关", "也无关"]) is None


def test_accuracy_needs_every_required_string() -> None:
    assert answer_accurate("由科技局、人社局牵头。", ["科技局", "人社局"], "科技局、人社局")
    assert not answer_accurate("由科技局牵头。", ["科技局", "人社局"], "科技局、人社局")


def test_length_rule_has_a_200_character_floor() -> None:
    reference = "科技局"  # 3 x 3 = 9 characters, but the floor is 200
    assert answer_accurate("科技局" + "。" * 150, ["科技局"], reference)
    assert not answer_accurate("科技局" + "。" * 250, ["科技局"], reference)
    long_reference = "字" * 100  # 3 x 100 = 300 characters allowed
    assert answer_accurate("科技局" + "。" * 250, ["科技局"], long_reference)


def test_cmrc_segmentation_drops_punctuation_and_keeps_latin_words_whole() -> None:
    assert mixed_segmentation("AI芯片，2025年！") == ["ai", "芯", "片", "2025", "年"]


def test_cmrc_f1_uses_longest_common_substring() -> None:
    assert cmrc_f1("科技局牵头。", ["科技局牵头"]) == pytest.approx(1.0)
    # 4 reference chars; the prediction shares the run "科技局" (3) out of its 5 tokens
    assert cmrc_f1("是科技局吗", ["科技局办"]) == pytest.approx(2 * (3 / 5) * (3 / 4) / (3 / 5 + 3 / 4))
    # shared characters out of order are not a common substring beyond one character
    assert cmrc_f1("局技科", ["科技局"]) == pytest.approx(1 / 3)
    assert cmrc_f1("", ["科技局"]) == 0.0


def _record(category: str, must: list[str], evidence: list[str]) -> QARecord:
    return QARecord(
        id=category, question="?", category=category, answer="参考答案", must_contain=must, evidence=evidence
    )


def test_unanswerable_is_accurate_only_when_refused_and_rates_are_split() -> None:
    scores = [
        score_question(_record("unanswerable", [], []), "文件未说明。", False, []),
        score_question(_record("unanswerable", [], []), "每月3000元。", True, []),
        score_question(_record("lead_unit", ["科技局"], ["科技局"]), "科技局", True, ["科技局"], 10.0, 5.0),
        score_question(
            _record("lead_unit", ["科技局"], ["科技局"]), "文件未说明。", False, ["无关", "科技局"]
        ),
    ]
    assert [s.accurate for s in scores] == [True, False, True, False]
    rows = {r.category: r for r in summarize(scores)}
    overall = rows["overall"]
    assert overall.refusal_rate == 0.5 and overall.false_refusal_rate == 0.5
    assert overall.accuracy == 0.5
    lead = rows["lead_unit"]
    assert lead.recall_at_1 == 0.5 and lead.recall_at_5 == 1.0 and lead.mrr == pytest.approx(0.75)
    assert rows["unanswerable"].recall_at_1 is None  # no evidence to find


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50 and percentile(values, 95) == 95 and percentile(values, 99) == 99
    assert percentile([], 50) is None


def test_load_test_refuses_hosts_other_than_loopback() -> None:
    with pytest.raises(SystemExit):
        check_loopback("http://10.0.0.8:8000")
    check_loopback("http://localhost:8000")


def test_load_test_sends_the_mix_and_counts_errors_by_status() -> None:
    app = FastAPI()
    seen: list[str] = []

    @app.post("/api/v1/chat")
    def chat() -> JSONResponse:
        seen.append("chat")
        return (
            JSONResponse({"answer": "ok"}) if len(seen) % 10 else JSONResponse({"error": {}}, status_code=429)
        )

    @app.post("/api/v1/search")
    def search() -> dict[str, list[object]]:
        seen.append("search")
        return {"results": []}

    report = asyncio.run(
        run_load("http://127.0.0.1:8000", clients=4, requests=40, transport=httpx.ASGITransport(app=app))
    )
    assert report.sent == 40 and not report.stopped_by_time
    assert report.by_endpoint == {"/api/v1/chat": 20, "/api/v1/search": 20}
    assert sum(report.by_status.values()) == 40 and report.by_status.get("429", 0) >= 1
