"""How runs, steps and messages appear in API answers: only the patient data needed, masked."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from nodes.channels import ChannelName, MessageKind, Purpose
from runtime.schemas import (
    MaskedPatient,
    MessageStatus,
    MessageView,
    RecordedEventType,
    RunStatus,
    RunSummary,
    StepStatus,
    StepView,
)
from storage.identity import hide_link_tokens
from storage.models import OutboxMessage, Patient, Run, RunStep
from storage.workflows.schemas import WorkflowStatus


def mask_name(name: str | None) -> str:
    """김민지 → 김*지, 이수 → 이*, Kim → K*m."""
    if not name:
        return ""
    if len(name) <= 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_phone(digits: str | None) -> str:
    """01012345678 → 010-****-5678."""
    if not digits:
        return ""
    return f"{digits[:3]}-****-{digits[-4:]}"


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def patient_summary(patient: Patient | None) -> MaskedPatient | None:
    if patient is None:
        return None
    return {"id": patient.id, "name": mask_name(patient.name), "phone": mask_phone(patient.phone)}


def run_summary(
    run: Run,
    patient: Patient | None,
    event_type: str | None = None,
    *,
    workflow_name: str | None = None,
    workflow_status: str | None = None,
    next_at: datetime | None = None,
) -> RunSummary:
    return {
        "id": run.id,
        "workflow_id": run.workflow_id,
        "version": run.version,
        "status": cast(RunStatus, run.status),
        "event_type": cast(RecordedEventType | None, event_type),
        "patient": patient_summary(patient),
        "trigger_at": _iso(run.trigger_at),
        "started_at": _iso(run.started_at),
        "finished_at": _iso(run.finished_at),
        "reason": run.reason,
        "workflow_name": workflow_name,
        "workflow_status": cast(WorkflowStatus | None, workflow_status),
        "next_at": _iso(next_at),
    }


def masked_text(text: str, patient: Patient | None) -> str:
    """The message text with its patient's name and number masked (김민지 → 김*지) and the token of her
    confirm/cancel link cut (…/p/…), for lists that show many patients' messages at once (the front desk's
    appointment panel, the message list); the run's own page, audited per run, shows the text as sent."""
    if not text:
        return text
    text = hide_link_tokens(text)
    if patient is None:
        return text
    if patient.name and len(patient.name) > 1:
        text = text.replace(patient.name, mask_name(patient.name))
    phone = patient.phone
    if phone and len(phone) >= 10:
        for spelled in (phone, f"{phone[:3]}-{phone[3:-4]}-{phone[-4:]}"):
            text = text.replace(spelled, mask_phone(phone))
    return text


def message_view(row: OutboxMessage, patient: Patient | None = None, *, mask: bool = False) -> MessageView:
    return {
        "id": row.id,
        "run_id": row.run_id,
        "node": row.node_id,
        "failover_of": row.parent_id,
        # Stored values of the channel table's and the outbox's lists (storage/models/outbox.py).
        "channel": cast(ChannelName, row.channel),
        "kind": cast(MessageKind | None, row.kind),
        "purpose": cast(Purpose, row.purpose),
        "status": cast(MessageStatus, row.status),
        "to": mask_phone(patient.phone) if patient else None,
        "text": masked_text(row.text, patient) if mask else row.text,
        "reason": row.reason,
        "provider": row.provider,
        "cost_krw": row.cost_krw,
        "attempts": row.attempts,
        "due_at": _iso(row.due_at),
        "created_at": _iso(row.created_at),
        "sent_at": _iso(row.sent_at),
        "delivered_at": _iso(row.delivered_at),
        "error_code": row.error_code,
        "error_message": row.error_message,
    }


def step_view(step: RunStep, messages: list[MessageView]) -> StepView:
    duration = None
    if step.finished_at is not None:
        duration = round((step.finished_at - step.started_at).total_seconds(), 3)
    return {
        "node": step.node_id,
        "type": step.node_type,
        "status": cast(StepStatus, step.status),
        "ports": list(step.ports or []),
        "started_at": _iso(step.started_at),
        "finished_at": _iso(step.finished_at),
        "duration_s": duration,
        "due_at": _iso(step.due_at),
        "reason": step.reason,
        "detail": step.detail or {},
        "messages": messages,
    }
