"""The passages a question is answered from: retrieved, reordered, focused and completed.

    hits = gather_passages(question, retriever, snap, top_k, named, places) -> list[ScoredChunk]

Contract:
- `CANDIDATES` passages are retrieved; when the question asks a rarely held kind of value (an age, an address,
  an amount: `kinds.ASKS[k].rare`) those stating it move up (`retrieval.prefer_stating`), never past the
  passage both retrievers rank first.
- A question naming a document (`named`, from `focus.named_document`) keeps every candidate and is focused on
  that document; any other keeps the best `max(top_k, 8)`. Then only passages whose document writes every
  title word the question uses are kept (`focus.mentioning`; `places` as questions may write them).
- The passages are completed with what they need to be read whole: the enumerations that run on, a table's
  other rows, the notes a row's marks refer to, and for a question asking a list, the section's sub-sections.
"""

from __future__ import annotations

from assistant.ask import analysis, enumerations, focus, remarks, section_lists, table_lists
from assistant.ask.kinds import ASKS, asked_kinds
from assistant.ask.retrieval import HybridRetriever, prefer_stating
from assistant.ask.snapshot import Snapshot
from assistant.core.types import ScoredChunk

# Passages retrieved per question: a question naming a document is answered from all of them (after focusing), any
# other from the best eight once those stating the asked kind of value have moved up.
CANDIDATES = 30
# Weight of the ranking of the candidates that state a rarely held kind of value the question asks (an age, an
# address, an amount) in the fusion with the retriever's own ranking (`retrieval.prefer_stating`). 0.5 and 1.0
# measured the same on the tuning halves; the smaller disturbs the retriever's order less.
STATING_WEIGHT = 0.5


def gather_passages(
    question: str,
    retriever: HybridRetriever,
    snap: Snapshot,
    top_k: int,
    named: str | None,
    places: list[str],
) -> list[ScoredChunk]:
    """The passages a question is answered from: retrieved, those stating the asked kind moved up, focused
    on the document it names, with the enumerations, table rows and sub-sections they need."""
    hits = retriever.retrieve(question, CANDIDATES)
    kinds = [k for k in asked_kinds(question) if ASKS[k].rare]
    # '年龄卡在多少' is answered by the passage stating an age, '去哪里办' by one with an address
    agreed = hits[0] if hits and hits[0].bm25_rank == 1 and hits[0].dense_rank == 1 else None
    if kinds:
        hits = prefer_stating(
            hits, lambda c: any(ASKS[k].value.search(c.text) for k in kinds), STATING_WEIGHT
        )
    limit = max(top_k, 8) if named is None else CANDIDATES
    hits = hits[:limit]
    # the passage both retrievers rank first ('槿园区 — 联系人：…' for '槿园区找谁交材料') is what the question is
    # about, whether or not it writes the words its kind of value is usually stated in
    if agreed is not None and all(h.chunk.chunk_id != agreed.chunk.chunk_id for h in hits):
        hits = [agreed, *hits][:limit]
    hits = focus.mentioning(focus.focus_hits(hits, named), question, *snap.titles, places=places)
    hits = enumerations.with_continuations(hits, snap.following)
    hits = table_lists.with_table_rows(hits, snap.tables)  # a list or a whole column needs every row
    hits = remarks.with_notes(hits, snap.tables, snap.following)  # what a row's '★' means
    if "list" in analysis.question_intents(question):
        hits = section_lists.with_sections(hits, snap.sections)
    return hits
