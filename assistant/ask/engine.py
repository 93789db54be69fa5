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
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.ask import (
    analysis,
    compose,
    compound,
    crossrefs,
    enumerations,
    fact_answer,
    fidelity,
    focus,
    followup,
    match_reply,
    remarks,
    matching,
    router,
    section_lists,
    self_description,
    suggest,
    table_lists,
)
from assistant.ask.retrieval import BM25Retriever, DenseRetriever, HybridRetriever, prefer_stating
from assistant.ask.snapshot import Snapshot, SnapshotBuilder
from assistant.core.config import Settings
from assistant.core.errors import DocumentNotFound, NotReady
from assistant.core.protocols import Embedder
from assistant.core.timing import stage
from assistant.core.types import Answer, Chunk, DocumentInfo, Fact, ScoredChunk, Turn
from assistant.ingest.pipeline import FillProgress, IngestSummary, open_ingestor
from assistant.store.db import exclusive

log = logging.getLogger(__name__)

_FIRST_PERSON = re.compile(r"我|本人|俺|咱|自己")
_CLAUSE = re.compile(r"[^，,。；;！!？?]+")


def _has_profile(p: matching.Profile) -> bool:
    return bool(p.talent_kinds or p.education or p.industry or p.employer_kind or p.jinjiang_born)


# Passages retrieved per question: a question naming a document is answered from all of them (after focusing), any
# other from the best eight once those stating the asked kind of value have moved up.
CANDIDATES = 30
# Weight of the ranking of the candidates that state a rarely held kind of value the question asks (an age, an
# address, an amount) in the fusion with the retriever's own ranking (`retrieval.prefer_stating`). 0.5 and 1.0
# measured the same on the tuning halves; the smaller disturbs the retriever's order less.
STATING_WEIGHT = 0.5


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
        return followup.resolve_followup(question, history, self._mentions(snap))

    def _continue(self, part: str, earlier: list[str], snap: Snapshot) -> str:
        """A later part of a compound question, made standalone: resolved like a follow-up, and when it names
        nothing of its own (要达到什么目标？), given the subject of the part before it."""
        mentions = self._mentions(snap)
        resolved = followup.resolve_followup(part, [Turn(role="user", content=p) for p in earlier], mentions)
        if resolved != part or mentions(part):
            return resolved
        subject = mentions(earlier[-1])
        if subject:
            return f"{subject[0]}{part}"
        # No named programme: the noun phrase the earlier part opened with ('企业引进一个硕士奖多少？一年封顶多少？')
        phrase = followup.opening_phrase(earlier[-1])
        return f"{phrase}，{part}" if phrase and followup.is_elliptical(part, mentions) else part

    @staticmethod
    def _mentions(snap: Snapshot):  # type: ignore[no-untyped-def]
        return lambda text: [f.name for f in snap.entities.mentions(text)]

    def _extractive(self, question: str, snap: Snapshot, top_k: int) -> tuple[Answer, list[ScoredChunk]]:
        """A self-description gets the matching programmes, then the answer to any direct question it also asks
        (`self_description.describe(...).remainder`); anything else is answered part by part."""
        with stage("analysis"):
            profile = self._profile(question, snap)
            desc = self_description.describe(question, profile, [self.settings.deployment.city])
        # A description naming one of the documents' programmes has that programme for its subject
        # ('企业家培训的领航工程，是哪几个单位牵头的'), unless the asker says it is about them ('我…', '本人…'). A
        # description without the pronoun ('在民企做技术副总，想去挂职，…') still describes the asker.
        names_programme = desc.is_self and self._programme_is_subject(desc.description, snap)
        if (
            names_programme
            and (desc.remainder or not _has_profile(profile))
            and not _FIRST_PERSON.search(question)
        ):
            desc = desc.model_copy(update={"is_self": False})
        found: list[matching.Match] = []
        if desc.is_self:
            # a message naming a place is matched against that place's documents only: another city's amount is
            # nothing the person can claim
            written = focus.writing_places(question, snap.titles[1], self._places(snap))
            facts = [f for f in snap.facts if written is None or f.doc_id in written]
            chunks = [c for c in snap.chunks.values() if written is None or c.doc_id in written]
            with stage("facts"):
                found = matching.match(profile, facts, chunks)
            # A description read by its wording alone (no kind of talent or industry) is matched by its own
            # words; when they reach no programme, the message is answered as a question.
            if not found and not match_reply.profile_label(profile):
                desc = desc.model_copy(update={"is_self": False})
        if desc.is_self:
            matched = match_reply.match_answer(profile, found)
            if not desc.remainder:
                return matched, []
            # The direct question is answered with the description around it: '我是博士…补贴多少？' asks a
            # doctor's subsidy, which '补贴多少？' alone does not say.
            rest, hits = self._extractive_parts(question, snap, top_k)
            if not rest.answerable:
                # The direct question was not answered: say so first, then what applies to the person; the
                # reply as a whole does not claim to have answered it.
                combined = compound.combine_answers([rest, matched])
                return combined.model_copy(update={"answerable": False, "confidence": rest.confidence}), hits
            # The direct question answered first and whole; what else applies is named in one line, so the
            # reply stays short (the full list is one /api/v1/match away).
            brief = match_reply.match_brief(found)
            return compound.combine_answers([rest, brief] if brief else [rest, matched]), hits
        return self._extractive_parts(question, snap, top_k)

    def _programme_is_subject(self, description: str, snap: Snapshot) -> bool:
        """The description names one of the documents' programmes and says nothing of the person elsewhere: in
        '企业家培训的领航工程，是哪几个单位牵头的' the programme is the subject; in '初中老师，当了三年班主任，想评上名
        班主任' the clauses without the programme's words still say who the asker is."""
        clauses = _CLAUSE.findall(description)
        naming = [c for c in clauses if any(f.kind == "programme" for f in snap.entities.mentions(c))]
        if not naming:
            return False
        rest = "，".join(c for c in clauses if c not in naming)
        return not (rest and _has_profile(self._profile(rest, snap)))

    def _extractive_parts(
        self, question: str, snap: Snapshot, top_k: int
    ) -> tuple[Answer, list[ScoredChunk]]:
        parts = compound.split_questions(question)
        if len(parts) == 1:
            return self._extractive_one(question, snap, top_k)
        answers: list[Answer] = []
        hits: list[ScoredChunk] = []
        for i, asked in enumerate(parts):
            part = asked
            if i > 0:  # "要达到什么目标？" after "这个工程谁牵头？" is about the same thing
                with stage("analysis"):
                    part = self._continue(asked, parts[:i], snap)
            answer, part_hits = self._extractive_one(part, snap, top_k)
            repeated = compound.repeats_earlier(asked, answer, answers) if i > 0 else []
            if repeated:
                # '一年封顶多少' carried the first part's subject and got its answer again: the part's own words
                # choose among the same passages less what was said (or it is refused for itself)
                if not part_hits:  # answered from a fact: the passages the part would be answered from
                    places = self._places(snap)
                    named = focus.named_document(part, *snap.titles, places=places)
                    part_hits = self._hits(part, snap, top_k, named, places)
                unsaid = compound.unsaid(part_hits, [c for a in answers for c in a.citations] + repeated)
                answer = self._compose(asked, unsaid, snap)
            answers.append(answer)
            hits.extend(h for h in part_hits if all(h.chunk.chunk_id != k.chunk.chunk_id for k in hits))
        return compound.combine_answers(answers), hits

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
            hits = self._hits(question, snap, top_k, named, places)
        return self._compose(question, hits, snap), hits

    def _compose(self, question: str, hits: list[ScoredChunk], snap: Snapshot) -> Answer:
        with stage("compose"):
            answer = compose.compose_answer(question, hits, hotline=self.settings.deployment.hotline)
            # '符合本办法第三条规定条件的' is said with 第三条 itself
            return crossrefs.with_referenced(answer, snap.addresses)

    def _hits(
        self, question: str, snap: Snapshot, top_k: int, named: str | None, places: list[str]
    ) -> list[ScoredChunk]:
        """The passages a question is answered from: retrieved, those stating the asked kind moved up, focused
        on the document it names, with the enumerations, table rows and sub-sections they need."""
        hits = self._retriever(snap).retrieve(question, CANDIDATES)
        kinds = [k for k in analysis.asked_kinds(question) if analysis.ASKS[k].rare]
        # '年龄卡在多少' is answered by the passage stating an age, '去哪里办' by one with an address
        if kinds:
            hits = prefer_stating(
                hits, lambda c: any(analysis.ASKS[k].value.search(c.text) for k in kinds), STATING_WEIGHT
            )
        hits = hits[: max(top_k, 8) if named is None else CANDIDATES]
        hits = focus.mentioning(focus.focus_hits(hits, named), question, *snap.titles, places=places)
        hits = enumerations.with_continuations(hits, snap.following)
        hits = table_lists.with_table_rows(hits, snap.tables)  # a list or a whole column needs every row
        hits = remarks.with_notes(hits, snap.tables, snap.following)  # what a row's '★' means
        if "list" in analysis.question_intents(question):
            hits = section_lists.with_sections(hits, snap.sections)
        return hits

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
