"""The engine: the one object the API, the UI and the CLI talk to.

    engine = Engine(settings)          # cheap: nothing loaded yet
    engine.start()                     # load the index; index corpus/ on a fresh data dir; vectors fill behind
    engine.ask("硕博倍增工程谁牵头？", history=[]) -> Answer
    engine.search("人才集团", top_k=5) -> list[ScoredChunk]
    engine.add_document(path, filename) -> DocumentInfo      (raises assistant.core.errors.* on bad files)
    engine.delete_document(doc_id) -> None                   (raises DocumentNotFound)
    engine.documents() -> list[DocumentInfo]
    engine.facts(kind=None, lead_unit=None, q=None) -> list[Fact]
    engine.ask_stream(question, history) -> Iterator[str | Answer]   text deltas, then the final Answer
    engine.refresh() -> None           pick up documents added or deleted by another worker
    engine.ready -> bool               True once queries can be answered
    engine.vector_status() -> str      "filling 120/270" while vectors fill, then "complete" (FillProgress)

The engine is stateless about conversations: follow-ups are resolved from the `history` it is given; the
service layer stores sessions and passes their turns back in.

What a worker keeps in memory (BM25, the entity index, the chunk map) is a `Snapshot` (`assistant.ask.snapshot`)
built from the shared stores and swapped in one assignment, so a query never sees a half-indexed document. The
catalog's generation counter tells a worker when another one changed the stores.

Answering here is orchestration: a self-description is answered by `self_reply`, a question of several parts
part by part by `compound.answer_parts`, one part from facts (`router`, `fact_answer`) or from the passages
`passages.gather_passages` finds, composed by `compose`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.ask import (
    analysis,
    compose,
    compound,
    crossrefs,
    fact_answer,
    fidelity,
    focus,
    followup,
    matching,
    passages,
    router,
    self_description,
    self_reply,
    suggest,
    table_rows,
)
from assistant.ask.retrieval import BM25Retriever, DenseRetriever, HybridRetriever
from assistant.ask.snapshot import Snapshot, SnapshotBuilder
from assistant.core.config import Settings
from assistant.core.errors import DocumentNotFound, NotReady
from assistant.core.protocols import Embedder
from assistant.core.timing import stage
from assistant.core.types import Answer, Chunk, DocumentInfo, Fact, ScoredChunk, Turn
from assistant.ingest.pipeline import FillProgress, IngestSummary, open_ingestor
from assistant.store.db import exclusive

log = logging.getLogger(__name__)


class Engine:
    def __init__(
        self,
        settings: Settings,
        *,
        chroma_client: Any | None = None,
        embedder: Embedder | None = None,
        chat_model: Any | None = None,
    ) -> None:
        self.settings = settings
        self._chroma_client = chroma_client
        self._embedder_override = embedder
        self._chat_model = chat_model
        self._snapshot: Snapshot | None = None
        self._lock = threading.RLock()
        self._fill_thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._fill_again = threading.Event()
        self._fill_lock = threading.Lock()
        self._filling = False
        self._started = False
        self._vector_fill = FillProgress()

    # ------------------------------------------------------------------ lifecycle

    def start(
        self, *, index_corpus: bool = True, progress: bool = True, wait_for_vectors: bool = False
    ) -> None:
        """Open the stores, index `corpus_dir` when the data dir holds no document yet, load the snapshot and
        start filling vectors (in the background unless `wait_for_vectors`)."""
        s = self.settings
        self.ingestor = open_ingestor(s, embedder=self._embedder_override, chroma_client=self._chroma_client)
        self.db, self.catalog, self.fact_store = self.ingestor.db, self.ingestor.catalog, self.ingestor.facts
        self.vectors = self.ingestor.vectors
        self._snapshots = SnapshotBuilder(self.catalog, self.fact_store)
        self.generator = self._make_generator()
        if index_corpus and s.corpus_dir.is_dir():
            # Of several workers starting together on an empty database, only the first indexes the corpus.
            with exclusive(self.db, "index-corpus"):
                if not self.catalog.documents():
                    summary = self.ingestor.ingest_paths([s.corpus_dir], progress=progress)
                    log.info("indexed corpus: %s", summary.describe())
        self._load_snapshot()
        self._started = True
        if wait_for_vectors or not s.retrieval.background_vectors:
            self.ingestor.fill_vectors(progress=progress, on_progress=self._vector_fill)
        else:
            self._kick_vector_fill()

    def close(self) -> None:
        self._stop.set()
        if self._fill_thread is not None:
            self._fill_thread.join(timeout=5)
        if self._started:
            self.db.dispose()

    @property
    def ready(self) -> bool:
        return self._snapshot is not None

    def wait_for_vectors(self, timeout: float | None = None) -> None:
        if self._fill_thread is not None:
            self._fill_thread.join(timeout)

    def vector_status(self) -> str:
        """The vector fill's progress: "pending", "filling 120/270", "complete" or "failed 120/270"."""
        return self._vector_fill.describe()

    def _fill_vectors_quietly(self) -> None:
        self._vector_fill.begin()
        try:
            # Documents uploaded while a fill runs are filled by the same thread: it fills again until a pass
            # finds nothing left and no upload asked for another.
            while not self._stop.is_set():
                self._fill_again.clear()
                embedded = self.ingestor.fill_vectors(
                    progress=False, stop=self._stop, on_progress=self._vector_fill
                )
                with self._fill_lock:  # an upload either sees this thread go round again or starts a new one
                    if not embedded and not self._fill_again.is_set():
                        self._filling = False
                        break
        except Exception:  # the index still serves BM25; the next upload or start tries again
            with self._fill_lock:
                self._filling = False
            self._vector_fill.fail()
            log.exception("background vector fill failed")

    def _make_generator(self):  # type: ignore[no-untyped-def]
        from assistant.ask.llm import LLMGenerator, make_chat_model

        model = self._chat_model or make_chat_model(self.settings.llm)
        if model is None:
            return None
        role = f"{self.settings.deployment.city}人才政策咨询助手"
        return LLMGenerator(model, timeout_s=self.settings.llm.timeout_s, role=role)

    # ------------------------------------------------------------------ snapshot

    def _load_snapshot(self) -> None:
        with self._lock:
            self._snapshot = self._snapshots.build(previous=self._snapshot)

    def refresh(self) -> None:
        """Reload the snapshot when another worker (or this one) changed the shared stores."""
        snap = self._snapshot
        if snap is None or self.catalog.generation() != snap.generation:
            self._load_snapshot()

    def _snap(self) -> Snapshot:
        if self._snapshot is None:
            raise NotReady("索引尚未加载完成，请稍后再试。")
        self.refresh()
        assert self._snapshot is not None
        return self._snapshot

    # ------------------------------------------------------------------ retrieval

    def _retriever(self, snap: Snapshot) -> HybridRetriever:
        r = self.settings.retrieval
        return HybridRetriever(
            bm25=BM25Retriever(snap.bm25, snap.chunks),
            dense=DenseRetriever(self.vectors, snap.chunks),
            bm25_weight=r.bm25_weight,
            dense_weight=r.dense_weight,
            rrf_k=r.rrf_k,
            candidates=r.candidates,
        )

    def search(self, query: str, top_k: int | None = None) -> list[ScoredChunk]:
        snap = self._snap()
        return self._retriever(snap).retrieve(query, top_k or self.settings.retrieval.top_k)

    # ------------------------------------------------------------------ answers

    def _standalone(self, question: str, history: list[Turn], snap: Snapshot) -> str:
        if not history:
            return question
        if self.generator is not None:
            rewritten = self.generator.condense(question, history)
            if rewritten:
                return rewritten
        return followup.resolve_followup(question, history, self._mentions(snap), self._rows(snap))

    @staticmethod
    def _rows(snap: Snapshot):  # type: ignore[no-untyped-def]
        """The table rows a text names, as (row name, what the text writes of it): what a follow-up is about."""
        tables = list(snap.tables.values())
        return lambda text: [(n.key, n.written) for n in table_rows.named_rows(text, tables)]

    @staticmethod
    def _mentions(snap: Snapshot):  # type: ignore[no-untyped-def]
        return lambda text: [f.name for f in snap.entities.mentions(text)]

    def _extractive(self, question: str, snap: Snapshot, top_k: int) -> tuple[Answer, list[ScoredChunk]]:
        """A self-description gets the matching programmes, then the answer to any direct question it also asks
        (`self_reply.answer_described`); anything else is answered part by part (`compound.answer_parts`)."""
        with stage("analysis"):
            profile = self._profile(question, snap)
            desc = self_description.describe(question, profile, [self.settings.deployment.city])
        replied = self_reply.answer_described(
            question,
            desc,
            profile,
            snap,
            places=self._places(snap),
            profile_of=lambda text: self._profile(text, snap),
            answer_question=lambda asked: self._extractive_parts(asked, snap, top_k),
        )
        return replied if replied is not None else self._extractive_parts(question, snap, top_k)

    def _extractive_parts(
        self, question: str, snap: Snapshot, top_k: int
    ) -> tuple[Answer, list[ScoredChunk]]:
        return compound.answer_parts(
            question,
            self._mentions(snap),
            answer_one=lambda part: self._extractive_one(part, snap, top_k),
            passages=lambda part: self._passages(part, snap, top_k),
            compose=lambda asked, hits: self._compose(asked, hits, snap),
        )

    def _extractive_one(self, question: str, snap: Snapshot, top_k: int) -> tuple[Answer, list[ScoredChunk]]:
        """One question's answer and the passages it was composed from (none for a fact or matching answer:
        retrieval runs only when those paths do not answer)."""
        with stage("analysis"):
            route = router.route(question, snap.entities)
            places = self._places(snap)
            named = focus.named_document(question, *snap.titles, places=places)
        # A question naming a document is answered from it: another document's facts never shadow it.
        if route.intent != "none" and (named is None or any(f.doc_id == named for f in route.facts)):
            with stage("facts"):
                answer = fact_answer.answer_from_facts(route)
            if answer is not None:
                return crossrefs.with_referenced(answer, snap.addresses), []
        with stage("retrieval"):
            hits = passages.gather_passages(question, self._retriever(snap), snap, top_k, named, places)
        return self._compose(question, hits, snap), hits

    def _compose(self, question: str, hits: list[ScoredChunk], snap: Snapshot) -> Answer:
        with stage("compose"):
            # a question naming a document answered from that document's passages only: the value asked must be
            # stated there, and a refusal names it
            named = focus.named_document(question, *snap.titles, places=self._places(snap))
            within = snap.titles[0].get(named, "") if named and hits and all(
                h.chunk.doc_id == named for h in hits[:8]) else ""
            answer = compose.compose_answer(
                question, hits, hotline=self.settings.deployment.hotline, within=within
            )
            # '符合本办法第三条规定条件的' is said with 第三条 itself
            return crossrefs.with_referenced(answer, snap.addresses)

    def _passages(self, question: str, snap: Snapshot, top_k: int) -> list[ScoredChunk]:
        """The passages a question is answered from, focused on the document it names (if any)."""
        places = self._places(snap)
        named = focus.named_document(question, *snap.titles, places=places)
        return passages.gather_passages(question, self._retriever(snap), snap, top_k, named, places)

    def ask(
        self, question: str, history: list[Turn] | list[dict] | None = None, top_k: int | None = None
    ) -> Answer:
        final: Answer | None = None
        for part in self.ask_stream(question, history, top_k):
            if isinstance(part, Answer):
                final = part
        assert final is not None
        return final

    def ask_stream(
        self, question: str, history: list[Turn] | list[dict] | None = None, top_k: int | None = None
    ) -> Iterator[str | Answer]:
        """Yield text deltas, then the final Answer. The extractive answer is yielded whole; an LLM answer is
        streamed only after it passed the fidelity check, so a client never sees words that get retracted."""
        snap = self._snap()
        history = [t if isinstance(t, Turn) else Turn.model_validate(t) for t in history or []]
        top_k = top_k or self.settings.retrieval.top_k
        with analysis.about_places([self.settings.deployment.city]):  # the city served is a setting
            with stage("analysis"):
                standalone = self._standalone(question.strip(), history, snap)
            # a follow-up about one row of a table is answered by that row's cell (`table_rows.row_cell`)
            with table_rows.following_up(standalone != question.strip()):
                answer, hits = self._extractive(standalone, snap, top_k)
        if self.generator is not None and answer.answerable and answer.route == "retrieval":
            with stage("llm"):
                llm_answer, reason = self.generator.generate_checked(standalone, hits[:top_k], history)
            if llm_answer is not None:
                answer = fidelity.enforce(llm_answer, answer)
            else:
                answer = answer.model_copy(update={"fallback_reason": reason})
        answer = answer.model_copy(update={"standalone_question": standalone})
        with stage("suggestions"):
            suggestions = suggest.suggest_followups(answer, snap.entities)
        answer = answer.model_copy(
            update={
                "standalone_question": standalone if standalone != question.strip() else None,
                "suggestions": suggestions,
            }
        )
        yield from _chunks_of(answer.answer)
        yield answer

    # ------------------------------------------------------------------ policy matching

    def _places(self, snap: Snapshot) -> list[str]:
        """The places the documents are about and the deployment's city, as questions may write them."""
        return [*snap.places, *analysis.place_names([self.settings.deployment.city])]

    def profile_from_text(self, text: str) -> matching.Profile:
        return self._profile(text, self._snap())

    @staticmethod
    def _profile(text: str, snap: Snapshot) -> matching.Profile:
        return matching.extract_profile(text, industries=snap.industries, places=snap.places)

    def match(self, profile: matching.Profile, limit: int = 10) -> list[matching.Match]:
        """Programmes, platforms and policies whose content addresses the profile, best first."""
        snap = self._snap()
        return matching.match(profile, snap.facts, list(snap.chunks.values()), limit=limit)

    # ------------------------------------------------------------------ documents and facts

    def documents(self) -> list[DocumentInfo]:
        return self.catalog.documents()

    def chunks(self) -> list[Chunk]:
        return list(self._snap().chunks.values())

    def add_document(self, path: Path, filename: str) -> DocumentInfo:
        info = self.ingestor.add_file(path, filename)
        self._load_snapshot()
        self._kick_vector_fill()
        return info

    def delete_document(self, doc_id: str) -> None:
        if not any(d.doc_id == doc_id for d in self.catalog.documents()):
            raise DocumentNotFound(f"没有 doc_id 为 {doc_id} 的文档。")
        self.ingestor.delete(doc_id)
        self._load_snapshot()

    def ingest(self, paths: list[Path], *, rebuild: bool = False, progress: bool = True) -> IngestSummary:
        summary = self.ingestor.ingest_paths(paths, progress=progress, rebuild=rebuild)
        self._load_snapshot()
        return summary

    def facts(
        self, kind: str | None = None, lead_unit: str | None = None, q: str | None = None, limit: int = 100
    ) -> list[Fact]:
        return self.fact_store.query(kind=kind, lead_unit=lead_unit, q=q, limit=limit)

    def _kick_vector_fill(self) -> None:
        with self._fill_lock:
            self._fill_again.set()  # a running fill goes round once more and embeds this upload's chunks too
            if self._filling:
                return
            self._filling = True
            self._fill_thread = threading.Thread(
                target=self._fill_vectors_quietly, name="vector-fill", daemon=True
            )
            self._fill_thread.start()


def _chunks_of(text: str, size: int = 12) -> Iterator[str]:
    for i in range(0, len(text), size):
        yield text[i : i + size]
