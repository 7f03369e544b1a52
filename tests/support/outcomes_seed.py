"""A seeded year of a clinic's appointments and messages for the outcomes tests and bench.

``seed_year`` writes plain records (``Seeded``) straight into the database — workflows and versions,
patients, appointments (some rescheduled, some post-op follow-ups), runs, outbox rows (delivered, failed
with and without failover, provider resends, skipped, pending …) and consent entries — and returns the same
records, so a test can compute the expected figures from them without the outcomes code.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert

from runtime.billing.ledger import PROVIDER_FAILOVER_REASON
from storage.config import Settings
from storage.db import session_scope
from storage.models import Appointment, Consent, Event, OutboxMessage, Patient, Run, Workflow, WorkflowVersion

SEOUL = ZoneInfo("Asia/Seoul")
SHORT = "내일 오후 2시 진료 예약이 있습니다."  # ≤ 90 EUC-KR bytes: SMS
LONG = "안녕하세요, 눈사랑안과입니다. " * 6  # > 90 bytes: LMS
COST = {"alimtalk": 7.0, "friendtalk": 15.0, "sms": 9.0, "lms": 30.0}  # the sandbox's default rates


@dataclass
class Message:
    id: int
    run_id: int
    workflow_id: int
    channel: str
    kind: str | None
    text: str
    status: str
    created_at: datetime
    sent_at: datetime | None
    cost_krw: float
    parent_id: int | None = None
    reason: str | None = None


@dataclass
class Booking:
    id: int
    patient_id: int
    starts_at: datetime
    status: str
    rescheduled: bool


@dataclass
class Enrolment:
    run_id: int
    patient_id: int
    workflow_id: int
    trigger_at: datetime
    appointment_id: int


@dataclass
class ConsentRow:
    purpose: str
    granted: bool
    method: str
    recorded_at: datetime


@dataclass
class Seeded:
    reminder_workflow: int
    postop_workflow: int
    campaign_workflow: int
    messages: list[Message] = field(default_factory=list)
    bookings: list[Booking] = field(default_factory=list)
    enrolments: list[Enrolment] = field(default_factory=list)
    consents: list[ConsentRow] = field(default_factory=list)
    run_appointment: dict[int, int] = field(default_factory=dict)  # run id → appointment id


def _month_starts(first: date, months: int) -> list[datetime]:
    return [
        datetime(first.year + (first.month - 1 + n) // 12, (first.month - 1 + n) % 12 + 1, 1, tzinfo=SEOUL)
        for n in range(months)
    ]


class _Builder:
    def __init__(self, rng: random.Random, workflows: dict[str, int], seeded: Seeded) -> None:
        self.rng = rng
        self.workflows = workflows
        self.seeded = seeded
        self.runs: list[dict[str, Any]] = []
        self.next_run = 1
        self.next_message = 1

    def run(self, workflow: str, patient: int, at: datetime, appointment: int | None = None) -> int:
        run_id = self.next_run
        self.next_run += 1
        self.runs.append(
            {
                "id": run_id,
                "workflow": workflow,
                "patient_id": patient,
                "appointment_id": appointment,
                "trigger_at": at,
            }
        )
        if appointment is not None:
            self.seeded.run_appointment[run_id] = appointment
        return run_id

    def message(self, run_id: int, workflow: str, channel: str, at: datetime, status: str | None = None) -> Message:
        rng = self.rng
        text = SHORT if rng.random() < 0.6 else LONG
        status = (
            status
            or rng.choices(["delivered", "failed", "sent", "skipped", "cancelled", "pending"], [85, 6, 3, 3, 1, 2])[0]
        )
        sent_at = None if status in ("skipped", "cancelled", "pending") else at
        kind = {"alimtalk": "alimtalk", "friendtalk": "friendtalk"}.get(channel) or ("sms" if text == SHORT else "lms")
        reason = None
        if status == "failed" and channel == "alimtalk" and rng.random() < 0.2:
            reason = f"{PROVIDER_FAILOVER_REASON} (report)"
        message = Message(
            id=self.next_message,
            run_id=run_id,
            workflow_id=self.workflows[workflow],
            channel=channel,
            kind=kind if sent_at else None,
            text=text,
            status=status,
            created_at=at - timedelta(minutes=1),
            sent_at=sent_at,
            cost_krw=COST[kind] if sent_at and status != "failed" else 0.0,
            reason=reason,
        )
        self.next_message += 1
        self.seeded.messages.append(message)
        if status == "failed" and channel == "alimtalk" and reason is None and rng.random() < 0.7:
            child_status = "delivered" if rng.random() < 0.8 else "failed"
            child_at = at + timedelta(minutes=5)
            self.seeded.messages.append(
                Message(
                    id=self.next_message,
                    run_id=run_id,
                    workflow_id=message.workflow_id,
                    channel="sms",
                    kind="sms" if text == SHORT else "lms",
                    text=text,
                    status=child_status,
                    created_at=child_at - timedelta(minutes=1),
                    sent_at=child_at,
                    cost_krw=COST["sms" if text == SHORT else "lms"] if child_status != "failed" else 0.0,
                    parent_id=message.id,
                )
            )
            self.next_message += 1
        return message


async def seed_year(
    settings: Settings,
    clinic_id: int,
    first_month: date,
    *,
    months: int = 12,
    messages_per_month: int = 600,
    appointments_per_month: int = 120,
    patients: int = 200,
    seed: int = 19,
) -> Seeded:
    rng = random.Random(seed)
    async with session_scope(settings, clinic_id) as session:
        ids: dict[str, int] = {}
        for key, name, trigger in (
            ("reminder", "예약 하루 전 알림", "trigger.appointment_booked"),
            ("postop", "백내장 수술 후 관리", "trigger.procedure_completed"),
            ("campaign", "정기 검진 안내", "trigger.schedule"),
        ):
            workflow = Workflow(clinic_id=clinic_id, name=name, document={}, published_version=1)
            session.add(workflow)
            await session.flush()
            session.add(
                WorkflowVersion(
                    clinic_id=clinic_id,
                    workflow_id=workflow.id,
                    version=1,
                    document={},
                    checksum="0" * 64,
                    trigger_type=trigger,
                    published_at=datetime(2000, 1, 1, tzinfo=UTC),
                )
            )
            ids[key] = workflow.id
        people = [Patient(clinic_id=clinic_id, name=f"환자{n}", phone=f"0101000{n:04d}") for n in range(patients)]
        session.add_all(people)
        await session.flush()
        versions = {
            wid: vid
            for wid, vid in (
                await session.execute(
                    WorkflowVersion.__table__.select().with_only_columns(
                        WorkflowVersion.workflow_id, WorkflowVersion.id
                    )
                )
            ).all()
        }
    seeded = Seeded(ids["reminder"], ids["postop"], ids["campaign"])
    build = _Builder(rng, ids, seeded)
    patient_ids = [p.id for p in people]
    next_appointment = 1
    for month_start in _month_starts(first_month, months):
        month_days = ((month_start + timedelta(days=32)).replace(day=1) - month_start).days
        sent_this_month = 0
        for _ in range(appointments_per_month):
            patient = rng.choice(patient_ids)
            starts = month_start + timedelta(days=rng.randrange(month_days), hours=rng.randrange(9, 18))
            reminded = rng.random() < 0.6
            no_show_chance = 0.06 if reminded else 0.16
            status = rng.choices(
                ["attended", "completed", "no_show", "cancelled", "booked", "confirmed"],
                [60, 10, 100 * no_show_chance, 10, 3, 3],
            )[0]
            booking = Booking(next_appointment, patient, starts, status, rescheduled=rng.random() < 0.08)
            next_appointment += 1
            seeded.bookings.append(booking)
            if reminded:
                run_id = build.run("reminder", patient, starts - timedelta(days=3), booking.id)
                build.message(run_id, "reminder", "alimtalk", starts - timedelta(days=1))
                sent_this_month += 1
            if rng.random() < 0.15:  # a cataract operation: enrolled in post-op care, a follow-up a week later
                run_id = build.run("postop", patient, starts, booking.id)
                seeded.enrolments.append(Enrolment(run_id, patient, ids["postop"], starts, booking.id))
                for day in (1, 3):
                    build.message(run_id, "postop", "alimtalk", starts + timedelta(days=day, hours=1))
                    sent_this_month += 1
                follow = Booking(
                    next_appointment,
                    patient,
                    starts + timedelta(days=7),
                    rng.choices(["attended", "no_show", "cancelled"], [80, 12, 8])[0],
                    rescheduled=False,
                )
                next_appointment += 1
                seeded.bookings.append(follow)
        campaign_runs: dict[int, int] = {}
        while sent_this_month < messages_per_month:
            patient = rng.choice(patient_ids)
            at = month_start + timedelta(days=rng.randrange(month_days), hours=rng.randrange(9, 20))
            if patient not in campaign_runs:
                campaign_runs[patient] = build.run("campaign", patient, month_start)
            channel = rng.choice(["alimtalk", "friendtalk", "sms"])
            build.message(campaign_runs[patient], "campaign", channel, at)
            sent_this_month += 1
        for _ in range(12):
            at = month_start + timedelta(days=rng.randrange(month_days), hours=10)
            if rng.random() < 0.5:
                seeded.consents.append(ConsentRow("marketing", True, "kiosk", at))
            else:
                seeded.consents += [ConsentRow(p, False, "optout", at) for p in ("marketing", "night_ads")]
            seeded.consents.append(ConsentRow("treatment", True, "paper", at))
    await _write(settings, clinic_id, seeded, build, ids, versions)
    return seeded


async def _write(
    settings: Settings, clinic_id: int, seeded: Seeded, build: _Builder, ids: dict[str, int], versions: dict[int, int]
) -> None:
    patient_of = {b.id: b.patient_id for b in seeded.bookings}
    async with session_scope(settings, clinic_id) as session:
        rows = [
            {
                "id": b.id,
                "clinic_id": clinic_id,
                "external_id": f"apt-{b.id}",
                "patient_id": b.patient_id,
                "starts_at": b.starts_at,
                "status": b.status,
                "procedure": "cataract",
            }
            for b in seeded.bookings
        ]
        await _chunks(session, Appointment, rows)
        events = [
            {
                "clinic_id": clinic_id,
                "type": "appointment.rescheduled",
                "external_id": f"move-{b.id}",
                "occurred_at": b.starts_at - timedelta(days=5),
                "patient_id": b.patient_id,
                "appointment_id": b.id,
                "payload": {},
                "result": {},
            }
            for b in seeded.bookings
            if b.rescheduled
        ]
        await _chunks(session, Event, events)
        runs = [
            {
                "id": r["id"],
                "clinic_id": clinic_id,
                "workflow_id": ids[r["workflow"]],
                "workflow_version_id": versions[ids[r["workflow"]]],
                "version": 1,
                "patient_id": r["patient_id"] if r["appointment_id"] is None else patient_of[r["appointment_id"]],
                "appointment_id": r["appointment_id"],
                "status": "completed",
                "trigger_at": r["trigger_at"],
                "started_at": r["trigger_at"],
            }
            for r in build.runs
        ]
        await _chunks(session, Run, runs)
        run_patient = {r["id"]: r["patient_id"] for r in runs}
        messages = [
            {
                "id": m.id,
                "clinic_id": clinic_id,
                "key": f"run:{m.run_id}:node:m{m.id}",
                "run_id": m.run_id,
                "node_id": f"m{m.id}",
                "parent_id": m.parent_id,
                "patient_id": run_patient[m.run_id],
                "channel": m.channel,
                "kind": m.kind,
                "purpose": "informational",
                "text": m.text,
                "variables": {},
                "failover": {"channel": "sms", "text": m.text} if m.channel == "alimtalk" else None,
                "status": m.status,
                "due_at": m.created_at,
                "reason": m.reason,
                "provider": "sandbox" if m.sent_at else None,
                "cost_krw": m.cost_krw,
                "sent_at": m.sent_at,
                "created_at": m.created_at,
                "updated_at": m.sent_at or m.created_at,
            }
            for m in seeded.messages
        ]
        await _chunks(session, OutboxMessage, messages)
        await _chunks(
            session,
            Consent,
            [
                {
                    "clinic_id": clinic_id,
                    "patient_id": seeded.bookings[0].patient_id,
                    "purpose": c.purpose,
                    "granted": c.granted,
                    "method": c.method,
                    "occurred_at": c.recorded_at,
                    "recorded_at": c.recorded_at,
                }
                for c in seeded.consents
            ],
        )


async def _chunks(session: Any, model: Any, rows: list[dict[str, Any]], size: int = 2000) -> None:
    for start in range(0, len(rows), size):
        await session.execute(insert(model), rows[start : start + size])
