"""The staff screen for patients' reschedule requests: a patient asks from their link (twice: one request), the
clinic sees it listed (masked) with a count for the menu, moves the appointment through the book (an
``appointment.rescheduled`` event: the waiting reminder moves) or dismisses it; another clinic sees nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient

from runtime.patient_links.tokens import make_token
from storage.config import Settings
from tests.conftest import ClientAs
from tests.support.clients import AppClients
from tests.support.documents import example
from tests.support.runtime import publish_document

Client = AsyncTestClient[Litestar]


async def book(client: Client, chart_no: str, day: date) -> dict[str, Any]:
    answer = await client.post(
        "/api/appointments",
        json={
            "patient": {"chart_no": chart_no, "name": "김민지", "phone": "010-1234-5678"},
            "starts_at": f"{day.isoformat()}T14:30",
            "procedure": "라식",
        },
    )
    assert answer.status_code == 201, answer.text
    appointment: dict[str, Any] = answer.json()["appointment"]
    return appointment


async def ask(app_clients: AppClients, appointment_id: int) -> None:
    token = make_token(1, appointment_id, datetime.now(UTC) + timedelta(days=3))
    patient = app_clients.new()
    for _ in range(2):  # a second tap the same day adds nothing
        page = await patient.post(f"/p/{token}", data={"action": "reschedule"})
        assert "변경 요청을 받았습니다" in page.text


async def test_requests_are_listed_rescheduled_through_the_book_or_dismissed(
    client: Client, app_clients: AppClients, settings: Settings, client_as: ClientAs
) -> None:
    reminder = await publish_document(settings, 1, example("appointment-reminder-d1"))
    day = date.today() + timedelta(days=5)
    first = await book(client, "R-1", day)
    second = await book(client, "R-2", day)
    assert (await client.get("/api/reschedule-requests/count")).json() == {"open": 0}
    # When both patients ask to move their appointment from the link
    await ask(app_clients, first["id"])
    await ask(app_clients, second["id"])
    # Then the clinic sees two open requests, the patients masked
    assert (await client.get("/api/reschedule-requests/count")).json() == {"open": 2}
    listed = (await client.get("/api/reschedule-requests")).json()
    assert listed["open"] == 2 and [r["appointment"]["id"] for r in listed["requests"]] == [first["id"], second["id"]]
    request = listed["requests"][0]
    assert request["status"] == "open" and request["appointment"]["patient"]["name"] == "김*지"
    assert request["appointment"]["procedure_name"] == "라식"
    # A bad time is refused naming the field, and nothing changes
    bad = await client.post(f"/api/reschedule-requests/{request['id']}/reschedule", json={"starts_at": "내일"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["path"] == "/starts_at"
    assert (await client.get("/api/reschedule-requests/count")).json() == {"open": 2}
    # When reception moves the first one to the next day through the book
    moved = await client.post(
        f"/api/reschedule-requests/{request['id']}/reschedule",
        json={"starts_at": f"{(day + timedelta(days=1)).isoformat()}T10:00"},
    )
    assert moved.status_code == 200, moved.text
    answer = moved.json()
    assert answer["request"]["status"] == "rescheduled" and answer["request"]["resolved_by"]
    assert answer["request"]["original_starts_at"].startswith(f"{day.isoformat()}T14:30")  # the time asked about
    assert answer["request"]["appointment"]["starts_at"].startswith(f"{(day + timedelta(days=1)).isoformat()}T10:00")
    assert [e["type"] for e in answer["events"]] == ["appointment.rescheduled"]
    # The appointment's history shows the move; its D-1 reminder run is the same run (waits follow the time)
    detail = (await client.get(f"/api/appointments/{first['id']}")).json()
    assert [r["workflow_id"] for r in detail["run_list"]] == [reminder]
    assert [e["type"] for e in detail["events"]][-1] == "appointment.rescheduled"
    # Handling it twice is refused; the second is dismissed
    again = await client.post(f"/api/reschedule-requests/{request['id']}/dismiss")
    assert again.status_code == 409 and again.json()["errors"][0]["code"] == "already_resolved"
    other_id = listed["requests"][1]["id"]
    dismissed = await client.post(f"/api/reschedule-requests/{other_id}/dismiss")
    assert dismissed.status_code == 200 and dismissed.json()["request"]["status"] == "dismissed"
    assert (await client.get("/api/reschedule-requests/count")).json() == {"open": 0}
    handled = (await client.get("/api/reschedule-requests", params={"status": "rescheduled"})).json()
    assert [r["id"] for r in handled["requests"]] == [request["id"]]
    assert (await client.get("/api/reschedule-requests", params={"status": "x"})).status_code == 400
    # Another clinic sees none of it and cannot act on it
    other = await client_as("manager", clinic="other")
    assert (await other.get("/api/reschedule-requests")).json() == {"requests": [], "open": 0}
    assert (await other.post(f"/api/reschedule-requests/{other_id}/dismiss")).status_code == 404


async def test_a_cancelled_appointment_cannot_be_moved_from_its_request(
    client: Client, app_clients: AppClients
) -> None:
    appointment = await book(client, "R-3", date.today() + timedelta(days=4))
    await ask(app_clients, appointment["id"])
    (request,) = (await client.get("/api/reschedule-requests")).json()["requests"]
    cancelled = await client.patch(f"/api/appointments/{appointment['id']}", json={"status": "cancelled"})
    assert cancelled.status_code == 200
    refused = await client.post(
        f"/api/reschedule-requests/{request['id']}/reschedule", json={"starts_at": "2030-01-01T10:00"}
    )
    assert refused.status_code == 409 and refused.json()["errors"][0]["code"] == "appointment_closed"
    assert (await client.post(f"/api/reschedule-requests/{request['id']}/dismiss")).status_code == 200
