"""HTTP API of the runtime: events in, simulate, and run and message history out."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, cast

from litestar import Controller, Response, get, post
from litestar.datastructures import State
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import Parameter
from sqlalchemy import func, select, union_all
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from nodes.timeutil import MAX_YEAR, MIN_YEAR, parse_datetime
from runtime import context, control, manual_start
from runtime.clock import seoul_iso
from runtime.events import InvalidEvent, Within
from runtime.health import runtime_health
from runtime.impact import publish_impact
from runtime.intake import take_in
from runtime.schemas import (
    CampaignEnrolment,
    CampaignPreview,
    CampaignPreviewRequest,
    EnrolmentMessage,
    EventIn,
    EventIntake,
    MessageList,
    MessageView,
    PublishImpact,
    RunDetail,
    RunList,
    RuntimeHealth,
    SimulateRequest,
    SimulationResult,
    StartAnswer,
    StartRequestBody,
)
from runtime.simulate import SimulationError, simulate
from runtime.simulate_campaign import MAX_SHOWN, audience, campaign_problems, simulate_enrolments
from runtime.views import mask_phone, masked_text, message_view, patient_summary, run_summary, step_view
from storage import audit
from storage.clinics import simulation_clinic
from storage.errors import ApiError, Problem, not_found
from storage.http import settings_of
from storage.models import Event, OutboxMessage, Patient, Run, RunStep, Workflow
from storage.openapi import BodyShape
from storage.tenancy import Caller
from storage.workflows.service import get_workflow

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
            400,
            [
                Problem(
                    "invalid_field",
                    f"since는 {MIN_YEAR}–{MAX_YEAR}년의 ISO 8601 일시입니다 / "
                    f"since must be an ISO 8601 date-time in {MIN_YEAR}–{MAX_YEAR}",
                    path="/since",
                )
            ],
        ) from exc


async def take_event(state: State, clinic_id: int, data: Any, within: Within | None = None) -> Response[EventIntake]:
    """Take in one event (``POST /api/events`` and the signed booking webhook): 201 when new, 200 with the
    original answer for a repeat, 422 naming the bad fields, 503 when the database stays busy. ``within``
    runs inside the event's transaction (the webhook's signature is recorded there)."""
    runtime, dispatches = _runtime(state)
    for attempt in range(3):
        try:
            # with the events arriving meanwhile: one transaction, runs handed to the workers together
            intake = await take_in(runtime, clinic_id, data, dispatch=dispatches, within=within)
            break
        except InvalidEvent as exc:
            raise ApiError(422, exc.problems) from exc
        except OperationalError as exc:  # SQLite busy beyond its timeout: nothing was written
            if attempt == 2:
                busy = Problem("busy", "잠시 후 다시 보내 주세요 / database busy, retry shortly")
                raise ApiError(503, [busy]) from exc
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
    async def post_simulate(
        self, db_session: AsyncSession, data: Annotated[Any, BodyShape(SimulateRequest)]
    ) -> SimulationResult:
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
            clinic = await simulation_clinic(db_session)  # the caller's clinic: its profile and approved templates
            return cast(SimulationResult, await simulate(data["workflow"], data["event"], patient, days, clinic))
        except SimulationError as exc:
            problems = [
                p if isinstance(p, Problem) else Problem(p.code, p.message, p.node, "/workflow" + p.path)
                for p in exc.problems
            ]
            raise ApiError(422, problems) from exc


def _preview_options(data: Any) -> tuple[datetime, int, int]:
    """``after``, ``days`` and ``limit`` of a campaign preview, each checked (422 naming the field)."""
    problems: list[Problem] = []
    after = datetime.now(UTC)
    if data.get("after") is not None:
        try:
            after = parse_datetime(data["after"])
        except (TypeError, ValueError):
            problems.append(
                Problem("invalid_field", "after는 ISO 8601 일시입니다 / after must be ISO 8601", path="/after")
            )
    days, limit = data.get("days", 30), data.get("limit", 10)
    if not isinstance(days, int) or isinstance(days, bool) or not 0 < days <= 366:
        problems.append(Problem("invalid_field", "days는 1–366입니다 / days must be 1–366", path="/days"))
    if not isinstance(limit, int) or isinstance(limit, bool) or not 0 < limit <= MAX_SHOWN:
        problems.append(
            Problem("invalid_field", f"limit은 1–{MAX_SHOWN}입니다 / limit must be 1–{MAX_SHOWN}", path="/limit")
        )
    if problems:
        raise ApiError(422, problems)
    return after, days, limit


class CampaignPreviewController(Controller):
    path = "/api"
    tags = ["runtime"]

    @post("/simulate/campaign", operation_id="SimulateCampaign", status_code=200)
    async def post_campaign_preview(
        self, db_session: AsyncSession, caller: Caller, data: Annotated[Any, BodyShape(CampaignPreviewRequest)]
    ) -> CampaignPreview:
        """Which of the clinic's patients a campaign's next firing would enrol, and what each would receive
        (simulated; names and numbers masked). The read of the patients is audited."""
        if not isinstance(data, dict) or "workflow" not in data:
            raise ApiError(400, [Problem("missing_field", "workflow가 필요합니다 / workflow is required")])
        problems = campaign_problems(data["workflow"])
        if problems:
            raise ApiError(
                422,
                [
                    p if isinstance(p, Problem) else Problem(p.code, p.message, p.node, "/workflow" + p.path)
                    for p in problems
                ],
            )
        after, days, limit = _preview_options(data)
        found = await audience(db_session, data["workflow"], after, limit)
        audit.record(db_session, caller, "campaign.preview", None, results=len(found.patients), enrolled=found.total)
        clinic = await simulation_clinic(db_session)
        try:
            reports = await simulate_enrolments(data["workflow"], found, days, clinic)
        except SimulationError as exc:
            raise ApiError(422, list(exc.problems)) from exc
        patients: list[CampaignEnrolment] = []
        for real, report in zip(found.patients, reports, strict=True):
            messages: list[EnrolmentMessage] = []
            for m in report["messages"]:
                message: EnrolmentMessage = {
                    "at": m["at"],
                    "node": m["node"],
                    "channel": m["channel"],
                    "to": mask_phone(real.phone),
                    "text": masked_text(m["text"], real),
                }
                if m["channel"] == "alimtalk":
                    failover = m.get("failover")
                    text = failover.get("text") if isinstance(failover, dict) else None
                    message["failover"] = (
                        {"channel": "sms", "text": masked_text(text, real) if text else None} if failover else None
                    )
                messages.append(message)
            summary = patient_summary(real)
            assert summary is not None
            patients.append({"patient": summary, "messages": messages, "skipped": report["skipped"]})
        return {"fires_at": seoul_iso(found.fires_at), "enrolled": found.total, "patients": patients}


class RunController(Controller):
    path = "/api"
    tags = ["runtime"]

    @get("/runs", operation_id="ListRuns")
    async def list_runs(
        self,
        db_session: AsyncSession,
        caller: Caller,
        workflow_id: int | None = None,
        patient_id: int | None = None,
        status: str | None = None,
        limit: int = Parameter(default=100, ge=1, le=MAX_LIMIT),
        offset: int = Parameter(default=0, ge=0),
    ) -> RunList:
        """Runs newest first, each with its workflow's name and status and the next due send or wait."""
        query = (
            select(Run, Patient, Event.type, Workflow.name, Workflow.status)
            .join(Patient, Patient.id == Run.patient_id)
            .outerjoin(Event, Event.id == Run.event_id)
            .outerjoin(Workflow, Workflow.id == Run.workflow_id)
        )
        if workflow_id is not None:
            query = query.where(Run.workflow_id == workflow_id)
        if patient_id is not None:
            query = query.where(Run.patient_id == patient_id)
        if status is not None:
            query = query.where(Run.status == status)
        rows = (await db_session.execute(query.order_by(Run.id.desc()).limit(limit).offset(offset))).all()
        # Each run names its patient (masked) and its workflow (a post-op course is health information)
        audit.record(db_session, caller, "run.list", None, results=len(rows))
        upcoming = await _next_due(db_session, [row[0].id for row in rows])
        return {
            "runs": [
                run_summary(
                    run,
                    patient,
                    event_type,
                    workflow_name=name,
                    workflow_status=workflow_status,
                    next_at=upcoming.get(run.id),
                )
                for run, patient, event_type, name, workflow_status in rows
            ]
        }

    @get("/runs/{run_id:int}", operation_id="GetRun")
    async def get_run(self, db_session: AsyncSession, caller: Caller, run_id: int) -> RunDetail:
        run = (await db_session.execute(select(Run).where(Run.id == run_id))).scalar_one_or_none()
        if run is None:
            raise not_found("실행", "run")
        audit.record(db_session, caller, "run.read", f"run:{run.id}")
        return await _run_detail(db_session, run)

    @post("/runs/{run_id:int}/cancel", operation_id="CancelRun", status_code=200)
    async def cancel_run(self, db_session: AsyncSession, caller: Caller, run_id: int) -> RunDetail:
        """Stop the run: status ``cancelled``, its waits and pending messages cancelled (never sent)."""
        return await _run_detail(db_session, await control.cancel_run(db_session, caller, run_id))

    @post("/messages/{message_id:int}/cancel", operation_id="CancelMessage", status_code=200)
    async def cancel_message(self, db_session: AsyncSession, caller: Caller, message_id: int) -> MessageView:
        """Cancel one pending or held message (409 once it was handed to the provider)."""
        row = await control.cancel_message(db_session, caller, message_id)
        return message_view(row, await db_session.get(Patient, row.patient_id))

    @post("/messages/{message_id:int}/retry", operation_id="RetryMessage", status_code=200)
    async def retry_message(self, db_session: AsyncSession, caller: Caller, message_id: int) -> MessageView:
        """Send a skipped message again: the send-time rules decide again on the next scheduler pass."""
        row = await control.retry_message(db_session, caller, message_id)
        return message_view(row, await db_session.get(Patient, row.patient_id))

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


async def _next_due(session: AsyncSession, run_ids: list[int]) -> dict[int, datetime]:
    """Each open run's next due moment: its earliest waiting step or pending/held message."""
    if not run_ids:
        return {}
    waits = select(RunStep.run_id.label("run_id"), RunStep.due_at.label("due_at")).where(
        RunStep.run_id.in_(run_ids), RunStep.status == "waiting", RunStep.due_at.is_not(None)
    )
    sends = select(OutboxMessage.run_id.label("run_id"), OutboxMessage.due_at.label("due_at")).where(
        OutboxMessage.run_id.in_(run_ids), OutboxMessage.status.in_(("pending", "held"))
    )
    both = union_all(waits, sends).subquery()
    query = select(both.c.run_id, func.min(both.c.due_at)).group_by(both.c.run_id)
    return {run_id: due for run_id, due in (await session.execute(query)).all() if run_id is not None}


async def _run_detail(session: AsyncSession, run: Run) -> RunDetail:
    patient = await session.get(Patient, run.patient_id)
    event = await session.get(Event, run.event_id) if run.event_id else None
    workflow = await session.get(Workflow, run.workflow_id)
    steps = (await session.execute(select(RunStep).where(RunStep.run_id == run.id).order_by(RunStep.id))).scalars()
    messages = (
        await session.execute(select(OutboxMessage).where(OutboxMessage.run_id == run.id).order_by(OutboxMessage.id))
    ).scalars()
    by_node: dict[str, list[MessageView]] = {}
    for row in messages:
        by_node.setdefault(row.node_id, []).append(message_view(row, patient))
    upcoming = await _next_due(session, [run.id])
    return {
        **run_summary(
            run,
            patient,
            event.type if event else None,
            workflow_name=workflow.name if workflow else None,
            workflow_status=workflow.status if workflow else None,
            next_at=upcoming.get(run.id),
        ),
        "steps": [step_view(step, by_node.get(step.node_id, [])) for step in steps],
    }


@get("/api/workflows/{workflow_id:int}/impact", operation_id="PublishImpact", tags=["workflows"])
async def publish_impact_route(state: State, db_session: AsyncSession, workflow_id: int) -> PublishImpact:
    """What publishing the current draft would do: trigger, patients the next 7 days would enrol (stored
    appointments/patients), the first message each gets, and live workflows with an overlapping trigger."""
    runtime, _ = _runtime(state)
    workflow = await get_workflow(db_session, workflow_id)
    return await publish_impact(db_session, workflow, runtime.clock.now())


@get("/api/health/runtime", operation_id="RuntimeHealth", tags=["runtime"])
async def runtime_health_route(db_session: AsyncSession) -> RuntimeHealth:
    """Overdue waits and stuck sends of the caller's clinic, and every scheduler's heartbeat (runtime/health.py).
    Always 200 (the check itself worked): a monitor reads ``healthy`` and ``problems``."""
    return await runtime_health(db_session)


@post(
    "/api/workflows/{workflow_id:int}/start",
    operation_id="StartWorkflow",
    tags=["runtime"],
    status_code=200,
    responses={201: ResponseSpec(StartAnswer, description="시작됨 / started (not a dry run)", generate_examples=False)},
)
async def start_workflow(
    state: State, caller: Caller, workflow_id: int, data: Annotated[Any, BodyShape(StartRequestBody)]
) -> Response[StartAnswer]:
    """Enrol patients in a published ``trigger.manual`` workflow, or preview it (``dry_run``): runtime/manual_start.py."""
    runtime, dispatches = _runtime(state)
    try:
        answer, advance = await manual_start.start(runtime, caller, workflow_id, data, dispatch=dispatches)
    except manual_start.StartRefused as exc:
        raise ApiError(exc.status, exc.problems) from exc
    for run_id in advance:
        runtime.dispatcher.advance(run_id)
    return Response(cast(StartAnswer, answer), status_code=200 if answer["dry_run"] else 201)


ROUTES: list[Any] = [
    EventController,
    CampaignPreviewController,
    RunController,
    runtime_health_route,
    start_workflow,
    publish_impact_route,
]

# What each route needs (operation id → action); enforced by storage/accounts/guards.py.
ROUTE_PERMISSIONS = {
    "PostEvent": "event.write",
    "Simulate": "workflow.read",
    "SimulateCampaign": ("workflow.read", "patient.read"),  # it lists the patients a campaign would enrol
    "ListRuns": "run.read",
    "GetRun": "run.read",
    "ListMessages": "run.read",
    "CancelRun": "run.write",
    "CancelMessage": "run.write",
    "RetryMessage": "run.write",
    "RuntimeHealth": "run.read",
    "StartWorkflow": "event.write",
    "PublishImpact": "workflow.publish",
}
