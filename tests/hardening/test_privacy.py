"""Reads of many patients' messages are masked and audited."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select

from runtime.channels.sandbox import SandboxChannel
from runtime.context import Runtime
from storage.config import Settings
from storage.db import session_scope
from storage.models import AuditEntry
from tests.patients.test_runtime_at_rest import cataract_and_cancellation


async def test_the_message_list_masks_names_and_is_audited(
    client: AsyncTestClient[Litestar], rt: Runtime, clinic_id: int, settings: Settings
) -> None:
    # Given runs that sent messages to 김민지
    await cataract_and_cancellation(rt, clinic_id)
    # When staff list the messages
    answer = await client.get("/api/messages")
    messages = answer.json()["messages"]
    assert answer.status_code == 200 and messages
    # Then no text shows the name or number, and the read is in the audit log
    assert all("김민지" not in m["text"] and "010-1234-5678" not in m["text"] for m in messages)
    assert any("김*지" in m["text"] for m in messages)
    async with session_scope(settings, None) as session:
        actions = [e.action for e in (await session.execute(select(AuditEntry))).scalars()]
    assert "message.list" in actions


async def test_the_run_list_is_audited_like_the_message_list(
    client: AsyncTestClient[Litestar], rt: Runtime, clinic_id: int, settings: Settings
) -> None:
    # Found by the probe: GET /api/runs names each run's patient (masked) and its workflow (e.g. a post-op
    # course: health information) but left no audit entry, while the message list did
    await cataract_and_cancellation(rt, clinic_id)
    answer = await client.get("/api/runs")
    runs = answer.json()["runs"]
    assert answer.status_code == 200 and runs
    assert all(run["patient"]["name"] != "김민지" for run in runs)
    async with session_scope(settings, None) as session:
        entries = [e for e in (await session.execute(select(AuditEntry))).scalars() if e.action == "run.list"]
    assert len(entries) == 1 and entries[0].detail == {"results": len(runs)}


async def test_the_sandbox_journal_holds_no_name_or_number_in_clear(rt: Runtime, clinic_id: int, tmp_path: Any) -> None:
    # Given runs that sent messages through the sandbox channel with a journal on disk
    await cataract_and_cancellation(rt, clinic_id)
    files = list((tmp_path / "sandbox").glob("sbx-*.json"))
    assert files
    # Then no journal file holds the name or the number, and the channel still reads its records back
    for path in files:
        raw = path.read_text("utf-8")
        assert "김민지" not in raw and "01012345678" not in raw and "1234-5678" not in raw
    channel = SandboxChannel(journal=tmp_path / "sandbox", clock=rt.clock)
    assert any("김민지" in record.text for record in channel.records())


async def test_the_appointment_panel_masks_the_patient_in_message_texts_too(
    client_as: Any, rt: Runtime, clinic_id: int
) -> None:
    # Given runs that texted 김민지 about her appointments (a post-op course, a cancellation notice)
    await cataract_and_cancellation(rt, clinic_id)
    staff = await client_as("staff")
    book = await staff.get("/api/appointments", params={"from": "2026-11-01", "to": "2026-12-31"})
    ids = [a["id"] for a in book.json()["appointments"]]
    # When the front desk opens each appointment
    details = [(await staff.get(f"/api/appointments/{i}")).json() for i in ids]
    texts = [m["text"] for d in details for m in d["message_list"]]
    # Then the texts mask her as the panel's header does (김*지), never the full name or number
    assert texts and all(d["patient"]["name"] == "김*지" for d in details)
    assert all("김민지" not in t and "010-1234-5678" not in t and "01012345678" not in t for t in texts)
    assert any("김*지" in t for t in texts)
