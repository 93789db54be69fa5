"""Retrieval benchmark: recall@1, recall@5 and MRR@10 of the evidence, for BM25-only, dense-only and hybrid.

    python -m bench.retrieval_eval [--qa ../shared/eval/dev.jsonl] [--corpus corpus] [--cache FILE]

A question counts as found at rank r when one of its evidence strings has all its tab-separated parts in the
r-th result's text (whitespace and full/half-width ignored; `bench.metrics.evidence_rank`). Only questions with
evidence and without conversation history are scored. The corpus is indexed the way the product does it (the
real Ingestor, a real Chroma in a temporary folder); passage vectors are cached between runs.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable
from pathlib import Path

from assistant.ask.retrieval import BM25Retriever, DenseRetriever, HybridRetriever
from assistant.core.config import PROJECT_ROOT, EmbedderSettings, Settings
from assistant.core.types import ScoredChunk
from assistant.ingest.pipeline import open_ingestor
from assistant.store.bm25 import BM25Index
from bench.metrics import QARecord, evidence_rank, load_qa

DEFAULT_QA = PROJECT_ROOT.parent / "shared" / "eval" / "dev.jsonl"
DEPTH = 10


def score(
    questions: list[QARecord], search: Callable[[str], list[ScoredChunk]]
) -> tuple[float, float, float]:
    ranks = [evidence_rank(q.evidence, [h.chunk.text for h in search(q.question)[:DEPTH]]) for q in questions]
    n = len(ranks) or 1
    r1 = sum(1 for r in ranks if r == 1) / n
    r5 = sum(1 for r in ranks if r is not None and r <= 5) / n
    mrr = sum(1 / r for r in ranks if r is not None) / n
    return r1, r5, mrr


def misses(questions: list[QARecord], search: Callable[[str], list[ScoredChunk]]) -> list[str]:
    out = []
    for q in questions:
        rank = evidence_rank(q.evidence, [h.chunk.text for h in search(q.question)[:DEPTH]])
        if rank != 1:
            out.append(f"  {q.id} rank={rank} {q.question}")
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qa", type=Path, default=DEFAULT_QA)
    parser.add_argument("--corpus", type=Path, default=PROJECT_ROOT / "corpus")
    parser.add_argument(
        "--cache", type=Path, default=PROJECT_ROOT / "bench" / "results" / "embeddings.sqlite"
    )
    parser.add_argument(
        "--misses", action="store_true", help="list the questions each setting misses at rank 1"
    )
    args = parser.parse_args(argv)

    questions = [q for q in load_qa(args.qa) if q.evidence and not q.history]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), embedder=EmbedderSettings(cache_path=args.cache))
        ingestor = open_ingestor(settings)
        ingestor.ingest_paths([args.corpus], progress=False)
        ingestor.fill_vectors(progress=True)
        chunks = {c.chunk_id: c for c in ingestor.catalog.chunks()}
        plain = BM25Retriever(BM25Index.build(list(chunks.values()), with_section=False), chunks)
        bm25 = BM25Retriever(BM25Index.build(list(chunks.values())), chunks)
        dense = DenseRetriever(ingestor.vectors, chunks)
        settings_default = settings.retrieval

        def hybrid(bw: float, dw: float, rrf_k: int, cand: int = 30) -> Callable[[str], list[ScoredChunk]]:
            retriever = HybridRetriever(
                bm25, dense, bm25_weight=bw, dense_weight=dw, rrf_k=rrf_k, candidates=cand
            )
            return lambda q: retriever.retrieve(q, DEPTH)

        runs: dict[str, Callable[[str], list[ScoredChunk]]] = {
            "bm25 (text only)": lambda q: plain.retrieve(q, DEPTH),
            "bm25 (section + text)": lambda q: bm25.retrieve(q, DEPTH),
            "dense": lambda q: dense.retrieve(q, DEPTH),
        }
        for rrf_k in (60, 10):
            for bw, dw in [(1.0, 0.2), (1.0, 0.3), (1.0, 0.5), (1.0, 1.0), (0.5, 1.0)]:
                runs[f"hybrid {bw:.1f}/{dw:.1f} rrf_k={rrf_k}"] = hybrid(bw, dw, rrf_k)
        d = settings_default
        runs[f"default {d.bm25_weight:g}/{d.dense_weight:g} rrf_k={d.rrf_k}"] = hybrid(
            d.bm25_weight, d.dense_weight, d.rrf_k, d.candidates
        )

        print(f"\n{len(questions)} questions, {len(chunks)} chunks, evidence in top {DEPTH}\n")
        print(f"| {'retriever':<34} | recall@1 | recall@5 | MRR@10 |")
        print(f"|{'-' * 36}|----------|----------|--------|")
        for name, search in runs.items():
            r1, r5, mrr = score(questions, search)
            print(f"| {name:<34} | {r1:8.3f} | {r5:8.3f} | {mrr:6.3f} |")
        if args.misses:
            for name, search in runs.items():
                print(f"\n{name}:")
                print("\n".join(misses(questions, search)) or "  (none)")
        ingestor.db.dispose()


if __name__ == "__main__":
    main()
