"""The vanilla baseline, in-process, on the same questions and metrics as `bench.eval`.

    python -m bench.baseline [--qa ../shared/eval/dev.jsonl] [--corpus corpus] [--out FILE]

Pipeline: RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50) over corpus/*.txt, BM25 (bm25s)
over jieba tokens, top 5; the answer is the top chunk, and it never refuses. This is the yardstick the issue
quotes (recall@1 about 0.70, recall@5 about 0.99, answer accuracy about 0.07).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import bm25s
import jieba
from langchain_text_splitters import RecursiveCharacterTextSplitter

from bench.eval import DEFAULT_QA, PROJECT_ROOT
from bench.metrics import QARecord, QuestionScore, format_table, load_qa, score_question, summarize

SEARCH_K = 5


def _tokens(text: str) -> list[str]:
    return [t for t in jieba.lcut(text) if t.strip()]


class VanillaBM25:
    """Fixed-window chunks + BM25: what a first RAG tutorial builds."""

    def __init__(self, texts: list[str], chunk_size: int = 500, chunk_overlap: int = 50) -> None:
        splitter = RecursiveCharacterTextSplitter(chunk_size=chunk_size, chunk_overlap=chunk_overlap)
        self.chunks = [c for t in texts for c in splitter.split_text(t)]
        self._index = bm25s.BM25()
        self._index.index([_tokens(c) for c in self.chunks], show_progress=False)

    @classmethod
    def from_folder(cls, folder: Path) -> VanillaBM25:
        return cls([p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))])

    def search(self, query: str, k: int = SEARCH_K) -> list[str]:
        k = min(k, len(self.chunks))
        docs, _scores = self._index.retrieve([_tokens(query)], k=k, show_progress=False)
        return [self.chunks[int(i)] for i in docs[0]]

    def answer(self, query: str) -> str:
        hits = self.search(query, 1)
        return hits[0] if hits else ""


def run(baseline: VanillaBM25, records: list[QARecord]) -> list[QuestionScore]:
    scores = []
    for record in records:
        started = time.perf_counter()
        texts = baseline.search(record.question, SEARCH_K)
        search_ms = (time.perf_counter() - started) * 1000
        answer = texts[0] if texts else ""
        scores.append(score_question(record, answer, True, texts, chat_ms=search_ms, search_ms=search_ms))
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qa", type=Path, default=DEFAULT_QA)
    parser.add_argument("--corpus", type=Path, default=PROJECT_ROOT / "corpus")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)

    jieba.setLogLevel(60)
    records = load_qa(args.qa)
    baseline = VanillaBM25.from_folder(args.corpus)
    rows = summarize(run(baseline, records))
    title = f"vanilla baseline (500/50 splitter + BM25, {len(baseline.chunks)} chunks) on {args.qa.name}"
    print(format_table(rows, title=title))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(
            json.dumps([r.model_dump() for r in rows], ensure_ascii=False, indent=1), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
