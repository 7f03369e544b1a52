"""End-to-end runtime behaviour on a virtual clock, dispatched in-process (the workers run the same code)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from runtime.clock import SEOUL
from runtime.context import Runtime
from runtime.events import ingest
from runtime.inline import run_until
from storage.db import session_scope
from storage.models import OutboxMessage, Run
from tests.runtime.conftest import START, event, example, publish_document


async def outbox(rt: Runtime) -> list[OutboxMessage]:
    async with session_scope(rt.settings, None) as session:
        return list((await session.execute(select(OutboxMessage).order_by(OutboxMessage.id))).scalars())


async def test_cataract_postop_sends_day_1_3_7_at_ten(rt: Runtime, clinic_id: int) -> None:
    # Given the published cataract post-op workflow
    await publish_document(rt.settings, clinic_id, example("cataract-postop"))
    # When a cataract surgery is completed on 1 December at 15:00
    procedure = {"id": "apt-1", "starts_at": START.isoformat(), "procedure": "cataract"}
    intake = await ingest(rt, clinic_id, event("procedure.completed", "emr-1", appointment=procedure))
    for run_id in intake.advance:
        rt.dispatcher.advance(run_id)
    await run_until(rt, START + timedelta(days=10))
    # Then three AlimTalks went out at 10:00 Seoul on day 1, 3 and 7
    rows = await outbox(rt)
    sent = [(r.node_id, r.kind, r.status, r.sent_at.astimezone(SEOUL)) for r in rows if r.sent_at]
    assert sent == [
        ("care_d1", "alimtalk", "delivered", datetime(2026, 12, 2, 10, 0, tzinfo=SEOUL)),
        ("care_d3", "alimtalk", "delivered", datetime(2026, 12, 4, 10, 0, tzinfo=SEOUL)),
        ("care_d7", "alimtalk", "delivered", datetime(2026, 12, 8, 10, 0, tzinfo=SEOUL)),
    ]
    async with session_scope(rt.settings, None) as session:
        run = (await session.execute(select(Run))).scalar_one()
    assert run.status == "completed"
