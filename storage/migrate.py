"""Schema migrations (alembic, ``upgrade heads``) and the embedded set-up's default clinic."""

from __future__ import annotations

import asyncio
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import make_url, select

from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.files import private_dir
from storage.models import Clinic
from storage.names import DEFAULT_CLINIC_SLUG

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(settings: Settings) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", settings.database_url.replace("%", "%%"))
    return config


def upgrade(settings: Settings) -> None:
    """Bring the database to the newest schema (every branch head) and make sure a clinic exists."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _upgrade(settings)
    # Alembic's env.py and the clinic check run their own event loop: inside a running loop
    # (an async caller, a test) they get a thread of their own.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(_upgrade, settings).result()


def _upgrade(settings: Settings) -> None:
    private_dir(settings.data_dir)  # 0700: the database, keys, Redis files and sandbox journal live here
    config = alembic_config(settings)
    command.upgrade(config, "heads")
    if config.attributes.get(VACUUM_AFTER):
        vacuum(settings)
    asyncio.run(_ensure_and_close(settings))


VACUUM_AFTER = "vacuum_after"  # set by a revision that encrypted plaintext rows (2301_appointments_at_rest)


def vacuum(settings: Settings) -> None:
    """Rewrite an SQLite database so pages freed before an encrypting migration no longer hold the plaintext
    they once did (SQLite leaves free pages as they were); then empty the WAL. PostgreSQL: nothing here (its
    VACUUM does not erase either; see docs/privacy/at-rest.md)."""
    url = make_url(settings.database_url)
    if not url.get_backend_name().startswith("sqlite") or not url.database:
        return
    connection = sqlite3.connect(url.database, isolation_level=None)
    try:
        connection.execute("VACUUM")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


async def _ensure_and_close(settings: Settings) -> None:
    try:
        await ensure_default_clinic(settings)
    finally:
        await dispose_engines()


async def ensure_default_clinic(settings: Settings) -> int:
    async with session_scope(settings, None) as session:
        clinic = (await session.execute(select(Clinic).order_by(Clinic.id).limit(1))).scalar_one_or_none()
        if clinic is None:
            clinic = Clinic(slug=DEFAULT_CLINIC_SLUG, name="우리안과의원")
            session.add(clinic)
            await session.flush()
        return clinic.id
