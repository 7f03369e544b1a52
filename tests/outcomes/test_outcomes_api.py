"""GET /api/outcomes over a seeded year: every figure against the same figure computed from the seed."""

from __future__ import annotations

import asyncio
import copy
import shutil
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select, update

from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.migrate import ensure_default_clinic
from storage.models import Appointment, OutcomeDay
from tests.conftest import make_settings
from tests.outcomes.expected import expected
from tests.support.clinic import ready_clinic
from tests.support.outcomes_seed import Seeded, seed_year

FIRST, LAST = date(2025, 12, 1), date(2026, 11, 30)


@pytest.fixture(scope="module")
def seeded_year(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> tuple[Path, Seeded]:
    """The default clinic, ready to send (as ``clinic_id`` leaves it), and its seeded year, written once per test
    process (~5 s of CPU each time, session 26): a test that asks for ``seeded`` starts from a copy of this file."""
    data_dir = tmp_path_factory.mktemp("outcomes-seed")
    shutil.copy(migrated_template, data_dir / "doctorsflow.db")
    template = make_settings(data_dir)

    async def seed() -> Seeded:
        try:
            clinic = await ensure_default_clinic(template)
            await ready_clinic(template, clinic)
            return await seed_year(template, clinic, FIRST)
        finally:
            await dispose_engines()

    return data_dir / "doctorsflow.db", asyncio.run(seed())


@pytest.fixture
def settings(request: pytest.FixtureRequest, tmp_path: Path, migrated_template: Path) -> Settings:
    """tests/conftest.py's fresh database; for a test that asks for ``seeded``, a copy of the seeded year."""
    seeded = "seeded" in request.fixturenames
    shutil.copy(request.getfixturevalue("seeded_year")[0] if seeded else migrated_template, tmp_path / "doctorsflow.db")
    return make_settings(tmp_path)


@pytest.fixture
def seeded(settings: Settings, seeded_year: tuple[Path, Seeded]) -> Seeded:
    """The seeded year's records, the test's own copy (a test may change one, as it changes the database)."""
    return copy.deepcopy(seeded_year[1])


def check(answer: dict[str, Any], want: dict[str, Any]) -> None:
    funnel = {k: v for k, v in answer["funnel"].items() if k != "delivery_percent"}
    assert funnel == want["funnel"]
    by_channel = {c["channel"]: (c["sent"], c["delivered"]) for c in answer["messages"]["by_channel"]}
    for channel in ("alimtalk", "friendtalk", "sms"):
        assert by_channel[channel] == (want["sent"].get(channel, 0), want["delivered"].get(channel, 0)), channel
    delivered = sum(want["delivered"].values())
    kakao = want["delivered"].get("alimtalk", 0) + want["delivered"].get("friendtalk", 0)
    assert answer["messages"]["kakao_share_percent"] == float(round(Decimal(kakao) / Decimal(delivered) * 100, 1))
    billed, spent, baseline = want["cost"]
    cost = answer["cost"]
    assert cost["messages"] == billed
    assert Decimal(str(cost["spent_krw"])) == spent
    assert Decimal(str(cost["sms_equivalent_krw"])) == baseline
    assert Decimal(str(cost["saving_krw"])) == baseline - spent
    assert answer["time_saved"]["automatic_messages"] == want["auto"]
    assert answer["time_saved"]["minutes"] == want["auto"] * 2
    for key, reminded in (("reminded", True), ("not_reminded", False)):
        group, counts = answer["appointments"][key], want["groups"][reminded]
        for outcome in ("attended", "no_show", "cancelled", "pending"):
            assert group[outcome] == counts[outcome], (key, outcome)
        assert group["rescheduled"] == want["rescheduled"][reminded]
        known = counts["attended"] + counts["no_show"]
        assert group["no_show_rate"] == (round(counts["no_show"] / known, 4) if known else None)
    for outcome in ("attended", "no_show", "cancelled", "pending"):
        assert answer["postop"][outcome] == want["postop"][outcome], outcome
    assert answer["postop"]["enrolled"] == want["enrolled"]
    assert answer["consents"]["opt_outs"] == want["opt_outs"]
    changes = {c["purpose"]: (c["granted"], c["revoked"]) for c in answer["consents"]["changes"]}
    for purpose in ("treatment", "marketing", "night_ads"):
        assert changes[purpose] == (want["granted"][purpose], want["revoked"][purpose])


async def test_a_year_of_figures_match_the_seed(client: AsyncTestClient[Litestar], seeded: Seeded) -> None:
    answer = await client.get("/api/outcomes", params={"from": FIRST.isoformat(), "to": LAST.isoformat()})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    check(body, expected(seeded, FIRST, LAST))
    assert body["series"]["unit"] == "month" and len(body["series"]["points"]) == 12
    assert sum(p["alimtalk"] + p["friendtalk"] + p["sms"] for p in body["series"]["points"]) == body["messages"]["sent"]
    # Reminded appointments were seeded with fewer no-shows (6 % vs 16 %): with a year of them it shows
    comparison = body["appointments"]["comparison"]
    assert comparison["enough"] is True
    assert comparison["ci_high"] < 0 and comparison["ci_low"] < comparison["difference"] < comparison["ci_high"]
    assert "낮습니다" in comparison["verdict"]
    assert {w["name"]: w["postop"] for w in body["workflows"]}["백내장 수술 후 관리"] is True


async def test_one_month_of_one_workflow(client: AsyncTestClient[Litestar], seeded: Seeded) -> None:
    for workflow in (seeded.reminder_workflow, seeded.postop_workflow, seeded.campaign_workflow):
        params = {"from": "2026-03-01", "to": "2026-03-31", "workflow_id": str(workflow)}
        answer = await client.get("/api/outcomes", params=params)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        check(body, expected(seeded, date(2026, 3, 1), date(2026, 3, 31), workflow))
        assert body["workflow"]["id"] == workflow
        assert body["series"]["unit"] == "day" and len(body["series"]["points"]) == 31


async def test_a_period_of_partial_months_reads_kept_months_and_days(
    client: AsyncTestClient[Litestar], seeded: Seeded
) -> None:
    await client.get("/api/outcomes", params={"from": FIRST.isoformat(), "to": LAST.isoformat()})  # keeps months
    for first, last in ((date(2026, 3, 15), date(2026, 6, 20)), (date(2026, 1, 1), date(2026, 4, 30))):
        answer = await client.get("/api/outcomes", params={"from": first.isoformat(), "to": last.isoformat()})
        body = answer.json()
        check(body, expected(seeded, first, last))
        assert body["series"]["unit"] == "month" and len(body["series"]["points"]) == 4


async def test_a_few_days_are_too_few_to_tell(client: AsyncTestClient[Litestar], seeded: Seeded) -> None:
    answer = await client.get("/api/outcomes", params={"from": "2026-03-02", "to": "2026-03-03"})
    body = answer.json()
    check(body, expected(seeded, date(2026, 3, 2), date(2026, 3, 3)))
    comparison = body["appointments"]["comparison"]
    assert comparison["enough"] is False and comparison["difference"] is None
    assert comparison["verdict"] == "아직 판단하기에 예약이 적습니다 / too few appointments to tell yet"


async def test_closed_days_are_kept_and_a_late_change_is_counted_again(
    client: AsyncTestClient[Litestar], settings: Settings, clinic_id: int, seeded: Seeded
) -> None:
    params = {"from": FIRST.isoformat(), "to": LAST.isoformat()}
    started = time.perf_counter()
    first = (await client.get("/api/outcomes", params=params)).json()
    cold = time.perf_counter() - started
    async with session_scope(settings, clinic_id) as session:  # each day, and each month as one row
        assert await session.scalar(select(func.count()).select_from(OutcomeDay)) == 365 + 12
    started = time.perf_counter()
    again = (await client.get("/api/outcomes", params=params)).json()
    warm = time.perf_counter() - started
    assert again == first
    assert warm < cold
    # When staff mark an attended appointment of a closed day as a no-show, weeks later
    booking = next(b for b in seeded.bookings if b.status == "attended" and b.starts_at.month == 5)
    async with session_scope(settings, clinic_id) as session:
        await session.execute(update(Appointment).where(Appointment.id == booking.id).values(status="no_show"))
    booking.status = "no_show"
    changed = (await client.get("/api/outcomes", params=params)).json()
    check(changed, expected(seeded, FIRST, LAST))
    no_shows = sum(changed["appointments"][g]["no_show"] for g in ("reminded", "not_reminded"))
    assert no_shows == sum(first["appointments"][g]["no_show"] for g in ("reminded", "not_reminded")) + 1


async def test_a_clinics_rates_price_all_by_sms_at_todays_rates(
    client: AsyncTestClient[Litestar], seeded: Seeded
) -> None:
    params = {"from": "2026-01-01", "to": "2026-01-31"}
    before = (await client.get("/api/outcomes", params=params)).json()["cost"]
    assert (
        await client.put("/api/costs/rates", json={"rates": {"sandbox": {"sms": 10, "lms": 31}}})
    ).status_code == 200
    after = (await client.get("/api/outcomes", params=params)).json()["cost"]
    assert after["spent_krw"] == before["spent_krw"] or after["sms_equivalent_krw"] > before["sms_equivalent_krw"]
    assert after["sms_equivalent_krw"] > before["sms_equivalent_krw"]
    ledger = (await client.get("/api/costs/ledger", params={"month": "2026-01"})).json()["totals"]
    assert (after["messages"], after["spent_krw"], after["sms_equivalent_krw"]) == (
        ledger["messages"],
        ledger["spent_krw"],
        ledger["sms_equivalent_krw"],
    )


@pytest.mark.parametrize(
    ("params", "code", "path"),
    [
        ({"from": "2026-13-01", "to": "2026-12-01"}, "invalid_date", "/from"),
        ({"from": "2026/01/01", "to": "2026-12-01"}, "invalid_date", "/from"),
        ({"from": "2026-02-30", "to": "2026-03-01"}, "invalid_date", "/from"),
        ({"from": "2026-03-01", "to": "2026-02-01"}, "reversed_range", "/from"),
        ({"from": "2024-01-01", "to": "2026-01-01"}, "range_too_long", "/to"),
        ({"from": "1999-01-01", "to": "1999-02-01"}, "date_out_of_range", "/from"),
        ({"from": "2026-01-01", "to": "2026-01-31", "workflow_id": "abc"}, "invalid_workflow_id", "/workflow_id"),
    ],
)
async def test_bad_periods_are_400_naming_the_parameter(
    client: AsyncTestClient[Litestar], params: dict[str, str], code: str, path: str
) -> None:
    answer = await client.get("/api/outcomes", params=params)
    assert answer.status_code == 400, answer.text
    [problem] = answer.json()["errors"]
    assert (problem["code"], problem["path"]) == (code, path)
    assert " / " in problem["message"]


async def test_an_unknown_workflow_is_404(client: AsyncTestClient[Litestar]) -> None:
    answer = await client.get("/api/outcomes", params={"from": "2026-01-01", "to": "2026-01-31", "workflow_id": "999"})
    assert answer.status_code == 404


async def test_an_empty_clinic_has_zero_figures(client: AsyncTestClient[Litestar]) -> None:
    answer = await client.get("/api/outcomes")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["days"] == 30 and body["messages"]["sent"] == 0 and body["cost"]["saving_percent"] is None


async def test_minutes_per_message_is_a_clinic_setting(client: AsyncTestClient[Litestar], seeded: Seeded) -> None:
    assert (await client.get("/api/outcomes/settings")).json() == {"minutes_per_message": 2.0}
    params = {"from": "2026-02-01", "to": "2026-02-28"}
    auto = (await client.get("/api/outcomes", params=params)).json()["time_saved"]["automatic_messages"]
    saved = await client.put("/api/outcomes/settings", json={"minutes_per_message": 3.5})
    assert saved.status_code == 200, saved.text
    time_saved = (await client.get("/api/outcomes", params=params)).json()["time_saved"]
    assert time_saved["minutes"] == round(auto * 3.5, 1) and time_saved["hours"] == round(auto * 3.5 / 60, 1)
    for bad in (-1, 121, "2", None, True):
        refused = await client.put("/api/outcomes/settings", json={"minutes_per_message": bad})
        assert refused.status_code == 422, bad
        assert refused.json()["errors"][0]["path"] == "/minutes_per_message"
    assert (await client.get("/api/outcomes/settings")).json() == {"minutes_per_message": 3.5}
