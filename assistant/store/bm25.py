"""A BM25 index over jieba tokens (bm25s), kept in memory and rebuilt from the catalog's chunks.

`BM25Index.build(chunks)` first teaches the tokenizer the chunks' own domain terms (`tokenize.harvest_terms`,
`tokenize.heading_terms`), then indexes each chunk as its section path plus its text: the path names the
programme or chapter a table row or a short paragraph belongs to, which its text alone often does not
(measured in bench/retrieval_eval.py). `search(query, k)` returns (chunk_id, score), best first, score > 0.
"""

from __future__ import annotations

from collections.abc import Sequence

import bm25s
import numpy as np

from assistant.core.types import Chunk
from assistant.text.tokens import add_domain_terms, harvest_terms, heading_terms, tokenize_zh


def index_text(chunk: Chunk, with_section: bool = True) -> str:
    """What BM25 reads of a chunk: the document's title and the section path name what the text is about
    ('申领程序' is about the 技能人才奖励 of its document's title), then the text itself."""
    if not with_section:
        return chunk.text
    return "\n".join(part for part in (chunk.title, chunk.section, chunk.text) if part)


def learn_domain_terms(chunks: Sequence[Chunk]) -> int:
    """Add the chunks' programme, unit and heading names to the tokenizer's dictionary (idempotent)."""
    headings = {part for c in chunks for part in c.section.split(" > ") if part}
    return add_domain_terms(harvest_terms(c.text for c in chunks) | heading_terms(headings))


class BM25Index:
    def __init__(self, chunk_ids: list[str], model: bm25s.BM25 | None) -> None:
        self.chunk_ids = chunk_ids
        self._model = model

    @classmethod
    def build(cls, chunks: Sequence[Chunk], *, with_section: bool = True) -> BM25Index:
        learn_domain_terms(chunks)
        corpus = [tokenize_zh(index_text(c, with_section)) for c in chunks]
        return cls.from_tokens([c.chunk_id for c in chunks], corpus)

    @classmethod
    def from_tokens(cls, chunk_ids: list[str], corpus: list[list[str]]) -> BM25Index:
        """An index over chunks already tokenized (`tokenize_zh(index_text(chunk))`): the engine keeps each
        chunk's tokens, so adding a document tokenizes only that document's chunks."""
        if not chunk_ids:
            return cls([], None)
        model = bm25s.BM25()
        model.index(corpus, show_progress=False)
        return cls(list(chunk_ids), model)

    def __len__(self) -> int:
        return len(self.chunk_ids)

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        tokens = tokenize_zh(query)
        if self._model is None or not tokens or k <= 0:
            return []
        scores = np.asarray(self._model.get_scores(tokens))
        top = np.argsort(-scores, kind="stable")[:k]
        return [(self.chunk_ids[i], float(scores[i])) for i in top if scores[i] > 0]
