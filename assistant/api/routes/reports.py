"""`/api/v1/reports/unanswered`: what the assistant refused, answered shakily or got a thumbs-down for, grouped
by similar wording, over a date range; JSON or CSV. It shows what citizens asked, so it needs the admin key."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from assistant.api.deps import AdminDep, ServiceDep
from assistant.api.errors import ApiError
from assistant.api.schemas import ERROR_RESPONSES, UnansweredOut, UnansweredResponse

router = APIRouter(prefix="/api/v1/reports", tags=["reports"], responses=ERROR_RESPONSES)

DEFAULT_DAYS = 30


def _bound(value: date | datetime | None, default: datetime, *, end: bool) -> datetime:
    if value is None:
        return default
    if isinstance(value, datetime):
        return value
    # A bare date is a whole day: `end=2025-01-31` includes the 31st.
    return datetime.combine(value + timedelta(days=1) if end else value, time.min)


def _local(value: datetime) -> datetime:
    """Naive local time, as the query log stores it; an instant with an offset is converted."""
    return value.astimezone().replace(tzinfo=None) if value.tzinfo else value


@router.get(
    "/unanswered",
    response_model=UnansweredResponse,
    responses={200: {"content": {"text/csv": {}}, "description": "JSON, or CSV with format=csv"}},
)
def unanswered(
    service: ServiceDep,
    _admin: AdminDep,
    start: Annotated[date | datetime | None, Query(description="First day (or instant) included")] = None,
    end: Annotated[date | datetime | None, Query(description="Last day included (or instant excluded)")] = None,
    format: Annotated[Literal["json", "csv"], Query()] = "json",
) -> UnansweredResponse | Response:
    now = datetime.now()
    try:
        last = _bound(end, now, end=True)
        first = _bound(start, last - timedelta(days=DEFAULT_DAYS), end=False)
        first, last = _local(first), _local(last)
    except (OverflowError, ValueError) as e:  # year 1 or 9999 at the edge of what datetime can hold
        raise ApiError(422, "invalid_range", f"日期超出可用范围：{e}") from e
    if first > last:
        raise ApiError(422, "invalid_range", "start 不能晚于 end。")
    if format == "csv":
        body = "\ufeff" + service.unanswered_csv(first, last)  # BOM so Excel opens the Chinese correctly
        filename = f"unanswered-{first:%Y%m%d}-{last:%Y%m%d}.csv"
        return Response(
            body.encode("utf-8"),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )
    # The log keeps naive local times; the response carries the offset, as RFC 3339 date-times must.
    groups = [
        UnansweredOut(**g.model_dump(exclude={"first_asked", "last_asked"}),
                      first_asked=g.first_asked.astimezone(), last_asked=g.last_asked.astimezone())
        for g in service.unanswered_report(first, last)
    ]
    return UnansweredResponse(start=first.astimezone(), end=last.astimezone(), groups=groups)
