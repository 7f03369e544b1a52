"""HTTP API of patients' reschedule requests (the staff screen 변경 요청).

- ``GET /api/reschedule-requests[?status=open|rescheduled|dismissed]`` → ``{"requests": [...], "open": n}``
- ``GET /api/reschedule-requests/count`` → ``{"open": n}`` (the menu's badge; no personal data)
- ``POST /api/reschedule-requests/{id}/reschedule`` ``{"starts_at"}`` → the appointment moved through the book
  (``appointment.rescheduled``: waiting reminders move) and the request marked handled
- ``POST /api/reschedule-requests/{id}/dismiss`` → marked dismissed (the clinic called; nothing changes)
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, get, post
from litestar.datastructures import State
from litestar.params import Parameter
from sqlalchemy.ext.asyncio import AsyncSession

from runtime.appointments.api import _apply, _runtime
from runtime.appointments.changes import change_events, starts_at_of
from runtime.reschedule_requests.schemas import (
    RescheduleIn,
    RescheduleRequestCount,
    RescheduleRequestList,
    RescheduleRequestResult,
    RescheduleRequestView,
)
from runtime.reschedule_requests.service import (
    list_requests,
    open_count,
    open_request,
    request_view,
    request_with,
    resolve,
)
from storage import audit
from storage.accounts.names import actor_names
from storage.config import Settings
from storage.db import read_scope, write_scope
from storage.errors import ApiError, Problem
from storage.models import RescheduleRequest
from storage.models.reschedule_request import REQUEST_STATUSES
from storage.openapi import BodyShape
from storage.procedures.catalogue import load_catalogue
from storage.tenancy import Caller

OPEN_APPOINTMENT = ("booked", "confirmed")


class RescheduleRequestController(Controller):
    path = "/api/reschedule-requests"
    tags = ["appointments"]

    @get("/", operation_id="ListRescheduleRequests")
    async def list_all(
        self, db_session: AsyncSession, caller: Caller, status: str | None = Parameter(default=None)
    ) -> RescheduleRequestList:
        if status not in (None, "", *REQUEST_STATUSES):
            raise ApiError(
                400,
                [
                    Problem(
                        "invalid_status",
                        f"상태는 {', '.join(REQUEST_STATUSES)} 중 하나입니다 / status must be one of "
                        f"{', '.join(REQUEST_STATUSES)}",
                        path="status",
                    )
                ],
            )
        found = await list_requests(db_session, caller.clinic_id, status or None)
        audit.record(db_session, caller, "reschedule_request.list", None, results=len(found))
        return {"requests": found, "open": await open_count(db_session, caller.clinic_id)}

    @get("/count", operation_id="CountRescheduleRequests")
    async def count(self, db_session: AsyncSession, caller: Caller) -> RescheduleRequestCount:
        return {"open": await open_count(db_session, caller.clinic_id)}

    @post("/{request_id:int}/reschedule", operation_id="RescheduleRequested", status_code=200)
    async def reschedule(
        self,
        state: State,
        db_session: AsyncSession,
        caller: Caller,
        request_id: int,
        data: Annotated[Any, BodyShape(RescheduleIn)],
    ) -> RescheduleRequestResult:
        _, appointment, patient = await open_request(db_session, request_id)
        if appointment.status not in OPEN_APPOINTMENT:
            raise ApiError(
                409,
                [
                    Problem(
                        "appointment_closed",
                        "취소·내원·완료된 예약은 옮길 수 없습니다. 새 예약을 만들거나 요청을 닫아 주세요 / the "
                        "appointment is cancelled, attended or done: book a new one or dismiss the request",
                        path="/status",
                    )
                ],
            )
        body = data if isinstance(data, dict) else {}
        starts_at_of(body.get("starts_at"))  # 422 naming /starts_at before anything changes
        runtime, _ = _runtime(state)
        now = runtime.clock.now()
        events = change_events(appointment, patient, {"starts_at": body["starts_at"]}, now)
        intakes = await _apply(state, caller, events) if events else []
        # The ingest committed on its own connection: mark the request and read the result in fresh transactions
        # (this request's transaction may hold a snapshot from before the change).
        async with write_scope(runtime.settings, caller.clinic_id) as session:
            stored = await session.get(RescheduleRequest, request_id)
            if stored is not None and stored.status == "open":
                resolve(stored, "rescheduled", caller.actor, now)
            audit.record(session, caller, "reschedule_request.reschedule", f"appointment:{appointment.id}")
        return {"request": await _fresh_view(runtime.settings, caller, request_id), "events": intakes}

    @post("/{request_id:int}/dismiss", operation_id="DismissRescheduleRequest", status_code=200)
    async def dismiss(
        self, state: State, db_session: AsyncSession, caller: Caller, request_id: int
    ) -> RescheduleRequestResult:
        request, appointment, patient = await open_request(db_session, request_id)
        runtime, _ = _runtime(state)
        resolve(request, "dismissed", caller.actor, runtime.clock.now())
        await db_session.flush()
        audit.record(db_session, caller, "reschedule_request.dismiss", f"appointment:{appointment.id}")
        catalogue = await load_catalogue(db_session, caller.clinic_id)
        names = await actor_names(db_session, [caller.actor])
        return {"request": request_view(request, appointment, patient, catalogue, names), "events": []}


async def _fresh_view(settings: Settings, caller: Caller, request_id: int) -> RescheduleRequestView:
    async with read_scope(settings, caller.clinic_id) as session:
        request, appointment, patient = await request_with(session, request_id)
        catalogue = await load_catalogue(session, caller.clinic_id)
        names = await actor_names(session, [request.resolved_by])
        return request_view(request, appointment, patient, catalogue, names)


ROUTES = [RescheduleRequestController]

# What each route needs (operation id → action); enforced by storage/accounts/guards.py.
ROUTE_PERMISSIONS = {
    "ListRescheduleRequests": "patient.read",
    "CountRescheduleRequests": "patient.read",
    "RescheduleRequested": "event.write",
    "DismissRescheduleRequest": "event.write",
}
