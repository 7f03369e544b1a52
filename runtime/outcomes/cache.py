"""Closed days are counted once and kept in ``outcome_days``; today (and any day not yet over when it was
counted) is counted again on every request.

A kept day is counted again when the counting code changed (``VERSION``), the clinic's rates changed (they
price "all by SMS"), or one of its messages or appointments changed after it was counted (a late delivery
report, an attendance marked the next morning).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from runtime.billing.rates import CostTable
from runtime.outcomes.daily import DayCounts, changed_days, count_days
from runtime.outcomes.periods import day_start
from storage.models import OutcomeDay
from storage.models.base import utcnow

VERSION = 1


def rates_key(table: CostTable) -> str:
    canonical = json.dumps({p: dict(k) for p, k in table.rates.items()}, sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()[:64]


def _usable(row: OutcomeDay, key: str) -> bool:
    closed_at = day_start(date.fromisoformat(row.day) + timedelta(days=1))
    return row.version == VERSION and row.rates_key == key and row.computed_at >= closed_at


async def day_counts(
    session: AsyncSession, clinic_id: int, days: list[date], table: CostTable
) -> dict[date, DayCounts]:
    """The counts of ``days`` (consecutive), from the cache where it is still right, else counted."""
    key = rates_key(table)
    rows = {
        date.fromisoformat(row.day): row
        for row in (
            await session.execute(
                select(OutcomeDay).where(
                    OutcomeDay.clinic_id == clinic_id,
                    OutcomeDay.day >= days[0].isoformat(),
                    OutcomeDay.day <= days[-1].isoformat(),
                )
            )
        ).scalars()
    }
    usable = {day: row for day, row in rows.items() if _usable(row, key)}
    if usable:
        since = min(row.computed_at for row in usable.values())
        for day in await changed_days(session, since, days[0], days[-1]):
            row = usable.get(day)
            if row is not None and await _changed_after(session, day, row.computed_at):
                usable.pop(day)
    found = {day: DayCounts.from_json(row.figures) for day, row in usable.items()}
    missing = [day for day in days if day not in found]
    if missing:
        counted = await count_days(session, missing[0], missing[-1], table)
        fresh = {day: counts for day, counts in counted.items() if day not in found}
        found.update(fresh)
        await _keep(session, clinic_id, fresh, key)
    return found


async def _changed_after(session: AsyncSession, day: date, moment: datetime) -> bool:
    return day in await changed_days(session, moment, day, day)


async def _keep(session: AsyncSession, clinic_id: int, counted: Mapping[date, DayCounts], key: str) -> None:
    """Store the days that were over when counted; a concurrent request storing the same day wins.

    The wall clock, not a test's virtual one: ``computed_at`` is compared with rows' ``updated_at``.
    """
    now = utcnow()
    closed = {day: counts for day, counts in counted.items() if day_start(day + timedelta(days=1)) <= now}
    if not closed:
        return
    values: list[dict[str, Any]] = [
        {
            "clinic_id": clinic_id,
            "day": day.isoformat(),
            "version": VERSION,
            "rates_key": key,
            "figures": counts.as_json(),
            "computed_at": now,
        }
        for day, counts in closed.items()
    ]
    try:
        async with session.begin_nested():
            await session.execute(
                delete(OutcomeDay).where(
                    OutcomeDay.clinic_id == clinic_id, OutcomeDay.day.in_([v["day"] for v in values])
                )
            )
            session.add_all(OutcomeDay(**v) for v in values)
    except IntegrityError:
        pass  # another request kept them first: the same counts
