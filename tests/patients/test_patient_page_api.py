"""What the patient page and patients without an account rely on: one patient's runs and messages, and the
clinic's privacy policy at a public address."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from litestar import Litestar
from litestar.testing import AsyncTestClient

from storage.accounts.guards import route_requirement
from storage.config import Settings
from storage.db import session_scope
from storage.models import OutboxMessage
from tests.conftest import ClientAs

Client = AsyncTestClient[Litestar]
EXAMPLES = Path(__file__).parents[2] / "examples"
EVENT = {
    "type": "appointment.booked",
    "external_id": "naver-8812",
    "occurred_at": "2026-12-01T09:00:00+09:00",
    "patient": {"chart_no": "A-1001", "name": "김민지", "phone": "010-1234-5678"},
    "appointment": {"id": "apt-77", "starts_at": "2026-12-03T14:30:00+09:00", "procedure": "cataract"},
}


async def _booked_patient(client: Client) -> tuple[int, int]:
    document = json.loads((EXAMPLES / "appointment-reminder-d1.json").read_text("utf-8"))
    workflow_id = (await client.post("/api/workflows", json=document)).json()["id"]
    assert (await client.post(f"/api/workflows/{workflow_id}/publish")).status_code == 201
    assert (await client.post("/api/events", json=EVENT)).status_code == 201
    found = (await client.post("/api/patients/search", json={"q": "A-1001"})).json()["patients"]
    return int(found[0]["id"]), int(workflow_id)


async def test_patient_activity_lists_this_patients_runs_and_messages_only(
    client: Client, settings: Settings, client_as: ClientAs
) -> None:
    # Given a booked patient with one run, and a message of that run in the outbox
    patient_id, workflow_id = await _booked_patient(client)
    other = {
        **EVENT,
        "external_id": "naver-9",
        "patient": {"chart_no": "B-2", "name": "이준호", "phone": "01099998888"},
    }
    assert (await client.post("/api/events", json=other)).status_code == 201
    run_id = (await client.get(f"/api/patients/{patient_id}/activity")).json()["runs"][0]["id"]
    async with session_scope(settings, 1) as session:
        session.add(
            OutboxMessage(
                key=f"{run_id}:remind",
                run_id=run_id,
                node_id="remind",
                patient_id=patient_id,
                channel="alimtalk",
                purpose="informational",
                text="김민지님, 내일 예약이 있습니다.",
                due_at=datetime(2026, 12, 2, 1, tzinfo=UTC),
            )
        )
    # When the patient page asks for the activity
    answer = await client.get(f"/api/patients/{patient_id}/activity")
    # Then it holds this patient's run (with its workflow's name) and message, not the other patient's
    assert answer.status_code == 200
    runs, messages = answer.json()["runs"], answer.json()["messages"]
    assert [(r["workflow_id"], r["id"]) for r in runs] == [(workflow_id, run_id)]
    assert runs[0]["workflow_name"] and runs[0]["status"]
    assert [(m["node"], m["status"], m["text"]) for m in messages] == [
        ("remind", "pending", "김민지님, 내일 예약이 있습니다.")
    ]
    # And a reviewer (no patient data) is refused, a manager of another clinic finds nothing
    reviewer = await client_as("reviewer")
    assert (await reviewer.get(f"/api/patients/{patient_id}/activity")).status_code == 403
    stranger = await client_as("manager", clinic="clinic-b")
    assert (await stranger.get(f"/api/patients/{patient_id}/activity")).status_code == 404


async def test_privacy_policy_is_public_per_clinic_and_the_old_address_still_needs_a_log_in(
    app: Litestar, client: Client, anonymous_client: Client
) -> None:
    # Given a patient without an account (anonymous)
    # When they open the clinic's public policy address, in Korean and in English
    page = await anonymous_client.get("/privacy/default")
    api = await anonymous_client.get("/api/privacy-policy/default", params={"lang": "en"})
    # Then they read it
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "개인정보 처리방침" in page.text
    assert api.status_code == 200 and "privacy policy" in api.text
    # And an unknown clinic or language is a clear error, not a 500
    missing = await anonymous_client.get("/api/privacy-policy/no-such-clinic")
    assert missing.status_code == 404 and missing.json()["errors"][0]["code"] == "not_found"
    assert (await anonymous_client.get("/privacy/no-such-clinic")).status_code == 404
    assert (await anonymous_client.get("/api/privacy-policy/default", params={"lang": "fr"})).status_code == 400
    # And the old addresses stay for logged-in staff only
    assert (await anonymous_client.get("/api/privacy-policy")).status_code == 401
    assert (await client.get("/privacy")).status_code == 200
    assert (await client.get("/api/privacy-policy")).status_code == 200
    # And the route table declares the public route PUBLIC (the route matrix skips it as public)
    handler = app.route_handler_method_map["/api/privacy-policy/{clinic_slug:str}"]["GET"]
    requirement = route_requirement(handler, app.state.route_permissions)
    assert requirement is not None and requirement.public
