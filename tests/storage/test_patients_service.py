from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.patients.service import current_consents, normalize_mobile, record_consent, upsert_patient


@given(st.sampled_from(["010", "011", "016", "017", "018", "019"]), st.integers(1000, 9999), st.integers(1000, 9999))
def test_mobile_numbers_normalise_from_every_usual_spelling(prefix: str, mid: int, last: int) -> None:
    digits = f"{prefix}{mid}{last}"
    for spelling in (digits, f"{prefix}-{mid}-{last}", f"+82 {prefix[1:]} {mid} {last}", f"({prefix}) {mid}.{last}"):
        assert normalize_mobile(spelling) == digits


def test_landlines_and_garbage_are_not_mobile_numbers() -> None:
    for raw in ("02-123-4567", "031-1234-5678", "1588-1234", "", "abc", "010-12"):
        assert normalize_mobile(raw) is None


async def test_upsert_finds_by_chart_then_phone_and_ledger_latest_wins(settings: Settings) -> None:
    async with session_scope(settings, 1) as session:
        first = await upsert_patient(session, chart_no="A-1", name="김민지", phone="010-1234-5678")
        again = await upsert_patient(session, chart_no=None, name=None, phone="01012345678")
        assert again.id == first.id and again.name == "김민지"
        await record_consent(
            session,
            first,
            purpose="marketing",
            granted=True,
            method="paper",
            occurred_at=datetime(2026, 1, 1, tzinfo=UTC),
        )
        await record_consent(
            session,
            first,
            purpose="marketing",
            granted=False,
            method="optout",
            occurred_at=datetime(2026, 2, 1, tzinfo=UTC),
        )
        assert await current_consents(session, first.id) == {"treatment": False, "marketing": False, "night_ads": False}
    await dispose_engines()
