"""Closed days are counted once and kept in ``outcome_days``; today (and any day not yet over when it was
counted) is counted again on every request. For periods shown by month, each closed month is also kept as
one row (``day`` = ``YYYY-MM``, the sum of its days), so a year reads twelve rows.

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

from sqlalchemy import delete, func, select
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


def _month_after(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def _closed_at(label: str) -> datetime:
    """When the day (``YYYY-MM-DD``) or month (``YYYY-MM``) of a row ended."""
    if len(label) == 7:
        return day_start(_month_after(date.fromisoformat(f"{label}-01")))
    return day_start(date.fromisoformat(label) + timedelta(days=1))


def _usable(row: OutcomeDay, key: str) -> bool:
    return row.version == VERSION and row.rates_key == key and row.computed_at >= _closed_at(row.day)


async def period_counts(
    session: AsyncSession, clinic_id: int, days: list[date], table: CostTable, *, by_month: bool
) -> dict[date, DayCounts]:
    """The counts of ``days``: per day, or (``by_month``) per month keyed by the month's first day."""
    if not by_month:
        return await day_counts(session, clinic_id, days, table)
    months: dict[date, list[date]] = {}
    for day in days:
        months.setdefault(day.replace(day=1), []).append(day)
    now, key = utcnow(), rates_key(table)
    whole = [
        m
        for m, inside in months.items()
        if len(inside) == (_month_after(m) - m).days and day_start(_month_after(m)) <= now
    ]
    kept: dict[date, DayCounts] = {}
    if whole:
        rows = (
            await session.execute(
                select(OutcomeDay).where(
                    OutcomeDay.clinic_id == clinic_id,
                    OutcomeDay.day.in_([m.strftime("%Y-%m") for m in whole]),
                )
            )
        ).scalars()
        usable = {date.fromisoformat(f"{row.day}-01"): row for row in rows if _usable(row, key)}
        if usable:  # one look for changes since the oldest kept month; a month with one is looked at again
            since = min(row.computed_at for row in usable.values())
            touched = {day.replace(day=1) for day in await changed_days(session, since, days[0], days[-1])}
            for first, row in usable.items():
                last = _month_after(first) - timedelta(days=1)
                if first not in touched or not await changed_days(session, row.computed_at, first, last):
                    kept[first] = DayCounts.from_json(row.figures)
    rest = [day for month, inside in months.items() if month not in kept for day in inside]
    counted = await day_counts(session, clinic_id, rest, table) if rest else {}
    result = dict(kept)
    for month, inside in months.items():
        if month in kept:
            continue
        total = DayCounts()
        for day in inside:
            total.merge(counted[day])
        result[month] = total
    fresh = {m.strftime("%Y-%m"): result[m] for m in whole if m not in kept}
    await _keep(session, clinic_id, fresh, key)
    return result


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
                    func.length(OutcomeDay.day) == 10,  # days, not the months kept beside them
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
        await _keep(session, clinic_id, {day.isoformat(): counts for day, counts in fresh.items()}, key)
    return {day: found[day] for day in days}


async def _changed_after(session: AsyncSession, day: date, moment: datetime) -> bool:
    return day in await changed_days(session, moment, day, day)


async def _keep(session: AsyncSession, clinic_id: int, counted: Mapping[str, DayCounts], key: str) -> None:
    """Store the days that were over when counted; a concurrent request storing the same day wins.

    The wall clock, not a test's virtual one: ``computed_at`` is compared with rows' ``updated_at``.
    """
    now = utcnow()
    closed = {label: counts for label, counts in counted.items() if _closed_at(label) <= now}
    if not closed:
        return
    values: list[dict[str, Any]] = [
        {
            "clinic_id": clinic_id,
            "day": label,
            "version": VERSION,
            "rates_key": key,
            "figures": counts.as_json(),
            "computed_at": now,
        }
        for label, counts in closed.items()
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
