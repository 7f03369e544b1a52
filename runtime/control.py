"""Staff stopping what the runtime would do: stop one run, cancel or retry one message. Each is a guarded
UPDATE (compare-and-set), so a worker's claim and a click never both win: a message already handed to the
provider (``sending`` or later) can no longer be cancelled, and a cancelled one is never claimed again
(runtime/outbox.py claims only pending/held rows)."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.errors import ApiError, Problem, not_found
from storage.models import OutboxMessage, Run
from storage.models.base import utcnow
from storage.models.outbox import UNCERTAIN
from storage.tenancy import Caller
from storage.workflows.lifecycle import OPEN_OUTBOX, cancel_runs, never_sent, stoppable

STOPPED_BY_STAFF = "직원이 실행을 중지했습니다 / stopped by staff"
CANCELLED_BY_STAFF = "직원이 발송을 취소했습니다 / cancelled by staff"


async def cancel_run(session: AsyncSession, caller: Caller, run_id: int) -> Run:
    """Stop a run: its waits and unsent messages are cancelled. Stopping a stopped run changes nothing;
    a finished run answers 409."""
    run = (await session.execute(select(Run).where(Run.id == run_id))).scalar_one_or_none()
    if run is None:
        raise not_found("실행", "run")
    if run.status == "cancelled":
        return run
    still = await session.execute(select(Run.id).where(Run.id == run.id, stoppable()))
    if still.first() is None:
        raise ApiError(
            409,
            [
                Problem(
                    "run_finished",
                    f"이미 끝난 실행은 중지할 수 없습니다 (상태: {run.status}) / the run has already finished ({run.status})",
                    path="/status",
                )
            ],
        )
    counts = await cancel_runs(session, [run.id], utcnow(), STOPPED_BY_STAFF)
    audit.record(session, caller, "run.cancel", f"run:{run.id}", **counts)
    await session.refresh(run)
    return run


async def cancel_message(session: AsyncSession, caller: Caller, message_id: int) -> OutboxMessage:
    """Cancel one pending or held message; the rest of its run goes on. 409 once it was handed to the provider,
    or while it is uncertain (an earlier attempt may have reached the provider)."""
    row = await _message(session, message_id)
    if row.status == "cancelled":
        return row
    changed = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, never_sent())
        .values(status="cancelled", reason=CANCELLED_BY_STAFF, claimed_at=None)
        .execution_options(synchronize_session=False)
    )
    if not getattr(changed, "rowcount", 0) and row.status in OPEN_OUTBOX and row.error_code == UNCERTAIN:
        raise ApiError(
            409,
            [
                Problem(
                    "message_uncertain",
                    "발송사가 이미 받았을 수 있는 메시지입니다. 실행을 중지하면 발송사에 확인한 뒤 보내지 않았으면"
                    " 취소합니다 / the provider may already have this message; stop its run to have the provider"
                    " asked and the message cancelled if it never arrived",
                    path="/status",
                )
            ],
        )
    if not getattr(changed, "rowcount", 0):
        raise ApiError(
            409,
            [
                Problem(
                    "message_not_pending",
                    f"이미 발송이 시작되었거나 끝난 메시지입니다 (상태: {row.status})"
                    f" / the message is no longer pending ({row.status})",
                    path="/status",
                )
            ],
        )
    audit.record(session, caller, "message.cancel", f"message:{message_id}", run=row.run_id)
    await session.refresh(row)
    return row


async def retry_message(session: AsyncSession, caller: Caller, message_id: int) -> OutboxMessage:
    """Send a skipped message again (e.g. after the patient's number was fixed): back to pending, due now, and
    the send-time rules decide again. Only a skipped message never reached a provider, so only it may retry;
    a run that was stopped stays stopped (409)."""
    row = await _message(session, message_id)
    run = await session.get(Run, row.run_id) if row.run_id is not None else None
    if row.status != "skipped" or (run is not None and run.status == "cancelled"):
        raise ApiError(
            409,
            [
                Problem(
                    "message_not_retriable",
                    f"건너뛴 메시지만 다시 보낼 수 있습니다 (상태: {row.status})"
                    f" / only a skipped message can be retried ({row.status})",
                    path="/status",
                )
            ],
        )
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, OutboxMessage.status == "skipped")
        .values(status="pending", due_at=utcnow(), claimed_at=None, reason=None)
        .execution_options(synchronize_session=False)
    )
    audit.record(session, caller, "message.retry", f"message:{message_id}", run=row.run_id)
    await session.refresh(row)
    return row


async def _message(session: AsyncSession, message_id: int) -> OutboxMessage:
    row = (await session.execute(select(OutboxMessage).where(OutboxMessage.id == message_id))).scalar_one_or_none()
    if row is None:
        raise not_found("메시지", "message")
    return row
