"""The outcomes of one clinic's period: cached day counts → figures, with the period and workflow names."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from runtime.billing.rates import clinic_table
from runtime.outcomes.cache import period_counts
from runtime.outcomes.daily import POSTOP_TRIGGER
from runtime.outcomes.figures import DAILY_SERIES_MAX_DAYS, DEFAULT_MINUTES_PER_MESSAGE, figures
from runtime.outcomes.periods import Period, day_start
from storage.models import Clinic, Workflow, WorkflowVersion
from storage.models.base import utcnow
from storage.models.clinic import DEFAULT_SETTINGS

MINUTES_SETTING = "minutes_per_message"  # Clinic.settings: staff minutes one automatic message saves


class UnknownWorkflow(LookupError):
    pass


def minutes_per_message(settings: dict[str, Any]) -> float:
    value = settings.get(MINUTES_SETTING, DEFAULT_MINUTES_PER_MESSAGE)
    return float(value) if isinstance(value, int | float) and 0 <= value <= 120 else DEFAULT_MINUTES_PER_MESSAGE


async def workflows(session: AsyncSession) -> list[dict[str, Any]]:
    """The clinic's workflows for the filter, with whether each is a post-op workflow."""
    postop = set(
        (
            await session.execute(
                select(WorkflowVersion.workflow_id).where(WorkflowVersion.trigger_type == POSTOP_TRIGGER).distinct()
            )
        ).scalars()
    )
    rows = (await session.execute(select(Workflow.id, Workflow.name).order_by(Workflow.id))).all()
    return [{"id": wid, "name": name, "postop": wid in postop} for wid, name in rows]


async def outcomes(
    session: AsyncSession, clinic_id: int, period: Period, workflow_id: int | None = None
) -> dict[str, Any]:
    """Raises UnknownWorkflow when ``workflow_id`` is not one of the clinic's workflows."""
    known = await workflows(session)
    chosen = next((w for w in known if w["id"] == workflow_id), None)
    if workflow_id is not None and chosen is None:
        raise UnknownWorkflow(workflow_id)
    clinic = await session.get(Clinic, clinic_id)
    settings = {**DEFAULT_SETTINGS, **((clinic.settings if clinic else None) or {})}
    daily = len(period.days) <= DAILY_SERIES_MAX_DAYS
    days = await period_counts(session, clinic_id, period.days, clinic_table(settings), by_month=not daily)
    return {
        "from": period.first.isoformat(),
        "to": period.last.isoformat(),
        "timezone": "Asia/Seoul",
        "days": len(period.days),
        "complete": day_start(period.last + timedelta(days=1)) <= utcnow(),
        "workflow": chosen,
        "workflows": known,
        **figures(days, None if workflow_id is None else str(workflow_id), minutes_per_message(settings), daily=daily),
    }
