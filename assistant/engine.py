"""The engine: the one object the API, the UI and the CLI talk to.

    engine = Engine(settings)          # cheap: nothing loaded yet
    engine.start()                     # load the index; index corpus/ on a fresh data dir; vectors fill behind
    engine.ask("硕博倍增工程谁牵头？", history=[]) -> Answer
    engine.search("人才集团", top_k=5) -> list[ScoredChunk]
    engine.add_document(path, filename) -> DocumentInfo      (raises assistant.errors.* on bad files)
    engine.delete_document(doc_id) -> None                   (raises DocumentNotFound)
    engine.documents() -> list[DocumentInfo]
    engine.facts(kind=None, lead_unit=None, q=None) -> list[Fact]
    engine.ask_stream(question, history) -> Iterator[str | Answer]   text deltas, then the final Answer
    engine.refresh() -> None           pick up documents added or deleted by another worker
    engine.ready -> bool               True once queries can be answered

The engine is stateless about conversations: follow-ups are resolved from the `history` it is given; the
service layer stores sessions and passes their turns back in.
"""

from __future__ import annotations
