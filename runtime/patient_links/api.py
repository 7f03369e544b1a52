"""The public appointment page a patient opens from a reminder: ``GET /p/{token}`` shows the appointment,
``POST /p/{token}`` (a plain form: no script, no log-in) confirms, cancels or asks to reschedule it.

Confirm and cancel go through the normal event ingest (``appointment.confirmed`` / ``appointment.cancelled``,
external id ``link:<appointment>:<action>``, so a second tap changes nothing), which also cancels the runs
still waiting on a cancelled appointment (its pending reminder). A reschedule request is recorded as an event
row of its own (``appointment.reschedule_requested``, no run starts), as an open request on the staff's 변경 요청
screen (``runtime/reschedule_requests/``) and in the audit log.
Rate-limited per address; answers are never cached and send no referrer (the token is the only key).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from litestar import Controller, Request, Response, Router, get, post, put
from litestar.datastructures import State
from litestar.middleware.rate_limit import RateLimitConfig
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from runtime.api import _runtime
from runtime.clock import SEOUL
from runtime.events import InvalidEvent, ingest
from runtime.patient_links import booking, self_booking
from runtime.patient_links.page import Notice, day_label, render_booking, render_page, time_label
from runtime.patient_links.schemas import SelfBookingSettings, SelfBookingView
from runtime.patient_links.slots import days_of, is_enabled
from runtime.patient_links.tokens import InvalidLink, LinkClaims, public_url, read_token
from runtime.reschedule_requests.service import record_request
from runtime.views import mask_name
from storage import audit
from storage.db import write_scope
from storage.errors import not_found
from storage.models import Appointment, Clinic, Event, Patient
from storage.openapi import BodyShape
from storage.tenancy import Caller

RATE = RateLimitConfig(rate_limit=("minute", 60), store="patient_link_rate")
HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex"}
OPEN = ("booked", "confirmed")  # statuses a patient may still confirm or cancel

INVALID = Notice(
    "링크가 올바르지 않습니다. 병원에 문의해 주세요.", "This link is not valid. Please contact the clinic."
)
EXPIRED = Notice("링크가 만료되었습니다. 병원에 문의해 주세요.", "This link has expired. Please contact the clinic.")
GONE = Notice(
    "예약을 찾을 수 없습니다. 병원에 문의해 주세요.", "The appointment was not found. Please contact the clinic."
)
CONFIRMED = Notice("예약이 확정되었습니다. 감사합니다.", "Your appointment is confirmed. Thank you.")
CANCELLED = Notice("예약이 취소되었습니다.", "Your appointment is cancelled.")
RESCHEDULE = Notice(
    "변경 요청을 받았습니다. 병원에서 곧 연락드리겠습니다.", "We received your request; the clinic will call you."
)
CLOSED = Notice("이미 처리된 예약입니다.", "This appointment can no longer be changed here.")
NO_BOOKING = Notice(
    "이 병원은 지금 온라인 예약을 받지 않습니다. 전화로 예약해 주세요.",
    "This clinic does not take online bookings now. Please call to book.",
)


def _html(body: str, status: int = 200) -> Response[str]:
    return Response(body, status_code=status, media_type="text/html", headers=HEADERS)


async def _load(
    state: State, token: str
) -> tuple[LinkClaims | None, Clinic | None, Appointment | None, Patient | None, Notice | None]:
    runtime, _ = _runtime(state)
    try:
        claims = read_token(token, runtime.clock.now())
    except InvalidLink as exc:
        return None, None, None, None, EXPIRED if exc.expired else INVALID
    async with write_scope(runtime.settings, claims.clinic_id) as session:
        clinic = (await session.execute(select(Clinic).where(Clinic.id == claims.clinic_id))).scalar_one_or_none()
        found = select(Appointment).where(Appointment.id == claims.appointment_id)
        appointment = (await session.execute(found)).scalar_one_or_none()
        patient = None
        if appointment is not None:
            patient = (
                await session.execute(select(Patient).where(Patient.id == appointment.patient_id))
            ).scalar_one_or_none()
        if clinic is None or appointment is None or patient is None or patient.erased_at is not None:
            return claims, clinic, None, None, GONE
        # The patient reads their own appointment: recorded like any read of personal data, without it.
        audit.record_for(
            session, claims.clinic_id, "patient-link", "appointment.link_view", f"appointment:{appointment.id}"
        )
    return claims, clinic, appointment, patient, None


def _page(
    clinic: Clinic | None,
    appointment: Appointment | None,
    patient: Patient | None,
    *,
    notice: Notice | None = None,
    problem: Notice | None = None,
    confirm_cancel: bool = False,
) -> Response[str]:
    name = clinic.name if clinic else "DoctorsFlow"
    phone = str(clinic.setting("phone") or "") if clinic else ""
    if problem is not None or appointment is None or patient is None:
        shown = problem or GONE
        return _html(render_page(clinic_name=name, clinic_phone=phone, problem=shown), 410 if shown is EXPIRED else 404)
    return _html(
        render_page(
            clinic_name=name,
            clinic_phone=phone,
            patient_name=mask_name(patient.name),
            starts_at=appointment.starts_at,
            status=appointment.status,
            actions=appointment.status in OPEN,
            notice=notice,
            confirm_cancel=confirm_cancel,
        )
    )


@get("/{token:str}", name="patient_link", include_in_schema=False)
async def show(state: State, token: str) -> Response[str]:
    _, clinic, appointment, patient, problem = await _load(state, token)
    return _page(clinic, appointment, patient, problem=problem)


@post("/{token:str}", include_in_schema=False, status_code=200)
async def act(state: State, token: str, request: Request[Any, Any, Any]) -> Response[str]:
    claims, clinic, appointment, patient, problem = await _load(state, token)
    if problem is not None or claims is None or appointment is None or patient is None:
        return _page(clinic, None, None, problem=problem)
    form = await request.form()
    action = str(form.get("action") or "")
    if appointment.status not in OPEN:
        return _page(clinic, appointment, patient, notice=CLOSED)
    if action == "cancel" and form.get("sure") != "yes":  # one more tap: a cancel is not undone here
        return _page(clinic, appointment, patient, confirm_cancel=True)
    runtime, dispatches = _runtime(state)
    now = runtime.clock.now()
    if action in ("confirm", "cancel"):
        event_type = "appointment.confirmed" if action == "confirm" else "appointment.cancelled"
        who = {"chart_no": patient.chart_no} if patient.chart_no else {"phone": patient.phone or ""}
        payload = {
            "type": event_type,
            "external_id": f"link:{appointment.id}:{action}",
            "occurred_at": now.isoformat(),
            "patient": who,
            "appointment": {"id": appointment.external_id},
        }
        try:
            intake = await ingest(runtime, claims.clinic_id, payload, dispatch=dispatches)
        except InvalidEvent:  # a patient row without chart number or phone: nothing we can send as an event
            return _page(clinic, appointment, patient, problem=GONE)
        for run_id in intake.advance:
            runtime.dispatcher.advance(run_id)
        appointment.status = "confirmed" if action == "confirm" else "cancelled"
        return _page(clinic, appointment, patient, notice=CONFIRMED if action == "confirm" else CANCELLED)
    if action == "reschedule":
        await _reschedule_requested(state, claims, appointment, now)
        return _page(clinic, appointment, patient, notice=RESCHEDULE)
    return _page(clinic, appointment, patient)


async def _reschedule_requested(state: State, claims: LinkClaims, appointment: Appointment, now: datetime) -> None:
    """Recorded once per appointment and day (a repeat tap the same day changes nothing)."""
    runtime, _ = _runtime(state)
    day = now.astimezone(SEOUL).date().isoformat()
    try:
        async with write_scope(runtime.settings, claims.clinic_id) as session:
            session.add(
                Event(
                    clinic_id=claims.clinic_id,
                    type="appointment.reschedule_requested",
                    external_id=f"link:{appointment.id}:reschedule:{day}",
                    occurred_at=now,
                    received_at=now,
                    patient_id=appointment.patient_id,
                    appointment_id=appointment.id,
                    payload={},
                    result={},
                )
            )
            await session.flush()
            await record_request(session, appointment, now)  # the staff's list (변경 요청), once while open
            audit.record_for(
                session,
                claims.clinic_id,
                "patient-link",
                "appointment.reschedule_requested",
                f"appointment:{appointment.id}",
            )
    except IntegrityError:
        return


def _booking_page(
    clinic: Clinic, slots: list[datetime], form: booking.BookingForm, done: str | None = None
) -> Response[str]:
    days = [
        (day_label(day_slots[0]), [(s.isoformat(), time_label(s)) for s in day_slots])
        for _, day_slots in days_of(slots)
    ]
    fields = {"slot": form.slot, "name": form.name, "phone": form.phone, "reason": form.reason}
    body = render_booking(
        clinic_name=clinic.name,
        clinic_phone=str(clinic.setting("phone") or ""),
        days=days,
        form=fields,
        errors=form.errors,
        done=done,
    )
    return _html(body, 422 if form.errors else 200)


@get("/book/{clinic_slug:str}", include_in_schema=False)
async def booking_form(state: State, clinic_slug: str) -> Response[str]:
    """The clinic's self-booking page (optional; slots from the clinic's ``self_booking`` setting)."""
    runtime, _ = _runtime(state)
    clinic = await booking.clinic_by_slug(runtime, clinic_slug)
    if clinic is None:
        return _page(None, None, None, problem=GONE)
    if not is_enabled(clinic.settings or {}):  # turned off on the clinic settings page
        return _page(clinic, None, None, problem=NO_BOOKING)
    return _booking_page(clinic, await booking.slots_of(runtime, clinic), booking.BookingForm())


@post("/book/{clinic_slug:str}", include_in_schema=False, status_code=200)
async def booking_submit(state: State, clinic_slug: str, request: Request[Any, Any, Any]) -> Response[str]:
    runtime, dispatches = _runtime(state)
    clinic = await booking.clinic_by_slug(runtime, clinic_slug)
    if clinic is None:
        return _page(None, None, None, problem=GONE)
    if not is_enabled(clinic.settings or {}):
        return _page(clinic, None, None, problem=NO_BOOKING)
    form = booking.read_form(await request.form())
    done = await booking.book(runtime, clinic, form, dispatch=dispatches)
    return _booking_page(clinic, await booking.slots_of(runtime, clinic), form, done)


class SelfBookingController(Controller):
    """The clinic's self-booking settings (on/off, hours, slot length), edited on the clinic settings page."""

    path = "/api/self-booking"
    tags = ["clinic"]

    @get("/", operation_id="GetSelfBooking")
    async def get_settings(self, db_session: AsyncSession, caller: Caller) -> SelfBookingView:
        clinic = await db_session.get(Clinic, caller.clinic_id)
        if clinic is None:
            raise not_found("병원", "clinic")
        return _view(clinic)

    @put("/", operation_id="PutSelfBooking")
    async def put_settings(
        self, db_session: AsyncSession, caller: Caller, data: Annotated[Any, BodyShape(SelfBookingSettings)]
    ) -> SelfBookingView:
        chosen = self_booking.parse(data)
        clinic = await db_session.get(Clinic, caller.clinic_id)
        if clinic is None:
            raise not_found("병원", "clinic")
        clinic.settings = {**(clinic.settings or {}), self_booking.SETTING: dict(chosen)}
        audit.record(db_session, caller, "self_booking.update", f"clinic:{clinic.id}", enabled=chosen["enabled"])
        return _view(clinic)


def _view(clinic: Clinic) -> SelfBookingView:
    return {**self_booking.current(clinic.settings or {}), "url": f"{public_url()}/p/book/{clinic.slug}"}


ROUTES: list[Any] = [
    Router(path="/p", route_handlers=[show, act, booking_form, booking_submit], middleware=[RATE.middleware]),
    SelfBookingController,
]
# /p is not under /api: public by design (the signed token is the key); the settings are the clinic's.
ROUTE_PERMISSIONS: dict[str, str] = {"GetSelfBooking": "workflow.read", "PutSelfBooking": "settings.write"}
