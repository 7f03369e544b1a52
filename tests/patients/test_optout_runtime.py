"""End to end with the real runtime: an inbound 수신거부 skips the pending advertisement at send time."""

from __future__ import annotations

from datetime import timedelta

import pytest

from runtime.context import Runtime
from runtime.events import ingest
from runtime.inline import run_until
from storage.db import session_scope
from storage.patients.optout import handle_inbound_optout
from tests.support.documents import MARKETING, START, event
from tests.support.runtime import outbox, publish_document, start


async def test_inbound_optout_skips_the_pending_campaign_message(
    rt: Runtime,
    clinic_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given a patient with marketing consent and an advertisement waiting two days in a run
    await publish_document(rt.settings, clinic_id, MARKETING)
    grant = event(
        "consent.granted", "c-1", at=START - timedelta(days=1), consent={"purpose": "marketing", "method": "kiosk"}
    )
    await ingest(rt, clinic_id, grant)
    await start(
        rt,
        clinic_id,
        event(
            "appointment.booked",
            "b-1",
            appointment={"id": "apt-1", "starts_at": (START + timedelta(days=5)).isoformat()},
        ),
    )
    # When the patient replies 수신거부 a day later (the provider webhook calls the ledger)
    async with session_scope(rt.settings, clinic_id) as session:
        opted = await handle_inbound_optout(session, "+82 10 1234 5678", "수신거부", at=START + timedelta(days=1))
    assert len(opted) == 1
    await run_until(rt, START + timedelta(days=3))
    # Then the advertisement is skipped at send time and never sent
    (row,) = await outbox(rt)
    assert row.status == "skipped" and row.sent_at is None
    assert "마케팅" in (row.reason or "")
