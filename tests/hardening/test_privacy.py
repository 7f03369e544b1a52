"""Reads of many patients' messages are masked and audited."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select

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
