"""HTTP API of the appointment book. Every change goes through the event ingest, like a webhook.

- ``GET /api/appointments?from=YYYY-MM-DD&to=YYYY-MM-DD[&doctor=&procedure=&status=]`` →
  ``{"appointments": [{"id", "external_id", "patient", "starts_at", "procedure", "status", …}]}``
- ``GET /api/appointments/{id}`` → the appointment with the runs and messages it caused
- ``POST /api/appointments`` (patient, starts_at, procedure, doctor) → 201 ``appointment.booked``
- ``POST /api/appointments/import`` (multipart: file, mapping?, dry_run?) → the import report (as the CLI's JSON)
- ``PATCH /api/appointments/{id}`` (starts_at / procedure / doctor / status) → ``appointment.rescheduled`` and
  the status event (confirmed, attended, no_show, cancelled; completed = ``procedure.completed``)
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any, cast

from litestar import Controller, Response, get, patch, post
from litestar.datastructures import State, UploadFile
from litestar.enums import RequestEncodingType
from litestar.params import Body, Parameter
from sqlalchemy.ext.asyncio import AsyncSession

from runtime import context
from runtime.appointments.apply import apply_events
from runtime.appointments.book import MAX_DAYS, appointment_detail, list_book
from runtime.appointments.changes import booking_event, change_events, problems_for_body
from runtime.appointments.columns import parse_mapping
from runtime.appointments.importer import import_reservations
from runtime.appointments.schemas import (
    AppointmentChange,
    AppointmentDetail,
    AppointmentImportForm,
    AppointmentImportReport,
    AppointmentIn,
    AppointmentList,
    AppointmentPatch,
)
from runtime.events import InvalidEvent
from runtime.schemas import EventIntake
from storage import audit
from storage.db import read_scope
from storage.errors import ApiError, Problem, not_found
from storage.http import settings_of
from storage.models import Appointment, Patient
from storage.models.appointment import APPOINTMENT_STATUSES
from storage.openapi import BodyShape
from storage.patients.columns import MappingError
from storage.patients.readers import UnreadableFile, read_table
from storage.tenancy import Caller


def _runtime(state: State) -> tuple[context.Runtime, bool]:
    """The app's dispatching runtime when it has one (see ``runtime/api.py``)."""
    active: context.Runtime | None = state.get("runtime")
    if active is not None:
        return active, True
    return context.Runtime(settings_of(state)), False


def _day(value: str | None, name: str, default: date) -> date:
    if value is None or value == "":
        return default
    try:
        day = date.fromisoformat(value)
        if not 2000 <= day.year <= 2100:
            raise ValueError(value)
        return day
    except ValueError as exc:
        raise ApiError(
            400,
            [
                Problem(
                    "invalid_field",
                    f"{name}는 2000~2100년의 YYYY-MM-DD 날짜입니다 / {name} must be a YYYY-MM-DD date in 2000–2100",
                    path=name,
                )
            ],
        ) from exc


async def _apply(state: State, caller: Caller, events: list[dict[str, Any]]) -> list[EventIntake]:
    runtime, dispatches = _runtime(state)
    try:
        intakes = await apply_events(runtime, caller.clinic_id, events, dispatch=dispatches)
    except InvalidEvent as exc:
        raise ApiError(422, problems_for_body(exc.problems)) from exc
    for intake in intakes:
        for run_id in intake.advance:
            runtime.dispatcher.advance(run_id)
    return [cast(EventIntake, i.result) for i in intakes]


async def _fresh(state: State, caller: Caller, appointment_id: int) -> AppointmentDetail:
    """Read after the ingest's commit (the request's own transaction may hold an older snapshot)."""
    async with read_scope(settings_of(state), caller.clinic_id) as session:
        detail = await appointment_detail(session, caller.clinic_id, appointment_id)
    if detail is None:
        raise not_found("예약", "appointment")
    return detail


class AppointmentController(Controller):
    path = "/api/appointments"
    tags = ["appointments"]

    @get("/", operation_id="ListAppointments")
    async def list_appointments(
        self,
        db_session: AsyncSession,
        caller: Caller,
        from_: str | None = Parameter(query="from", default=None),
        to: str | None = Parameter(default=None),
        doctor: str | None = Parameter(default=None),
        procedure: str | None = Parameter(default=None),
        status: str | None = Parameter(default=None),
    ) -> AppointmentList:
        today = date.today()
        first = _day(from_, "from", today)
        last = _day(to, "to", first)
        if last < first or (last - first) > timedelta(days=MAX_DAYS):
            raise ApiError(
                400,
                [
                    Problem(
                        "invalid_range",
                        f"기간은 from ≤ to, 최대 {MAX_DAYS}일입니다 / from must not be after to, at most {MAX_DAYS} days",
                        path="to",
                    )
                ],
            )
        if status is not None and status != "" and status not in APPOINTMENT_STATUSES:
            raise ApiError(
                400,
                [
                    Problem(
                        "invalid_status",
                        f"상태는 {', '.join(APPOINTMENT_STATUSES)} 중 하나입니다 / status must be one of "
                        f"{', '.join(APPOINTMENT_STATUSES)}",
                        path="status",
                    )
                ],
            )
        found = await list_book(
            db_session,
            caller.clinic_id,
            first,
            last,
            doctor=doctor or None,
            procedure=procedure or None,
            status=status or None,
        )
        audit.record(db_session, caller, "appointment.list", None, results=len(found))
        return {"appointments": found}

    @get("/{appointment_id:int}", operation_id="GetAppointment")
    async def get_one(self, db_session: AsyncSession, caller: Caller, appointment_id: int) -> AppointmentDetail:
        detail = await appointment_detail(db_session, caller.clinic_id, appointment_id)
        if detail is None:
            raise not_found("예약", "appointment")
        audit.record(db_session, caller, "appointment.read", f"appointment:{appointment_id}")
        return detail

    @post("/", operation_id="CreateAppointment", status_code=201)
    async def create(
        self, state: State, db_session: AsyncSession, caller: Caller, data: Annotated[Any, BodyShape(AppointmentIn)]
    ) -> AppointmentChange:
        runtime, _ = _runtime(state)
        event = await booking_event(db_session, caller.clinic_id, data, runtime.clock.now())
        intakes = await _apply(state, caller, [event])
        appointment_id = intakes[0].get("appointment_id")
        if appointment_id is None:  # the ingest always records a booked appointment
            raise ApiError(500, [Problem("internal", "예약이 저장되지 않았습니다 / the appointment was not stored")])
        return {"appointment": await _fresh(state, caller, appointment_id), "events": intakes}

    @post("/import", operation_id="ImportAppointments", status_code=200)
    async def import_file(
        self,
        state: State,
        db_session: AsyncSession,
        caller: Caller,
        data: Annotated[
            dict[str, Any], Body(media_type=RequestEncodingType.MULTI_PART), BodyShape(AppointmentImportForm)
        ],
        dry_run: bool = False,
    ) -> AppointmentImportReport:
        upload = data.get("file")
        if not isinstance(upload, UploadFile):
            raise ApiError(
                400, [Problem("missing_file", "파일을 첨부하세요 / attach a file (field 'file')", path="/file")]
            )
        mapping_text = str(data.get("mapping") or "")
        dry = dry_run or str(data.get("dry_run", "")).lower() in ("1", "true", "yes", "on")
        runtime, dispatches = _runtime(state)
        try:
            mapping = parse_mapping([m for m in mapping_text.replace("\n", ",").split(",") if m.strip()])
            table = read_table(await upload.read(), upload.filename or "")
            report = await import_reservations(
                runtime, caller.clinic_id, table, mapping, dry_run=dry, dispatch=dispatches and not dry
            )
        except UnreadableFile as exc:
            raise ApiError(422, [Problem(exc.code, exc.message, path="/file")]) from exc
        except MappingError as exc:
            raise ApiError(422, [Problem("invalid_mapping", str(exc), path="/mapping")]) from exc
        for run_id in report.runs:
            runtime.dispatcher.advance(run_id)
        audit.record(
            db_session, caller, "appointment.import", None, rows=report.rows, dry_run=dry, errors=len(report.errors)
        )
        return cast(AppointmentImportReport, report.as_dict())

    @patch("/{appointment_id:int}", operation_id="UpdateAppointment")
    async def update(
        self,
        state: State,
        db_session: AsyncSession,
        caller: Caller,
        appointment_id: int,
        data: Annotated[Any, BodyShape(AppointmentPatch)],
    ) -> Response[AppointmentChange]:
        appointment = await db_session.get(Appointment, appointment_id)
        if appointment is None or appointment.clinic_id != caller.clinic_id:
            raise not_found("예약", "appointment")
        patient = await db_session.get(Patient, appointment.patient_id)
        if patient is None or patient.erased_at is not None:
            raise not_found("환자", "patient")
        runtime, _ = _runtime(state)
        events = change_events(appointment, patient, data, runtime.clock.now())
        intakes = await _apply(state, caller, events) if events else []
        return Response({"appointment": await _fresh(state, caller, appointment_id), "events": intakes})


ROUTES = [AppointmentController]

# What each route needs (operation id → action); enforced by storage/accounts/guards.py.
ROUTE_PERMISSIONS = {
    "ListAppointments": "patient.read",
    "GetAppointment": "patient.read",
    "CreateAppointment": "event.write",
    "UpdateAppointment": "event.write",
    "ImportAppointments": ("patient.import", "event.write"),
}
