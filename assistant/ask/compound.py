"""Questions that ask two things at once: "这个工程谁牵头？要达到什么目标？".

    split_questions(question) -> ["这个工程谁牵头？", "要达到什么目标？"]
    repeats_earlier(part, answer, earlier) -> bool   the part's answer says again what an earlier part's said,
                                                    and that does not state what the part asks
    unsaid(hits, citations) -> hits                 the passages less the sentences already quoted
    combine_answers([answer_a, answer_b]) -> one Answer, citations renumbered in order
    continue_part(part, earlier, mentions) -> str   a later part made standalone: "…工程要达到什么目标？"
    answer_parts(question, mentions, answer_one=…, passages=…, compose=…) -> (Answer, hits)   all of the above

Each part is answered on its own (the second resolved against the first, as a follow-up would be) and the
replies are joined, so a question that needs a table row and a sentence gets both, each with its source.
A later part resolved against the first carries the first's subject, so its best passage can be the first's
answer again ('企业引进一个硕士奖多少？一年封顶多少？' -> the per-person amount twice). Such a part is answered again
by its own words from the same passages less what was already said (the cap, '…年度引才奖励累计不超过30万元'), or
refused for itself; it is never dropped as a repeat with nothing in its place.

A later part with no subject of its own ('给多少？') after a refused part borrows the refused part's subject: it is
refused with it when the documents never speak of that subject (`Answer.refused_for == "subject"`), and otherwise
answered only by passages about most of that subject (`ABOUT_EARLIER`), never by a sum of something else nearby.

Contract of `answer_parts`: a question of one part is `answer_one(question)` itself. Otherwise each part is
answered by `answer_one` (later parts after `continue_part`); a part that repeats an earlier one
(`repeats_earlier`) is answered again by `compose(part as asked, unsaid(hits))`, where the hits are those
`answer_one` returned or, for an answer from a fact, `passages(part)`. The hits returned are every part's,
without duplicates, in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.ask import followup
from assistant.ask.analysis import question_terms
from assistant.ask.followup import Mentions
from assistant.ask.kinds import ASKS, asked_kinds
from assistant.ask.vocabulary import ASKING
from assistant.ask.wording import in_their_words
from assistant.core.timing import stage
from assistant.core.types import Answer, Citation, ScoredChunk, Turn

_PART = re.compile(r"[^？?]+[？?]?")
_MARK = re.compile(r"\[(\d+)\]")
_MIN_PART_CHARS = 3  # "呢？" or "吗？" is not a question of its own


# A clause asks something when it has a question word ('要新增多少，归哪个部门管' asks two things).
_ASKS = re.compile(ASKING)


def split_questions(question: str) -> list[str]:
    """The question's parts: split at question marks, and at commas between clauses that each ask something
    (a clause that asks nothing, '我是博士', stays with the ask next to it); one part when it asks one thing."""
    parts = [p.strip(" ，,；;。") for p in _PART.findall(question.strip())]
    parts = [p for part in parts for p in _asks_in(part)]
    parts = [p for p in parts if len(p.rstrip("？?")) >= _MIN_PART_CHARS]
    return parts if len(parts) > 1 else [question.strip()]


# What a clause asks for. Two clauses asking the same kind of thing ('重点发展哪些产业，需要什么人才') are one
# question said twice; a number and a unit ('要新增多少，归哪个部门管') are two.
_ASK_KINDS = (
    ("who", re.compile(r"谁|哪个(?:部门|单位|局)|哪些(?:部门|单位)|哪家|牵头|负责")),
    ("when", re.compile(r"什么时候|何时|哪年|哪天|多久|多长时间|几年|几月|期限|截止")),
    ("where", re.compile(r"哪里|哪儿|在哪|去哪|地址")),
    ("count", re.compile(r"多少|几[个家名项次档]|多大")),
    ("whether", re.compile(r"是否|有没有|能不能|可不可以|吗")),
)


def _ask_kind(clause: str) -> str:
    return next((kind for kind, cue in _ASK_KINDS if cue.search(clause)), "what")


def _asks_in(part: str) -> list[str]:
    asks: list[str] = []
    kinds: list[str] = []
    pending = ""
    for clause in (c for c in re.split(r"[，,；;]", part) if c.strip()):
        text = f"{pending}，{clause}" if pending else clause
        if _ASKS.search(clause):
            asks.append(text)
            kinds.append(_ask_kind(clause))
            pending = ""
        else:
            pending = text
    if pending:
        if asks:
            asks[-1] += f"，{pending}"
        else:
            asks.append(pending)
    if len(asks) < 2 or len(set(kinds)) < len(kinds):
        return [part]
    return asks


def repeats_earlier(part: str, answer: Answer, earlier: list[Answer]) -> list[Citation]:
    """The citations of the sentences of the part's answer that an earlier part's answer already says and that
    neither write any of the part's own words ('一年封顶多少' -> 一年, 不超过 as the passage writes 封顶) nor state
    every kind of value it asks; [] when the answer says something new or its repeat answers this part too (a
    sentence answering both: '由市人社局牵头，2027年底前建成')."""
    if not answer.answerable:
        return []
    said = _MARK.sub("", "".join(a.answer for a in earlier))
    repeated = [s for s in _SENTENCE.findall(answer.answer) if _MARK.sub("", s).strip("。；\n ") in said]
    if not repeated:
        return []
    texts = [_MARK.sub("", s) for s in repeated]
    own = [t for t, w in question_terms(in_their_words(part, texts)).items() if w >= 1.0 and len(t) >= 2]
    kinds = asked_kinds(part)
    if any(any(t in text for t in own) and all(ASKS[k].value.search(text) for k in kinds) for text in texts):
        return []
    ids = {int(n) for s in repeated for n in _MARK.findall(s)}
    return [c for c in answer.citations if c.id in ids]


# a sentence with the line break after it, so the passage keeps its lines
_SAID_SENTENCE = re.compile(r"[^。！？；\n]*[。！？；]?\n?")


def _quoted(value: str, said: list[str]) -> bool:
    return bool(value) and any(q.endswith(value) or value in q for q in said)


def unsaid(hits: list[ScoredChunk], citations: list[Citation]) -> list[ScoredChunk]:
    """The hits with every sentence (or table cell) an earlier answer quoted taken out, so the next best one can
    answer; a passage left with nothing is dropped."""
    quoted: dict[str | None, list[str]] = {}
    for c in citations:
        quoted.setdefault(c.chunk_id, []).append(c.quote.split("\t")[-1].strip().rstrip("。；;，,"))
    out: list[ScoredChunk] = []
    for hit in hits:
        said = [q for q in quoted.get(hit.chunk.chunk_id, []) if q]
        if not said:
            out.append(hit)
            continue
        chunk = hit.chunk
        if chunk.cells:
            cells = [(h, v) for h, v in chunk.cells if not _quoted(v.strip(), said)]
            if cells:
                out.append(hit.model_copy(update={"chunk": chunk.model_copy(update={"cells": cells})}))
            continue
        text = "".join(s for s in _SAID_SENTENCE.findall(chunk.text) if not any(q in s for q in said))
        items = [item for item in chunk.items if not any(q in item for q in said)]
        if text.strip():
            shorter = chunk.model_copy(update={"text": text, "items": items})
            out.append(hit.model_copy(update={"chunk": shorter}))
    return out


def combine_answers(answers: list[Answer]) -> Answer:
    """Join the parts' answers; each part's [n] markers and citations are renumbered to follow the previous."""
    if len(answers) == 1:
        return answers[0]
    if not any(a.answerable for a in answers):  # one plain "the documents do not say" reads better than several
        return max(answers, key=lambda a: a.confidence)
    texts: list[str] = []
    citations: list[Citation] = []
    texts_seen: set[str] = set()
    for answer in answers:
        if answer.answer in texts_seen:  # two parts answered by the same sentence: say it once
            continue
        texts_seen.add(answer.answer)
        # A citation already used by an earlier part keeps its number.
        number: dict[int, int] = {}
        for c in answer.citations:
            same = next((k for k in citations if k.chunk_id == c.chunk_id and k.quote == c.quote), None)
            if same is None:
                same = c.model_copy(update={"id": len(citations) + 1})
                citations.append(same)
            number[c.id] = same.id
        text = _without_repeats(_renumber(answer.answer, number), texts)
        if text:
            texts.append(text)
    answerable = [a for a in answers if a.answerable]
    return Answer(
        answer="\n".join(texts),
        answerable=bool(answerable),
        confidence=min(a.confidence for a in answerable) if answerable else min(a.confidence for a in answers),
        citations=citations,
        route="+".join(a.route for a in answers),
    )


# A sentence keeps the line break after it: a list of matches stays one item per line when joined.
_SENTENCE = re.compile(r"[^。；\n]+[。；]?\n?")


def _without_repeats(text: str, earlier: list[str]) -> str:
    """The text less the sentences an earlier part already said (a refusal quoting what the next part answers)."""
    said = _MARK.sub("", "".join(earlier))
    # a line that opens with its document's title ('《…》：…', `other_documents`) repeats what follows the title
    kept = [s for s in _SENTENCE.findall(text) if _TITLED.sub("", _MARK.sub("", s)).strip("。；\n ") not in said]
    return "".join(kept).strip()


_TITLED = re.compile(r"^《.*》：")


def _renumber(text: str, number: dict[int, int]) -> str:
    return _MARK.sub(lambda m: f"[{number.get(int(m.group(1)), int(m.group(1)))}]", text)


# How much of an earlier part's subject (by weight) a later part's answer must be about to answer for it.
ABOUT_EARLIER = 0.5


def _about(earlier: str, answer: Answer) -> bool:
    """Is the answer (its quotes, their sections and documents) about most of what the earlier part names?"""
    terms = {t: w for t, w in question_terms(earlier).items() if w >= 1.0}
    total = sum(terms.values())
    cited = "".join(f"{c.title}{c.section}{c.quote}" for c in answer.citations)
    return not total or sum(w for t, w in terms.items() if t in cited) >= ABOUT_EARLIER * total


def continue_part(part: str, earlier: list[str], mentions: Mentions) -> str:
    """A later part of a compound question, made standalone: resolved like a follow-up, and when it names
    nothing of its own (要达到什么目标？), given the subject of the part before it."""
    resolved = followup.resolve_followup(part, [Turn(role="user", content=p) for p in earlier], mentions)
    if resolved != part or mentions(part):
        return resolved
    subject = mentions(earlier[-1])
    if subject:
        return f"{subject[0]}{part}"
    # No named programme: the noun phrase the earlier part opened with ('企业引进一个硕士奖多少？一年封顶多少？')
    phrase = followup.opening_phrase(earlier[-1])
    return f"{phrase}，{part}" if phrase and followup.is_elliptical(part, mentions) else part


def answer_parts(
    question: str,
    mentions: Mentions,
    *,
    answer_one: Callable[[str], tuple[Answer, list[ScoredChunk]]],
    passages: Callable[[str], list[ScoredChunk]],
    compose: Callable[[str, list[ScoredChunk]], Answer],
) -> tuple[Answer, list[ScoredChunk]]:
    """The question answered part by part and the parts' answers joined; with the passages they came from."""
    parts = split_questions(question)
    if len(parts) == 1:
        return answer_one(question)
    answers: list[Answer] = []
    hits: list[ScoredChunk] = []
    for i, asked in enumerate(parts):
        part = asked
        if i > 0:  # "要达到什么目标？" after "这个工程谁牵头？" is about the same thing
            with stage("analysis"):
                part = continue_part(asked, parts[:i], mentions)
        # a part with no subject of its own ('给多少？') borrows the one before it, refused or not
        refused = answers[-1] if i > 0 and not answers[-1].answerable and followup.is_elliptical(asked, mentions) else None
        if refused is not None and refused.refused_for == "subject":
            # '…有没有安家补贴？给多少？': the documents never speak of what the first part asks about, so the
            # part borrowing its subject has nothing to be answered from either
            answers.append(refused)
            continue
        answer, part_hits = answer_one(part)
        if refused is not None and answer.answerable and not _about(parts[i - 1], answer):
            # '各区有没有配套奖励，给多少？': nothing was found on the first part's subject; the part borrowing
            # it is answered only by passages about it, not by whatever sum is nearby
            answer = refused
        repeated = repeats_earlier(asked, answer, answers) if i > 0 else []
        if repeated:
            # '一年封顶多少' carried the first part's subject and got its answer again: the part's own words
            # choose among the same passages less what was said (or it is refused for itself)
            if not part_hits:  # answered from a fact: the passages the part would be answered from
                part_hits = passages(part)
            answer = compose(asked, unsaid(part_hits, [c for a in answers for c in a.citations] + repeated))
        answers.append(answer)
        hits.extend(h for h in part_hits if all(h.chunk.chunk_id != k.chunk.chunk_id for k in hits))
    return combine_answers(answers), hits
