"""Generality: our own paraphrases of plan questions, our own policy documents, and the shared sample, each
scored on a tuning half and a held-out half.

    python -m bench.generality [--sets plan,policy,wide,wide2,wide3,unans,fresh,sample,dev] [--data-dir DIR] [--out FILE]

Everything runs in-process through the real FastAPI app (`TestClient`): the policy documents are uploaded with
`POST /api/v1/documents` beside the plan (all at once, as a city's index holds many documents), and each question
goes to `POST /api/v1/chat` with its `history`. No question names its document unless its wording does.

Sets (files under bench/data/ unless noted):
- plan:   plan/tuning.jsonl, plan/heldout.jsonl                 (paraphrases of plan questions, our own)
- policy: policy/tuning.jsonl, policy/heldout.jsonl             (questions on tests/data/policy/*, our own)
- wide:   wide/tuning.jsonl, wide/heldout.jsonl                 (3 more invented documents in wide/docs/ of other
          shapes — a multi-line-cell DOCX 清单, a header-unit PDF 办法, a Markdown 年度通知 — and 150 questions
          written blind to the system; uploaded together with the six of tests/data/policy/, so they compete)
- wide2:  wide2/tuning.jsonl, wide2/heldout.jsonl               (4 more invented documents in wide2/docs/ — an
          inline Q1/A 政策解读 PDF, a decimal-heading DOCX 细则 with a two-level header, a TXT 公示 name list and
          an MD 申报指南 — and 120 questions written blind to the system; uploaded beside the six policy ones)
- wide3:  wide3/tuning.jsonl, wide3/heldout.jsonl               (5 more invented documents in wide3/docs/ — a DOCX
          办法 of plain “第X条” paragraphs under chapter lines, a PDF 年度申报通知 with a district contact table, an
          MD 问答 of `###` questions, a TXT 认定目录 numbered 一、（一）1.（1）, a landscape PDF 兑现清单 — and 130
          questions written blind to the system; uploaded ALONE, without the policy documents: five documents of
          three invented places that compete with each other)
- unans:  unans/tuning.jsonl, unans/heldout.jsonl               (questions the documents do not answer — a benefit,
          appeal, tier, row, year or city none of them states — and answerable near-misses as controls, on the
          documents of policy, wide, wide2 and wide3, all uploaded together beside the plan)
- fresh:  fresh/questions.jsonl                                (held-out only: 3 more invented documents in
          fresh/docs/ and their questions, written by one helper blind to the system and never tuned on; the
          documents are uploaded together with the six of tests/data/policy/, so they compete as in a city's index)
- sample: ../shared/eval/policy-docs/questions.jsonl           (the shared invented 实施细则; skipped if absent)
- dev:    ../shared/eval/dev.jsonl                             (the plan's dev set; skipped if absent)

Held-out discipline: for a held-out file (`*/heldout` and the whole `fresh` set) only aggregate figures are
printed — no question, answer or id — so nobody tunes on it by accident. A held-out failure that must be looked
at is moved to tuning and replaced (for `fresh`: the record is retired and a new one written by someone who has
not seen the system's answers).
Tuning files print every miss. Self-descriptions are scored by `python -m bench.match_eval --chat`.
Metrics are `bench.metrics`' (accuracy = every must_contain string in the answer within the length rule; an
unanswerable record is right when refused); `two_part` records also report "both parts right" from `parts`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from pydantic import SecretStr

from bench.eval import ask_chat, search_query
from bench.metrics import (
    UNANSWERABLE,
    QARecord,
    QuestionScore,
    answer_accurate,
    format_table,
    normalize_for_match,
    score_question,
    summarize,
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA = PROJECT_ROOT / "bench" / "data"
SHARED = PROJECT_ROOT.parent / "shared" / "eval"
POLICY_DOCS = PROJECT_ROOT / "tests" / "data" / "policy"
FRESH = DATA / "fresh"
WIDE = DATA / "wide"
WIDE2 = DATA / "wide2"
WIDE3 = DATA / "wide3"
UNANS = DATA / "unans"
HELDOUT_ONLY = {"fresh"}  # sets with no tuning half: every question is held out
ADMIN_KEY = "bench-admin"
SELF_DESCRIPTION = "self_description"
DOC_SUFFIXES = {".txt", ".md", ".pdf", ".docx"}


class Record(QARecord):
    parts: list[list[str]] = []
    doc: str | None = None


def load(path: Path) -> list[Record]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Record.model_validate(json.loads(line)) for line in lines if line.strip()]


def sets(names: list[str]) -> list[tuple[str, Path, list[Path]]]:
    """(label, question file, documents to upload beside corpus/) for each available set."""
    found: list[tuple[str, Path, list[Path]]] = []
    policy_docs = _documents(POLICY_DOCS)
    for name in names:
        if name in ("plan", "policy"):
            for split in ("heldout", "tuning"):  # held-out first: the figure that predicts users
                path = DATA / name / f"{split}.jsonl"
                if path.exists():
                    found.append((f"{name}/{split}", path, policy_docs if name == "policy" else []))
        elif name == "wide":
            for split in ("heldout", "tuning"):
                path = WIDE / f"{split}.jsonl"
                if path.exists():
                    found.append((f"wide/{split}", path, policy_docs + _documents(WIDE / "docs")))
        elif name == "wide2":
            for split in ("heldout", "tuning"):
                path = WIDE2 / f"{split}.jsonl"
                if path.exists():
                    found.append((f"wide2/{split}", path, policy_docs + _documents(WIDE2 / "docs")))
        elif name == "wide3":  # its own five documents only: they compete with each other, not with the policy six
            for split in ("heldout", "tuning"):
                path = WIDE3 / f"{split}.jsonl"
                if path.exists():
                    found.append((f"wide3/{split}", path, _documents(WIDE3 / "docs")))
        elif name == "unans":  # every invented document at once: a refusal must hold against all of them
            docs = policy_docs + [d for s in (WIDE, WIDE2, WIDE3) for d in _documents(s / "docs")]
            for split in ("heldout", "tuning"):
                path = UNANS / f"{split}.jsonl"
                if path.exists():
                    found.append((f"unans/{split}", path, docs))
        elif name == "fresh":
            path = FRESH / "questions.jsonl"
            if path.exists():
                found.append(("fresh", path, policy_docs + _documents(FRESH / "docs")))
        elif name == "sample":
            path = SHARED / "policy-docs" / "questions.jsonl"
            if path.exists():
                found.append(("sample", path, [SHARED / "policy-docs" / "jineng-jiangli.txt"]))
        elif name == "dev":
            path = SHARED / "dev.jsonl"
            if path.exists():
                found.append(("dev", path, []))
    return found


def _documents(folder: Path) -> list[Path]:
    """The documents of a folder, as the ingest pipeline reads one: a README describes the folder, it is none of them."""
    if not folder.exists():
        return []
    return sorted(p for p in folder.glob("*") if p.suffix in DOC_SUFFIXES and p.stem.upper() != "README")


def is_heldout(label: str) -> bool:
    return label.endswith("heldout") or label in HELDOUT_ONLY


def refusal_reason(answer: str) -> str:
    """Which check refused, read from the refusal's wording (an aggregate that names no question): a word no
    passage writes, no passage stating the asked kind of value, or nothing on the subject."""
    if (
        "的内容" in answer.split("。")[0]
        and "关于“" in answer.split("。")[0]
        or "的说法" in answer.split("。")[0]
    ):
        return "unknown-word"
    if "直接相关的内容" in answer.split("。")[0]:
        return "off-subject"
    return "value-not-stated"


def names_document(record: Record, doc_id: str, titles: dict[str, str]) -> bool:
    """The question (or its conversation) writes two characters in a row of its document's title that no other
    uploaded document's title writes (a city's name, the notice's subject): it named its document."""
    own = titles.get(doc_id, "")
    others = "".join(t for d, t in titles.items() if d != doc_id)
    text = search_query(record)
    return any(own[i : i + 2] in text and own[i : i + 2] not in others for i in range(len(own) - 1))


def miss_cause(
    client, record: Record, reply: dict, cited_doc: str | None, titles: dict[str, str] | None = None
) -> str:  # type: ignore[no-untyped-def]
    """Why an answer missed, as an aggregate that names no question: an unanswerable question answered; every
    asked value present but the answer over the length rule; otherwise a false refusal or a missing value, said
    with where the value was: the answer cited only another document than the question's, a passage of the top
    8 that /search returns for the question (and its conversation) holds every asked value, or none does."""
    if record.category == UNANSWERABLE:
        return "answered-unanswerable"
    got = normalize_for_match(reply["answer"])
    wanted = [normalize_for_match(m) for m in record.must_contain]
    if reply["answerable"] and all(m in got for m in wanted):
        return "too-long"
    base = "false-refusal" if not reply["answerable"] else "value-missing"
    cited = {c["doc_id"] for c in reply.get("citations", [])}
    if cited_doc and cited and cited_doc not in cited:
        return f"{base}/other-document" + (
            "(named)" if names_document(record, cited_doc, titles or {}) else ""
        )
    found = client.post("/api/v1/search", json={"query": search_query(record), "top_k": 8}).json()
    texts = [normalize_for_match(r["text"]) for r in found.get("results", [])]
    if any(all(m in t for m in wanted) for t in texts):
        return f"{base}/retrieved"
    return f"{base}/not-retrieved"


def parts_right(record: Record, answer: str) -> bool:
    return all(answer_accurate(answer, part, record.answer) for part in record.parts)


def run_set(
    client, label: str, records: list[Record], heldout: bool, doc_ids: dict[str, str] | None = None
) -> dict:  # type: ignore[no-untyped-def]
    scores: list[QuestionScore] = []
    misses: list[str] = []
    two_part = [0, 0]
    reasons: dict[str, int] = {}
    causes: dict[str, int] = {}
    titles = {
        d["doc_id"]: d["title"]
        for d in client.get("/api/v1/documents", headers={"X-API-Key": ADMIN_KEY}).json()["documents"]
    }
    for record in records:
        if record.category == SELF_DESCRIPTION:
            continue
        reply, ms = ask_chat(client, record)
        score = score_question(
            record.model_copy(update={"evidence": []}), reply["answer"], bool(reply["answerable"]), [], ms
        )
        if score.refused and record.category != UNANSWERABLE:
            score = score.model_copy(
                update={"accurate": False}
            )  # a refusal that quotes the value still fails the user
        scores.append(score)
        if score.refused and record.category != UNANSWERABLE:
            reason = refusal_reason(reply["answer"])
            reasons[reason] = reasons.get(reason, 0) + 1
        cause = ""
        if not score.accurate:
            cause = miss_cause(client, record, reply, (doc_ids or {}).get(record.doc or ""), titles)
            causes[cause] = causes.get(cause, 0) + 1
        if record.parts:
            two_part[0] += parts_right(record, reply["answer"])
            two_part[1] += 1
        if not score.accurate and not heldout:
            misses.append(
                f"  [{record.id} {record.category}] {record.question}\n"
                f"     want {record.must_contain or '(refusal)'}  route={reply.get('route')}  cause={cause}\n"
                f"     got  {reply['answer'][:300]!r}"
            )
    rows = summarize(scores)
    print(format_table(rows, title=f"{label} ({len(scores)} questions)"))
    if two_part[1]:
        print(
            f"two-part questions, both parts right: {two_part[0]}/{two_part[1]} = {two_part[0] / two_part[1]:.2f}"
        )
    if reasons:
        print("false refusals by reason: " + ", ".join(f"{k} {v}" for k, v in sorted(reasons.items())))
    if causes:
        print("misses by cause: " + ", ".join(f"{k} {v}" for k, v in sorted(causes.items())))
    if heldout:
        print("(held-out: aggregate figures only)")
    elif misses:
        print("misses:\n" + "\n".join(misses))
    overall = rows[-1]
    return {
        "label": label,
        "n": len(scores),
        "accuracy": overall.accuracy,
        "refusal_rate": next((r.refusal_rate for r in rows if r.category == UNANSWERABLE), None),
        "false_refusal_rate": overall.false_refusal_rate,
        "two_part": (two_part[0] / two_part[1]) if two_part[1] else None,
        "rows": [r.model_dump() for r in rows],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="plan,policy,wide,wide2,wide3,unans,fresh,sample,dev")
    parser.add_argument("--data-dir", type=Path, default=None, help="reuse an index dir (vectors are cached)")
    parser.add_argument("--out", type=Path, default=None, help="write the summary as JSON")
    args = parser.parse_args(argv)
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

    from fastapi.testclient import TestClient

    from assistant.api.app import create_app
    from assistant.ask.engine import Engine
    from assistant.core.config import APISettings, Settings

    chosen = sets([s.strip() for s in args.sets.split(",") if s.strip()])
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="bench-generality-"))
    settings = Settings(
        data_dir=data_dir,
        corpus_dir=PROJECT_ROOT / "corpus",
        api=APISettings(admin_key=SecretStr(ADMIN_KEY), rate_limit_per_minute=0),
    )
    engine = Engine(settings)
    engine.start(progress=True, wait_for_vectors=True)
    admin = {"X-API-Key": ADMIN_KEY}
    summary = []
    with TestClient(create_app(settings, engine)) as client:
        for label, path, docs in chosen:
            uploaded: dict[str, str] = {}
            for doc in docs:
                with doc.open("rb") as fh:
                    reply = client.post("/api/v1/documents", headers=admin, files={"file": (doc.name, fh)})
                if reply.status_code >= 300:
                    print(
                        f"upload of {doc.name} failed: {reply.status_code} {reply.text[:200]}",
                        file=sys.stderr,
                    )
                    continue
                uploaded[doc.name] = reply.json()["doc_id"]
            engine.wait_for_vectors()
            summary.append(run_set(client, label, load(path), heldout=is_heldout(label), doc_ids=uploaded))
            for doc_id in uploaded.values():
                client.delete(f"/api/v1/documents/{doc_id}", headers=admin)
            print()
    engine.close()
    print("summary (held-out first):")
    for s in summary:
        parts = f"  two-part both right {s['two_part']:.2f}" if s["two_part"] is not None else ""
        refusal = f"  unanswerable refused {s['refusal_rate']:.2f}" if s["refusal_rate"] is not None else ""
        false = (
            f"  false refusals {s['false_refusal_rate']:.2f}" if s["false_refusal_rate"] is not None else ""
        )
        print(f"  {s['label']:<16} n={s['n']:<4} accuracy {s['accuracy']:.2f}{refusal}{false}{parts}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
