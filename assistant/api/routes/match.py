"""`POST /api/v1/match` and `GET /api/v1/match/options`: what the documents offer a talent.

A profile's values go through the same normaliser as the UI form (`assistant.ask.profiles`): synonyms map to
canonical values (PhD -> 博士, IT -> 信息技术), education implies talent kinds, and a value nothing maps to is a
422 naming the field and the allowed values. The matcher reads the engine's current facts and chunks, so a
newly uploaded policy document is matched too (with the amounts it sets).
"""

from __future__ import annotations

from fastapi import APIRouter

from assistant.api.deps import CallerDep, EngineDep
from assistant.api.errors import ApiError
from assistant.api.schemas import (
    ERROR_RESPONSES,
    CitationOut,
    MatchOptions,
    MatchOut,
    MatchRequest,
    MatchResponse,
)
from assistant.ask import matching
from assistant.ask.profiles import ProfileValueError, normalize_profile, profile_options

router = APIRouter(prefix="/api/v1", tags=["match"], responses=ERROR_RESPONSES)

_PROFILE_FIELDS = ("education", "talent_kinds", "industry", "employer_kind", "jinjiang_born")


def _industries(engine: EngineDep) -> list[str]:
    return [f.name for f in engine.facts(kind="industry_need", limit=1000)]


@router.get("/match/options", response_model=MatchOptions)
def options(engine: EngineDep, _caller: CallerDep) -> MatchOptions:
    """The allowed profile values, for a mini-program's pickers."""
    return MatchOptions(**profile_options(_industries(engine)))


@router.post("/match", response_model=MatchResponse)
def match(req: MatchRequest, engine: EngineDep, _caller: CallerDep) -> MatchResponse:
    given = {k: v for k in _PROFILE_FIELDS if (v := getattr(req, k)) not in (None, [], "")}
    text = (req.text or "").strip()
    if not text and not given:
        raise ApiError(
            422,
            "validation_error",
            "请提供 text（自我描述）或至少一项画像字段：education、talent_kinds、industry、employer_kind、jinjiang_born",
        )
    try:
        picked = normalize_profile(given, _industries(engine)) if given else None
    except ProfileValueError as e:
        raise ApiError(422, "invalid_profile", str(e)) from e
    if text:
        profile = engine.profile_from_text(text)
        if picked is not None:
            updates = {
                k: v for k, v in picked.model_dump(exclude={"free_text"}).items() if v not in (None, [])
            }
            if picked.talent_kinds:
                updates["talent_kinds"] = list(dict.fromkeys([*picked.talent_kinds, *profile.talent_kinds]))
            profile = profile.model_copy(update=updates)
    else:
        assert picked is not None
        profile = picked
    found = engine.match(profile, limit=req.limit)
    return MatchResponse(
        profile=profile.model_dump(),
        matches=[
            MatchOut(
                **m.model_dump(exclude={"citations"}), citations=[CitationOut.of(c) for c in m.citations]
            )
            for m in found
        ],
        answer=matching.format_matches(profile, found),
        markdown=matching.format_matches_markdown(found),
    )
