"""A refused field of the new-appointment form or an event says which field, its limit and why, in Korean then
English, without sending the value back (found in the user trial: "값이 올바르지 않습니다: '가가가…(all 300)' is
too long"), and a name garbled into U+FFFD is refused as the import refuses undecodable bytes. Real SQLite."""

from __future__ import annotations

from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

Client = AsyncTestClient[Litestar]
LONG = "가" * 300

# jsonschema's own English: never in the Korean half of a message
JSONSCHEMA_ENGLISH = ("is too long", "is too short", "is not of type", "is not one of", "is a required property")


def _halves(problem: dict[str, Any]) -> tuple[str, str]:
    korean, separator, english = str(problem["message"]).partition(" / ")
    assert separator, problem
    return korean, english


async def _refused(client: Client, body: dict[str, Any]) -> dict[str, Any]:
    answer = await client.post("/api/appointments", json=body)
    assert answer.status_code == 422, answer.text
    (problem,) = answer.json()["errors"]
    return dict(problem)


async def _nothing_booked(client: Client) -> None:
    listed = await client.get("/api/appointments", params={"from": "2026-12-01", "to": "2026-12-31"})
    assert listed.json() == {"appointments": []}


@pytest.mark.parametrize(
    ("patient", "extra", "path", "korean_label", "english_label", "limit"),
    [
        ({"chart_no": "A-1", "name": LONG}, {}, "/patient/name", "환자 이름", "Patient name", 100),
        ({"chart_no": "A" * 300, "name": "송하늘"}, {}, "/patient/chart_no", "차트번호", "Chart no.", 64),
        ({"chart_no": "A-1"}, {"doctor": LONG}, "/doctor", "담당의", "Doctor", 100),
        ({"chart_no": "A-1"}, {"procedure": LONG}, "/procedure", "시술", "Procedure", 100),
    ],
)
async def test_a_300_character_field_is_named_with_its_limit_and_not_echoed(
    client: Client,
    patient: dict[str, str],
    extra: dict[str, str],
    path: str,
    korean_label: str,
    english_label: str,
    limit: int,
) -> None:
    problem = await _refused(client, {"patient": patient, "starts_at": "2026-12-08T10:00", **extra})
    korean, english = _halves(problem)
    assert problem["path"] == path
    assert korean.startswith(f"{korean_label}: ") and f"최대 {limit}자" in korean
    assert english.startswith(f"{english_label}: ") and f"at most {limit} characters" in english
    assert not any(phrase in korean for phrase in JSONSCHEMA_ENGLISH)
    assert "가가가" not in problem["message"] and "AAAA" not in problem["message"]
    await _nothing_booked(client)


async def test_a_replacement_character_in_a_name_is_refused_by_the_form_and_the_events_api(client: Client) -> None:
    # A garbled paste leaves U+FFFD where a character was: "송�하늘"
    problem = await _refused(
        client, {"patient": {"chart_no": "S-1", "name": "송\ufffd하늘"}, "starts_at": "2026-12-08T10:00"}
    )
    korean, english = _halves(problem)
    assert problem["path"] == "/patient/name"
    assert korean.startswith("환자 이름: ") and "U+FFFD" in korean and "Patient name" in english
    # The doctor's name too
    problem = await _refused(
        client, {"patient": {"chart_no": "S-1"}, "starts_at": "2026-12-08T10:00", "doctor": "김\ufffd원장"}
    )
    assert problem["path"] == "/doctor"
    await _nothing_booked(client)
    # And an integrator's event is refused the same way, and no patient is created
    event = {
        "type": "patient.created",
        "external_id": "garbled-1",
        "occurred_at": "2026-12-01T09:00:00+09:00",
        "patient": {"chart_no": "S-2", "name": "\ufffd\ufffd\ufffd", "phone": "010-2468-1357"},
    }
    answer = await client.post("/api/events", json=event)
    assert answer.status_code in (400, 422), answer.text
    assert [p["path"] for p in answer.json()["errors"]] == ["/patient/name"]
    found = await client.post("/api/patients/search", json={"q": "S-2"})
    assert found.status_code == 200 and found.json()["patients"] == []


async def test_every_wrong_field_of_the_form_is_named_in_one_answer(client: Client) -> None:
    # found in the user trial: a name, a phone and a doctor all wrong were refused one at a time
    answer = await client.post(
        "/api/appointments",
        json={
            "patient": {"chart_no": "Z-1", "name": LONG, "phone": "010-12"},
            "starts_at": "",
            "doctor": LONG,
        },
    )
    assert answer.status_code == 422, answer.text
    paths = [p["path"] for p in answer.json()["errors"]]
    assert paths == ["/patient/name", "/patient/phone", "/starts_at", "/doctor"]  # as the form lists them
    starts = next(p for p in answer.json()["errors"] if p["path"] == "/starts_at")
    assert starts["message"].startswith("예약 일시: 필요합니다")
    await _nothing_booked(client)
