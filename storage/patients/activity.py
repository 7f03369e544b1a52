"""One patient's runs and messages, for the patient page (read-only; newest first).

The runtime's own views mask the patient (its lists are about many patients); this page is about one
patient whose full detail the caller has already opened (and the audit log recorded), so the message
texts are shown as sent — but for the token of the patient's confirm/cancel link, which no staff screen shows. Storage does not import the runtime: the tables are read through the models.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.identity import hide_link_tokens
from storage.models import OutboxMessage, Run, Workflow
from storage.patients.schemas import PatientActivity

MAX_ROWS = 200


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


async def patient_activity(session: AsyncSession, patient_id: int, limit: int = MAX_ROWS) -> PatientActivity:
    """``{"runs": [...], "messages": [...]}`` of one patient (the session's tenancy scopes the clinic)."""
    runs = (
        await session.execute(
            select(Run, Workflow.name)
            .outerjoin(Workflow, Workflow.id == Run.workflow_id)
            .where(Run.patient_id == patient_id)
            .order_by(Run.id.desc())
            .limit(limit)
        )
    ).all()
    messages = (
        await session.execute(
            select(OutboxMessage)
            .where(OutboxMessage.patient_id == patient_id)
            .order_by(OutboxMessage.id.desc())
            .limit(limit)
        )
    ).scalars()
    return {
        "runs": [
            {
                "id": run.id,
                "workflow_id": run.workflow_id,
                "workflow_name": name,
                "version": run.version,
                "status": run.status,
                "trigger_at": _iso(run.trigger_at),
                "started_at": _iso(run.started_at),
                "finished_at": _iso(run.finished_at),
                "reason": run.reason,
            }
            for run, name in runs
        ],
        "messages": [
            {
                "id": m.id,
                "run_id": m.run_id,
                "node": m.node_id,
                "channel": m.channel,
                "purpose": m.purpose,
                "status": m.status,
                "text": hide_link_tokens(m.text),
                "reason": m.reason,
                "due_at": _iso(m.due_at),
                "sent_at": _iso(m.sent_at),
                "delivered_at": _iso(m.delivered_at),
                "error_code": m.error_code,
            }
            for m in messages
        ],
    }
