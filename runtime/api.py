"""HTTP API of the runtime: events in, simulate, and run and message history out."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, cast

from litestar import Controller, Response, get, post
from litestar.datastructures import State
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import Parameter
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from nodes.timeutil import parse_datetime
from runtime import context
from runtime.events import InvalidEvent, Within, ingest
from runtime.health import runtime_health
from runtime.schemas import (
    EventIn,
    EventIntake,
    MessageList,
    MessageView,
    RunDetail,
    RunList,
    RuntimeHealth,
    SimulateRequest,
    SimulationResult,
)
from runtime.simulate import SimulationError, simulate
from runtime.views import message_view, run_summary, step_view
from storage import audit
from storage.errors import ApiError, Problem, not_found
from storage.http import settings_of
from storage.models import Event, OutboxMessage, Patient, Run, RunStep
from storage.openapi import BodyShape
from storage.tenancy import Caller

MAX_LIMIT = 500


def _runtime(state: State) -> tuple[context.Runtime, bool]:
    """The runtime that dispatches this app's work, and whether it dispatches at all (decided at app start-up
    by ``runtime.services.dispatching_runtime``; without one, new runs wait for a worker's scheduler poll)."""
    active: context.Runtime | None = state.get("runtime")
    if active is not None:
        return active, True
    return context.Runtime(settings_of(state)), False


def _since(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return parse_datetime(value)
    except (TypeError, ValueError) as exc:
        raise ApiError(
            400, [Problem("invalid_field", "since는 ISO 8601 일시입니다 / since must be ISO 8601", path="/since")]
        ) from exc


async def take_event(state: State, clinic_id: int, data: Any, within: Within | None = None) -> Response[EventIntake]:
    """Take in one event (``POST /api/events`` and the signed booking webhook): 201 when new, 200 with the
    original answer for a repeat, 422 naming the bad fields, 503 when the database stays busy. ``within``
    runs inside the event's transaction (the webhook's signature is recorded there)."""
    runtime, dispatches = _runtime(state)
    for attempt in range(3):
        try:
            intake = await ingest(runtime, clinic_id, data, dispatch=dispatches, within=within)
            break
        except InvalidEvent as exc:
            raise ApiError(422, exc.problems) from exc
        except OperationalError as exc:  # SQLite busy beyond its timeout: nothing was written
            if attempt == 2:
                busy = Problem("busy", "잠시 후 다시 보내 주세요 / database busy, retry shortly")
                raise ApiError(503, [busy]) from exc
    for run_id in intake.advance:
        runtime.dispatcher.advance(run_id)
    return Response(cast(EventIntake, intake.result), status_code=201 if intake.created else 200)


# A repeat of an event already taken answers 200 with the stored answer (``duplicate: true``).
REPEATED_EVENT = {
    200: ResponseSpec(EventIntake, description="이미 받은 이벤트 / a repeated event", generate_examples=False)
}


class EventController(Controller):
    path = "/api"
    tags = ["runtime"]

    @post("/events", operation_id="PostEvent", status_code=201, responses=REPEATED_EVENT)
    async def post_event(
        self, state: State, caller: Caller, data: Annotated[Any, BodyShape(EventIn)]
    ) -> Response[EventIntake]:
        return await take_event(state, caller.clinic_id, data)

    @post("/simulate", operation_id="Simulate", status_code=200)
    async def post_simulate(self, data: Annotated[Any, BodyShape(SimulateRequest)]) -> SimulationResult:
        if not isinstance(data, dict) or "workflow" not in data or "event" not in data:
            raise ApiError(
                400, [Problem("missing_field", "workflow와 event가 필요합니다 / workflow and event are required")]
            )
        days = data.get("days", 30)
        patient = data.get("patient")
        if patient is not None and not isinstance(patient, dict):
            raise ApiError(
                422, [Problem("invalid_field", "patient는 객체입니다 / patient must be an object", path="/patient")]
            )
        try:
            return cast(SimulationResult, await simulate(data["workflow"], data["event"], patient, days))
        except SimulationError as exc:
            problems = [
                p if isinstance(p, Problem) else Problem(p.code, p.message, p.node, "/workflow" + p.path)
                for p in exc.problems
            ]
            raise ApiError(422, problems) from exc


class RunController(Controller):
    path = "/api"
    tags = ["runtime"]

    @get("/runs", operation_id="ListRuns")
    async def list_runs(
        self,
        db_session: AsyncSession,
        workflow_id: int | None = None,
        status: str | None = None,
        limit: int = Parameter(default=100, ge=1, le=MAX_LIMIT),
        offset: int = Parameter(default=0, ge=0),
    ) -> RunList:
        query = (
            select(Run, Patient, Event.type)
            .join(Patient, Patient.id == Run.patient_id)
            .outerjoin(Event, Event.id == Run.event_id)
        )
        if workflow_id is not None:
            query = query.where(Run.workflow_id == workflow_id)
        if status is not None:
            query = query.where(Run.status == status)
        rows = (await db_session.execute(query.order_by(Run.id.desc()).limit(limit).offset(offset))).all()
        return {"runs": [run_summary(run, patient, event_type) for run, patient, event_type in rows]}

    @get("/runs/{run_id:int}", operation_id="GetRun")
    async def get_run(self, db_session: AsyncSession, caller: Caller, run_id: int) -> RunDetail:
        run = (await db_session.execute(select(Run).where(Run.id == run_id))).scalar_one_or_none()
        if run is None:
            raise not_found("실행", "run")
        patient = await db_session.get(Patient, run.patient_id)
        event = await db_session.get(Event, run.event_id) if run.event_id else None
        steps = (
            await db_session.execute(select(RunStep).where(RunStep.run_id == run.id).order_by(RunStep.id))
        ).scalars()
        messages = (
            await db_session.execute(
                select(OutboxMessage).where(OutboxMessage.run_id == run.id).order_by(OutboxMessage.id)
            )
        ).scalars()
        by_node: dict[str, list[MessageView]] = {}
        for row in messages:
            by_node.setdefault(row.node_id, []).append(message_view(row, patient))
        audit.record(db_session, caller, "run.read", f"run:{run.id}")
        return {
            **run_summary(run, patient, event.type if event else None),
            "steps": [step_view(step, by_node.get(step.node_id, [])) for step in steps],
        }

    @get("/messages", operation_id="ListMessages")
    async def list_messages(
        self,
        db_session: AsyncSession,
        caller: Caller,
        status: str | None = None,
        channel: str | None = None,
        run_id: int | None = None,
        since: str | None = None,
        limit: int = Parameter(default=100, ge=1, le=MAX_LIMIT),
        offset: int = Parameter(default=0, ge=0),
    ) -> MessageList:
        query = select(OutboxMessage, Patient).join(Patient, Patient.id == OutboxMessage.patient_id)
        if status is not None:
            query = query.where(OutboxMessage.status == status)
        if channel is not None:
            query = query.where(OutboxMessage.channel == channel)
        if run_id is not None:
            query = query.where(OutboxMessage.run_id == run_id)
        moment = _since(since)
        if moment is not None:
            query = query.where(OutboxMessage.created_at >= moment)
        rows = (await db_session.execute(query.order_by(OutboxMessage.id.desc()).limit(limit).offset(offset))).all()
        audit.record(db_session, caller, "message.list", None, results=len(rows))  # a staff read of personal data
        return {"messages": [message_view(row, patient, mask=True) for row, patient in rows]}


@get("/api/health/runtime", operation_id="RuntimeHealth", tags=["runtime"])
async def runtime_health_route(db_session: AsyncSession) -> RuntimeHealth:
    """Overdue waits and stuck sends of the caller's clinic, and every scheduler's heartbeat (runtime/health.py).
    Always 200 (the check itself worked): a monitor reads ``healthy`` and ``problems``."""
    return await runtime_health(db_session)


ROUTES: list[Any] = [EventController, RunController, runtime_health_route]

# What each route needs (operation id → action); enforced by storage/accounts/guards.py.
ROUTE_PERMISSIONS = {
    "PostEvent": "event.write",
    "Simulate": "workflow.read",
    "ListRuns": "run.read",
    "GetRun": "run.read",
    "ListMessages": "run.read",
    "RuntimeHealth": "run.read",
}
