"""The runtime's HTTP API on a real app and SQLite: events in, history out, simulate."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient

from runtime.events import validate_event
from tests.support.documents import BOOKED, event, example


async def _publish(client: AsyncTestClient[Litestar], document: dict[str, Any]) -> int:
    created = await client.post("/api/workflows", json=document)
    assert created.status_code == 201, created.text
    workflow_id = int(created.json()["id"])
    published = await client.post(f"/api/workflows/{workflow_id}/publish")
    assert published.status_code == 201, published.text
    return workflow_id


async def test_event_starts_a_run_and_a_repeat_answers_200(client: AsyncTestClient[Litestar]) -> None:
    # Given a published D-1 reminder
    workflow_id = await _publish(client, example("appointment-reminder-d1"))
    payload = event("appointment.booked", "naver-8812", appointment=BOOKED)
    # When the booking is posted twice
    first = await client.post("/api/events", json=payload)
    second = await client.post("/api/events", json=payload)
    # Then one run, 201 then 200 with the same result
    assert first.status_code == 201, first.text
    assert second.status_code == 200
    assert first.json()["runs"] == second.json()["runs"]
    assert second.json()["duplicate"] is True
    runs = (await client.get("/api/runs", params={"workflow_id": workflow_id})).json()["runs"]
    assert len(runs) == 1
    assert runs[0]["patient"] == {"id": runs[0]["patient"]["id"], "name": "김*지", "phone": "010-****-5678"}
    detail = (await client.get(f"/api/runs/{runs[0]['id']}")).json()
    assert [s["node"] for s in detail["steps"]] == ["start"]
    assert detail["event_type"] == "appointment.booked"


async def test_invalid_event_names_the_field_and_writes_nothing(client: AsyncTestClient[Litestar]) -> None:
    # Given an event whose phone is not a mobile number and whose appointment lacks its time
    payload = event("appointment.booked", "x-1", phone="02-123-4567", appointment={"id": "apt-1"})
    # When it is posted
    answer = await client.post("/api/events", json=payload)
    # Then 422 names the path, and no run exists
    assert answer.status_code == 422
    paths = {e["path"] for e in answer.json()["errors"]}
    assert "/appointment/starts_at" in paths
    assert (await client.get("/api/runs")).json()["runs"] == []
    wrong_type = await client.post("/api/events", json={**payload, "type": "appointment.exploded"})
    assert wrong_type.status_code == 422
    assert wrong_type.json()["errors"][0]["path"] == "/type"
    not_object = await client.post("/api/events", json=[1, 2])
    assert not_object.status_code == 422


async def test_simulate_answers_the_design_shape(client: AsyncTestClient[Litestar]) -> None:
    # Given the cataract example and a completed cataract surgery
    payload = event(
        "procedure.completed",
        "emr-1",
        appointment={"id": "a", "starts_at": "2026-12-01T14:00:00+09:00", "procedure": "cataract"},
    )
    # When it is simulated for 10 days
    answer = await client.post(
        "/api/simulate", json={"workflow": example("cataract-postop"), "event": payload, "days": 10}
    )
    # Then three AlimTalks at 10:00 with +09:00 offsets
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert set(body) == {"messages", "skipped"}
    assert [m["at"] for m in body["messages"]] == [
        "2026-12-02T10:00:00+09:00",
        "2026-12-04T10:00:00+09:00",
        "2026-12-08T10:00:00+09:00",
    ]
    assert set(body["messages"][0]) == {"at", "node", "channel", "to", "text"}
    assert body["messages"][0]["channel"] == "alimtalk"
    invalid = await client.post("/api/simulate", json={"workflow": {"format": "x"}, "event": payload})
    assert invalid.status_code == 422


async def test_messages_filter_by_status_and_channel(client: AsyncTestClient[Litestar]) -> None:
    answer = await client.get("/api/messages", params={"status": "sent", "channel": "sms", "since": "2026-01-01"})
    assert answer.status_code == 200
    assert answer.json() == {"messages": []}
    bad = await client.get("/api/messages", params={"since": "yesterday"})
    assert bad.status_code == 400
    missing = await client.get("/api/runs/999")
    assert missing.status_code == 404


def test_a_too_long_field_is_named_with_its_limit_and_not_echoed() -> None:
    # found in the user trial: "값이 올바르지 않습니다: '가가가…(all 300)' is too long" — jsonschema's English in the
    # Korean half, the whole value sent back, no limit
    name = "가" * 300
    problems = validate_event(
        {
            "type": "patient.created",
            "external_id": "long-1",
            "occurred_at": "2026-12-01T09:00:00+09:00",
            "patient": {"chart_no": "A-1", "name": name, "phone": "010-1234-5678"},
        }
    )
    assert [p.path for p in problems] == ["/patient/name"]
    korean, _, english = problems[0].message.partition(" / ")
    assert name[:20] not in problems[0].message
    assert "최대" in korean and "is too long" not in korean and "at most" in english


async def test_a_simulated_patients_wrong_field_is_named_in_korean_then_english(
    client: AsyncTestClient[Litestar],
) -> None:
    # The preview's patient went through jsonschema's English: "환자 항목의 값이 올바르지 않습니다: 5 is not of type 'string'"
    payload = event(
        "procedure.completed",
        "emr-2",
        appointment={"id": "b", "starts_at": "2026-12-01T14:00:00+09:00", "procedure": "cataract"},
    )
    answer = await client.post(
        "/api/simulate",
        json={
            "workflow": example("cataract-postop"),
            "event": payload,
            "patient": {"name": 5, "phone": "010-1234-5678"},
        },
    )
    assert answer.status_code == 422, answer.text
    (problem,) = answer.json()["errors"]
    korean, _, english = problem["message"].partition(" / ")
    assert problem["path"] == "/patient/name"
    assert korean.startswith("환자 이름: ") and "is not of type" not in korean
    assert english.startswith("Patient name: ")
