"""The expected outcome figures, computed from the seeded records alone (not with runtime/outcomes)."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from tests.support.outcomes_seed import COST, SEOUL, Seeded

OUTCOME = {"attended": "attended", "completed": "attended", "no_show": "no_show", "cancelled": "cancelled"}


def _bounds(first: date, last: date) -> tuple[datetime, datetime]:
    return datetime.combine(first, time(0), tzinfo=SEOUL), datetime.combine(
        last + timedelta(days=1), time(0), tzinfo=SEOUL
    )


def _sms_rate(text: str) -> Decimal:
    return Decimal(str(COST["sms" if len(text.encode("euc-kr")) <= 90 else "lms"]))


def expected(seeded: Seeded, first: date, last: date, workflow: int | None = None) -> dict[str, Any]:
    start, end = _bounds(first, last)
    children = {m.parent_id: m for m in seeded.messages if m.parent_id is not None}
    inside = [
        m
        for m in seeded.messages
        if start <= (m.sent_at or m.created_at) < end and (workflow is None or m.workflow_id == workflow)
    ]
    originals = [m for m in inside if m.parent_id is None]
    provider_resent = [m for m in originals if m.status == "failed" and m.reason]
    funnel = {
        "queued": len(originals),
        "sent": sum(m.sent_at is not None for m in originals),
        "delivered": sum(m.status == "delivered" for m in originals),
        "failed": sum(m.status == "failed" for m in originals),
        "failed_over": sum(m.status == "failed" and (m.reason is not None or m.id in children) for m in originals),
        "delivered_by_sms": sum(
            m.status == "failed"
            and (m.reason is not None or (m.id in children and children[m.id].status == "delivered"))
            for m in originals
        ),
        "not_sent": sum(m.status in ("skipped", "cancelled") for m in originals),
        "in_flight": sum(m.status == "pending" for m in originals),
    }
    sent, delivered = Counter[str](), Counter[str]()
    for m in inside:
        if m.sent_at is not None:
            sent[m.channel] += 1
            delivered[m.channel] += m.status == "delivered"
    sent["sms"] += len(provider_resent)
    delivered["sms"] += len(provider_resent)
    spent, baseline, billed = Decimal(0), Decimal(0), 0
    for m in inside:
        if m.status in ("sent", "delivered"):
            billed += 1
            spent += Decimal(str(m.cost_krw))
            baseline += Decimal(str(m.cost_krw)) if m.channel == "sms" else _sms_rate(m.text)
    for m in provider_resent:
        billed += 1
        spent += _sms_rate(m.text)
        baseline += _sms_rate(m.text)
    groups: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    moved = Counter[bool]()
    for b in seeded.bookings:
        if not start <= b.starts_at < end:
            continue
        reminded = any(
            seeded.run_appointment.get(m.run_id) == b.id
            and m.status in ("sent", "delivered")
            and m.sent_at is not None
            and m.sent_at <= b.starts_at
            and (workflow is None or m.workflow_id == workflow)
            for m in seeded.messages
        )
        groups[reminded][OUTCOME.get(b.status, "pending")] += 1
        moved[reminded] += b.rescheduled
    postop = Counter[str]()
    for b in seeded.bookings:
        if not start <= b.starts_at < end:
            continue
        if any(
            e.patient_id == b.patient_id
            and e.appointment_id != b.id
            and e.trigger_at < b.starts_at <= e.trigger_at + timedelta(days=90)
            and (workflow is None or e.workflow_id == workflow)
            for e in seeded.enrolments
        ):
            postop[OUTCOME.get(b.status, "pending")] += 1
    consents = [c for c in seeded.consents if start <= c.recorded_at < end]
    return {
        "funnel": funnel,
        "sent": dict(sent),
        "delivered": dict(delivered),
        "auto": funnel["sent"],
        "cost": (billed, spent, baseline),
        "groups": groups,
        "rescheduled": moved,
        "postop": postop,
        "enrolled": sum(
            start <= e.trigger_at < end and (workflow is None or e.workflow_id == workflow) for e in seeded.enrolments
        ),
        "opt_outs": sum(c.method == "optout" and c.purpose == "marketing" for c in consents),
        "granted": Counter(c.purpose for c in consents if c.granted),
        "revoked": Counter(c.purpose for c in consents if not c.granted),
    }
