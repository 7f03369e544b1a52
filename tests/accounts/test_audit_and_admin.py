"""The audit log API (managers only, filtered, paged, no personal data) and the platform admin's clinics."""

from __future__ import annotations

import json

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from storage import audit
from storage.config import Settings
from storage.db import session_scope
from storage.tenancy import Caller
from tests.conftest import ClientAs

DOC = {"format": "doctorsflow.workflow/v1", "name": "x", "nodes": [], "edges": []}


async def test_manager_reads_the_audit_log_with_filters_and_pages(
    client: AsyncTestClient[Litestar], client_as: ClientAs
) -> None:
    # Given some actions in the clinic
    for _ in range(3):
        assert (await client.post("/api/workflows", json=DOC)).status_code == 201
    await client.post("/api/auth/login", json={"email": "nobody@clinic.kr", "password": "wrong password"})
    # When the manager filters by action and pages two at a time
    first = (await client.get("/api/audit", params={"action": "workflow.create", "limit": 2})).json()
    assert [e["action"] for e in first["entries"]] == ["workflow.create"] * 2
    assert first["next_before_id"] is not None
    second = (
        await client.get("/api/audit", params={"action": "workflow.create", "before_id": first["next_before_id"]})
    ).json()
    assert len(second["entries"]) == 1 and second["next_before_id"] is None
    # Then each entry says who, when and from where — and nothing personal
    entry = first["entries"][0]
    assert entry["actor"].startswith("user:") and entry["at"] and entry["ip"]
    everything = json.dumps((await client.get("/api/audit", params={"limit": 500})).json(), ensure_ascii=False)
    assert "nobody@clinic.kr" not in everything
    # And staff and reviewers may not read it
    assert (await (await client_as("staff")).get("/api/audit")).status_code == 403
    assert (await (await client_as("reviewer")).get("/api/audit")).status_code == 403


async def test_audit_refuses_personal_data_in_detail(settings: Settings) -> None:
    async with session_scope(settings, 1) as db:
        with pytest.raises(ValueError, match="personal"):
            audit.record(db, Caller(clinic_id=1, actor="user:1"), "patient.read", "patient:9", phone="01012345678")


async def test_platform_admin_creates_a_clinic_with_a_first_manager_and_sees_no_clinic_data(
    client: AsyncTestClient[Litestar], client_as: ClientAs, anonymous_client: AsyncTestClient[Litestar]
) -> None:
    assert (await client.post("/api/workflows", json=DOC)).status_code == 201
    admin = await client_as("platform_admin")
    # When the platform admin creates a clinic with its manager
    made = await admin.post(
        "/api/clinics",
        json={"slug": "gangnam-eye", "name": "강남안과", "manager": {"email": "boss@gangnam.kr", "name": "원장"}},
    )
    assert made.status_code == 201, made.text
    link = made.json()["manager"]["setup_token"]
    # Then the manager sets a password once through the link and lands in the new, empty clinic
    used = await anonymous_client.post("/api/auth/set-password", json={"token": link, "password": "a long password 1"})
    assert used.status_code == 200
    me = (await anonymous_client.get("/api/auth/me")).json()
    assert me["clinic"]["slug"] == "gangnam-eye" and me["role"] == "manager"
    assert (await anonymous_client.get("/api/workflows")).json()["workflows"] == []
    # And the platform admin reads no clinic's data
    assert (await admin.get("/api/workflows")).status_code == 403
    assert (await admin.get("/api/audit")).status_code == 403
    # And a duplicate slug or a bad one is a clear 4xx
    again = await admin.post("/api/clinics", json={"slug": "gangnam-eye", "name": "x"})
    assert again.status_code == 409 and again.json()["errors"][0]["code"] == "slug_taken"
    bad = await admin.post("/api/clinics", json={"slug": "../x", "name": "x"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["path"] == "/slug"


async def test_manager_adds_staff_who_cannot_publish(client: AsyncTestClient[Litestar]) -> None:
    made = await client.post("/api/users", json={"email": "nurse@clinic.kr", "name": "간호사", "role": "staff"})
    assert made.status_code == 201 and made.json()["setup_token"]
    listed = (await client.get("/api/users")).json()["users"]
    assert {u["email"] for u in listed} >= {"nurse@clinic.kr"}
    escalate = await client.post("/api/users", json={"email": "x@clinic.kr", "name": "x", "role": "platform_admin"})
    assert escalate.status_code == 403
