"""What publishing a workflow would do, for the editor's confirmation dialog: its trigger, how many patients
the next 7 days would enrol (from the stored appointments and patients), what each would receive first, and the
other live workflows whose trigger overlaps (the same patient could get two similar messages)."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nodes.base import NodeType
from nodes.registry import get_node_type
from nodes.send_alimtalk.library import load_library
from runtime.rundata import clinic_view, consent_ledger, patient_view
from runtime.schemas import EnrolBound, FirstMessage, ImpactTrigger, OverlappingWorkflow, PublishImpact
from storage.alimtalk_templates.store import approved_texts
from storage.models import Appointment, Clinic, Patient, Workflow, WorkflowVersion
from storage.workflows.schemas import WorkflowStatus

HORIZON = timedelta(days=7)
# Appointment statuses whose patients may still be reached by an appointment or procedure trigger.
OPEN_APPOINTMENT = ("booked", "confirmed", "attended", "completed")
# What the count of matching appointments in the next 7 days means for each appointment/procedure event: a
# booking trigger's count sizes the new bookings to expect (those already booked do not start it again); the
# others enrol only the patients whose appointment ends that way, so the count is a MAXIMUM (최대).
_APPOINTMENT_BASIS: dict[str, tuple[EnrolBound, str]] = {
    "appointment.booked": (
        "estimate",
        "다음 7일 예약 중 조건에 맞는 환자 수로 새 예약 규모를 어림합니다 (이미 접수된 예약으로는 시작하지 않습니다)"
        " / patients with a matching appointment in the next 7 days, as a guide to new bookings (appointments"
        " already booked do not start it)",
    ),
    "appointment.cancelled": (
        "maximum",
        "최대치: 다음 7일 예약 중 조건에 맞는 환자이며, 실제로는 예약을 취소한 환자만 등록됩니다"
        " / at most: patients with a matching appointment in the next 7 days; only those who cancel enrol",
    ),
    "appointment.no_show": (
        "maximum",
        "최대치: 다음 7일 예약 중 조건에 맞는 환자이며, 실제로는 내원하지 않은 환자만 등록됩니다"
        " / at most: patients with a matching appointment in the next 7 days; only those who miss it enrol",
    ),
    "appointment.attended": (
        "maximum",
        "최대치: 다음 7일 예약 중 조건에 맞는 환자이며, 실제로 내원한 환자만 등록됩니다"
        " / at most: patients with a matching appointment in the next 7 days; only those who come enrol",
    ),
    "procedure.completed": (
        "maximum",
        "최대치: 다음 7일 예약 중 조건에 맞는 환자이며, 시술을 마친 환자만 등록됩니다"
        " / at most: patients with a matching appointment in the next 7 days; only those whose procedure is"
        " completed enrol",
    ),
}


def _trigger(document: Mapping[str, Any]) -> tuple[dict[str, Any], NodeType] | None:
    for node in document.get("nodes") or []:
        node_type = get_node_type(str(node.get("type")))
        if node_type is not None and node_type.category == "trigger":
            return dict(node), node_type
    return None


def _half(text: str, lang: int) -> str:
    """One language of a "한국어 / English" text (0: Korean, 1: English)."""
    parts = str(text).split(" / ", 1)
    return parts[min(lang, len(parts) - 1)]


def _scalars(values: list[Any]) -> bool:
    return all(isinstance(v, str | int | float | bool) or v is None for v in values)


def filter_text(node_type: NodeType, params: Mapping[str, Any]) -> dict[str, str]:
    """The trigger's filter as people read it, from its schema's titles: "시술: 백내장 수술, 라식"."""
    properties = node_type.schema.get("properties") or {}
    if any(
        isinstance(value, Mapping) or (isinstance(value, list) and not _scalars(value)) for value in params.values()
    ):
        return node_type.summarize(params)  # nested params (a campaign's segment): the card's own sentence
    out: dict[str, list[str]] = {"ko": [], "en": []}
    for key, value in params.items():
        if value in (None, "", [], {}):
            continue
        spec = properties.get(key) or {}
        choices = {c.get("const"): c.get("title", "") for c in (spec.get("items") or spec).get("oneOf") or []}
        values = value if isinstance(value, list) else [value]
        for lang, code in ((0, "ko"), (1, "en")):
            shown = ", ".join(_half(choices[v], lang) if v in choices else str(v) for v in values)
            out[code].append(f"{_half(spec.get('title') or key, lang)}: {shown}")
    return {code: " · ".join(parts) for code, parts in out.items()}


def _node_label(node: Mapping[str, Any], node_type: NodeType) -> str:
    """A node's own name, else its type's label ("한국어 / English")."""
    if node.get("name"):
        return str(node["name"])
    return f"{node_type.label.get('ko', node_type.type)} / {node_type.label.get('en', node_type.type)}"


def first_messages(document: Mapping[str, Any], templates: Mapping[str, str] | None = None) -> list[FirstMessage]:
    """The send nodes reached first from the trigger (no other send before them), with the waits on the way;
    an AlimTalk's text is its template's body (``templates``: code → body, the clinic's)."""
    found = _trigger(document)
    if found is None:
        return []
    nodes = {str(n.get("id")): n for n in document.get("nodes") or [] if isinstance(n, dict)}
    following: dict[str, list[str]] = {}
    for edge in document.get("edges") or []:
        if isinstance(edge, dict):
            following.setdefault(str(edge.get("source")), []).append(str(edge.get("target")))
    out: list[FirstMessage] = []
    seen: set[str] = set()
    queue: deque[tuple[str, list[str], list[str]]] = deque([(str(found[0].get("id")), [], [])])
    while queue:
        node_id, waits, labels = queue.popleft()
        for target in following.get(node_id, []):
            if target in seen or target not in nodes:
                continue
            seen.add(target)
            node = nodes[target]
            node_type = get_node_type(str(node.get("type")))
            if node_type is None:
                continue
            params = dict(node.get("params") or {})
            if node_type.is_send and node_type.channel is not None:
                template = str(params["template"]) if params.get("template") else None
                body = str(params.get("text") or "") or (templates or {}).get(template or "", "")
                out.append(
                    {
                        "node": target,
                        "name": str(node.get("name") or node_type.label.get("ko") or target),
                        "label": dict(node_type.label),
                        "channel": node_type.channel,
                        "purpose": node_type.purpose(params) or "informational",
                        "text": body,
                        "template": template,
                        "after": waits,
                        "after_labels": labels,
                    }
                )
                continue
            if node_type.type.startswith("wait."):
                queue.append((target, [*waits, target], [*labels, _node_label(node, node_type)]))
            else:
                queue.append((target, waits, labels))
    return out


async def _appointment_enrolments(
    session: AsyncSession, node: Mapping[str, Any], node_type: NodeType, now: datetime
) -> int:
    query = select(Appointment.patient_id, Appointment.procedure, Appointment.starts_at, Appointment.external_id).where(
        Appointment.starts_at >= now, Appointment.starts_at < now + HORIZON, Appointment.status.in_(OPEN_APPOINTMENT)
    )
    patients: set[int] = set()
    event_type = node_type.events[0]
    for patient_id, procedure, starts_at, external_id in (await session.execute(query)).all():
        event = {
            "type": event_type,
            "appointment": {
                "id": external_id,
                "starts_at": starts_at.isoformat() if starts_at else None,
                "procedure": procedure,
            },
        }
        if node_type.matches is None or node_type.matches(dict(node.get("params") or {}), event):
            patients.add(patient_id)
    return len(patients)


async def _campaign_enrolments(
    session: AsyncSession, node: Mapping[str, Any], node_type: NodeType, now: datetime
) -> int:
    schedule = node_type.schedule
    assert schedule is not None
    params = dict(node.get("params") or {})
    try:
        fire = schedule.next_fire(params, now)
    except (ValueError, KeyError):
        return 0
    if fire >= now + HORIZON:
        return 0
    count = 0
    for patient in (await session.execute(select(Patient).where(Patient.opted_out.is_(False)))).scalars():
        ledger = await consent_ledger(session, patient.id)
        done_query = select(Appointment.procedure).where(
            Appointment.patient_id == patient.id, Appointment.status == "completed", Appointment.procedure.is_not(None)
        )
        done = {p for p in (await session.execute(done_query)).scalars() if p}
        consents = {purpose: bool(granted) for purpose, granted in ledger.items()}
        if schedule.segment_matches(params, patient_view(patient), consents, done):
            count += 1
    return count


def _filters_overlap(mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> bool:
    """Two trigger filters can let the same event through: equal, or a procedures list in common (an empty or
    missing list means every procedure)."""
    if mine == theirs:
        return True
    ours, other = mine.get("procedures") or [], theirs.get("procedures") or []
    rest_equal = {k: v for k, v in mine.items() if k != "procedures"} == {
        k: v for k, v in theirs.items() if k != "procedures"
    }
    return rest_equal and (not ours or not other or bool(set(map(str, ours)) & set(map(str, other))))


async def _overlapping(
    session: AsyncSession, workflow: Workflow, node: Mapping[str, Any], node_type: NodeType
) -> list[OverlappingWorkflow]:
    if node_type.starts_runs == "manual":
        return []  # staff start one chosen workflow for chosen patients: no event starts two of them
    query = (
        select(Workflow, WorkflowVersion)
        .join(WorkflowVersion, WorkflowVersion.workflow_id == Workflow.id)
        .where(
            Workflow.id != workflow.id,
            Workflow.status.in_(("active", "paused")),
            Workflow.published_version == WorkflowVersion.version,
        )
    )
    out: list[OverlappingWorkflow] = []
    for other, version in (await session.execute(query)).all():
        found = _trigger(version.document)
        if found is None:
            continue
        their_node, their_type = found
        if their_type.type != node_type.type and not set(their_type.events) & set(node_type.events):
            continue
        same = _filters_overlap(dict(node.get("params") or {}), dict(their_node.get("params") or {}))
        status = cast(WorkflowStatus, other.status)
        out.append({"id": other.id, "name": other.name, "status": status, "same_filter": same})
    return out


async def _clinic_templates(session: AsyncSession, clinic_id: int) -> dict[str, str]:
    """Template bodies to show: the clinic's approved copies, else the library's wording (the publish gate refuses a
    library original separately; the confirmation still shows what the message says)."""
    clinic = await session.get(Clinic, clinic_id)
    if clinic is None:
        return {}
    library = {template.code: template.text for template in load_library().values()}
    return {**library, **clinic_view(clinic, await approved_texts(session, clinic_id))["alimtalk_templates"]}


def _warnings(overlapping: list[OverlappingWorkflow]) -> list[str]:
    return [
        f"'{o['name']}' 워크플로도 같은 시작 조건으로 운영 중입니다. 같은 환자에게 비슷한 메시지가 두 번 갈 수 있습니다"
        f" (빈도 제한이 같은 내용의 두 번째 발송은 막습니다)"
        f" / '{o['name']}' is live on the same trigger and filter: a patient may get two similar messages"
        " (the frequency rule skips a second copy of the same text)"
        for o in overlapping
        if o["same_filter"]
    ]


async def overlap_warnings(session: AsyncSession, workflow: Workflow) -> list[str]:
    """Warnings about other live workflows sharing this workflow's trigger and filter (publish answers them)."""
    found = _trigger(workflow.document)
    if found is None:
        return []
    return _warnings(await _overlapping(session, workflow, found[0], found[1]))


async def publish_impact(session: AsyncSession, workflow: Workflow, now: datetime) -> PublishImpact:
    """The confirmation dialog's figures for publishing ``workflow``'s current draft."""
    document = workflow.document
    found = _trigger(document)
    if found is None:
        return {
            "trigger": None,
            "enrol_next_7_days": 0,
            "enrol_bound": "none",
            "basis": "",
            "first_messages": [],
            "overlapping": [],
            "warnings": [],
        }
    node, node_type = found
    trigger: ImpactTrigger = {
        "node": str(node.get("id")),
        "type": node_type.type,
        "label": dict(node_type.label),
        "params": dict(node.get("params") or {}),
        "filter": filter_text(node_type, dict(node.get("params") or {})),
    }
    bound: EnrolBound = "estimate"
    if node_type.schedule is not None:
        enrol = await _campaign_enrolments(session, node, node_type, now)
        basis = "다음 7일 안의 발송 시각에 대상이 되는 환자 / patients in the segment if it fires within 7 days"
    elif node_type.events and node_type.events[0] in _APPOINTMENT_BASIS:
        enrol = await _appointment_enrolments(session, node, node_type, now)
        bound, basis = _APPOINTMENT_BASIS[node_type.events[0]]
    elif node_type.starts_runs == "manual":
        enrol, bound = 0, "none"
        basis = "직원이 직접 시작할 때만 등록합니다 / enrols only when staff start it by hand"
    else:
        enrol, bound = 0, "none"
        basis = (
            "새 이벤트가 올 때마다 시작합니다 (미리 셀 수 없습니다) / starts as new events arrive (no stored forecast)"
        )
    overlapping = await _overlapping(session, workflow, node, node_type)
    warnings = _warnings(overlapping)
    return {
        "trigger": trigger,
        "enrol_next_7_days": enrol,
        "enrol_bound": bound,
        "basis": basis,
        "first_messages": first_messages(document, await _clinic_templates(session, workflow.clinic_id)),
        "overlapping": overlapping,
        "warnings": warnings,
    }
