"""`POST /api/v1/match`: what the documents offer a talent, from a free-text self-description or a profile.

Wired by `create_app` only when `assistant.ask.matching` is installed. The matcher reads the engine's current
facts and chunks, so a newly uploaded policy document is matched too.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.api.deps import CallerDep, EngineDep
from assistant.api.errors import ApiError
from assistant.api.schemas import ERROR_RESPONSES, CitationOut
from assistant.ask import matching

router = APIRouter(prefix="/api/v1", tags=["match"], responses=ERROR_RESPONSES)


class MatchRequest(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    text: str | None = Field(None, max_length=500, description="Free text, e.g. 我是做芯片的博士，想来晋江")
    education: str | None = Field(None, max_length=20)
    talent_kinds: list[str] = Field(default_factory=list, max_length=20)
    industry: str | None = Field(None, max_length=50)
    employer_kind: str | None = Field(None, max_length=50)
    jinjiang_born: bool | None = None
    limit: int = Field(10, ge=1, le=50)

    @model_validator(mode="after")
    def _something_given(self) -> MatchRequest:
        if not (self.text and self.text.strip()) and not (self.education or self.talent_kinds or self.industry
                                                            or self.employer_kind or self.jinjiang_born):
            raise ValueError("give `text` or at least one profile field")
        return self


class MatchOut(BaseModel):
    name: str
    kind: str
    why: list[str]
    matched: list[str]
    lead_units: list[str]
    period: str | None
    citations: list[CitationOut]
    score: float


class MatchResponse(BaseModel):
    profile: dict[str, Any]
    matches: list[MatchOut]
    answer: str = Field(description="A short Chinese reply listing the matches")


@router.post("/match", response_model=MatchResponse)
def match(req: MatchRequest, engine: EngineDep, _caller: CallerDep) -> MatchResponse:
    if req.text and req.text.strip():
        profile = engine.profile_from_text(req.text.strip())
        updates = {k: v for k, v in req.model_dump(exclude={"text", "limit"}).items() if v not in (None, [])}
        profile = profile.model_copy(update=updates)
    else:
        profile = matching.Profile(**req.model_dump(exclude={"text", "limit"}))
    try:
        found = engine.match(profile, limit=req.limit)
    except (TypeError, ValueError) as e:
        raise ApiError(422, "invalid_profile", str(e)) from e
    return MatchResponse(
        profile=profile.model_dump(),
        matches=[
            MatchOut(**m.model_dump(exclude={"citations"}), citations=[CitationOut.of(c) for c in m.citations])
            for m in found
        ],
        answer=matching.format_matches(profile, found),
    )
