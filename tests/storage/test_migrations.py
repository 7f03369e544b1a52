"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select
from sqlalchemy.ext.asyncio import create_async_engine

from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.models import Base, Clinic


def _diff(connection: Any) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return compare_metadata(context, Base.metadata)


async def test_migrated_schema_matches_models(any_db_settings: Settings) -> None:
    engine = create_async_engine(any_db_settings.database_url)
    try:
        async with engine.connect() as connection:
            assert await connection.run_sync(_diff) == []
    finally:
        await engine.dispose()


async def test_migration_creates_the_default_clinic(any_db_settings: Settings) -> None:
    async with session_scope(any_db_settings, None) as session:
        clinics = list((await session.execute(select(Clinic))).scalars())
    assert len(clinics) == 1 and clinics[0].slug == "default"
    assert clinics[0].setting("night_sms_start") == "21:00"
    await dispose_engines()
