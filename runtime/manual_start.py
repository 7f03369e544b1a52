"""Manual starts (``trigger.manual``): staff enrol chosen patients, or a filtered list, in a published workflow.

``POST /api/workflows/{id}/start`` and ``doctorsflow start`` both come here. A start is one transaction: per
patient one ``manual.started`` event row and the run it starts. Double clicks and retries enrol nobody twice:
a patient with an open run of this workflow from a manual start is skipped, and the event's external id
``wf<workflow>:p<patient>:<n>`` (n = the patient's earlier manual starts of this workflow) makes two requests
racing past that check collide on the events' unique key; the loser retries once and then sees the open run.

The dry run (preview) walks the published graph with the pure interpreter on a virtual clock for each patient
and reports the first message the patient would get (when, which channel, the rendered text) and what the
send-time policy would decide now — without writing anything. Consent is still checked again at send.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from nodes.base import SendMessage
from nodes.channels import CHANNELS
from nodes.registry import get_node_type
from runtime.clock import seoul_iso
from runtime.context import Runtime
from runtime.interpreter import Graph, RunData, walk
from runtime.policy import decide
from runtime.rundata import clinic_view, consent_ledger, graph_of, patient_view
from runtime.runs import OPEN_RUN, start_run
from runtime.views import mask_name, mask_phone
from storage import audit
from storage.alimtalk_templates.store import approved_texts
from storage.db import write_scope
from storage.errors import Problem
from storage.models import Appointment, Clinic, Event, Patient, Run, Workflow, WorkflowVersion
from storage.models.consent import PURPOSES
from storage.patients.service import find_patient
from storage.tenancy import Caller

EVENT_TYPE = "manual.started"
MANUAL_TRIGGER = "trigger.manual"
MAX_PATIENTS = 1000  # one start; more is a campaign (trigger.schedule)
PREVIEW_DAYS = 60  # how far the preview looks for the first message
FILTER_KEYS = ("procedure", "tag", "last_visit_before", "last_visit_after", "consent")
VISITED = ("attended", "completed")  # appointment statuses that count as a visit


class StartRefused(Exception):
    """The start cannot happen (nothing written): ``status`` and problems naming the field and why."""

    def __init__(self, status: int, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.status = status
        self.problems = problems


@dataclass(frozen=True)
class StartRequest:
    patient_ids: tuple[int, ...] | None
    filter: Mapping[str, Any] | None
    dry_run: bool


def _bad(message: str, path: str, code: str = "invalid_field", status: int = 422) -> StartRefused:
    return StartRefused(status, [Problem(code, message, path=path)])


def parse_request(data: Any) -> StartRequest:
    """``{"patient_ids": [...]}`` or ``{"filter": {...}}``, optional ``"dry_run"`` → a request, or 422."""
    if not isinstance(data, Mapping):
        raise _bad("JSON 객체가 필요합니다 / expected a JSON object", "", "invalid_body")
    unknown = sorted(set(data) - {"patient_ids", "filter", "dry_run"})
    if unknown:
        raise _bad(f"알 수 없는 항목입니다: {', '.join(unknown)} / unknown field", f"/{unknown[0]}", "unknown_field")
    dry_run = data.get("dry_run", False)
    if not isinstance(dry_run, bool):
        raise _bad("dry_run은 true/false입니다 / dry_run must be a boolean", "/dry_run")
    ids, chosen = data.get("patient_ids"), data.get("filter")
    if (ids is None) == (chosen is None):
        raise _bad(
            "patient_ids와 filter 중 하나만 주세요 / give exactly one of patient_ids or filter", "", "missing_field"
        )
    if ids is not None:
        if not isinstance(ids, list) or not ids:
            raise _bad("patient_ids는 환자 id 목록입니다 / patient_ids must be a non-empty list", "/patient_ids")
        for i, value in enumerate(ids):
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise _bad(f"환자 id가 아닙니다: {value!r} / not a patient id", f"/patient_ids/{i}")
        if len(ids) > MAX_PATIENTS:
            raise _bad(f"한 번에 {MAX_PATIENTS}명까지입니다 / at most {MAX_PATIENTS} patients", "/patient_ids")
        return StartRequest(tuple(dict.fromkeys(ids)), None, dry_run)
    return StartRequest(None, _checked_filter(chosen), dry_run)


def _checked_filter(chosen: Any) -> Mapping[str, Any]:
    if not isinstance(chosen, Mapping):
        raise _bad("filter는 객체입니다 / filter must be an object", "/filter")
    unknown = sorted(set(chosen) - set(FILTER_KEYS))
    if unknown:
        raise _bad(
            f"알 수 없는 조건입니다: {', '.join(unknown)} (가능: {', '.join(FILTER_KEYS)}) / unknown filter key",
            f"/filter/{unknown[0]}",
            "unknown_field",
        )
    for key in ("procedure", "tag"):
        value = chosen.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip() or len(value) > 64):
            raise _bad(f"{key}는 1–64자 문자열입니다 / {key} must be a short text", f"/filter/{key}")
    checked = dict(chosen)
    for key in ("last_visit_before", "last_visit_after"):
        value = chosen.get(key)
        if value is None:
            continue
        try:
            if not isinstance(value, str):
                raise ValueError(value)
            checked[key] = date.fromisoformat(value).isoformat()  # compared as YYYY-MM-DD text
        except ValueError:
            raise _bad(
                f"{key}는 YYYY-MM-DD 날짜입니다: {value!r} / {key} must be YYYY-MM-DD", f"/filter/{key}"
            ) from None
    consent = chosen.get("consent")
    if consent is not None and consent not in PURPOSES:
        raise _bad(
            f"consent는 {' | '.join(PURPOSES)} 중 하나입니다 / consent must be one of {', '.join(PURPOSES)}",
            "/filter/consent",
        )
    return checked


# -- which workflow ------------------------------------------------------------------------------------------
async def startable_version(session: AsyncSession, workflow_id: int) -> tuple[Workflow, WorkflowVersion]:
    """The workflow's live version when it may be started by hand, else :class:`StartRefused` (404/409)."""
    workflow = (await session.execute(select(Workflow).where(Workflow.id == workflow_id))).scalar_one_or_none()
    if workflow is None:
        raise _bad("워크플로를 찾을 수 없습니다 / workflow not found", "", "not_found", 404)
    if workflow.status == "archived":
        raise _bad(
            "보관된 워크플로는 시작할 수 없습니다 / an archived workflow cannot be started",
            "",
            "workflow_archived",
            409,
        )
    if workflow.status == "paused":
        raise _bad("일시중지된 워크플로입니다 / the workflow is paused", "", "workflow_paused", 409)
    if workflow.status != "active" or workflow.published_version is None:
        raise _bad(
            "게시된 버전이 없습니다. 먼저 게시하세요 / the workflow is not published", "", "workflow_not_published", 409
        )
    query = select(WorkflowVersion).where(
        WorkflowVersion.workflow_id == workflow.id, WorkflowVersion.version == workflow.published_version
    )
    version = (await session.execute(query)).scalar_one()
    if version.trigger_type != MANUAL_TRIGGER:
        label = get_node_type(version.trigger_type)
        name = label.label["ko"] if label else version.trigger_type
        raise _bad(
            f"'직접 실행' 시작 조건이 아닌 워크플로입니다 (시작 조건: {name}) / "
            f"only a workflow whose trigger is {MANUAL_TRIGGER} can be started by hand",
            "",
            "not_manual_trigger",
            409,
        )
    return workflow, version


# -- which patients ------------------------------------------------------------------------------------------
async def chosen_patients(session: AsyncSession, request: StartRequest) -> list[Patient]:
    """The patients of the request (ids in the order given; a filter in id order). Unknown ids are a 422."""
    if request.patient_ids is not None:
        query = select(Patient).where(Patient.id.in_(request.patient_ids), Patient.erased_at.is_(None))
        found = {p.id: p for p in (await session.execute(query)).scalars()}
        missing = [i for i, pid in enumerate(request.patient_ids) if pid not in found]
        if missing:
            pid = request.patient_ids[missing[0]]
            raise _bad(f"환자를 찾을 수 없습니다: {pid} / no such patient", f"/patient_ids/{missing[0]}", "not_found")
        return [found[pid] for pid in request.patient_ids]
    chosen = request.filter or {}
    query = select(Patient).where(Patient.erased_at.is_(None)).order_by(Patient.id)
    patients = list((await session.execute(query)).scalars())
    if chosen.get("tag"):
        patients = [p for p in patients if str(chosen["tag"]).strip() in (p.tags or [])]
    if chosen.get("procedure"):
        wanted = str(chosen["procedure"]).strip().casefold()
        had = select(Appointment.patient_id, Appointment.procedure).where(Appointment.procedure.is_not(None))
        ids = {pid for pid, proc in (await session.execute(had)).all() if str(proc).casefold() == wanted}
        patients = [p for p in patients if p.id in ids]
    if chosen.get("last_visit_before") or chosen.get("last_visit_after"):
        visits = select(Appointment.patient_id, func.max(Appointment.starts_at)).where(
            Appointment.status.in_(VISITED), Appointment.starts_at.is_not(None)
        )
        last = dict((await session.execute(visits.group_by(Appointment.patient_id))).tuples().all())
        patients = [p for p in patients if _visit_matches(last.get(p.id), chosen)]
    if chosen.get("consent"):
        kept = []
        for patient in patients:
            if (await consent_ledger(session, patient.id)).get(str(chosen["consent"])):
                kept.append(patient)
        patients = kept
    if len(patients) > MAX_PATIENTS:
        raise _bad(
            f"조건에 맞는 환자가 {len(patients)}명입니다. {MAX_PATIENTS}명 이하로 좁혀 주세요 / "
            f"the filter matches {len(patients)} patients; narrow it to {MAX_PATIENTS}",
            "/filter",
            "too_many_patients",
        )
    return patients


def _visit_matches(last: datetime | None, chosen: Mapping[str, Any]) -> bool:
    if last is None:
        return False
    day = seoul_iso(last)[:10]
    before, after = chosen.get("last_visit_before"), chosen.get("last_visit_after")
    return (before is None or day < str(before)) and (after is None or day >= str(after))


async def _open_manual_runs(session: AsyncSession, workflow_id: int, patient_ids: Sequence[int]) -> set[int]:
    """Patients with a run of this workflow still open that a manual start began."""
    query = (
        select(Run.patient_id)
        .join(Event, Event.id == Run.event_id)
        .where(
            Run.workflow_id == workflow_id,
            Run.status.in_(OPEN_RUN),
            Run.patient_id.in_(patient_ids),
            Event.type == EVENT_TYPE,
        )
    )
    return set((await session.execute(query)).scalars())


# -- preview -----------------------------------------------------------------------------------------------
async def first_message(
    session: AsyncSession, graph: Graph, patient: Patient, clinic: Mapping[str, Any], now: datetime
) -> dict[str, Any]:
    """What the patient would get first: ``{"at", "node", "channel", "text", "decision", "reason"}``, or
    ``{"reason"}`` when no message would go out within :data:`PREVIEW_DAYS`. Pure: nothing is written."""
    ledger = await consent_ledger(session, patient.id)
    data = RunData(
        now=now,
        trigger_at=now,
        patient=patient_view(patient),
        appointment=None,
        clinic=clinic,
        consents={purpose: bool(granted) for purpose, granted in ledger.items()},
        event={"type": EVENT_TYPE, "external_id": "preview"},
    )
    acted: set[str] = set()
    frontier = [graph.trigger_id]
    stopped: str | None = None
    chosen: tuple[str, str] | None = None  # the last branch and the port it took (why nothing is sent)
    waits: list[tuple[datetime, str, tuple[str, ...]]] = []
    while True:
        for step in walk(graph, frontier, acted, data):
            if step.status == "done" and len(step.ports) == 1 and step.ports[0] != "out":
                chosen = (step.node_id, step.ports[0])
            for effect in step.effects:
                if isinstance(effect, SendMessage):
                    channel = CHANNELS[effect.channel]
                    verdict = decide(
                        channel=channel,
                        purpose=effect.purpose,
                        consents=ledger,
                        opted_out=patient.opted_out,
                        has_phone=bool(patient.phone),
                        now=data.now,
                        clinic_settings=clinic,
                    )
                    return {
                        "at": seoul_iso(data.now),
                        "node": step.node_id,
                        "channel": str(effect.channel),
                        "text": effect.text,
                        "decision": verdict.action,
                        "reason": verdict.reason,
                    }
            if step.status == "waiting" and step.due_at is not None:
                waits.append((step.due_at, step.node_id, step.ports))
            elif step.status in ("stopped", "failed") and step.reason:
                stopped = step.reason
        if not waits:
            return {"reason": stopped or _ended_without_message(graph, chosen)}
        waits.sort()
        due, node_id, ports = waits.pop(0)
        if due > now + timedelta(days=PREVIEW_DAYS):
            break
        data = replace(data, now=due)
        frontier = graph.next_nodes(node_id, ports)
    reason = stopped or f"{PREVIEW_DAYS}일 안에 보낼 메시지가 없습니다 / no message within {PREVIEW_DAYS} days"
    return {"reason": reason}


_PORT_NAMES = {"yes": ("예", "yes"), "no": ("아니오", "no")}


def _ended_without_message(graph: Graph, chosen: tuple[str, str] | None) -> str:
    """Why a patient's path ends with no message, as staff read it: the branch and the way it went ("'동의 확인'에서
    '아니오'로": no marketing consent), not "no message within 60 days" (found in the user trial)."""
    if chosen is None:
        return "보내는 메시지 없이 경로가 끝납니다 / the path ends without a message"
    node_id, port = chosen
    node = graph.nodes[node_id]
    node_type = get_node_type(str(node.get("type")))
    label = dict(node_type.label) if node_type is not None else {}
    ko_name = str(node.get("name") or label.get("ko") or node_id)
    en_name = str(node.get("name") or label.get("en") or node_id)
    ko_port, en_port = _PORT_NAMES.get(port, (port, port))
    return f"'{ko_name}'에서 '{ko_port}' 경로로 끝납니다 / the path ends after '{en_name}' took '{en_port}'"


def _masked(patient: Patient) -> dict[str, Any]:
    return {"id": patient.id, "name": mask_name(patient.name), "phone": mask_phone(patient.phone)}


# -- the start ---------------------------------------------------------------------------------------------
async def start(
    runtime: Runtime, caller: Caller, workflow_id: int, request: StartRequest | Any, *, dispatch: bool = True
) -> tuple[dict[str, Any], list[int]]:
    """Preview or start. ``request``: a :class:`StartRequest` or the JSON body as sent (checked after the
    workflow is found, so another clinic's workflow is a 404 whatever the body). Returns the answer and the runs to dispatch after commit (empty when dry or
    ``dispatch`` is off: then the scheduler's next poll picks them up)."""
    try:
        return await _start(runtime, caller, workflow_id, request, dispatch)
    except IntegrityError:  # a double click raced us to the same patient: now its open run is visible
        return await _start(runtime, caller, workflow_id, request, dispatch)


async def _start(
    runtime: Runtime, caller: Caller, workflow_id: int, body: StartRequest | Any, dispatch: bool
) -> tuple[dict[str, Any], list[int]]:
    now = runtime.clock.now()
    # A preview writes too: the audit entry of who looked at which patients.
    async with write_scope(runtime.settings, caller.clinic_id) as session:
        workflow, version = await startable_version(session, workflow_id)
        request = body if isinstance(body, StartRequest) else parse_request(body)
        patients = await chosen_patients(session, request)
        running = await _open_manual_runs(session, workflow.id, [p.id for p in patients]) if patients else set()
        rows: list[dict[str, Any]] = []
        runs: list[int] = []
        if request.dry_run:
            graph = await graph_of(session, version.id)
            clinic_row = (await session.execute(select(Clinic).where(Clinic.id == caller.clinic_id))).scalar_one()
            clinic = clinic_view(clinic_row, await approved_texts(session, caller.clinic_id))
        for patient in patients:
            row: dict[str, Any] = {"patient": _masked(patient), "enrol": patient.id not in running}
            if patient.id in running:
                row["reason"] = "이미 이 워크플로를 진행 중입니다 / already running this workflow"
            elif request.dry_run:
                row["first"] = await first_message(session, graph, patient, clinic, now)
            else:
                runs.append(await _enrol(session, runtime, version, patient, caller, now, dispatch))
            rows.append(row)
        enrolled = sum(1 for r in rows if r["enrol"])
        audit.record_for(
            session,
            caller.clinic_id,
            caller.actor,
            "workflow.start_preview" if request.dry_run else "workflow.start",
            f"workflow:{workflow.id}",
            caller.ip,
            patients=enrolled,
            runs=len(runs),
        )
    answer = {
        "workflow_id": workflow.id,
        "version": version.version,
        "dry_run": request.dry_run,
        "patients": enrolled,
        "runs": runs,
        "already_running": len(rows) - enrolled,
        "preview": rows,
    }
    return answer, runs if dispatch and not answer["dry_run"] else []


async def _enrol(
    session: AsyncSession,
    runtime: Runtime,
    version: WorkflowVersion,
    patient: Patient,
    caller: Caller,
    now: datetime,
    dispatch: bool,
) -> int:
    earlier = select(func.count(Event.id)).where(
        Event.type == EVENT_TYPE, Event.external_id.like(f"wf{version.workflow_id}:p{patient.id}:%")
    )
    generation = int((await session.execute(earlier)).scalar_one())
    event = Event(
        clinic_id=patient.clinic_id,
        type=EVENT_TYPE,
        external_id=f"wf{version.workflow_id}:p{patient.id}:{generation}",
        occurred_at=now,
        received_at=now,
        patient_id=patient.id,
        payload={"workflow_version_id": version.id, "started_by": caller.actor},
    )
    session.add(event)
    await session.flush()  # a concurrent start of the same patient collides here
    run = await start_run(
        session, runtime, version, patient_id=patient.id, appointment_id=None, event=event, claim=dispatch
    )
    await session.flush()
    event.result = {"runs": [{"id": run.id, "workflow_id": version.workflow_id, "version": version.version}]}
    return run.id


async def patient_ids_by_chart(session: AsyncSession, chart_numbers: Sequence[str]) -> list[int]:
    """The CLI's ``--patient CHART_NO…`` → patient ids, or 422 naming the unknown chart number."""
    ids = []
    for i, chart in enumerate(chart_numbers):
        found = await find_patient(session, chart_no=chart)
        if found is None:
            raise _bad(
                f"차트번호 {chart}인 환자가 없습니다 / no patient with this chart number", f"/patient/{i}", "not_found"
            )
        ids.append(found.id)
    return ids
