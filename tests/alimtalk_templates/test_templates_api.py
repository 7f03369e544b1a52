"""The AlimTalk template API on a real migrated SQLite database: library, copies, review lifecycle."""

from __future__ import annotations

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

# The template lifecycle itself: the clinic starts without approved copies of the library (tests/support/clinic.py).
pytestmark = pytest.mark.own_templates

Client = AsyncTestClient[Litestar]
BASE = "/api/alimtalk-templates"


async def test_library_lists_the_shipped_templates(client: Client) -> None:
    response = await client.get(f"{BASE}/library")
    assert response.status_code == 200
    codes = {t["code"] for t in response.json()["templates"]}
    assert {"POSTOP_CATARACT_D1", "APPT_REMINDER_D1", "SUTURE_REMOVAL_REMINDER"} <= codes


async def test_copy_submit_approve_and_an_approved_text_never_changes(client: Client) -> None:
    # Given the clinic copies a library template: a draft
    copied = await client.post(f"{BASE}/library/POSTOP_CATARACT_D1/copy")
    assert copied.status_code == 201 and copied.json()["status"] == "draft"
    # When it is submitted and approved
    assert (await client.post(f"{BASE}/POSTOP_CATARACT_D1/submit")).json()["status"] == "submitted"
    assert (await client.post(f"{BASE}/POSTOP_CATARACT_D1/approve")).json()["status"] == "approved"
    original = (await client.get(f"{BASE}/POSTOP_CATARACT_D1")).json()
    # And its text is edited
    edited = await client.put(f"{BASE}/POSTOP_CATARACT_D1", json={"text": original["text"] + "\n감사합니다."})
    # Then a new draft exists under a new code, and the approved one is unchanged
    assert edited.status_code == 200
    assert (edited.json()["code"], edited.json()["status"], edited.json()["version"]) == (
        "POSTOP_CATARACT_D1_V2",
        "draft",
        2,
    )
    assert (await client.get(f"{BASE}/POSTOP_CATARACT_D1")).json() == original
    approved = (await client.get(BASE, params={"status": "approved"})).json()["templates"]
    assert [t["code"] for t in approved] == ["POSTOP_CATARACT_D1"]


async def test_rejection_keeps_the_reason_and_an_edit_returns_to_draft(client: Client) -> None:
    body = {
        "code": "CUSTOM_NOTICE",
        "name": "휴진 안내",
        "category": "appointment",
        "text": "#{이름}님, #{날짜} 예약하신 진료가 휴진으로 변경되었습니다. 문의: #{병원전화}",
    }
    assert (await client.post(BASE, json=body)).status_code == 201
    await client.post(f"{BASE}/CUSTOM_NOTICE/submit")
    missing_reason = await client.post(f"{BASE}/CUSTOM_NOTICE/reject", json={})
    assert missing_reason.status_code == 422 and missing_reason.json()["errors"][0]["path"] == "/reason"
    rejected = await client.post(f"{BASE}/CUSTOM_NOTICE/reject", json={"reason": "정보성 문구 보완 필요"})
    assert (rejected.json()["status"], rejected.json()["rejection_reason"]) == ("rejected", "정보성 문구 보완 필요")
    edited = await client.put(f"{BASE}/CUSTOM_NOTICE", json={"name": "휴진에 따른 예약 변경 안내"})
    assert (edited.json()["code"], edited.json()["status"], edited.json()["rejection_reason"]) == (
        "CUSTOM_NOTICE",
        "draft",
        None,
    )


async def test_bad_input_gets_a_clear_error_and_changes_nothing(client: Client) -> None:
    cases = [
        ({"name": "x", "text": "y", "category": "care"}, 422, "/code"),
        ({"code": "X_1", "name": "x", "text": "y", "category": "sales"}, 422, "/category"),
        ({"code": "bad code", "name": "x", "text": "y", "category": "care"}, 422, ""),
        ({"code": "X_2", "name": "x", "text": "y", "category": "care", "buttons": [{"type": "WL"}]}, 422, "/buttons/0"),
    ]
    for body, status, path in cases:
        response = await client.post(BASE, json=body)
        assert response.status_code == status, body
        assert response.json()["errors"][0]["path"] == path and " / " in response.json()["errors"][0]["message"]
    assert (await client.get(BASE)).json()["templates"] == []
    assert (await client.get(f"{BASE}/NOPE")).status_code == 404
    assert (await client.post(f"{BASE}/library/NOPE/copy")).status_code == 404
    assert (await client.get(BASE, params={"status": "nope"})).status_code == 422


async def test_lifecycle_steps_out_of_order_are_refused(client: Client) -> None:
    await client.post(f"{BASE}/library/APPT_REMINDER_D1/copy")
    assert (await client.post(f"{BASE}/library/APPT_REMINDER_D1/copy")).status_code == 409
    refused = await client.post(f"{BASE}/APPT_REMINDER_D1/approve")
    assert refused.status_code == 409 and refused.json()["errors"][0]["code"] == "template_state"
    await client.post(f"{BASE}/APPT_REMINDER_D1/submit")
    assert (await client.put(f"{BASE}/APPT_REMINDER_D1", json={"text": "x"})).status_code == 409


async def test_approved_for_sending_is_only_the_clinics_approved_templates(settings: object) -> None:
    from storage.alimtalk_templates import store
    from storage.config import Settings
    from storage.db import dispose_engines, session_scope
    from storage.migrate import ensure_default_clinic
    from storage.tenancy import Caller

    assert isinstance(settings, Settings)
    clinic = await ensure_default_clinic(settings)
    caller = Caller(clinic_id=clinic)
    async with session_scope(settings, clinic) as session:
        # issue 15: library originals are never sendable, a fresh clinic has nothing approved
        assert await store.approved_for_sending(session) == {}
        await store.copy_from_library(session, caller, "APPT_REMINDER_D1")
        # a draft copy is not sendable until Kakao approves it
        assert await store.approved_for_sending(session) == {}
        await store.transition(session, caller, "APPT_REMINDER_D1", "submit")
        await store.transition(session, caller, "APPT_REMINDER_D1", "approve")
        own = await store.approved_for_sending(session)
        assert set(own) == {"APPT_REMINDER_D1"} and own["APPT_REMINDER_D1"]["text"].startswith("[#{병원명}]")
    await dispose_engines()
