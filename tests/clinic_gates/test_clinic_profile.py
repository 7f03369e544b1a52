"""The clinic profile (issue 15 item 3): GET|PUT /api/clinic, its checks, audit, permissions and the CLI."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from litestar import Litestar
from litestar.testing import AsyncTestClient

from nodes.phone_numbers import format_phone, normalise_phone, normalise_toll_free
from server import main
from storage.clinic_profile.service import parse_profile
from storage.config import Settings
from storage.errors import ApiError
from tests.conftest import ClientAs

pytestmark = pytest.mark.gates
Client = AsyncTestClient[Litestar]

FULL = {
    "name": "밝은눈안과의원",
    "phone": "02-123-4567",
    "address": "서울특별시 강남구 테헤란로 1",
    "map_url": "https://map.naver.com/p/entry/place/123",
    "optout_number": "080 500 1234",
    "sender_numbers": ["02-123-4567", "010-9876-5432"],
    "kakao_channel": "@밝은눈안과",
    "business_hours": {"mon": "09:00-18:00", "sat": "9:00 ~ 13:00", "sun": ""},  # written as people do
    "holidays": ["2026-12-25", "2027-01-01"],
    "privacy_officer": {"name": "박보호", "phone": "02-123-4568", "email": "privacy@clinic.kr"},
    "night_windows": {"sms_start": "20:30", "friendtalk_start": "20:00", "end": "08:30"},
    "signoff_required_for_ads": True,
}


async def test_a_new_clinic_has_an_empty_profile_and_requires_signoff_for_ads(client: Client) -> None:
    response = await client.get("/api/clinic")
    assert response.status_code == 200, response.text
    body = response.json()
    assert {
        "name",
        "phone",
        "address",
        "optout_number",
        "sender_numbers",
        "business_hours",
        "privacy_officer",
        "night_windows",
        "signoff_required_for_ads",
    } <= set(body)
    assert (body["phone"], body["optout_number"], body["sender_numbers"]) == ("", "", [])
    assert body["signoff_required_for_ads"] is True
    assert body["night_windows"] == {"sms_start": "21:00", "friendtalk_start": "20:00", "end": "08:00"}


async def test_put_saves_every_field_normalised_and_audits_the_field_names(client: Client) -> None:
    response = await client.put("/api/clinic", json=FULL)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["optout_number"] == "080-500-1234"  # written the way people read it
    assert body["sender_numbers"] == ["02-123-4567", "010-9876-5432"]
    assert body["business_hours"]["sat"] == "09:00-13:00" and body["night_windows"]["end"] == "08:30"
    assert (await client.get("/api/clinic")).json() == body
    # a partial PUT changes only what it holds
    partial = await client.put("/api/clinic", json={"phone": "031-555-1234"})
    assert partial.json()["phone"] == "031-555-1234" and partial.json()["address"] == FULL["address"]
    entries = (await client.get("/api/audit?action=clinic.update")).json()["entries"]
    assert entries[0]["detail"]["fields"] == ["phone"]
    assert "박보호" not in json.dumps(entries, ensure_ascii=False)  # names of fields, never values


@pytest.mark.parametrize(
    ("body", "path"),
    [
        ({"phone": "12-34"}, "/phone"),
        ({"optout_number": "02-123-4567"}, "/optout_number"),  # an opt-out line must be 080 toll-free
        ({"sender_numbers": ["010-1234-5678", "010-1234-5678"]}, "/sender_numbers/1"),
        ({"business_hours": {"mon": "18:00-09:00"}}, "/business_hours/mon"),
        ({"holidays": ["2026-13-01"]}, "/holidays/0"),
        ({"night_windows": {"sms_start": "22:00"}}, "/night_windows/sms_start"),  # narrower than the law
        ({"night_windows": {"end": "07:00"}}, "/night_windows/end"),
        ({"privacy_officer": {"email": "not-an-email"}}, "/privacy_officer/email"),
        ({"signoff_required_for_ads": "yes"}, "/signoff_required_for_ads"),
        ({"name": ""}, "/name"),
        ({"favourite_colour": "blue"}, "/favourite_colour"),
        ({"map_url": "javascript:alert(1)"}, "/map_url"),
    ],
)
async def test_a_bad_field_is_a_422_naming_it_and_nothing_changes(client: Client, body: dict, path: str) -> None:
    before = (await client.get("/api/clinic")).json()
    response = await client.put("/api/clinic", json={"address": "바뀌면 안 됨", **body})
    assert response.status_code == 422, response.text
    errors = response.json()["errors"]
    assert path in {e["path"] for e in errors}
    assert all(" / " in e["message"] for e in errors)  # Korean first, then English
    assert (await client.get("/api/clinic")).json() == before


async def test_staff_and_reviewers_read_the_profile_but_only_managers_change_it(client_as: ClientAs) -> None:
    for role in ("staff", "reviewer"):
        other = await client_as(role)
        assert (await other.get("/api/clinic")).status_code == 200
        assert (await other.put("/api/clinic", json={"phone": "02-123-4567"})).status_code == 403


def test_the_cli_shows_and_sets_the_profile(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DOCTORSFLOW_DATA_DIR", str(settings.data_dir))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    args = ["clinic", "set", "--phone", "02-123-4567", "--optout-number", "0805001234", "--format", "json"]
    assert main([*args, "--sender-number", "010-1234-5678"]) == 0
    assert json.loads(capsys.readouterr().out)["optout_number"] == "080-500-1234"
    assert main(["clinic", "set", "--optout-number", "1588-1234", "--format", "json"]) == 1
    [error] = json.loads(capsys.readouterr().out)["errors"]
    assert error["path"] == "/optout_number"
    assert main(["clinic", "show", "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["optout_number"], shown["sender_numbers"]) == ("080-500-1234", ["010-1234-5678"])


# -- properties of the number checks ------------------------------------------------------------------------
@given(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=9999))
def test_every_080_number_round_trips_and_is_toll_free(middle: int, last: int) -> None:
    text = f"080-{middle:03d}-{last:04d}"
    digits = normalise_toll_free(text)
    assert digits == f"080{middle:03d}{last:04d}" and format_phone(digits) == text
    assert normalise_phone(text) == digits


@given(st.text(max_size=30))
def test_any_text_is_a_number_or_a_422_never_a_crash(text: str) -> None:
    try:
        _, settings = parse_profile({"phone": text, "optout_number": text})
    except ApiError as exc:
        assert {e.path for e in exc.problems} <= {"/phone", "/optout_number"}
    else:
        assert settings["phone"] == "" or normalise_phone(settings["phone"]) is not None
        assert settings["optout_number"] == "" or settings["optout_number"].startswith("080-")
