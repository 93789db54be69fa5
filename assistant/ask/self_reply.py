"""A message in which the asker describes themself, answered: what applies to them, and any direct question.

    replied = answer_described(question, desc, profile, snap, places=…, profile_of=…, answer_question=…)
    replied -> (Answer, hits), or None: the message is to be answered as a question

Contract:
- `desc` is `self_description.describe(question, profile, …)` and `profile` the profile read from the whole
  message; `profile_of(text)` reads one from any other text the same way.
- A description naming one of the documents' programmes, whose other clauses say nothing of the person, has
  that programme for its subject ('企业家培训的领航工程，是哪几个单位牵头的'): it is answered as a question when it
  also asks something or no profile was read, unless the asker says it is about them ('我…', '本人…').
- The person is matched against the facts and passages of the documents writing every place the message names
  (`places`: the documents' and the deployment's, as questions write them); with none named, against all.
- A description read by its wording alone (no kind of talent or industry) that matches nothing is answered as
  a question.
- Without a direct question the reply is the matches (`match_reply.match_answer`) and no passages. With one,
  the whole message is answered by `answer_question` (so '我是博士…补贴多少？' asks a doctor's subsidy) and
  comes first: when answered, followed by the matches in one line (`match_reply.match_brief`); when not, by
  the full matches, the reply as a whole not answerable, with the direct answer's confidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.ask import compound, focus, match_reply, matching
from assistant.ask.self_description import SelfDescription
from assistant.ask.snapshot import Snapshot
from assistant.core.timing import stage
from assistant.core.types import Answer, ScoredChunk

_FIRST_PERSON = re.compile(r"我|本人|俺|咱|自己")
_CLAUSE = re.compile(r"[^，,。；;！!？?]+")


def _has_profile(p: matching.Profile) -> bool:
    return bool(p.talent_kinds or p.education or p.industry or p.employer_kind or p.jinjiang_born)


def answer_described(
    question: str,
    desc: SelfDescription,
    profile: matching.Profile,
    snap: Snapshot,
    *,
    places: list[str],
    profile_of: Callable[[str], matching.Profile],
    answer_question: Callable[[str], tuple[Answer, list[ScoredChunk]]],
) -> tuple[Answer, list[ScoredChunk]] | None:
    """The matching programmes, then the answer to any direct question the message also asks; None when the
    message is not read as a self-description after all."""
    if not desc.is_self:
        return None
    # A description naming one of the documents' programmes has that programme for its subject
    # ('企业家培训的领航工程，是哪几个单位牵头的'), unless the asker says it is about them ('我…', '本人…'). A
    # description without the pronoun ('在民企做技术副总，想去挂职，…') still describes the asker.
    if (
        _programme_is_subject(desc.description, snap, profile_of)
        and (desc.remainder or not _has_profile(profile))
        and not _FIRST_PERSON.search(question)
    ):
        return None
    # a message naming a place is matched against that place's documents only: another city's amount is
    # nothing the person can claim
    written = focus.writing_places(question, snap.titles[1], places)
    facts = [f for f in snap.facts if written is None or f.doc_id in written]
    chunks = [c for c in snap.chunks.values() if written is None or c.doc_id in written]
    with stage("facts"):
        found = matching.match(profile, facts, chunks)
    # A description read by its wording alone (no kind of talent or industry) is matched by its own
    # words; when they reach no programme, the message is answered as a question.
    if not found and not match_reply.profile_label(profile):
        return None
    matched = match_reply.match_answer(profile, found)
    if not desc.remainder:
        return matched, []
    # The direct question is answered with the description around it: '我是博士…补贴多少？' asks a
    # doctor's subsidy, which '补贴多少？' alone does not say.
    rest, hits = answer_question(question)
    if not rest.answerable:
        # The direct question was not answered: say so first, then what applies to the person; the
        # reply as a whole does not claim to have answered it.
        combined = compound.combine_answers([rest, matched])
        return combined.model_copy(update={"answerable": False, "confidence": rest.confidence}), hits
    # The direct question answered first and whole; what else applies is named in one line, so the
    # reply stays short (the full list is one /api/v1/match away).
    brief = match_reply.match_brief(found)
    return compound.combine_answers([rest, brief] if brief else [rest, matched]), hits


def _programme_is_subject(
    description: str, snap: Snapshot, profile_of: Callable[[str], matching.Profile]
) -> bool:
    """The description names one of the documents' programmes and says nothing of the person elsewhere: in
    '企业家培训的领航工程，是哪几个单位牵头的' the programme is the subject; in '初中老师，当了三年班主任，想评上名
    班主任' the clauses without the programme's words still say who the asker is."""
    clauses = _CLAUSE.findall(description)
    naming = [c for c in clauses if any(f.kind == "programme" for f in snap.entities.mentions(c))]
    if not naming:
        return False
    rest = "，".join(c for c in clauses if c not in naming)
    return not (rest and _has_profile(profile_of(rest)))
