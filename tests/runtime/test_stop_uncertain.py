"""Stopping a message that may already be at the provider (issue 13 with issue 15's lifecycle).

Archiving a workflow or stopping a run cancels what was never sent. A message whose earlier attempt may have
reached the provider (a dropped answer, a 5xx, a worker killed mid-send) is not "never sent": it stays
UNCERTAIN, and its next claim asks the provider about its handle without sending anything — there: sent; not
there: cancelled. Counted at the fake SOLAPI per (recipient, text). Through the real outbox, lifecycle and
database.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from runtime.context import Runtime
from runtime.control import cancel_message, cancel_run
from runtime.events import ingest
from runtime.inline import run_until, settle
from runtime.outbox import deliver
from runtime.runs import advance_run
from storage.db import session_scope
from storage.errors import ApiError
from storage.models import Run, Workflow
from storage.tenancy import Caller
from storage.workflows import lifecycle
from tests.support.documents import START, event, workflow
from tests.support.fakes import SolapiFake
from tests.support.runtime import publish_document, virtual
from tests.support.solapi import use_solapi

from .test_exactly_once import APPOINTMENT, killed_mid_send, one_row, row, uncertain_row


async def archive_all(rt: Runtime, clinic_id: int) -> None:
    async with session_scope(rt.settings, clinic_id) as session:
        caller = Caller(clinic_id=clinic_id, actor="test")
        for found in (await session.execute(Workflow.__table__.select())).all():
            workflow = await session.get(Workflow, found.id)
            assert workflow is not None
            await lifecycle.archive(session, caller, workflow)


async def stop_run_of(rt: Runtime, clinic_id: int, message_id: int) -> Run:
    run_id = (await row(rt, message_id)).run_id
    assert run_id is not None
    async with session_scope(rt.settings, clinic_id) as session:
        return await cancel_run(session, Caller(clinic_id=clinic_id, actor="test"), run_id)


async def test_archiving_while_a_send_is_uncertain_resolves_it_as_sent_without_sending_again(
    rt: Runtime, clinic_id: int, solapi_fake: SolapiFake
) -> None:
    # Given SOLAPI sent a row's message but the connection dropped before the answer (uncertain)
    message_id = await uncertain_row(rt, clinic_id, solapi_fake)
    assert ((await row(rt, message_id)).status, (await row(rt, message_id)).error_code) == ("pending", "UNCERTAIN")
    # When the workflow is archived
    await archive_all(rt, clinic_id)
    # Then the message is not cancelled: it stays uncertain until the provider is asked
    kept = await row(rt, message_id)
    assert (kept.status, kept.error_code) == ("pending", "UNCERTAIN")
    # And its retry asks the group: the message went, so it is recorded sent, never sent again
    await run_until(rt, START + timedelta(minutes=5))
    done = await row(rt, message_id)
    assert done.status == "sent" and done.error_code is None
    assert list(solapi_fake.accepted_counts().values()) == [1]


async def test_stopping_a_run_whose_uncertain_send_never_arrived_cancels_it_without_sending(
    rt: Runtime, clinic_id: int, solapi_fake: SolapiFake
) -> None:
    # Given SOLAPI failing the request that adds the message (HTTP 500, not processed): uncertain, not there
    await use_solapi(rt.settings, clinic_id, solapi_fake)
    message_id = await one_row(rt, clinic_id)
    solapi_fake.failures.pass_next(1)  # the group is created
    solapi_fake.failures.fail_next(1, 500)  # adding the message answers 500 before doing anything
    await deliver(rt, message_id)
    uncertain = await row(rt, message_id)
    assert (uncertain.status, uncertain.error_code) == ("pending", "UNCERTAIN")
    # When staff stop the run
    stopped = await stop_run_of(rt, clinic_id, message_id)
    assert stopped.status == "cancelled"
    assert (await row(rt, message_id)).error_code == "UNCERTAIN"
    # Then its next claim asks SOLAPI, finds the group never sent, and cancels it: nothing reached the patient
    await run_until(rt, START + timedelta(minutes=5))
    done = await row(rt, message_id)
    assert done.status == "cancelled" and done.error_code is None and "중지" in (done.reason or "")
    assert not solapi_fake.accepted_counts()


async def test_a_worker_killed_mid_send_then_archived_is_resolved_by_its_group_not_cancelled(
    rt: Runtime, clinic_id: int, solapi_fake: SolapiFake
) -> None:
    # Given a worker process whose send SOLAPI accepted, killed before it could record the answer
    message_id = await killed_mid_send(rt, clinic_id, solapi_fake)
    # When the workflow is archived (the message is in flight: it keeps going), and the sweeper hands it out
    await archive_all(rt, clinic_id)
    assert (await row(rt, message_id)).status == "sending"
    virtual(rt).advance(rt.stale_after + timedelta(seconds=1))
    await settle(rt)
    # Then the retry asked SOLAPI about the group: sent once, not cancelled
    done = await row(rt, message_id)
    assert done.status == "sent", (done.status, done.reason, done.error_code)
    assert list(solapi_fake.accepted_counts().values()) == [1]


async def test_cancelling_one_uncertain_message_is_refused_until_the_provider_answers(
    rt: Runtime, clinic_id: int, solapi_fake: SolapiFake
) -> None:
    # Given an uncertain message
    message_id = await uncertain_row(rt, clinic_id, solapi_fake)
    # When staff cancel that one message, Then 409: it may already have gone (stopping the run resolves it)
    async with session_scope(rt.settings, clinic_id) as session:
        with pytest.raises(ApiError) as refused:
            await cancel_message(session, Caller(clinic_id=clinic_id, actor="test"), message_id)
    assert refused.value.status_code == 409
    problem = refused.value.problems[0]
    assert problem.code == "message_uncertain" and " / " in problem.message
    assert (await row(rt, message_id)).error_code == "UNCERTAIN"


SMS_THEN_WAIT = workflow(
    [
        {"id": "start", "type": "trigger.appointment_booked"},
        {"id": "note", "type": "send.sms", "params": {"text": "내일 뵙겠습니다", "purpose": "informational"}},
        {"id": "later", "type": "wait.duration", "params": {"days": 1}},
        {"id": "again", "type": "send.sms", "params": {"text": "다시 안내드립니다", "purpose": "informational"}},
    ],
    [("start", "note"), ("note", "later"), ("later", "again")],
)


async def test_a_cancelled_appointment_leaves_an_uncertain_send_to_the_provider_and_stops_the_rest(
    rt: Runtime, clinic_id: int, solapi_fake: SolapiFake
) -> None:
    # Given a run that sent its first SMS (the answer was lost: uncertain) and waits a day for the second
    await use_solapi(rt.settings, clinic_id, solapi_fake)
    await publish_document(rt.settings, clinic_id, SMS_THEN_WAIT)
    booked = event("appointment.booked", "b-1", phone="01055550001", appointment=APPOINTMENT)
    (run_id,) = (await ingest(rt, clinic_id, booked)).advance
    (message_id,) = await advance_run(rt, run_id)
    solapi_fake.after_next_send(drop=True)
    await deliver(rt, message_id)
    assert (await row(rt, message_id)).error_code == "UNCERTAIN"
    # When the appointment is cancelled
    cancelled = event("appointment.cancelled", "c-1", phone="01055550001", appointment=APPOINTMENT)
    await ingest(rt, clinic_id, cancelled)
    kept = await row(rt, message_id)
    assert (kept.status, kept.error_code) == ("pending", "UNCERTAIN")
    # Then the first SMS is resolved as sent (never sent again) and the second is never written
    await run_until(rt, START + timedelta(days=3))
    done = await row(rt, message_id)
    assert done.status == "sent"
    assert list(solapi_fake.accepted_counts().values()) == [1]
    async with session_scope(rt.settings, None) as session:
        run = await session.get(Run, run_id)
        assert run is not None and run.status == "cancelled"


async def test_through_the_api_an_uncertain_message_refuses_cancel_and_its_stopped_run_resolves_it(
    rt: Runtime, clinic_id: int, solapi_fake: SolapiFake, client: AsyncTestClient[Litestar]
) -> None:
    # Given an uncertain message (SOLAPI sent it, the answer was lost)
    message_id = await uncertain_row(rt, clinic_id, solapi_fake)
    # When staff cancel the message: 409 with the reason, in Korean then English
    refused = await client.post(f"/api/messages/{message_id}/cancel")
    assert refused.status_code == 409, refused.text
    (problem,) = refused.json()["errors"]
    assert problem["code"] == "message_uncertain" and "발송사" in problem["message"] and " / " in problem["message"]
    # When they stop its run instead: 200, the run is cancelled, the message waits for the provider's answer
    run_id = (await row(rt, message_id)).run_id
    stopped = await client.post(f"/api/runs/{run_id}/cancel")
    assert stopped.status_code == 200 and stopped.json()["status"] == "cancelled"
    assert (await row(rt, message_id)).error_code == "UNCERTAIN"
    # Then the provider is asked: it went, recorded sent, never sent twice
    await run_until(rt, START + timedelta(minutes=5))
    assert (await row(rt, message_id)).status == "sent"
    assert list(solapi_fake.accepted_counts().values()) == [1]
