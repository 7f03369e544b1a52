"""One span of days counted from the database: per Asia/Seoul day, small additive counters.

A day's counts (``DayCounts``, plain JSON so they can be cached) are summed over a period by figures.py.
Which day a row belongs to:
- a message: the day it was handed to the provider (``sent_at``), else the day it was queued
  (``created_at``) — the same day the cost ledger uses, so a month's cost here equals its ledger;
- an appointment (its outcome, whether it was reminded, post-op follow-up): the day it starts;
- a post-op enrolment: the day of the run's trigger; a consent change: the day it was recorded.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, case, func, null, or_, select, type_coerce
from sqlalchemy.ext.asyncio import AsyncSession

from runtime.billing.ledger import PROVIDER_FAILOVER_REASON, entry_of
from runtime.billing.rates import CostTable
from runtime.outcomes.periods import day_of, day_start
from storage.models import Appointment, Consent, Event, OutboxMessage, Run, WorkflowVersion

NO_WORKFLOW = "none"  # messages of no run (none today; kept so that a sum over workflows is the whole)
POSTOP_TRIGGER = "trigger.procedure_completed"
FOLLOW_UP_DAYS = 90  # an appointment this long after a post-op enrolment is its follow-up
FUNNEL = ("queued", "sent", "delivered", "failed", "failed_over", "delivered_by_sms", "not_sent", "in_flight")
OUTCOME_OF_STATUS = {
    "attended": "attended",
    "completed": "attended",
    "no_show": "no_show",
    "cancelled": "cancelled",
    "booked": "pending",
    "confirmed": "pending",
}
KAKAO_CHANNELS = ("alimtalk", "friendtalk")


def _new_messages() -> dict[str, Any]:
    return {"funnel": dict.fromkeys(FUNNEL, 0), "channels": {}, "auto": 0, "cost": [0, "0", "0"]}


@dataclass
class DayCounts:
    """One day's counters; ``as_json``/``from_json`` round-trip through the cache."""

    messages: dict[str, dict[str, Any]] = field(default_factory=dict)  # workflow id → counters
    appointments: Counter[str] = field(default_factory=Counter)  # "wf,wf|outcome|rescheduled 0/1" → n
    postop: Counter[str] = field(default_factory=Counter)  # "wf,wf|outcome" → n
    enrolled: Counter[str] = field(default_factory=Counter)  # post-op workflow id → runs started
    consents: Counter[str] = field(default_factory=Counter)  # "purpose|granted 0/1|optout 0/1" → n

    def workflow(self, key: str) -> dict[str, Any]:
        if key not in self.messages:
            self.messages[key] = _new_messages()
        return self.messages[key]

    def merge(self, other: DayCounts) -> None:
        """Add ``other``'s counts to these (every counter is a sum, so days add up to a month)."""
        for key, counts in other.messages.items():
            mine = self.workflow(key)
            for step, n in counts["funnel"].items():
                mine["funnel"][step] = mine["funnel"].get(step, 0) + n
            for channel, (sent, delivered) in counts["channels"].items():
                _bump_channel(mine, channel, sent, delivered)
            mine["auto"] += counts["auto"]
            cost, extra = mine["cost"], counts["cost"]
            if extra[0]:
                mine["cost"] = [
                    cost[0] + extra[0],
                    str(Decimal(cost[1]) + Decimal(extra[1])),
                    str(Decimal(cost[2]) + Decimal(extra[2])),
                ]
        self.appointments.update(other.appointments)
        self.postop.update(other.postop)
        self.enrolled.update(other.enrolled)
        self.consents.update(other.consents)

    def as_json(self) -> dict[str, Any]:
        return {
            "messages": self.messages,
            "appointments": dict(self.appointments),
            "postop": dict(self.postop),
            "enrolled": dict(self.enrolled),
            "consents": dict(self.consents),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DayCounts:
        return cls(
            messages=data.get("messages", {}),
            appointments=Counter(data.get("appointments", {})),
            postop=Counter(data.get("postop", {})),
            enrolled=Counter(data.get("enrolled", {})),
            consents=Counter(data.get("consents", {})),
        )


def _bump_channel(counts: dict[str, Any], channel: str, sent: int, delivered: int) -> None:
    pair = counts["channels"].setdefault(channel, [0, 0])
    pair[0] += sent
    pair[1] += delivered


_MESSAGE_COLUMNS = (
    OutboxMessage.id,
    OutboxMessage.created_at,
    OutboxMessage.sent_at,
    OutboxMessage.status,
    OutboxMessage.reason,
    OutboxMessage.channel,
    OutboxMessage.kind,
    OutboxMessage.provider,
    OutboxMessage.cost_krw,
    # Decrypted only where the ledger's rule reads them (the slow part of counting a day): the text of a
    # billed Kakao message (priced as the SMS/LMS it would have been) or of a failed one (a provider's resend),
    # the failover block of a failed one.
    type_coerce(
        case(
            (
                or_(
                    OutboxMessage.status == "failed",
                    and_(
                        OutboxMessage.status.in_(("sent", "delivered")),
                        or_(OutboxMessage.channel != "sms", OutboxMessage.kind.is_(None)),
                    ),
                ),
                OutboxMessage.text,
            ),
            else_=null(),
        ),
        OutboxMessage.text.type,
    ).label("text"),
    type_coerce(
        case((OutboxMessage.status == "failed", OutboxMessage.failover), else_=null()), OutboxMessage.failover.type
    ).label("failover"),
    OutboxMessage.parent_id,
    Run.workflow_id,
)


def _in_span(start: datetime, end: datetime) -> Any:
    sent, created = OutboxMessage.sent_at, OutboxMessage.created_at
    return or_(and_(sent >= start, sent < end), and_(sent.is_(None), created >= start, created < end))


async def _count_messages(
    session: AsyncSession, start: datetime, end: datetime, table: CostTable, days: dict[date, DayCounts]
) -> None:
    span = _in_span(start, end)
    rows = (
        await session.execute(select(*_MESSAGE_COLUMNS).outerjoin(Run, Run.id == OutboxMessage.run_id).where(span))
    ).all()
    # The failover SMS of each failed message (it may fall on another day than its parent)
    parents = select(OutboxMessage.id).where(span, OutboxMessage.status == "failed").scalar_subquery()
    children = {
        parent: status
        for parent, status in (
            await session.execute(
                select(OutboxMessage.parent_id, OutboxMessage.status).where(OutboxMessage.parent_id.in_(parents))
            )
        ).all()
    }
    for row in rows:
        counts = days[day_of(row.sent_at or row.created_at)].workflow(
            str(row.workflow_id) if row.workflow_id is not None else NO_WORKFLOW
        )
        entry = entry_of(row, table)  # the cost ledger's own rule for what is billed and "all by SMS"
        if entry is not None:
            cost = counts["cost"]
            cost[0] += 1
            cost[1] = str(Decimal(cost[1]) + entry.cost_krw)
            cost[2] = str(Decimal(cost[2]) + entry.sms_equivalent_krw)
        delivered = int(row.status == "delivered")
        if row.parent_id is not None:  # our failover SMS: a message on its channel, not a new one in the funnel
            _bump_channel(counts, row.channel, int(row.sent_at is not None), delivered)
            continue
        funnel = counts["funnel"]
        funnel["queued"] += 1
        if row.status in ("skipped", "cancelled"):
            funnel["not_sent"] += 1
        elif row.status in ("pending", "held", "sending"):
            funnel["in_flight"] += 1
        if row.sent_at is None:
            continue
        funnel["sent"] += 1
        counts["auto"] += 1
        funnel["delivered"] += delivered
        _bump_channel(counts, row.channel, 1, delivered)
        if row.status != "failed":
            continue
        funnel["failed"] += 1
        provider_resent = (row.reason or "").startswith(PROVIDER_FAILOVER_REASON)
        if provider_resent or row.id in children:
            funnel["failed_over"] += 1
        if provider_resent or children.get(row.id) == "delivered":
            funnel["delivered_by_sms"] += 1
        if provider_resent:  # the provider's own SMS: no row of its own, counted as a delivered SMS
            _bump_channel(counts, "sms", 1, 1)


def _outcome_key(workflows: set[str], outcome: str) -> str:
    return f"{','.join(sorted(workflows))}|{outcome}"


async def _count_appointments(
    session: AsyncSession, start: datetime, end: datetime, days: dict[date, DayCounts]
) -> None:
    in_span = and_(Appointment.starts_at >= start, Appointment.starts_at < end)
    appointments = (
        await session.execute(
            select(Appointment.id, Appointment.patient_id, Appointment.starts_at, Appointment.status).where(in_span)
        )
    ).all()
    if not appointments:
        return
    ids = select(Appointment.id).where(in_span).scalar_subquery()
    rescheduled = set(
        (
            await session.execute(
                select(Event.appointment_id)
                .where(Event.type == "appointment.rescheduled", Event.appointment_id.in_(ids))
                .distinct()
            )
        ).scalars()
    )
    # A reminder: a message about the appointment handed to the provider before it started (sent or delivered)
    reminded: defaultdict[int, set[str]] = defaultdict(set)
    reminders = (
        select(Run.appointment_id, Run.workflow_id)
        .join(OutboxMessage, OutboxMessage.run_id == Run.id)
        .join(Appointment, Appointment.id == Run.appointment_id)
        .where(
            in_span,
            OutboxMessage.status.in_(("sent", "delivered")),
            OutboxMessage.sent_at <= Appointment.starts_at,
        )
        .distinct()
    )
    for appointment_id, workflow_id in (await session.execute(reminders)).all():
        if appointment_id is not None:
            reminded[appointment_id].add(str(workflow_id))
    postop = set(
        (
            await session.execute(
                select(WorkflowVersion.workflow_id).where(WorkflowVersion.trigger_type == POSTOP_TRIGGER).distinct()
            )
        ).scalars()
    )
    enrolments: defaultdict[int, list[tuple[datetime, int | None, str]]] = defaultdict(list)
    if postop:
        runs = select(Run.patient_id, Run.trigger_at, Run.appointment_id, Run.workflow_id).where(
            Run.workflow_id.in_(postop),
            Run.trigger_at >= start - timedelta(days=FOLLOW_UP_DAYS),
            Run.trigger_at < end,
        )
        for patient_id, trigger_at, appointment_id, workflow_id in (await session.execute(runs)).all():
            enrolments[patient_id].append((trigger_at, appointment_id, str(workflow_id)))
    for appointment_id, patient_id, starts_at, status in appointments:
        if starts_at is None:  # not in the span's query; for the type checker
            continue
        outcome = OUTCOME_OF_STATUS.get(status, "pending")
        day = days[day_of(starts_at)]
        day.appointments[f"{_outcome_key(reminded[appointment_id], outcome)}|{int(appointment_id in rescheduled)}"] += 1
        following = {
            workflow
            for trigger_at, procedure_appointment, workflow in enrolments.get(patient_id, ())
            if procedure_appointment != appointment_id
            and trigger_at < starts_at <= trigger_at + timedelta(days=FOLLOW_UP_DAYS)
        }
        if following:
            day.postop[_outcome_key(following, outcome)] += 1


async def _count_enrolments(session: AsyncSession, start: datetime, end: datetime, days: dict[date, DayCounts]) -> None:
    runs = (
        select(Run.trigger_at, Run.workflow_id)
        .join(WorkflowVersion, WorkflowVersion.id == Run.workflow_version_id)
        .where(WorkflowVersion.trigger_type == POSTOP_TRIGGER, Run.trigger_at >= start, Run.trigger_at < end)
    )
    for trigger_at, workflow_id in (await session.execute(runs)).all():
        days[day_of(trigger_at)].enrolled[str(workflow_id)] += 1


async def _count_consents(session: AsyncSession, start: datetime, end: datetime, days: dict[date, DayCounts]) -> None:
    rows = select(Consent.recorded_at, Consent.purpose, Consent.granted, Consent.method).where(
        Consent.recorded_at >= start, Consent.recorded_at < end
    )
    for recorded_at, purpose, granted, method in (await session.execute(rows)).all():
        days[day_of(recorded_at)].consents[f"{purpose}|{int(granted)}|{int(method == 'optout')}"] += 1


async def count_days(session: AsyncSession, first: date, last: date, table: CostTable) -> dict[date, DayCounts]:
    """Every day from ``first`` to ``last`` (inclusive) of the session's clinic, counted afresh."""
    days = {first + timedelta(days=n): DayCounts() for n in range((last - first).days + 1)}
    start, end = day_start(first), day_start(last + timedelta(days=1))
    counted: defaultdict[date, DayCounts] = defaultdict(DayCounts, days)
    await _count_messages(session, start, end, table, counted)
    await _count_appointments(session, start, end, counted)
    await _count_enrolments(session, start, end, counted)
    await _count_consents(session, start, end, counted)
    return {day: counted[day] for day in days}


async def changed_days(session: AsyncSession, since: datetime, first: date, last: date) -> set[date]:
    """Days of the span whose messages or appointments changed after ``since`` (late reports, statuses).

    By ``updated_at`` alone (indexed for the outbox): few rows change after a day is counted."""
    start, end = day_start(first), day_start(last + timedelta(days=1))
    moments = select(func.coalesce(OutboxMessage.sent_at, OutboxMessage.created_at)).where(
        OutboxMessage.updated_at > since
    )
    starts = select(Appointment.starts_at).where(Appointment.updated_at > since)
    found = set()
    for query in (moments, starts):
        found |= {day_of(m) for m in (await session.execute(query)).scalars() if m is not None and start <= m < end}
    return found
