"""Which document a question names, from the documents' own titles (assistant.ask.focus)."""

from __future__ import annotations

from assistant.ask.focus import focus_hits, named_document
from assistant.core.types import Chunk, ScoredChunk

TITLES = {
    "plan": "晋江市“十四五”人才发展规划（2021-2025年）",
    "rent": "晋江市青年人才租房补贴和企业引才奖励实施细则",
    "notice": "关于开展2025年度“海燕计划”青年创新创业人才项目申报工作的通知",
    "standard": "澜川市高层次人才分类认定标准（2025年版）",
}


def test_a_question_naming_a_title_word_names_that_document() -> None:
    assert named_document("租房补贴细则里，博士每月多少？", TITLES) == "rent"
    assert named_document("海燕计划什么时候截止？", TITLES) == "notice"
    assert named_document("澜川的A类人才怎么认定？", TITLES) == "standard"


TEXTS = {doc_id: f"{title}\n人才工作……" for doc_id, title in TITLES.items()}  # every document speaks of 人才工作


def test_words_most_documents_write_or_a_tie_name_no_document() -> None:
    assert named_document("人才有什么政策？", TITLES) is None  # 人才 is in every title
    assert named_document("博士后工作站谁牵头？", TITLES, TEXTS) is None  # 工作 is in a title, but every text has it
    assert named_document("海燕计划里的租房补贴", TITLES) is None  # two documents, equally named
    assert named_document("租房补贴多少？", {"rent": TITLES["rent"]}) is None  # one document: nothing to choose


def test_a_title_word_other_documents_also_write_does_not_name_a_document_alone() -> None:
    # 创业 is in the notice's title, and the plan's text writes it too: a plan question about 创业 is not the notice's
    texts = {**TEXTS, "plan": TEXTS["plan"] + "支持人才创业孵化。"}
    assert named_document("创业孵化平台建了几个？", TITLES, texts) is None
    # written by the notice alone, it still names the notice
    assert named_document("创业孵化平台建了几个？", TITLES, TEXTS) == "notice"


def _hit(doc_id: str, n: int) -> ScoredChunk:
    chunk = Chunk(chunk_id=f"{doc_id}{n}", doc_id=doc_id, title=TITLES[doc_id], filename="f", section="", text="t")
    return ScoredChunk(chunk=chunk, score=1.0 / (n + 1))


def test_only_the_named_documents_passages_are_kept() -> None:
    hits = [_hit("plan", 0), _hit("rent", 1), _hit("plan", 2), _hit("rent", 3)]
    focused = focus_hits(hits, "rent")
    assert [h.chunk.chunk_id for h in focused] == ["rent1", "rent3"]
    assert focus_hits(hits, None) == hits
    assert focus_hits(hits, "notice") == hits  # named but not among the hits: nothing to focus on


def test_documents_that_never_write_an_asked_title_word_are_left_out() -> None:
    from assistant.ask.focus import mentioning

    hits = [_hit("standard", 0), _hit("rent", 1), _hit("plan", 2)]
    # 晋江 is in two titles; the 澜川 standard never writes it, so it cannot answer a question about 晋江
    kept = mentioning(hits, "想来晋江工作，有什么政策？", TITLES, TEXTS)
    assert [h.chunk.doc_id for h in kept] == ["rent", "plan"]
    assert mentioning(hits, "补助多少？", TITLES, TEXTS) == hits  # no title word asked: nothing to filter on
