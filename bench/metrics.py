"""Metric functions shared by `bench.eval` (the running API) and `bench.baseline` (the vanilla pipeline).

One QA record in, one `QuestionScore` out; `summarize` folds scores into per-category rows. The definitions:

- evidence rank: the 1-based rank of the first search result that holds one of the record's evidence strings.
  A string is held when each of its tab-separated parts occurs in that one result's text, comparing after NFKC
  (full-width -> half-width) and with all whitespace removed. A record's evidence strings are alternatives
  (the same fact as a sentence and as a table row), so the best rank counts. recall@k = share of records with
  evidence whose rank <= k; MRR = mean of 1/rank (0 when not found in the results).
- answer accuracy: every `must_contain` string is in the answer (same normalisation) AND
  len(answer) <= max(3 * len(reference), 200). The 200 is a floor, so a 150-character answer always passes the
  length rule. An `unanswerable` record is accurate when the reply refuses (answerable = false).
- F1: CMRC 2018's character-level F1 (punctuation removed, Chinese characters one token each, other runs split
  into words; longest common *substring* of the two token lists; max over references).
- refusal rate on `unanswerable`; false-refusal rate on every other category.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

UNANSWERABLE = "unanswerable"
OVERALL = "overall"


class QARecord(BaseModel):
    """One line of a QA file (../shared/eval/dev.jsonl)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str
    question: str
    category: str
    answer: str = Field(description="Reference answer")
    must_contain: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(
        default_factory=list, description="Verbatim evidence; table cells joined by tab"
    )
    history: list[dict[str, str]] = Field(default_factory=list)


class QuestionScore(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    category: str
    evidence_rank: int | None = Field(None, description="1-based rank of the first result holding evidence")
    has_evidence: bool
    accurate: bool
    f1: float
    refused: bool
    chat_ms: float | None = None
    search_ms: float | None = None


class CategoryRow(BaseModel):
    model_config = ConfigDict(frozen=True)

    category: str
    n: int
    recall_at_1: float | None
    recall_at_5: float | None
    mrr: float | None
    accuracy: float
    f1: float
    refusal_rate: float | None = Field(None, description="Share refused, on unanswerable records")
    false_refusal_rate: float | None = Field(None, description="Share refused, on answerable records")
    chat_p50_ms: float | None = None
    chat_p95_ms: float | None = None
    search_p50_ms: float | None = None
    search_p95_ms: float | None = None


# ---------------------------------------------------------------- evidence


def normalize_for_match(text: str) -> str:
    """NFKC folds full-width letters, digits and punctuation to half-width; whitespace carries no meaning in
    Chinese text extracted from a PDF, so it is dropped."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def evidence_found(evidence: str, text: str) -> bool:
    haystack = normalize_for_match(text)
    parts = [normalize_for_match(p) for p in evidence.split("\t")]
    return all(p in haystack for p in parts if p)


def evidence_rank(evidence: Sequence[str], result_texts: Sequence[str]) -> int | None:
    for rank, text in enumerate(result_texts, start=1):
        if any(evidence_found(e, text) for e in evidence):
            return rank
    return None


# ---------------------------------------------------------------- answers


def answer_accurate(answer: str, must_contain: Sequence[str], reference: str) -> bool:
    if len(answer) > max(3 * len(reference), 200):
        return False
    got = normalize_for_match(answer)
    return all(normalize_for_match(m) in got for m in must_contain)


# The punctuation list of CMRC 2018's official evaluate script, kept as is so scores compare.
_CMRC_PUNCT = frozenset(
    ["-", ":", "_", "*", "^", "/", "\\", "~", "`", "+", "=", "，", "。", "：", "？", "！", "“", "”", "；", "’",
     "《", "》", "……", "·", "、", "「", "」", "（", "）", "－", "～", "『", "』"]
)  # fmt: skip
_CJK = re.compile(r"[\u4e00-\u9fa5]")
# CMRC uses nltk.word_tokenize for non-Chinese runs; words and single symbols are what it yields on our text.
_WORD = re.compile(r"\w+(?:\.\w+)*|[^\w\s]", re.UNICODE)


def mixed_segmentation(text: str, remove_punctuation: bool = True) -> list[str]:
    """CMRC 2018 tokenisation: each Chinese character (and listed punctuation) is a token; runs of other
    characters are split into words."""
    out: list[str] = []
    run = ""
    for char in text.lower().strip():
        if remove_punctuation and char in _CMRC_PUNCT:
            continue
        if _CJK.match(char) or char in _CMRC_PUNCT:
            if run:
                out.extend(_WORD.findall(run))
                run = ""
            out.append(char)
        else:
            run += char
    if run:
        out.extend(_WORD.findall(run))
    return out


def longest_common_substring(a: Sequence[str], b: Sequence[str]) -> int:
    best = 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b, start=1):
            if x == y:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def cmrc_f1(prediction: str, references: Iterable[str]) -> float:
    pred = mixed_segmentation(prediction)
    scores = [0.0]
    for ref in references:
        gold = mixed_segmentation(ref)
        common = longest_common_substring(gold, pred)
        if common == 0:
            continue
        precision, recall = common / len(pred), common / len(gold)
        scores.append(2 * precision * recall / (precision + recall))
    return max(scores)


# ---------------------------------------------------------------- scoring and summaries


def score_question(
    record: QARecord,
    answer: str,
    answerable: bool,
    result_texts: Sequence[str],
    chat_ms: float | None = None,
    search_ms: float | None = None,
) -> QuestionScore:
    refused = not answerable
    if record.category == UNANSWERABLE:
        accurate = refused
    else:
        accurate = answer_accurate(answer, record.must_contain, record.answer)
    return QuestionScore(
        id=record.id,
        category=record.category,
        evidence_rank=evidence_rank(record.evidence, result_texts) if record.evidence else None,
        has_evidence=bool(record.evidence),
        accurate=accurate,
        f1=cmrc_f1(answer, [record.answer]),
        refused=refused,
        chat_ms=chat_ms,
        search_ms=search_ms,
    )


def percentile(values: Sequence[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def summarize_group(category: str, scores: Sequence[QuestionScore]) -> CategoryRow:
    with_ev = [s for s in scores if s.has_evidence]
    ranks = [s.evidence_rank for s in with_ev]
    unans = [s for s in scores if s.category == UNANSWERABLE]
    ans = [s for s in scores if s.category != UNANSWERABLE]
    chat = [s.chat_ms for s in scores if s.chat_ms is not None]
    search = [s.search_ms for s in scores if s.search_ms is not None]
    return CategoryRow(
        category=category,
        n=len(scores),
        recall_at_1=_mean([1.0 if r is not None and r <= 1 else 0.0 for r in ranks]),
        recall_at_5=_mean([1.0 if r is not None and r <= 5 else 0.0 for r in ranks]),
        mrr=_mean([1.0 / r if r else 0.0 for r in ranks]),
        accuracy=_mean([1.0 if s.accurate else 0.0 for s in scores]) or 0.0,
        f1=_mean([s.f1 for s in scores]) or 0.0,
        refusal_rate=_mean([1.0 if s.refused else 0.0 for s in unans]),
        false_refusal_rate=_mean([1.0 if s.refused else 0.0 for s in ans]),
        chat_p50_ms=percentile(chat, 50),
        chat_p95_ms=percentile(chat, 95),
        search_p50_ms=percentile(search, 50),
        search_p95_ms=percentile(search, 95),
    )


def summarize(scores: Sequence[QuestionScore]) -> list[CategoryRow]:
    """One row per category (alphabetical), then the overall row."""
    groups: dict[str, list[QuestionScore]] = defaultdict(list)
    for s in scores:
        groups[s.category].append(s)
    rows = [summarize_group(cat, groups[cat]) for cat in sorted(groups)]
    return [*rows, summarize_group(OVERALL, scores)]


def _cell(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def format_table(rows: Sequence[CategoryRow], title: str = "") -> str:
    """A Markdown table, so the README can paste it as printed."""
    head = "| category | n | R@1 | R@5 | MRR | accuracy | F1 | refused | false refusals | chat p50/p95 ms | search p50/p95 ms |"
    lines = [f"### {title}", ""] if title else []
    lines += [head, "|" + "---|" * 11]
    for r in rows:
        lines.append(
            f"| {r.category} | {r.n} | {_cell(r.recall_at_1)} | {_cell(r.recall_at_5)} | {_cell(r.mrr)} "
            f"| {_cell(r.accuracy)} | {_cell(r.f1)} | {_cell(r.refusal_rate)} | {_cell(r.false_refusal_rate)} "
            f"| {_cell(r.chat_p50_ms, 0)}/{_cell(r.chat_p95_ms, 0)} | {_cell(r.search_p50_ms, 0)}/{_cell(r.search_p95_ms, 0)} |"
        )
    return "\n".join(lines)


def load_qa(path: Path) -> list[QARecord]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [QARecord.model_validate(json.loads(line)) for line in lines if line.strip()]
