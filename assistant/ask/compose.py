"""Extractive answers: from retrieved passages to a short cited Chinese answer, or a plain refusal.

    compose_answer(question, hits, max_chars=160, hotline="") -> Answer

What the question asks comes from `analysis`; a list is gathered by `enumerations`, or read from a table's column
by `table_lists` or from a section's sub-headings by `section_lists`; a question about the
document itself is answered by `title_block`; refusals are worded by `refusal`; `support` decides whether a
passage states what was asked; `scoring` scores the pieces (`pieces`) of the hits and picks the best for each
part of the question. This module decides what of them answers, or refuses.

Contract:
- The answer is made only of text copied from the hits (sentences, clauses, table cells), each piece followed
  by its citation marker [n]; `Citation.quote` is the exact text used, so every number, date and unit in the
  answer appears in a quote. Only whitespace next to Chinese characters is dropped in the answer text.
- The question asks for a kind of value (an amount, a phone number, an address, opening hours, a deadline, a
  processing time, documents to bring, an evaluation result, a figure, a time). When no top passage states that
  kind of value in a sentence naming most of the asked subject (and, for a figure, in the asked measure and
  year), the answer is a refusal (`answerable=False`) that says so, shows what the documents say nearby and
  whom to ask.
- Open questions ('规划怎么说', '有什么支持') also quote the sentences of the passage the retriever ranked first.
- A question for each tier's value ('分几档，每档多少') whose best piece is an item of a list is answered by the
  whole list (`scoring.tier_items` says which lists are tiers).
- A choice question ('按年发还是按季度发？', `choices`) of which a top passage writes an alternative is answered
  by the piece stating one that is most about the question's subject, its alternatives weak words meanwhile
  (`analysis.offering`); when that answer quotes no alternative, the question is answered as any other.
- Nothing here retrieves, rewrites follow-ups or calls an LLM; those are other stages.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.ask import choices
from assistant.ask.analysis import named_benefits, offering, question_intents, question_terms, subject_terms
from assistant.ask.choices import Choice
from assistant.ask.enumerations import LIST_CHARS, introduces, with_items, with_siblings
from assistant.ask.kinds import ASKS, asked_kinds, asked_measure
from assistant.ask.other_documents import cite_by_document, other_statements
from assistant.ask.pieces import BODY, Piece, ScoredPiece, by_name, cite, display, split_pieces
from assistant.ask.qualified import with_cases, with_qualified
from assistant.ask.refusal import refusal, unmentioned
from assistant.ask.remarks import with_remarks
from assistant.ask.scoring import ASKS_TIERS, select_pieces
from assistant.ask.section_lists import section_listing
from assistant.ask.support import SUPPORT, idf, names_row, on_subject, subject_shares, supporting
from assistant.ask.table_lists import table_listing
from assistant.ask.table_rows import row_cell
from assistant.ask.title_block import ASKS_DOCUMENT, document_answer
from assistant.ask.wording import in_their_words
from assistant.core.types import Answer, Chunk, ScoredChunk


def _introduced(picks: list[ScoredPiece], pieces: list[Piece]) -> list[ScoredPiece]:
    """A list question ('要交哪些材料') answered by one item of an enumeration is answered by the enumeration: the
    item's introduction ('申请人应当提交下列材料：') joins the picks, and `with_items` brings its items."""
    out = list(picks)
    for pick in picks:
        lead_in = pick.piece.lead_in
        if not lead_in:
            continue
        intro = next(
            (
                p
                for p in reversed(pieces)
                if p.chunk.chunk_id == pick.piece.chunk.chunk_id
                and p.header is None
                and p.position < pick.piece.position
                and lead_in in p.text
            ),
            None,
        )
        if intro is not None and all(o.piece != intro for o in out):
            out.append(ScoredPiece(intro, pick.score, pick.matched))
    return out


def _stating(
    picks: list[ScoredPiece], backing: dict[str, list[Piece]], scores: dict[int, float]
) -> list[ScoredPiece]:
    """The answer states every asked kind of value: when no pick is a piece that states it about the subject (the
    best-scored sentence was the notice's preamble, not '计划遴选不超过60名'), the best-scored such piece (`scores`
    by id of piece) is the answer instead of the picks that state nothing asked."""
    missing = [found for found in backing.values() if found and not any(p.piece in found for p in picks)]
    if not missing:
        return picks
    score = max(p.score for p in picks)
    kept = [p for p in picks if any(p.piece in found for found in backing.values())]
    led = [
        ScoredPiece(max(found, key=lambda p: scores.get(id(p), float("-inf"))), score, frozenset())
        for found in missing
    ]
    return list({id(p.piece): p for p in [*led, *kept]}.values())


# A table small enough to say whole when the question names none of its rows.
COLUMN_ROWS = 8


def _whole_column(question: str, picks: list[ScoredPiece], pieces: list[Piece]) -> list[ScoredPiece] | None:
    """'安家补贴多少钱' of a table with one amount per 人才层次: a question naming none of the rows (nor a cell that
    picks them) is answered by the asked column of every row, not by whichever row scored first."""
    best = picks[0].piece if picks else None
    if best is None or best.header is None or not best.chunk.table:
        return None
    rows = sorted(
        {p.chunk.chunk_id: p.chunk for p in pieces
         if p.chunk.doc_id == best.chunk.doc_id and p.chunk.table == best.chunk.table}.values(),
        key=lambda c: c.order,
    )
    if not 2 <= len(rows) <= COLUMN_ROWS:
        return None
    terms = [t for t in subject_terms(question)[0] if len(t) >= 2]
    named = any(t in (row.row_key or "") for row in rows for t in terms) or any(
        len(value) >= 2 and value in question for row in rows for _, value in row.cells
    )
    if named:
        return None
    values = [(row, dict(row.cells).get(best.header, "")) for row in rows]
    values = [(row, value) for row, value in values if value]
    if len({value for _, value in values}) < 2:
        return None
    return [
        ScoredPiece(Piece(value, row, best.rank, best.position, best.header, row.row_key), picks[0].score, frozenset())
        for row, value in values
    ]


def _before_list(piece: Piece) -> str:
    """What a sentence says itself: all of it, or for one announcing a list ('申请人应当符合下列条件：', '年龄不超过
    35周岁，并符合下列条件：') what comes before the announcing clause — the items state the rest."""
    if not introduces(piece):
        return piece.text
    text = piece.text.rstrip("：: 。")
    cut = max(text.rfind(mark) for mark in "，,；;")
    return text[:cut] if cut > 0 else ""


def _whole_list(question: str, top: ScoredPiece, kinds: list[str]) -> bool:
    """'申请租房补贴要满足什么条件' of a list of conditions is answered by the whole list, not by its best-scored
    item; '年龄有什么要求' by the item that names 年龄, a subject word its list's introduction does not write."""
    piece = top.piece
    if "condition" not in kinds or piece.header is not None or not (introduces(piece) or piece.lead_in):
        return False
    if introduces(piece):
        return True
    own = [t for t in subject_terms(question)[0] if len(t) >= 2 and t in piece.text and t not in piece.lead_in]
    return not own


def _choosing(
    question: str, choice: Choice, picks: list[ScoredPiece], pieces: list[Piece], scores: dict[int, float]
) -> list[ScoredPiece]:
    """The piece stating an alternative the question offers that is most about the question's subject, the
    best-scored of those equally about it (`scores` by id of piece): '安家补贴是一次性发放还是分期发放' is answered
    under 安家补贴 ('分5年拨付'), not by the 购房补贴 paid 一次性. The picks as they were when no piece stating one is
    about the subject."""
    stating = [p for p in pieces if choice.stated(f"{p.header or ''}{p.text}")]
    # by what the piece itself is about, then by its passage ('第三条' over '安家补贴' / '分5年拨付'), then by score
    ranked = sorted(
        zip(
            subject_shares(question, stating, pieces),
            subject_shares(question, stating, pieces, passage=True),
            stating,
            strict=True,
        ),
        key=lambda s: (round(s[0], 2), round(s[1], 2), scores.get(id(s[2]), 0.0)),
    )
    if not ranked or ranked[-1][0] < SUPPORT:
        return picks
    best = ranked[-1][2]
    return [ScoredPiece(best, scores.get(id(best), max(p.score for p in picks)), frozenset())]


def _written(chunk: Chunk) -> str:
    """What a passage writes: its text and its cells."""
    return f"{chunk.text} {' '.join(value for _, value in chunk.cells)}"


# The hits an answer is composed from (after them come the chunks continuing an enumeration they introduce).
_TOP = 8


_OPEN = {"definition", "list", "needs", "broad"}
# Measures that count things a list enumerates ('几家', '几项'), not amounts of time or money.
_COUNTS_ITEMS = frozenset({"项", "件", "家", "所", "间", "人", "名", "位"})


def compose_answer(
    question: str,
    hits: list[ScoredChunk],
    max_chars: int = 160,
    *,
    hotline: str = "",
    within: str = "",
) -> Answer:
    """A short extractive answer with numbered citations, or a refusal when the hits do not support one.
    `hotline` is the deployment's own hotline, named in refusals when the documents give no closer contact.
    `within` is the title of the document the question names, when the hits are that document's only: every
    asked kind of value then needs a passage stating it about the subject, and a refusal names the document."""
    question = question.strip()
    if ASKS_DOCUMENT.search(question):
        answer = document_answer(question, hits)
        if answer is not None:
            return answer
    # The title block answers only the document questions above: its title names every topic of the document.
    hits = [h for h in hits if h.chunk.kind != "meta"]
    # '一年封顶多少' is asked of passages that write 不超过: the question is read in the documents' words
    question = in_their_words(question, (f"{h.chunk.title}{h.chunk.section}{h.chunk.text}" for h in hits))
    # '按年发还是按季度发' when a passage writes one of them: the alternatives say which answer is wanted, not what
    # the question is about. An answer that states neither is no answer to the choice: it is answered as before.
    choice = choices.offered(question)
    if choice is not None and any(choice.stated(_written(h.chunk)) for h in hits[:_TOP]):
        with offering([choice.asked]):
            chosen = _compose(question, hits, max_chars, hotline, choice, within)
        if chosen.answerable and any(choice.stated(c.quote) for c in chosen.citations):
            return chosen
    return _compose(question, hits, max_chars, hotline, None, within)


def _compose(
    question: str, hits: list[ScoredChunk], max_chars: int, hotline: str, choice: Choice | None, within: str = ""
) -> Answer:
    """`compose_answer` once the question is read in the documents' words; a `choice` whose alternative a hit
    states is answered by a piece stating one."""
    # A line that only repeats its document's title says nothing the citation does not.
    # The top hits, and the chunks continuing an enumeration they introduce (`with_continuations` puts those
    # after the eighth hit).
    everything = split_pieces(hits)
    continuing = [p for p in everything if p.rank >= _TOP]
    pieces = [p for p in everything if p.rank < _TOP and display(p.text) != display(p.chunk.title or "")]
    # a row the question names ('E类人才…补多少') is a candidate although only its table's introduction ranked high
    pieces += [p for p in continuing if names_row(question, p)]
    rare = [kind for kind in asked_kinds(question) if ASKS[kind].rare]

    def refuse(
        missing: list[str], best: ScoredPiece | None, what: str | None = None, *, about_subject: bool = False
    ) -> Answer:
        return refusal(question, missing, best, pieces, what, hotline, about_subject=about_subject, within=within)

    if not pieces:
        return refuse(rare, None)
    quoted = [t.replace(" ", "") for t in _QUOTED_TERM.findall(question)]
    if quoted:

        def writes(chunk: Chunk, term: str) -> bool:
            return term in f"{chunk.section}{chunk.text}".replace(" ", "")

        unknown = [t for t in quoted if not any(writes(h.chunk, t) for h in hits[:8])]
        if unknown:  # a quoted term no passage writes is not explained by the documents, whatever looks alike
            return refuse(rare, None, what="“" + "”、“".join(unknown) + "”的说法", about_subject=True)
        # “六个有” is answered from the passage that writes 六个有, not from the footnote defining 六个一
        pieces = [p for p in pieces if any(writes(p.chunk, t) for t in quoted)]
    unspoken = unmentioned(question, hits)
    if unspoken:  # a subject no passage speaks of: whatever looks alike is not the answer
        return refuse(rare, None, what=f"关于“{unspoken}”的内容", about_subject=True)
    cell = row_cell(question, hits) if "list" not in question_intents(question) else None
    if cell is not None:  # '陈思远在哪个单位': the asked column of the one row named, and none of another row's
        row, column, piece = cell
        if piece is None:
            return refuse([], None, what=f"{row}的{column}")
        text, citations = cite([piece], {}, max_chars)
        return Answer(answer=text, answerable=True, confidence=0.8, citations=citations, route="retrieval")
    if "list" in question_intents(question):
        chunks = [h.chunk for h in hits]
        structured = table_listing(question, chunks) or section_listing(question, chunks)
        if structured:  # '智能制造行业有哪些紧缺工种': the asked column of the rows the question picks; '评审有哪几个
            # 环节': the sub-headings of the section
            text, citations = cite(structured, {}, LIST_CHARS)
            return Answer(answer=text, answerable=True, confidence=0.8, citations=citations, route="retrieval")
    picks, scores = select_pieces(question, pieces, max_chars, choice)
    weights = idf(question_terms(question), pieces)
    best = max(picks, key=lambda s: s.score) if picks else None
    if best is None or best.score < 0.2:
        return refuse(rare, best)
    if choice is not None:
        picks = _choosing(question, choice, picks, pieces, scores)
        # the clause writing the alternative is what a long sentence is cut down to
        heaviest = max(weights.values(), default=1.0)
        weights |= {said: heaviest for p in picks for said in choice.stated_by(p.piece.text)}

    kinds = asked_kinds(question)
    backing = {kind: supporting(kind, question, pieces) for kind in kinds}
    # Any other question may be answered by a passage near a kind of value that is not decisive (a condition, how
    # often); one naming its document is answered by that document's statement of it, or refused: the named
    # document's own passages are all it has, and the nearest of them is no answer for it ('溪南…需要什么条件').
    # A choice a passage of it answers ('按年发还是按季度发' by '每季度发放一次') is supported by the alternative it writes.
    strict = bool(within) and choice is None and choices.offered(question) is None
    missing = [kind for kind in kinds if not backing[kind] and (ASKS[kind].decisive or strict)]
    if missing:
        return refuse([k for k in missing if ASKS[k].rare] or missing[:1], best)
    picks = _stating(picks, backing, scores)
    if "consequence" in kinds:
        picks = with_cases(picks, pieces)
    picks = with_qualified(picks, pieces)  # '博士放宽至40周岁' is said with the rule it relaxes
    if kinds:  # '购房补贴给多少', '补贴标准有哪些': the column, when the question names no row
        picks = _whole_column(question, picks, pieces + continuing) or picks
    # A yes/no or how question ('公寓能养宠物吗', '证书丢了怎么补办') is answered only from a passage about what it
    # names. Questions for a list, a definition, needs or an overview are answered by the enumeration or passage
    # the retriever ranked first, whose words are often not the question's.
    if (
        not kinds
        and not question_intents(question) & _OPEN
        and not on_subject(question, [s.piece for s in picks], pieces)
    ):
        return refuse([], best)
    # and a benefit it names ('溪南博士有生活补贴吗') only by a passage writing that benefit: its document's other
    # benefit ('租赁补贴：博士研究生每月1800元') is no answer for it
    if strict and not kinds and not _write_benefits(question, [s.piece for s in picks], within):
        return refuse([], best)
    states_it = False  # the best piece states the asked value itself: the list it announces is not the answer
    said = ""  # what the best piece says before the list it announces
    stated = False  # the best piece states every asked kind (another document may state it too)
    top = max(picks, key=lambda s: s.score)
    # '分几档，每档多少' answered by one tier ('（一）博士研究生每月2000元；') is answered by every tier of its list
    tiers = bool(ASKS_TIERS.search(question)) and bool(top.piece.lead_in) and top.piece.header is None
    if "list" in question_intents(question) or "procedure" in kinds or tiers or _whole_list(question, top, kinds):
        if introduces(top.piece) or top.piece.lead_in:
            # the best piece belongs to a list: that list is the answer, not another a runner-up is an item of
            # ('对劳动合同有什么要求' -> the requirement, not the materials list naming 劳动合同)
            picks = [p for p in picks if p is top or not (introduces(p.piece) or p.piece.lead_in)
                     or p.piece.chunk.chunk_id == top.piece.chunk.chunk_id]
        picks = _introduced(picks, pieces)
        if "list" in question_intents(question):  # '有哪几步': the steps of the list the best item is one of
            picks = with_siblings(picks, pieces)
    else:
        # A question for one value ('哪个月受理') is not answered by a list a runner-up announces ('标准如下：'),
        # nor by the list the best piece announces when that piece states the value itself ('分5年平均发放，标准如下：'
        # answers '分几年发').
        picks = [p for p in picks if p is top or not introduces(p.piece)]
        # a count of the list's own items ('几个附件', '分几档') is answered by the items too; a figure in a measure
        # of its own ('分几年发') is not
        counted = asked_measure(question)
        said = _before_list(top.piece)
        stated = bool(kinds) and all(ASKS[k].value.search(said) for k in kinds)
        states_it = stated and ("quantity" not in kinds or counted is not None and counted not in _COUNTS_ITEMS)
        # who receives what is announced ('个人通过用人单位向市人才服务中心提交申请，申请材料包括：') is said before the list
        states_it = states_it or not kinds and "who" in question_intents(question) and bool(BODY.search(said))
    if states_it and introduces(top.piece) and said:  # said without the clause announcing what it does not ask
        shown = ScoredPiece(replace(top.piece, text=said), top.score, top.matched)
        picks = [shown if p is top else p for p in picks]
    ordered = sorted(picks, key=lambda s: (s.piece.rank, s.piece.position))
    listed = ordered if states_it else by_name(with_items(ordered, pieces + continuing, [h.chunk for h in hits]))
    gathered = min(LIST_CHARS, sum(len(s.piece.text) + 4 for s in listed))
    room = max_chars if len(listed) == len(ordered) else max(max_chars, gathered)
    # a row's remark ('须持有…证书', or the note a '★' points to) is part of what the row says
    ordered = with_remarks(listed, pieces + continuing)
    # two documents stating the asked value, the question naming neither: each said with its title
    others = other_statements(kinds, top, backing, scores) if stated else []
    if others:
        text, citations = cite_by_document([*(s.piece for s in ordered), *others], weights, room)
    else:
        text, citations = cite([s.piece for s in ordered], weights, room)
    return Answer(
        answer=text,
        answerable=True,
        confidence=round(min(0.95, max(0.3, best.score)), 2),
        citations=citations,
        route="retrieval",
    )


def _write_benefits(question: str, chosen: list[Piece], title: str = "") -> bool:
    """Every benefit the question names by its kind ('生活补贴') is written by one of the chosen pieces, in any
    of its spellings ('生活补助'), in its text, list introduction or section — unless the document's title names
    it ('租房补贴…细则归哪个部门解释' names the document, whose '本细则由…解释' need not repeat it)."""
    written = [f"{p.chunk.section}{p.lead_in}{p.text}" for p in chosen] + [title]
    return all(any(s in w for s in spellings for w in written) for _, spellings in named_benefits(question))


_QUOTED_TERM = re.compile(r"[“\"‘']([^”\"’']{1,20})[”\"’']")
