"""``GET /api/outcomes?from=YYYY-MM-DD&to=YYYY-MM-DD[&workflow_id=]`` → the dashboard's figures (schemas.py);
``GET /api/outcomes/report?month=YYYY-MM&format=html|pdf`` → the monthly report (report.py).

A bad, reversed or over-a-year period is a 400 naming the parameter; an unknown workflow a 404.
"""

from __future__ import annotations

from typing import Any, cast

from litestar import Response, get
from litestar.params import Parameter
from sqlalchemy.ext.asyncio import AsyncSession

from runtime.outcomes.periods import PeriodError, month_period, period_of
from runtime.outcomes.schemas import Outcomes
from runtime.outcomes.service import UnknownWorkflow, outcomes
from storage import audit
from storage.errors import ApiError, Problem, not_found
from storage.models import Clinic
from storage.models.base import utcnow
from storage.tenancy import Caller


def _workflow_id(value: str | None) -> int | None:
    if value is None or value == "":
        return None
    if not value.isdigit() or len(value) > 12:
        message = f"workflow_id는 숫자입니다: {value!r} / workflow_id must be a number"
        raise ApiError(400, [Problem("invalid_workflow_id", message, path="/workflow_id")])
    return int(value)


def _bad_period(exc: PeriodError) -> ApiError:
    return ApiError(400, [Problem(exc.code, str(exc), path=f"/{exc.field}")])


@get("/api/outcomes", operation_id="GetOutcomes", tags=["outcomes"])
async def get_outcomes(
    db_session: AsyncSession,
    caller: Caller,
    first: str | None = Parameter(query="from", default=None, description="YYYY-MM-DD (Asia/Seoul)"),
    last: str | None = Parameter(query="to", default=None, description="YYYY-MM-DD (Asia/Seoul), inclusive"),
    workflow_id: str | None = Parameter(default=None, description="only this workflow's messages and reminders"),
) -> Outcomes:
    try:
        period = period_of(first, last, utcnow())
    except PeriodError as exc:
        raise _bad_period(exc) from exc
    try:
        return cast(Outcomes, await outcomes(db_session, caller.clinic_id, period, _workflow_id(workflow_id)))
    except UnknownWorkflow as exc:
        raise not_found("워크플로", "workflow") from exc


@get("/api/outcomes/report", operation_id="GetOutcomesReport", tags=["outcomes"], media_type="text/html")
async def get_outcomes_report(
    db_session: AsyncSession,
    caller: Caller,
    month: str = Parameter(description="YYYY-MM (Asia/Seoul)"),
    format: str = Parameter(default="html", description="html | pdf"),
) -> Response[Any]:
    from runtime.outcomes.report import render_html, render_pdf  # WeasyPrint loads only when a report is asked

    if format not in ("html", "pdf"):
        message = f"format은 html 또는 pdf입니다: {format!r} / format must be html or pdf"
        raise ApiError(400, [Problem("invalid_format", message, path="/format")])
    try:
        period = month_period(month)
    except PeriodError as exc:
        raise _bad_period(exc) from exc
    clinic = await db_session.get(Clinic, caller.clinic_id)
    figures = await outcomes(db_session, caller.clinic_id, period)
    html = render_html(figures, month, clinic.name if clinic else "")
    audit.record(db_session, caller, "outcomes.report", f"clinic:{caller.clinic_id}", month=month, format=format)
    if format == "pdf":
        headers = {"Content-Disposition": f'attachment; filename="doctorsflow-report-{month}.pdf"'}
        return Response(render_pdf(html), media_type="application/pdf", headers=headers)
    return Response(html, media_type="text/html; charset=utf-8")


ROUTES: list[Any] = [get_outcomes, get_outcomes_report]

ROUTE_PERMISSIONS = {"GetOutcomes": "run.read", "GetOutcomesReport": "run.read"}
