"""The appointment book and procedure catalogue over HTTP, on a real migrated SQLite database: every change goes
through the event ingest, so workflows start as they would from a webhook."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient

from storage.config import Settings
from tests.support.documents import example
from tests.support.runtime import publish_document

Client = AsyncTestClient[Litestar]


async def book(client: Client, **body: Any) -> dict[str, Any]:
    response = await client.post("/api/appointments", json=body)
    assert response.status_code == 201, response.text
    answer: dict[str, Any] = response.json()
    return answer


async def test_create_list_and_status_changes_go_through_the_ingest(client: Client, settings: Settings) -> None:
    # Given the D-1 reminder and the cataract post-op workflows are published
    reminder = await publish_document(settings, 1, example("appointment-reminder-d1"))
    postop = await publish_document(settings, 1, example("cataract-postop"))
    # When reception books a cataract surgery, written in Korean, for a new patient
    created = await book(
        client,
        patient={"chart_no": "A-2001", "name": "박서준", "phone": "010-2222-3333"},
        starts_at="2026-12-08T14:30",
        procedure="백내장 수술",
        doctor="김원장",
    )
    appointment = created["appointment"]
    assert isinstance(appointment, dict)
    # Then the appointment is booked with the catalogue code, and the reminder run started
    assert (appointment["procedure"], appointment["procedure_name"], appointment["status"]) == (
        "cataract",
        "백내장 수술",
        "booked",
    )
    assert appointment["starts_at"] == "2026-12-08T14:30:00+09:00"
    assert [r["workflow_id"] for r in appointment["run_list"]] == [reminder]
    # And the day's list (DESIGN shape) shows it with its masked patient
    answer = await client.get("/api/appointments", params={"from": "2026-12-08", "to": "2026-12-08"})
    assert answer.status_code == 200, answer.text
    listed = answer.json()
    (row,) = listed["appointments"]
    assert {"id", "external_id", "patient", "starts_at", "procedure", "status"} <= set(row)
    assert row["patient"]["chart_no"] == "A-2001" and row["patient"]["name"] != "박서준" and row["runs"] == 1
    # When she marks the surgery done (attended): the procedure completes and the post-op run starts
    done = await client.patch(f"/api/appointments/{row['id']}", json={"status": "attended"})
    assert done.status_code == 200, done.text
    detail = done.json()["appointment"]
    assert detail["status"] == "completed"
    assert sorted(r["workflow_id"] for r in detail["run_list"]) == sorted([reminder, postop])
    # And the same PATCH again changes nothing
    again = await client.patch(f"/api/appointments/{row['id']}", json={"status": "completed"})
    assert again.json()["events"] == [] and len(again.json()["appointment"]["run_list"]) == 2


async def test_reschedule_and_cancel(client: Client) -> None:
    created = await book(client, patient={"phone": "010-4444-5555", "name": "이하늘"}, starts_at="2026-12-09T10:00")
    appointment_id = created["appointment"]["id"]
    moved = await client.patch(f"/api/appointments/{appointment_id}", json={"starts_at": "2026-12-10T11:00+09:00"})
    assert [e["type"] for e in moved.json()["events"]] == ["appointment.rescheduled"]
    assert moved.json()["appointment"]["starts_at"] == "2026-12-10T11:00:00+09:00"
    cancelled = await client.patch(f"/api/appointments/{appointment_id}", json={"status": "cancelled"})
    assert cancelled.json()["appointment"]["status"] == "cancelled"
    filtered = await client.get(
        "/api/appointments", params={"from": "2026-12-10", "to": "2026-12-10", "status": "booked"}
    )
    assert filtered.json()["appointments"] == []


async def test_unknown_procedure_is_flagged_on_the_appointment_and_warned(client: Client) -> None:
    created = await book(client, patient={"chart_no": "A-3001"}, starts_at="2026-12-08T09:00", procedure="각막이식")
    (event,) = created["events"]
    assert [w["code"] for w in event["warnings"]] == ["unknown_procedure"]
    assert created["appointment"]["procedure_unknown"] is True


async def test_bad_input_is_a_specific_4xx_and_changes_nothing(client: Client) -> None:
    missing = await client.post("/api/appointments", json={"patient": {"chart_no": "A-1"}, "starts_at": "내일"})
    assert missing.status_code == 422 and missing.json()["errors"][0]["path"] == "/starts_at"
    no_patient = await client.post("/api/appointments", json={"starts_at": "2026-12-08T09:00"})
    assert no_patient.status_code == 422
    bad_range = await client.get("/api/appointments", params={"from": "2026-12-08", "to": "2026-01-01"})
    assert bad_range.status_code == 400
    assert (await client.get("/api/appointments", params={"from": "2026-12-01", "to": "2026-12-31"})).json() == {
        "appointments": []
    }
    assert (await client.patch("/api/appointments/999", json={"status": "attended"})).status_code == 404


async def test_procedure_catalogue_defaults_edit_and_refusals(client: Client) -> None:
    catalogue = (await client.get("/api/procedures")).json()
    assert catalogue["customised"] is False and catalogue["attended_completes_procedure"] is True
    cataract = next(p for p in catalogue["procedures"] if p["code"] == "cataract")
    assert cataract["kind"] == "surgery" and "백내장" in cataract["synonyms"]
    # A clinic adds its own procedure and turns completion by attending off
    mine = [
        *catalogue["procedures"],
        {"code": "cornea", "name_ko": "각막이식", "name_en": "Cornea", "kind": "surgery", "synonyms": []},
    ]
    saved = await client.put("/api/procedures", json={"procedures": mine, "attended_completes_procedure": False})
    assert saved.status_code == 200 and saved.json()["customised"] is True
    assert saved.json()["attended_completes_procedure"] is False
    created = await book(client, patient={"chart_no": "A-3002"}, starts_at="2026-12-08T09:00", procedure="각막 이식")
    assert created["appointment"]["procedure"] == "cornea"
    # Two procedures claiming one name are refused, naming the entry; nothing changes
    clash = [*mine, {"code": "cornea2", "name_ko": "각막이식", "name_en": "", "kind": "visit", "synonyms": []}]
    refused = await client.put("/api/procedures", json={"procedures": clash})
    assert refused.status_code == 422 and refused.json()["errors"][0]["code"] == "duplicate_name"
    assert len((await client.get("/api/procedures")).json()["procedures"]) == len(mine)


async def test_import_in_the_browser_previews_then_imports(client: Client) -> None:
    from tests.appointments.exports import DAY1, cp949

    files = {"file": ("예약.csv", cp949(DAY1), "text/csv")}
    preview = await client.post("/api/appointments/import", files=files, data={"dry_run": "true"})
    assert preview.status_code == 200, preview.text
    assert list(preview.json()) == [
        "rows",
        "created",
        "rescheduled",
        "cancelled",
        "attended",
        "no_show",
        "unchanged",
        "errors",
        "warnings",
    ]
    listed = await client.get("/api/appointments", params={"from": "2026-12-01", "to": "2026-12-31"})
    assert listed.json()["appointments"] == []  # the preview wrote nothing
    done = await client.post("/api/appointments/import", files=files)
    assert done.json()["created"] == preview.json()["created"]
    unreadable = await client.post("/api/appointments/import", files={"file": ("x.xls", b"\xd0\xcf\x11\xe0", "x")})
    assert unreadable.status_code == 422 and unreadable.json()["errors"][0]["code"] == "unsupported_format"


async def test_a_cancelled_appointment_can_be_booked_again(client: Client) -> None:
    created = await book(client, patient={"chart_no": "A-4001"}, starts_at="2026-12-09T10:00")
    appointment_id = created["appointment"]["id"]
    await client.patch(f"/api/appointments/{appointment_id}", json={"status": "cancelled"})
    again = await client.patch(f"/api/appointments/{appointment_id}", json={"status": "booked"})
    assert again.status_code == 200, again.text
    assert again.json()["appointment"]["status"] == "booked"
    unknown = await client.patch(f"/api/appointments/{appointment_id}", json={"status": "done", "colour": "red"})
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["path"] == "/colour"


async def test_the_book_moves_a_visit_along_its_course_only(client: Client) -> None:
    """A cancelled visit is booked again before it is confirmed or attended; a completed procedure is final."""
    created = await book(client, patient={"chart_no": "A-4101"}, starts_at="2026-12-09T10:00")
    appointment_id = created["appointment"]["id"]
    assert "booked" not in created["appointment"]["next_statuses"]
    cancelled = (await client.patch(f"/api/appointments/{appointment_id}", json={"status": "cancelled"})).json()
    assert cancelled["appointment"]["next_statuses"] == ["booked"]
    for status in ("confirmed", "attended", "completed", "no_show"):
        refused = await client.patch(f"/api/appointments/{appointment_id}", json={"status": status})
        assert refused.status_code == 409, refused.text
        (problem,) = refused.json()["errors"]
        assert problem["code"] == "status_not_allowed" and problem["path"] == "/status"
        assert problem["message"].startswith("'취소' 상태의 예약은") and "다시 예약" in problem["message"]
    unchanged = (await client.get(f"/api/appointments/{appointment_id}")).json()
    assert (
        unchanged["status"] == "cancelled" and [e["type"] for e in unchanged["events"]][-1] == "appointment.cancelled"
    )
    again = (await client.patch(f"/api/appointments/{appointment_id}", json={"status": "booked"})).json()
    assert again["appointment"]["status"] == "booked"
    done = (await client.patch(f"/api/appointments/{appointment_id}", json={"status": "completed"})).json()
    assert done["appointment"]["status"] == "completed" and done["appointment"]["next_statuses"] == []
    final = await client.patch(f"/api/appointments/{appointment_id}", json={"status": "cancelled"})
    assert final.status_code == 409 and "(가능: 없음)" in final.json()["errors"][0]["message"]


async def test_dates_out_of_range_are_a_clear_4xx(client: Client) -> None:
    far = await client.post("/api/appointments", json={"patient": {"chart_no": "A-5"}, "starts_at": "0001-01-01T00:00"})
    assert far.status_code == 422 and far.json()["errors"][0]["path"] == "/starts_at"
    listed = await client.get("/api/appointments", params={"from": "0001-01-01", "to": "0001-01-02"})
    assert listed.status_code == 400 and listed.json()["errors"][0]["path"] == "from"


async def test_another_clinic_sees_and_changes_nothing(client: Client, client_as: Any) -> None:
    created = await book(client, patient={"chart_no": "A-6001", "name": "남궁민"}, starts_at="2026-12-08T10:00")
    appointment_id = created["appointment"]["id"]
    patient_id = created["appointment"]["patient"]["id"]
    other = await client_as("manager", clinic="other")
    listed = await other.get("/api/appointments", params={"from": "2026-12-08", "to": "2026-12-08"})
    assert listed.json() == {"appointments": []}
    assert (await other.get(f"/api/appointments/{appointment_id}")).status_code == 404
    assert (await other.patch(f"/api/appointments/{appointment_id}", json={"status": "cancelled"})).status_code == 404
    stolen = await other.post("/api/appointments", json={"patient_id": patient_id, "starts_at": "2026-12-08T11:00"})
    assert stolen.status_code == 422
    assert (await client.get(f"/api/appointments/{appointment_id}")).json()["status"] == "booked"
    # A staff member may read and change the book but not the catalogue; a reviewer sees no appointments
    staff = await client_as("staff")
    assert (await staff.get("/api/procedures")).status_code == 200
    assert (await staff.put("/api/procedures", json={"procedures": []})).status_code == 403
    reviewer = await client_as("reviewer")
    assert (await reviewer.get("/api/appointments")).status_code == 403
