"""The same figures on SQLite and PostgreSQL, counted and then read back from the kept days and months."""

from __future__ import annotations

from datetime import date

from runtime.outcomes.periods import Period
from runtime.outcomes.service import outcomes
from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.migrate import ensure_default_clinic
from tests.outcomes.expected import expected
from tests.outcomes.test_outcomes_api import check
from tests.support.outcomes_seed import seed_year


async def test_figures_on_both_databases(any_db_settings: Settings) -> None:
    try:
        clinic_id = await ensure_default_clinic(any_db_settings)
        seeded = await seed_year(any_db_settings, clinic_id, date(2025, 12, 1), months=4, messages_per_month=300)
        for first, last, workflow in (
            (date(2025, 12, 1), date(2026, 3, 31), None),  # by month: counted, then read from kept months
            (date(2025, 12, 1), date(2026, 3, 31), None),
            (date(2026, 1, 10), date(2026, 2, 20), seeded.reminder_workflow),  # by day, one workflow
        ):
            async with session_scope(any_db_settings, clinic_id) as session:
                answer = await outcomes(session, clinic_id, Period(first, last), workflow)
            check(answer, expected(seeded, first, last, workflow))
    finally:
        await dispose_engines()
