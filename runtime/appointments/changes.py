"""What the appointment book's create/edit/status buttons send: events through the same ingest as a webhook.

A change that changes nothing sends nothing (a retried PATCH is harmless). Each event's external id names the
appointment, the change and its new value, so a repeat of the same change is the ingest's duplicate.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import datetime
from functools import partial
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from nodes.particles import with_particle
from nodes.timeutil import SEOUL, parse_datetime
from runtime.event_fields import field_message
from runtime.events import validate_event
from storage.errors import ApiError, Problem
from storage.models import Appointment, Patient
from storage.models.appointment import APPOINTMENT_STATUSES

T = TypeVar("T")

# status asked for → the event that moves the appointment there
STATUS_EVENTS = {
    "booked": "appointment.booked",
    "confirmed": "appointment.confirmed",
    "attended": "appointment.attended",
    "completed": "procedure.completed",
    "no_show": "appointment.no_show",
    "cancelled": "appointment.cancelled",
}


# Where a click in the book may move an appointment: the visit's own course. A cancelled or missed visit is booked
# again first (then confirmed or attended), a completed procedure is final; a visit marked attended by mistake can
# still be marked missed. EMR imports and booking webhooks are the clinic's record and are not held to this.
NEXT_STATUSES: dict[str, tuple[str, ...]] = {
    "booked": ("confirmed", "attended", "completed", "no_show", "cancelled"),
    "confirmed": ("attended", "completed", "no_show", "cancelled"),
    "attended": ("completed", "no_show"),
    "completed": (),
    "no_show": ("booked", "attended"),
    "cancelled": ("booked",),
}
STATUS_NAMES = {
    "booked": ("다시 예약", "booked again"),
    "confirmed": ("확정", "confirmed"),
    "attended": ("내원", "attended"),
    "completed": ("시술 완료", "completed"),
    "no_show": ("미내원", "no-show"),
    "cancelled": ("취소", "cancelled"),
}


def _status_refusal(current: str, asked: str) -> ApiError:
    allowed = NEXT_STATUSES.get(current, ())
    ko = ", ".join(STATUS_NAMES[s][0] for s in allowed) or "없음"
    en = ", ".join(STATUS_NAMES[s][1] for s in allowed) or "none"
    return ApiError(
        409,
        [
            Problem(
                "status_not_allowed",
                f"'{STATUS_NAMES[current][0]}' 상태의 예약은 {with_particle(STATUS_NAMES[asked][0], '로')} 바꿀 수 없습니다 "
                f"(가능: {ko}) / a {STATUS_NAMES[current][1]} appointment cannot become {STATUS_NAMES[asked][1]} "
                f"(possible: {en})",
                path="/status",
            )
        ],
    )


def _bad(path: str, message: str, code: str = "invalid_field") -> ApiError:
    return ApiError(422, [Problem(code, message, path=path)])


def starts_at_of(value: Any, path: str = "/starts_at") -> datetime:
    where = "/appointment/starts_at"
    if not isinstance(value, str) or not value.strip():
        raise _bad(path, field_message(where, "필요합니다 (예: 2026-12-08T14:30)", "required, e.g. 2026-12-08T14:30"))
    try:
        moment = parse_datetime(value).astimezone(SEOUL)
    except (TypeError, ValueError, OverflowError) as exc:
        raise _bad(path, field_message(where, "ISO 8601 일시가 아닙니다", "not an ISO 8601 date-time")) from exc
    if not 2000 <= moment.year <= 2100:
        raise _bad(path, field_message(where, "2000~2100년 사이여야 합니다", "must be between 2000 and 2100"))
    return moment


def _text(body: Mapping[str, Any], key: str, limit: int) -> str | None:
    value = body.get(key)
    if value is None or value == "":
        return None
    path = f"/appointment/{key}"
    if not isinstance(value, str):
        raise _bad(f"/{key}", field_message(path, "글자여야 합니다", "must be text"))
    if len(value.strip()) > limit:
        raise _bad(
            f"/{key}", field_message(path, f"너무 깁니다 (최대 {limit}자)", f"too long (at most {limit} characters)")
        )
    return value.strip()


def patient_block(patient: Patient) -> dict[str, Any]:
    """How an event names a stored patient (chart no. first, else the mobile number)."""
    block: dict[str, Any] = {"name": patient.name} if patient.name else {}
    if patient.chart_no:
        block["chart_no"] = patient.chart_no
    elif patient.phone:
        block["phone"] = patient.phone
    else:
        raise _bad("/patient_id", "차트번호나 휴대폰 번호가 없는 환자입니다 / the patient has no chart no. or phone")
    return block


def _now_iso(now: datetime) -> str:
    return now.astimezone(SEOUL).isoformat()


async def booking_event(session: AsyncSession, clinic_id: int, body: Any, now: datetime) -> dict[str, Any]:
    """``POST /api/appointments`` as an ``appointment.booked`` event."""
    if not isinstance(body, Mapping):
        raise _bad("", "JSON 객체를 보내 주세요 / send a JSON object", "invalid_body")
    if body.get("patient_id") is not None:
        patient_id = body["patient_id"]
        patient = await session.get(Patient, patient_id) if isinstance(patient_id, int) else None
        if patient is None or patient.erased_at is not None or patient.clinic_id != clinic_id:
            raise _bad("/patient_id", "환자를 찾을 수 없습니다 / no such patient", "not_found")
        person = patient_block(patient)
    elif isinstance(body.get("patient"), Mapping):
        person = {k: v for k, v in body["patient"].items() if k in ("chart_no", "name", "phone") and v}
    else:
        raise _bad("/patient_id", "환자를 골라 주세요 (patient_id 또는 patient) / choose a patient", "missing_field")
    # Every field's problem at once (the receptionist corrects them in one go), with the event's own below
    problems: list[Problem] = []
    starts_at = _collect(problems, lambda: starts_at_of(body.get("starts_at")))
    external = _collect(problems, lambda: _text(body, "external_id", 100)) or f"df-{uuid.uuid4().hex[:12]}"
    appointment: dict[str, Any] = {"id": external, "starts_at": (starts_at or now).isoformat()}
    for key, limit in (("procedure", 100), ("doctor", 100)):
        value = _collect(problems, partial(_text, body, key, limit))
        if value:
            appointment[key] = value
    event = {
        "type": "appointment.booked",
        "external_id": f"book:{external}:booked",
        "occurred_at": _now_iso(now),
        "patient": person,
        "appointment": appointment,
    }
    if problems:  # the patient's fields are checked too, so one answer names every field to correct
        patient_problems = [p for p in problems_for_body(validate_event(event)) if p.path.startswith("/patient")]
        raise ApiError(422, patient_problems + problems)  # in the form's order: the patient first
    return event


def _collect(problems: list[Problem], check: Callable[[], T]) -> T | None:
    """``check()``, or None with its refusal's problems added to ``problems``."""
    try:
        return check()
    except ApiError as exc:
        problems.extend(exc.problems)
        return None


def change_events(appointment: Appointment, patient: Patient, body: Any, now: datetime) -> list[dict[str, Any]]:
    """``PATCH /api/appointments/{id}`` as events: a move/edit (``appointment.rescheduled``) then a status change."""
    if not isinstance(body, Mapping):
        raise _bad("", "JSON 객체를 보내 주세요 / send a JSON object", "invalid_body")
    unknown = sorted(set(body) - {"starts_at", "procedure", "doctor", "status"})
    if unknown:
        raise _bad(f"/{unknown[0]}", f"알 수 없는 항목입니다: {', '.join(unknown)} / unknown field", "unknown_field")
    status = body.get("status")
    if status is not None and status not in APPOINTMENT_STATUSES:
        raise _bad(
            "/status",
            f"상태는 {', '.join(APPOINTMENT_STATUSES)} 중 하나입니다 / status must be one of {', '.join(APPOINTMENT_STATUSES)}",
        )
    if status is not None and status != appointment.status and status not in NEXT_STATUSES.get(appointment.status, ()):
        raise _status_refusal(appointment.status, status)
    person = patient_block(patient)
    block: dict[str, Any] = {"id": appointment.external_id}
    moved = False
    if body.get("starts_at") is not None:
        starts_at = starts_at_of(body["starts_at"])
        if appointment.starts_at is None or starts_at != appointment.starts_at:
            block["starts_at"] = starts_at.isoformat()
            moved = True
    procedure = _text(body, "procedure", 100)
    if procedure and procedure not in (appointment.procedure, appointment.procedure_text):
        block["procedure"] = procedure
        moved = True
    doctor = _text(body, "doctor", 100)
    if doctor and doctor != appointment.doctor:
        block["doctor"] = doctor
        moved = True
    events: list[dict[str, Any]] = []
    stamp = now.astimezone(SEOUL).strftime("%Y%m%dT%H%M%S.%f")
    if moved:
        block.setdefault(
            "starts_at", (appointment.starts_at or now).astimezone(SEOUL).isoformat()
        )  # rescheduled carries the time
        events.append(
            {
                "type": "appointment.rescheduled",
                "external_id": f"book:{appointment.external_id}:rescheduled:{stamp}",
                "occurred_at": _now_iso(now),
                "patient": person,
                "appointment": block,
            }
        )
    if status is not None and status != appointment.status:
        target: dict[str, Any] = {"id": appointment.external_id}
        if status == "booked":  # booking again (after a cancellation) carries the time
            target["starts_at"] = (appointment.starts_at or now).astimezone(SEOUL).isoformat()
        events.append(
            {
                "type": STATUS_EVENTS[status],
                "external_id": f"book:{appointment.external_id}:{status}:{stamp}",
                "occurred_at": _now_iso(now),
                "patient": person,
                "appointment": target,
            }
        )
    return events


def problems_for_body(problems: list[Problem]) -> list[Problem]:
    """The ingest names event fields (``/appointment/starts_at``); the book's body names them without the block."""
    return [Problem(p.code, p.message, p.node, p.path.replace("/appointment", "", 1)) for p in problems]
