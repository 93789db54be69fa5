"""`/api/v1/search` (passages, best first) and `/api/v1/facts` (typed records: the plan's kinds and any policy
document's amounts, durations, conditions, windows, deadlines, contacts… — `FactKind` lists them)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from assistant.api.deps import CallerDep, EngineDep
from assistant.api.schemas import (
    ERROR_RESPONSES,
    FactOut,
    FactsResponse,
    SearchRequest,
    SearchResponse,
    SearchResult,
)
from assistant.core.types import FactKind

router = APIRouter(prefix="/api/v1", tags=["search"], responses=ERROR_RESPONSES)


@router.post("/search", response_model=SearchResponse)
def search(req: SearchRequest, engine: EngineDep, _caller: CallerDep) -> SearchResponse:
    return SearchResponse(results=[SearchResult.of(sc) for sc in engine.search(req.query, req.top_k)])


@router.get("/facts", response_model=FactsResponse)
def facts(
    engine: EngineDep,
    _caller: CallerDep,
    kind: Annotated[FactKind | None, Query()] = None,
    lead_unit: Annotated[str | None, Query(min_length=1, max_length=100)] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> FactsResponse:
    found = engine.facts(kind=kind, lead_unit=lead_unit, q=q, limit=limit)
    return FactsResponse(facts=[FactOut.of(f) for f in found])
