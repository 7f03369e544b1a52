"""``GET /api/outcomes?from=YYYY-MM-DD&to=YYYY-MM-DD[&workflow_id=]`` → the dashboard's figures (schemas.py);
``GET /api/outcomes/report?month=YYYY-MM&format=html|pdf`` → the monthly report (report.py).

A bad, reversed or over-a-year period is a 400 naming the parameter; an unknown workflow a 404.
"""

from __future__ import annotations

from typing import Annotated, Any, cast

from litestar import Response, get, put
from litestar.params import Parameter
from sqlalchemy.ext.asyncio import AsyncSession

from runtime.outcomes.periods import PeriodError, month_period, period_of
from runtime.outcomes.schemas import Outcomes, OutcomesSettings
from runtime.outcomes.service import MINUTES_SETTING, UnknownWorkflow, minutes_per_message, outcomes
from storage import audit
from storage.errors import ApiError, Problem, not_found
from storage.models import Clinic
from storage.models.base import utcnow
from storage.openapi import BodyShape
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


async def _clinic(session: AsyncSession, caller: Caller) -> Clinic:
    clinic = await session.get(Clinic, caller.clinic_id)
    if clinic is None:
        raise not_found("병원", "clinic")
    return clinic


@get("/api/outcomes/settings", operation_id="GetOutcomesSettings", tags=["outcomes"])
async def get_outcomes_settings(db_session: AsyncSession, caller: Caller) -> OutcomesSettings:
    return {"minutes_per_message": minutes_per_message((await _clinic(db_session, caller)).settings or {})}


@put("/api/outcomes/settings", operation_id="PutOutcomesSettings", tags=["outcomes"])
async def put_outcomes_settings(
    db_session: AsyncSession, caller: Caller, data: Annotated[Any, BodyShape(OutcomesSettings)]
) -> OutcomesSettings:
    value = data.get("minutes_per_message") if isinstance(data, dict) else None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 120:
        message = "메시지당 분은 0에서 120 사이의 숫자입니다 / minutes_per_message must be a number from 0 to 120"
        raise ApiError(422, [Problem("invalid_minutes", message, path="/minutes_per_message")])
    clinic = await _clinic(db_session, caller)
    clinic.settings = {**(clinic.settings or {}), MINUTES_SETTING: float(value)}  # a new dict: change tracked
    audit.record(db_session, caller, "outcomes.settings.write", f"clinic:{clinic.id}", minutes=float(value))
    return {"minutes_per_message": float(value)}


ROUTES: list[Any] = [get_outcomes, get_outcomes_report, get_outcomes_settings, put_outcomes_settings]

ROUTE_PERMISSIONS = {
    "GetOutcomes": "run.read",
    "GetOutcomesReport": "run.read",
    "GetOutcomesSettings": "run.read",
    "PutOutcomesSettings": "settings.write",
}
