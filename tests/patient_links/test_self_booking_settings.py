"""The clinic turns its self-booking page on or off and sets its hours and slot length on the settings page
(``GET|PUT /api/self-booking``); the public page follows; bad input is refused field by field, nothing saved."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st
from litestar import Litestar
from litestar.testing import AsyncTestClient

from runtime.clock import SEOUL
from runtime.patient_links import self_booking
from runtime.patient_links.slots import open_slots
from storage.errors import ApiError
from tests.conftest import ClientAs
from tests.support.clients import AppClients

Client = AsyncTestClient[Litestar]
ONLY_WEDNESDAY = {
    "enabled": True,
    "hours": {"mon": None, "tue": None, "wed": ["10:00", "11:00"], "thu": None, "fri": None, "sat": None, "sun": None},
    "step_minutes": 60,
}


async def test_defaults_then_hours_and_off(client: Client, app_clients: AppClients, client_as: ClientAs) -> None:
    shown = (await client.get("/api/self-booking")).json()
    assert shown["enabled"] is True and shown["step_minutes"] == 30
    assert shown["hours"]["mon"] == ["09:00", "17:30"] and shown["hours"]["sun"] is None
    assert shown["url"].endswith("/p/book/default")
    # Bad input: every field named, nothing saved
    bad = await client.put(
        "/api/self-booking",
        json={"enabled": "yes", "hours": {"mon": ["18:00", "09:00"], "xyz": ["09:00", "10:00"]}, "step_minutes": 7},
    )
    assert bad.status_code == 422
    assert sorted(e["path"] for e in bad.json()["errors"]) == ["/enabled", "/hours/mon", "/hours/xyz", "/step_minutes"]
    assert (await client.get("/api/self-booking")).json() == shown
    # Only Wednesdays 10:00 and 11:00
    saved = await client.put("/api/self-booking", json=ONLY_WEDNESDAY)
    assert saved.status_code == 200, saved.text
    assert saved.json()["hours"]["wed"] == ["10:00", "11:00"] and saved.json()["step_minutes"] == 60
    public = app_clients.new()
    page = await public.get("/p/book/default")
    times = set(re.findall(r"<option value=\"[^\"]+\"\s*>([^<]+)</option>", page.text))
    assert times and times <= {"오전 10:00", "오전 11:00"}, times
    assert "(수)" in page.text and "(월)" not in page.text
    # Off: the page says so (with the clinic's phone) and takes no booking
    await client.put("/api/self-booking", json={**ONLY_WEDNESDAY, "enabled": False})
    closed = await public.get("/p/book/default")
    assert closed.status_code == 404 and "온라인 예약을 받지 않습니다" in closed.text
    refused = await public.post("/p/book/default", data={"slot": "x", "name": "김", "phone": "010-1111-2222"})
    assert refused.status_code == 404
    # Reception may read the settings but not change them
    staff = await client_as("staff")
    assert (await staff.get("/api/self-booking")).status_code == 200
    assert (await staff.put("/api/self-booking", json=ONLY_WEDNESDAY)).status_code == 403


def test_the_slot_length_is_respected() -> None:
    now = datetime(2026, 12, 5, 0, 0, tzinfo=UTC)  # Saturday 09:00 in Seoul
    settings = {"self_booking": {"hours": {"mon": ["09:00", "10:00"]}, "step_minutes": 20}}
    slots = open_slots(settings, now, [])
    assert [s.strftime("%H:%M") for s in slots[:4]] == ["09:00", "09:20", "09:40", "10:00"]
    assert {s.astimezone(SEOUL).weekday() for s in slots} == {0} and len(slots) == 8  # two Mondays in 14 days


times = st.from_regex(r"([01]\d|2[0-3]):[0-5]\d", fullmatch=True)


@given(st.tuples(times, times), st.sampled_from([15, 20, 30, 60, 0, 45, True]))
def test_any_window_is_accepted_exactly_when_it_is_in_order(window: tuple[str, str], step: object) -> None:
    body = {"hours": {"tue": list(window)}, "step_minutes": step}
    try:
        parsed = self_booking.parse(body)
    except ApiError as exc:
        paths = {p.path for p in exc.problems}
        assert paths <= {"/hours/tue", "/step_minutes"} and paths
        assert ("/hours/tue" in paths) == (window[0] >= window[1])
        assert ("/step_minutes" in paths) == (step not in (15, 20, 30, 60) or step is True)
        return
    assert window[0] < window[1] and parsed["hours"]["tue"] == list(window) and parsed["hours"]["mon"] is None
