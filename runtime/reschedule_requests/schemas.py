"""Shapes of the reschedule requests API (``api.py`` beside this); see ``nodes/schemas.py`` for why TypedDicts."""

from typing import Literal, TypedDict

from runtime.appointments.schemas import AppointmentView
from runtime.schemas import EventIntake

RequestStatus = Literal["open", "rescheduled", "dismissed"]


class RescheduleRequestView(TypedDict):
    id: int
    status: RequestStatus
    requested_at: str  # ISO 8601, Asia/Seoul
    original_starts_at: str | None  # the appointment's time when the patient asked
    resolved_at: str | None
    resolved_by: str | None  # the staff member's name (or actor) who handled it
    appointment: AppointmentView  # as it is now (its patient masked)


class RescheduleRequestList(TypedDict):
    requests: list[RescheduleRequestView]
    open: int  # open requests of the clinic, whatever the filter


class RescheduleRequestCount(TypedDict):
    open: int


class RescheduleIn(TypedDict):
    starts_at: str  # ISO 8601; without an offset, Seoul time


class RescheduleRequestResult(TypedDict):
    request: RescheduleRequestView
    events: list[EventIntake]  # what the change sent through the ingest (empty for a dismissal)
