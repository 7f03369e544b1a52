"""Delivering outbox rows: send-time rules, the channel call, failover to SMS, delivery reports.

A row moves pending/held → sending → sent → delivered | failed, or → skipped with a reason. The claim to
``sending`` is a compare-and-set. Exactly once, durably (docs/providers/README.md, "Exactly once"):

- the provider-side handle is on the row before any message can leave: providers that take our key as theirs
  (NHN idempotency key, the sandbox) need nothing stored; SOLAPI's group id (``open_handle``) is written by a
  guarded UPDATE of this claim before a message is added to the group;
- a claim after an earlier one (``attempts > 1``: a retry, a row the stale sweeper handed out again after a
  worker died) sends with ``resume``: the channel asks the provider about the handle / key first;
- any exception once the request may have left (a client bound to another loop, a cancelled task, a broken
  answer), like a lost answer or a 5xx, leaves the row *uncertain*: pending with ``error_code`` UNCERTAIN,
  never failed, and its next attempt resumes instead of sending again.

During a provider's outage the scheduler sends one backed-off row early now and then (:func:`probe`,
runtime/outage_probe.py): a probe that fails costs the row nothing (the attempt is given back, its own next
try stays where it was); one that goes through releases the clinic's other backed-off rows (``_RELEASE``).
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from nodes.channels import CHANNELS, Channel, MessageKind, MessageTooLongError, message_kind
from runtime.billing.rates import rate_for
from runtime.channels._results import UNCERTAIN, transport_failure, uncertain
from runtime.channels.base import Button, ChannelClient, DeliveryReport, OutboundMessage, SendResult
from runtime.context import Runtime
from runtime.frequency import duplicate_reason
from runtime.policy import decide
from runtime.rundata import clinic_view, consent_ledger
from runtime.send_gate import refusal
from runtime.send_groups import send_first
from storage import fast_sql
from storage.alimtalk_templates.store import approved_texts
from storage.db import batched_write, write_scope
from storage.models import Clinic, OutboxMessage, Patient, Run, Workflow

log = logging.getLogger(__name__)

# Retriable failures (5xx, 429, time-outs: an outage) keep the row queued with back-off 5 s, 10 s … capped at
# RETRY_CAP_S: 30 attempts ride out about two hours of outage before the message is given up as failed.
MAX_ATTEMPTS = 30
RETRY_CAP_S = 300
FINAL = ("delivered", "failed", "skipped", "cancelled")
UNKNOWN_CHANNEL = "unknown_channel"  # error_code of a row whose channel is not in the channel table


def retry_delay_s(attempts: int) -> int:
    """Seconds before the next try of a row that has had ``attempts`` tries: 5, 10, 20 … capped at RETRY_CAP_S."""
    return min(RETRY_CAP_S, 5 * 2 ** min(attempts - 1, 10))


def kind_for(channel: Channel, text: str) -> MessageKind:
    """The kind by the channel table's limits (SMS vs LMS by EUC-KR bytes); a text too long even for the longest
    kind keeps that kind (the provider refuses it, recorded as failed)."""
    try:
        return message_kind(channel, text)
    except MessageTooLongError:
        return channel.kinds[-1]


def resolve_kind(channel: str, text: str) -> MessageKind | None:
    """:func:`kind_for` by channel name; None for a channel that is not in the table (delivery fails the row)."""
    spec = CHANNELS.get(channel)
    return None if spec is None else kind_for(spec, text)


def unknown_channel(channel: str) -> str:
    known = ", ".join(CHANNELS)
    return f"발송할 수 없는 채널입니다: {channel!r} ({known}) / no provider can send channel {channel!r} ({known})"


@dataclass(frozen=True)
class Prepared:
    message: OutboundMessage
    clinic_id: int
    clinic: dict[str, Any]
    attempt: int  # this claim's ``attempts``: it guards the handle's UPDATE
    # Set when the rules would not send an UNCERTAIN row (archived, stopped, skipped, held): (status, reason,
    # due_at) to record once the provider said it never got the message; ``message`` is then only asked about.
    unsent: tuple[str, str | None, datetime] | None = None
    # Set when this claim is a probe (:func:`probe`): the row's own next try, kept if the probe fails.
    probe_due: datetime | None = None


async def deliver(runtime: Runtime, message_id: int) -> list[int]:
    """Deliver one outbox row if it is due. Returns outbox ids to deliver next (a failover SMS)."""
    prepared = await _claim_and_decide(runtime, message_id)
    if prepared is None:
        return []
    return await deliver_prepared(runtime, message_id, prepared)


async def deliver_many(runtime: Runtime, message_ids: list[int]) -> list[int]:
    """:func:`deliver` for rows handed out together (after an outage hundreds come due at once): all claimed and
    decided in one write transaction, then sent side by side, so first sends and handle-less retries share
    provider groups (runtime/send_groups.py) and their records share transactions (``batched_write``). If the
    shared transaction fails, each row is delivered on its own."""
    if len(message_ids) == 1:
        return await deliver(runtime, message_ids[0])
    try:
        async with write_scope(runtime.settings, None) as session:
            now = runtime.clock.now()
            decided = [(m, await claim_and_decide_in(session, m, now)) for m in message_ids]
    except OperationalError:
        raise  # the database stayed busy: nothing was written, the whole message is retried
    except Exception:
        log.warning("delivering %d rows together failed; delivering each on its own", len(message_ids), exc_info=True)
        return [follow_up for message_id in message_ids for follow_up in await deliver(runtime, message_id)]
    answers = await asyncio.gather(
        *(_deliver_claimed(runtime, message_id, prepared) for message_id, prepared in decided if prepared is not None)
    )
    return [follow_up for answer in answers for follow_up in answer]


async def _deliver_claimed(runtime: Runtime, message_id: int, prepared: Prepared) -> list[int]:
    try:
        return await deliver_prepared(runtime, message_id, prepared)
    except Exception:  # e.g. the database stayed busy while recording: the stale sweeper resumes this one
        log.warning("delivery of outbox %s failed; the sweeper resumes it", message_id, exc_info=True)
        return []


async def probe(runtime: Runtime, message_id: int) -> list[int]:
    """Try a row that is backing off from a provider's failures before its own next try (the scheduler picks
    one per clinic and provider while they fail: runtime/outage_probe.py). Claimed and sent like any retry
    (``resume``: the provider is asked first when the row may be there). If it goes through, the provider is
    back and the clinic's other backed-off rows are released; if it fails again, its attempt is given back and
    its own next try stays where it was, so probing every few seconds never uses up the row's attempts."""
    async with write_scope(runtime.settings, None) as session:
        connection = await session.connection()
        now = runtime.clock.now()
        row = (await fast_sql.execute(connection, _PROBE_CLAIM, {"message": message_id, "now": now})).first()
        if row is None:  # no longer backing off (sent, due anyway, claimed by another probe or retry)
            return []
        people = {"clinic": row.clinic_id, "patient": row.patient_id, "run": row.run_id}
        found = (await fast_sql.execute(connection, _PEOPLE, people)).first()
        prepared = await _decide(session, message_id, row, found, now)
    if prepared is None:
        return []
    return await deliver_prepared(runtime, message_id, dataclasses.replace(prepared, probe_due=row.due_at))


async def deliver_prepared(runtime: Runtime, message_id: int, prepared: Prepared) -> list[int]:
    """Send a row already claimed and decided (:func:`claim_and_decide_in`, committed) and record the result."""
    channel = runtime.channel_for(prepared.clinic_id, prepared.clinic)
    if prepared.unsent is not None:
        return await _ask_before_not_sending(runtime, channel, message_id, prepared)
    try:
        result = await _send(runtime, channel, message_id, prepared)
    except BaseException as exc:  # the request may have left: uncertain, never failed, never re-sent blindly
        recorded = asyncio.ensure_future(
            _record_result(runtime, message_id, transport_failure(channel.name, exc), prepared)
        )
        await asyncio.shield(recorded)  # recorded even while this task is being cancelled
        if isinstance(exc, Exception):
            return []
        raise
    if result is None:
        return []  # the row was handed to another attempt before its handle was stored: nothing was sent
    return await _record_result(runtime, message_id, result, prepared)


async def _send(runtime: Runtime, channel: ChannelClient, message_id: int, prepared: Prepared) -> SendResult | None:
    """Store the provider-side handle first (when the provider needs one and the row has none), then send.

    A row with no stored handle goes in a group with its neighbours (:func:`send_first`), a retry too: no
    handle was stored, so nothing of it can be at a provider that needs one (the handle is committed before
    any message is added), and a provider that takes our key instead still gets ``resume`` and asks first.
    After an outage the released rows thus go out a hundred to a group, not one group (five requests) each."""
    if prepared.message.handle is None:
        return await send_first(runtime, channel, message_id, prepared, _HANDLE)
    return await channel.send(prepared.message)


async def _ask_before_not_sending(
    runtime: Runtime, channel: ChannelClient, message_id: int, prepared: Prepared
) -> list[int]:
    """An uncertain row the rules will not send: ask the provider about its handle / key, sending nothing. It has
    the message: recorded as sent (or as the provider's refusal). It never got it: the rules' decision (cancelled,
    skipped, held). It cannot say: still uncertain, asked again after the back-off."""
    assert prepared.unsent is not None
    try:
        found = await channel.lookup(prepared.message)
    except Exception as exc:  # could not ask: stays uncertain
        found = uncertain(channel.name, type(exc).__name__)
    if found is not None and found.retriable and not found.uncertain:  # no answer (e.g. unusable settings)
        found = dataclasses.replace(found, uncertain=True)
    if found is not None:
        return await _record_result(runtime, message_id, found, prepared)
    status, reason, due_at = prepared.unsent
    values = {"message": message_id, "attempt": prepared.attempt, "unsent": status, "why": reason, "due": due_at}
    async with write_scope(runtime.settings, None) as session:
        await session.execute(_NEVER_SENT, values)
    return []


OUTBOX = cast(Table, OutboxMessage.__table__)
PATIENTS = cast(Table, Patient.__table__)
CLINICS = cast(Table, Clinic.__table__)
RUNS = cast(Table, Run.__table__)
WORKFLOWS = cast(Table, Workflow.__table__)
# Built once (Core, no ORM unit of work): building a statement costs more CPU than SQLite running it.
_CLAIM = (
    update(OUTBOX)
    .where(
        OUTBOX.c.id == bindparam("message"),
        OUTBOX.c.status.in_(("pending", "held")),
        OUTBOX.c.due_at <= bindparam("now"),
    )
    .values(status="sending", claimed_at=bindparam("now"), attempts=OUTBOX.c.attempts + 1)
    .returning(*OUTBOX.c)
)
# A probe's claim: a row backing off (its last try failed, its own next try still ahead), due or not.
_PROBE_CLAIM = (
    update(OUTBOX)
    .where(
        OUTBOX.c.id == bindparam("message"),
        OUTBOX.c.status == "pending",
        OUTBOX.c.due_at > bindparam("now"),
        OUTBOX.c.error_code.is_not(None),
    )
    .values(status="sending", claimed_at=bindparam("now"), attempts=OUTBOX.c.attempts + 1)
    .returning(*OUTBOX.c)
)
_PEOPLE = (
    select(
        PATIENTS.c.id,
        PATIENTS.c.phone,
        PATIENTS.c.opted_out,
        CLINICS.c.id.label("clinic_id"),
        CLINICS.c.name.label("clinic_name"),
        CLINICS.c.settings.label("clinic_settings"),
        RUNS.c.status.label("run_status"),
        WORKFLOWS.c.status.label("workflow_status"),
    )
    .select_from(PATIENTS)
    .outerjoin(CLINICS, CLINICS.c.id == bindparam("clinic"))
    .outerjoin(RUNS, RUNS.c.id == bindparam("run"))
    .outerjoin(WORKFLOWS, WORKFLOWS.c.id == RUNS.c.workflow_id)
    .where(PATIENTS.c.id == bindparam("patient"))
)
_FAIL = (
    update(OUTBOX)
    .where(OUTBOX.c.id == bindparam("message"))
    .values(status="failed", claimed_at=None, error_code=bindparam("code"), error_message=bindparam("error"))
)
_SET = (
    update(OUTBOX)
    .where(OUTBOX.c.id == bindparam("message"))
    .values(
        status=bindparam("new_status"),
        reason=bindparam("new_reason"),
        claimed_at=bindparam("new_claimed_at"),
        due_at=bindparam("new_due_at"),
        kind=bindparam("new_kind"),
        attempts=bindparam("new_attempts"),
    )
)
_SENT = (
    update(OUTBOX)
    .where(OUTBOX.c.id == bindparam("message"), OUTBOX.c.status == "sending")
    .values(
        provider=bindparam("provider"),
        claimed_at=None,
        status=bindparam("new_status"),
        provider_message_id=bindparam("provider_message_id"),
        sent_at=bindparam("sent_at"),
        delivered_at=bindparam("delivered_at"),
        cost_krw=bindparam("cost_krw"),
        error_code=None,  # an earlier attempt's UNCERTAIN / 5xx is resolved
        error_message=None,
    )
)
# After an outage: the clinic's rows backing off from this provider's failures (5, 10, 20, 40 … s apart, out of
# step with each other) are due now, once a retry of one of them went through (docs/soak.md, recovery ≤ 30 s).
_RELEASE = (
    update(OUTBOX)
    .where(
        OUTBOX.c.status == "pending",
        OUTBOX.c.due_at > bindparam("now"),
        OUTBOX.c.clinic_id == bindparam("clinic"),
        OUTBOX.c.provider == bindparam("failed_provider"),
        OUTBOX.c.error_code.is_not(None),
    )
    .values(due_at=bindparam("now"))
)
# An uncertain row the provider never got, settled as the rules decided (this claim's, not counted as an attempt).
_NEVER_SENT = (
    update(OUTBOX)
    .where(OUTBOX.c.id == bindparam("message"), OUTBOX.c.status == "sending", OUTBOX.c.attempts == bindparam("attempt"))
    .values(
        status=bindparam("unsent"),
        reason=bindparam("why"),
        due_at=bindparam("due"),
        claimed_at=None,
        attempts=OUTBOX.c.attempts - 1,
        error_code=None,
        error_message=None,
    )
)
# The provider-side handle, stored by the claim that made it (its ``attempts``) before any message is added.
_HANDLE = (
    update(OUTBOX)
    .where(
        OUTBOX.c.id == bindparam("message"),
        OUTBOX.c.status == "sending",
        OUTBOX.c.attempts == bindparam("attempt"),
        OUTBOX.c.provider_handle.is_(None),
    )
    .values(provider_handle=bindparam("handle"))
)


async def _claim_and_decide(runtime: Runtime, message_id: int) -> Prepared | None:
    async with write_scope(runtime.settings, None) as session:
        return await claim_and_decide_in(session, message_id, runtime.clock.now())


async def claim_and_decide_in(session: AsyncSession, message_id: int, now: datetime) -> Prepared | None:
    """Claim the row (pending/held → sending, one more attempt) and decide at ``now`` whether it may go, inside
    the caller's write transaction: ``advance_run`` claims the rows it creates in its own (one transaction per
    event instead of two). Returns what to send, or None (not due, claimed elsewhere, skipped, held …)."""
    connection = await session.connection()
    row = (await fast_sql.execute(connection, _CLAIM, {"message": message_id, "now": now})).first()
    if row is None:
        return None
    people = {"clinic": row.clinic_id, "patient": row.patient_id, "run": row.run_id}
    found = (await fast_sql.execute(connection, _PEOPLE, people)).first()
    return await _decide(session, message_id, row, found, now)


async def decide_new_in(
    session: AsyncSession, message_id: int, row: Any, found: Any, ledger: Mapping[str, bool | None], now: datetime
) -> Prepared | None:
    """:func:`claim_and_decide_in` for a row the caller's transaction has just inserted already claimed
    (``sending``, attempt 1: nobody else can have seen it): ``row`` holds its inserted values and ``id``,
    ``found`` what ``_PEOPLE`` would read (the run's world has it) and ``ledger`` the patient's consents, so
    nothing is read back. The decision and what it records are the same."""
    return await _decide(session, message_id, row, found, now, ledger)


async def _decide(
    session: AsyncSession,
    message_id: int,
    row: Any,
    found: Any,
    now: datetime,
    ledger: Mapping[str, bool | None] | None = None,
) -> Prepared | None:
    """Decide a claimed row (``row``: its columns after the claim; ``found``: the ``_PEOPLE`` columns)."""
    connection = await session.connection()

    async def settle(status: str, reason: str | None, claimed_at: datetime | None, due_at: datetime) -> Prepared | None:
        if row.error_code == UNCERTAIN and status != "pending" and found is not None and found.clinic_id:
            return _to_ask(row, found, (status, reason, due_at))  # it may be at the provider: ask first
        values = {"new_status": status, "new_reason": reason, "new_claimed_at": claimed_at, "new_due_at": due_at}
        # Not sent, so not an attempt: a held row's morning claim is a first send, not a resumed one.
        values["new_attempts"] = row.attempts - 1
        await fast_sql.execute(connection, _SET, {"message": message_id, "new_kind": row.kind, **values})
        return None

    if found is None or found.clinic_id is None:
        return await settle("skipped", "환자 정보가 없습니다 / the patient no longer exists", now, row.due_at)
    # The workflow's lifecycle (storage/workflows/lifecycle.py): a paused workflow's row goes back untouched
    # (the scheduler leaves it until resumed); an archived workflow's or a stopped run's row is cancelled.
    if found.workflow_status == "paused":
        await settle("pending", row.reason, None, row.due_at)  # a held row re-decides at its claim anyway
        return None
    if found.workflow_status == "archived" or found.run_status == "cancelled":
        stopped = "실행이 중지되었습니다 / the run was stopped"
        return await settle("cancelled", stopped, None, row.due_at)
    channel = CHANNELS.get(row.channel)
    if channel is None:  # a row written for a channel no provider can send: recorded, never crashes the worker
        error = {"code": UNKNOWN_CHANNEL, "error": unknown_channel(row.channel)}
        await fast_sql.execute(connection, _FAIL, {"message": message_id, **error})
        return None
    approved = await approved_texts(session, row.clinic_id) if row.channel == "alimtalk" else None
    clinic = clinic_view(SimpleNamespace(name=found.clinic_name, settings=found.clinic_settings), approved)
    decision = decide(
        channel=channel,
        purpose=row.purpose,
        consents=ledger if ledger is not None else await consent_ledger(connection, found.id),
        opted_out=found.opted_out,
        has_phone=bool(found.phone),
        now=now,
        clinic_settings=clinic,
    )
    if decision.action == "skip":
        return await settle("skipped", decision.reason, None, row.due_at)
    if decision.action == "hold":
        assert decision.until is not None
        return await settle("held", decision.reason, None, decision.until)
    repeated = await duplicate_reason(connection, row, now, clinic)
    if repeated is not None:
        return await settle("skipped", repeated, None, row.due_at)
    # The patient may receive it: now the clinic's side (approved template, opt-out number), runtime/send_gate.py
    refused = refusal(channel=row.channel, purpose=row.purpose, text=row.text, template=row.template, clinic=clinic)
    if refused is not None:
        return await settle("skipped", refused, None, row.due_at)
    kind = kind_for(channel, row.text)
    if row.kind != kind:  # rows written by advance_run carry their kind already: no second write
        await fast_sql.execute(
            connection,
            _SET,
            {
                "message": message_id,
                "new_status": "sending",
                "new_reason": row.reason,
                "new_claimed_at": now,
                "new_due_at": row.due_at,
                "new_kind": kind,
                "new_attempts": row.attempts,
            },
        )
    failover = row.failover or {}
    message = OutboundMessage(
        key=row.key,
        kind=kind,
        purpose="advertising" if row.purpose == "advertising" else "informational",
        to=found.phone or "",
        sender=str(clinic.get("sender_number") or ""),
        text=row.text,
        subject=row.subject if kind == "lms" else None,
        template_code=row.template,
        variables=dict(row.variables or {}),
        sender_key=str(clinic.get("kakao_sender_key") or "") or None,
        failover_text=None if not failover or not clinic.get("provider_failover") else failover.get("text"),
        buttons=tuple(Button(str(b["name"]), str(b["url"])) for b in row.buttons or ()) if channel.rich else (),
        image_url=row.image_url if channel.rich else None,
        handle=row.provider_handle,
        resume=row.attempts > 1,  # an earlier claim may have reached the provider: ask it first
    )
    return Prepared(message, row.clinic_id, clinic, row.attempts)


def _to_ask(row: Any, found: Any, unsent: tuple[str, str | None, datetime]) -> Prepared:
    """The claim of an uncertain row the rules will not send: only its handle and key matter to the provider."""
    clinic = clinic_view(SimpleNamespace(name=found.clinic_name, settings=found.clinic_settings))
    message = OutboundMessage(
        key=row.key,
        kind=row.kind or resolve_kind(row.channel, row.text) or "sms",
        purpose="advertising" if row.purpose == "advertising" else "informational",
        to=found.phone or "",
        sender=str(clinic.get("sender_number") or ""),
        text=row.text,
        template_code=row.template,
        handle=row.provider_handle,
        resume=True,
    )
    return Prepared(message, row.clinic_id, clinic, row.attempts, unsent)


async def _record_result(runtime: Runtime, message_id: int, result: SendResult, prepared: Prepared) -> list[int]:
    now = runtime.clock.now()
    if result.accepted:  # the common case: one guarded, prebuilt UPDATE, committed with its neighbours' (group commit)
        delivered = result.state == "delivered"
        values = {
            "message": message_id,
            "provider": result.provider,
            "new_status": "delivered" if delivered else "sent",
            "provider_message_id": result.provider_message_id,
            "sent_at": now,
            "delivered_at": now if delivered else None,
            "cost_krw": rate_for(prepared.clinic, result.provider, prepared.message.kind),  # the ledger's price
        }
        await batched_write(runtime.settings, _SENT, values)  # no match: another attempt of this row finished first
        if prepared.attempt > 1:  # a retry went through: the provider is back, its backed-off rows are due
            release = {"clinic": prepared.clinic_id, "failed_provider": result.provider, "now": now}
            await batched_write(runtime.settings, _RELEASE, release)  # with its neighbours' (hundreds after an outage)
        return []
    async with write_scope(runtime.settings, None) as session:
        row = await session.get(OutboxMessage, message_id)
        if row is None or row.status != "sending":
            return []  # a sweeper handed it out again and that attempt finished first
        if prepared.probe_due is not None and (result.uncertain or result.retriable):
            _give_back(row, result, prepared)
            return []
        row.provider = result.provider
        row.claimed_at = None
        row.error_code, row.error_message = result.error_code, result.error_message
        if result.uncertain:  # maybe accepted: never failed; the next attempt asks the provider (resume)
            row.status = "pending"
            row.error_code = UNCERTAIN  # what went wrong stays in error_message (e.g. "HTTP 500", "ReadTimeout")
            row.due_at = now + timedelta(seconds=retry_delay_s(row.attempts))
            return []
        if result.retriable and row.attempts < MAX_ATTEMPTS:
            row.status = "pending"
            row.due_at = now + timedelta(seconds=retry_delay_s(row.attempts))
            return []
        row.status = "failed"
        return await _failover(session, row, now)


def _give_back(row: OutboxMessage, result: SendResult, prepared: Prepared) -> None:
    """A probe the provider still failed: pending again with the attempt given back and its own next try where it
    was (uncertain when the request may have got through: the next try asks first). Left alone when another
    attempt has claimed the row meanwhile (the sweeper handed it out again)."""
    assert prepared.probe_due is not None
    if row.attempts != prepared.attempt:
        return
    row.status, row.claimed_at, row.attempts, row.due_at = "pending", None, row.attempts - 1, prepared.probe_due
    row.provider = result.provider
    row.error_code = UNCERTAIN if result.uncertain else result.error_code
    row.error_message = result.error_message


async def _failover(session: AsyncSession, row: OutboxMessage, now: datetime) -> list[int]:
    """A message whose channel has a failover (AlimTalk → SMS, by the channel table) gets it once when it
    failed: its own row keyed ``<key>:failover``."""
    channel = CHANNELS.get(row.channel)
    if channel is None or channel.failover is None or not row.failover or row.parent_id is not None:
        return []
    text = row.failover.get("text") or row.text
    child = OutboxMessage(
        clinic_id=row.clinic_id,
        key=f"{row.key}:failover",
        run_id=row.run_id,
        node_id=row.node_id,
        parent_id=row.id,
        patient_id=row.patient_id,
        channel=channel.failover,
        purpose=row.purpose,
        text=text,
        status="pending",
        due_at=now,
        claimed_at=now,
    )
    try:
        async with session.begin_nested():
            session.add(child)
    except IntegrityError:  # the failover row already exists: it was created by an earlier report
        return []
    return [child.id]


async def process_report(runtime: Runtime, report: DeliveryReport) -> list[int]:
    """Apply one delivery report (late, repeated or out of order); fail over when Kakao could not deliver."""
    return await process_reports(runtime, [report])


async def process_reports(runtime: Runtime, reports: list[DeliveryReport]) -> list[int]:
    """Apply delivery reports in one transaction. Returns failover outbox ids to deliver."""
    if not reports:
        return []
    now = runtime.clock.now()
    follow_ups: list[int] = []
    async with write_scope(runtime.settings, None) as session:
        for report in reports:
            follow_ups += await _apply_report(session, report, now)
    return follow_ups


async def _apply_report(session: AsyncSession, report: DeliveryReport, now: datetime) -> list[int]:
    query = select(OutboxMessage).where(
        OutboxMessage.provider == report.provider,
        OutboxMessage.provider_message_id == report.provider_message_id,
    )
    row = (await session.execute(query)).scalars().first()
    if row is None or row.status in FINAL:
        return []
    if report.state == "delivered":
        row.status, row.delivered_at = "delivered", report.at
        return []
    if report.state != "failed":
        return []
    row.status = "failed"
    row.error_code, row.error_message = report.error_code, report.error_message
    if report.failover_sent:
        row.reason = "제공사가 문자로 대체 발송했습니다 / the provider already resent it by SMS"
        return []
    return await _failover(session, row, now)
