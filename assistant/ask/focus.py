"""Which document a question names: '海燕计划的申报通知…', '澜川的认定标准…', '租房补贴细则…'.

    named = named_document(question, titles)        # doc_id or None
    hits = focus_hits(hits, named)                  # that document's passages only
    hits = mentioning(hits, question, titles, texts) # else: documents that write the title words asked

Contract:
- A document is named when the question shares more of its title's words (by characters, jieba search-mode
  words of two or more characters) than any other document's title, and at least `MIN_NAMED_CHARS` of them.
  A word other documents also write counts half ('产业' alone names nothing); words written in more than half
  the documents (人才, 工作) name no document; a tie names none.
- Only the named document's passages are kept (when it has any among the hits), so the answer is that
  document's or a refusal. Nothing here knows any document: the titles are the documents' own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import jieba

from assistant.core.types import ScoredChunk

# Two characters ('澜川', '安居') name a document; one ('市') does not.
MIN_NAMED_CHARS = 2


# A place is written with or without its level: the title's 澜川市 is the question's 澜川.
_PLACE_LEVEL = re.compile(r"(?<=..)[省市县区镇]$")


def _words(text: str) -> set[str]:
    words = {w for w in jieba.lcut_for_search(text) if len(w) >= 2 and not w.isdigit()}
    return words | {_PLACE_LEVEL.sub("", w) for w in words}


def named_document(
    question: str, titles: Mapping[str, str], texts: Mapping[str, str] | None = None, places: Iterable[str] = ()
) -> str | None:
    """The doc_id whose title the question names best, or None when it names none or several equally.
    `texts` (each document's whole text) tells distinctive title words from common ones: '澜川' is written in
    one document, '工作' in all of them."""
    if len(titles) < 2:
        return None
    title_words = {doc_id: _words(title) for doc_id, title in titles.items()}
    corpus = texts or titles
    writers = {w: sum(1 for text in corpus.values() if w in text) for w in _words(question)}
    # A word only one document writes names it fully; one that others write too ('产业', in a title and in the
    # plan's text) counts half: alone it names nothing.
    asked = {w: (1.0 if n == 1 else 0.5) for w, n in writers.items() if 0 < n <= len(corpus) / 2}
    # A document that never writes the place asked about is not the one named ('松川…租房补贴' names no 柏林镇 细则).
    written = writing_places(question, {d: f"{titles[d]}\n{corpus.get(d, '')}" for d in titles}, places)
    # A document named by its kind ('这份问答', '公示里', '细则第2.1条'): the word its title ends with, when no other
    # title ends with it, names it fully however often the documents' texts write it ('本细则', '公示期').
    kinds = {doc_id: _kind(title) for doc_id, title in titles.items()}
    for kind in {k for k in kinds.values() if k and re.search(_NAMING_KIND.format(kind=k), question)}:
        if sum(1 for k in kinds.values() if k == kind) == 1:
            asked[kind] = 1.0
    scores = sorted(
        (
            (sum(len(w) * share for w, share in asked.items() if w in words), doc_id)
            for doc_id, words in title_words.items()
            if written is None or doc_id in written
        ),
        reverse=True,
    )
    if len(scores) < 2:
        return scores[0][1] if scores and scores[0][0] >= MIN_NAMED_CHARS else None
    best, second = scores[0], scores[1]
    if best[0] < MIN_NAMED_CHARS or best[0] == second[0]:
        return None
    return best[1]


# What a title ends with after its edition or year in brackets: the document's kind ('…政策问答（2026年）' -> 问答).
_TITLE_TAIL = re.compile(r"[（(][^）)]*[）)]\s*$")
_KIND_CHARS = 2
# A kind word naming the document, not a common noun ('补贴标准' is no 认定标准): after a demonstrative ('这份问答',
# '该办法') or before where in it or what it says ('公示里', '细则第2.1条', '办法规定').
_NAMING_KIND = r"(?:[这那该本][个份项]?\S{{0,6}}{kind}|{kind}(?:里|中|上|第|规定|说|写))"


def _kind(title: str) -> str:
    """The kind of document a title names in its last two characters (办法, 细则, 通知, 问答, 解读, 指南, 公示,
    清单, 目录 …), or '' when the title ends in something else (a digit, a quote)."""
    tail = _TITLE_TAIL.sub("", title.strip()).rstrip("》”\"")
    kind = tail[-_KIND_CHARS:]
    return kind if len(kind) == _KIND_CHARS and all("\u4e00" <= ch <= "\u9fff" for ch in kind) else ""


def writing_places(question: str, texts: Mapping[str, str], places: Iterable[str]) -> set[str] | None:
    """The documents that write every place the question names (澜川, 岚溪); None when it names none."""
    asked = [p for p in places if p in question]
    if not asked:
        return None
    return {doc_id for doc_id, text in texts.items() if all(p in text for p in asked)}


def focus_hits(hits: list[ScoredChunk], doc_id: str | None) -> list[ScoredChunk]:
    """Only the named document's hits, when it has any: a question that names a document is answered from it
    (or refused), never from another document that happens to say something alike."""
    if doc_id is None:
        return hits
    own = [h for h in hits if h.chunk.doc_id == doc_id]
    return own or hits


def mentioning(
    hits: list[ScoredChunk],
    question: str,
    titles: Mapping[str, str],
    texts: Mapping[str, str],
    places: Iterable[str] = (),
) -> list[ScoredChunk]:
    """The hits whose document writes every title word the question uses ('晋江' in '想来晋江工作，补贴多少'): a
    document that never mentions the place or programme asked about does not answer for it. All hits when none
    is left — unless a place was asked about: then none (another city's amount is no answer)."""
    title_words = set().union(*(_words(t) for t in titles.values())) if titles else set()
    asked = _words(question) & title_words
    keep = set(texts)
    for word in asked:
        keep &= {doc_id for doc_id, text in texts.items() if word in text}
    kept = [h for h in hits if h.chunk.doc_id in keep]
    # A place asked about that no retrieved document writes: another place's passage is no answer for it.
    written = writing_places(question, texts, places)
    if written is not None:
        return [h for h in kept or hits if h.chunk.doc_id in written]
    return kept or hits
