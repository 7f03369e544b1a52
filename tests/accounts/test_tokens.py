"""API tokens: hashed, scoped to a clinic and to listed actions, revocable, use recorded."""

from __future__ import annotations

import asyncio
from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import event, select
from sqlalchemy.engine import Engine

from storage.accounts.authenticate import _look_up, flush_token_uses
from storage.accounts.tokens import digest
from storage.config import Settings
from storage.db import session_scope
from storage.models import ApiToken, AuditEntry
from storage.models.base import utcnow
from tests.conftest import ClientAs


async def test_token_is_stored_hashed_and_limited_to_its_actions(
    client: AsyncTestClient[Litestar], anonymous_client: AsyncTestClient[Litestar], settings: Settings
) -> None:
    # Given a manager creates a token that may only read workflows
    made = await client.post("/api/tokens", json={"name": "EMR 연동", "permissions": ["workflow.read"]})
    assert made.status_code == 201, made.text
    secret = made.json()["token"]
    assert secret.startswith("df_")
    # Then only its digest is stored, and the list never shows the secret
    async with session_scope(settings, None) as db:
        row = (await db.execute(select(ApiToken))).scalar_one()
        assert secret not in (row.token_hash, row.prefix)
    listed = (await client.get("/api/tokens")).json()["tokens"]
    assert "token" not in listed[0] and listed[0]["last_used_at"] is None
    # When a machine uses it, Then reads work without CSRF, writes it was not given are refused
    bearer = {"Authorization": f"Bearer {secret}"}
    assert (await anonymous_client.get("/api/workflows", headers=bearer)).status_code == 200
    denied = await anonymous_client.post(
        "/api/workflows",
        headers=bearer,
        json={"format": "doctorsflow.workflow/v1", "name": "x", "nodes": [], "edges": []},
    )
    assert denied.status_code == 403 and denied.json()["errors"][0]["code"] == "permission_denied"
    # And its use is recorded: last used time and address at once, and audit entries counting every use
    # (written once a minute per token, and when the process stops: here flushed by hand)
    listed = (await client.get("/api/tokens")).json()["tokens"]
    assert listed[0]["last_used_at"] is not None
    async with session_scope(settings, None) as db:  # no write per request: one entry for the minute's first use
        assert len((await db.execute(select(AuditEntry).where(AuditEntry.action == "token.use"))).all()) == 1
    await flush_token_uses(settings)
    async with session_scope(settings, None) as db:
        uses = (await db.execute(select(AuditEntry).where(AuditEntry.action == "token.use"))).scalars().all()
        assert sum(u.detail["count"] for u in uses) == 2
        assert {u.target for u in uses} == {f"token:{made.json()['id']}"}


async def test_revoked_or_wrong_token_is_401(
    client: AsyncTestClient[Litestar], anonymous_client: AsyncTestClient[Litestar]
) -> None:
    made = (await client.post("/api/tokens", json={"name": "n", "permissions": ["run.read", "workflow.read"]})).json()
    bearer = {"Authorization": f"Bearer {made['token']}"}
    assert (await anonymous_client.get("/api/workflows", headers=bearer)).status_code == 200
    assert (await client.delete(f"/api/tokens/{made['id']}")).status_code == 204
    assert (await anonymous_client.get("/api/workflows", headers=bearer)).status_code == 401
    wrong = {"Authorization": "Bearer df_not-a-real-token"}
    assert (await anonymous_client.get("/api/workflows", headers=wrong)).status_code == 401
    assert (await anonymous_client.get("/api/workflows", headers={"Authorization": "Basic abc"})).status_code == 401


async def test_tokens_cannot_exceed_their_creator_or_manage_tokens_without_leave(
    client: AsyncTestClient[Litestar], client_as: ClientAs
) -> None:
    # A token may not hold platform rights or unknown actions
    beyond = await client.post("/api/tokens", json={"name": "n", "permissions": ["clinic.admin"]})
    assert beyond.status_code == 403
    unknown = await client.post("/api/tokens", json={"name": "n", "permissions": ["everything"]})
    assert unknown.status_code == 400 and unknown.json()["errors"][0]["path"] == "/permissions"
    # Staff may not manage tokens at all
    staff = await client_as("staff")
    assert (await staff.get("/api/tokens")).status_code == 403


async def test_a_token_acts_only_in_its_clinic(
    client: AsyncTestClient[Litestar], client_as: ClientAs, anonymous_client: AsyncTestClient[Litestar]
) -> None:
    # Given a workflow in clinic A and a token of clinic B
    doc = {"format": "doctorsflow.workflow/v1", "name": "A의 흐름", "nodes": [], "edges": []}
    workflow_id = (await client.post("/api/workflows", json=doc)).json()["id"]
    other = await client_as("manager", clinic="clinic-b")
    secret = (await other.post("/api/tokens", json={"name": "b", "permissions": ["workflow.read"]})).json()["token"]
    bearer = {"Authorization": f"Bearer {secret}"}
    # Then the token sees none of clinic A's workflows
    assert (await anonymous_client.get(f"/api/workflows/{workflow_id}", headers=bearer)).status_code == 404
    assert (await anonymous_client.get("/api/workflows", headers=bearer)).json()["workflows"] == []


async def test_look_ups_in_flight_share_one_token_read(client: AsyncTestClient[Litestar], settings: Settings) -> None:
    # Given a token no request has used yet (so not in this process's short cache)
    made = (await client.post("/api/tokens", json={"name": "emr", "permissions": ["run.read"]})).json()
    reads: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if "WHERE api_tokens.token_hash = " in statement:  # the look-up (not the once-a-minute use record)
            reads.append(statement)

    event.listen(Engine, "before_cursor_execute", count)
    try:
        # When twenty requests of one event loop look it up at once (the cache entry expired under load)
        found = await asyncio.gather(*(_look_up(settings, digest(made["token"]), utcnow()) for _ in range(20)))
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    # Then all find it, after one read of the database (not one per request)
    assert {f.id if f else None for f in found} == {made["id"]}
    assert len(reads) == 1
