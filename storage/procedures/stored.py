"""The data directory's clinic catalogue for commands that work on files (``validate``, ``simulate``).

A workflow file is checked against the default procedure codes first; only when it names a code they do
not have is the local database asked for its (first) clinic's catalogue, so a workflow written in that
clinic's editor validates on its command line too. No database, or one that cannot be read: the defaults.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from nodes.procedures import ProcedureEntry
from storage.config import Settings
from storage.db import dispose_engines, session_scope
from storage.models import Clinic
from storage.procedures.catalogue import load_catalogue

_PROCEDURE_PATH = re.compile(r"/params/(?:[^/]+/)*procedures/\d+$")


def names_unknown_code(problems: Iterable[Any]) -> bool:
    """Whether a problem is a procedure filter's value (which a clinic's own catalogue might know)."""
    return any(_PROCEDURE_PATH.search(str(getattr(p, "path", ""))) for p in problems)


def stored_catalogue(settings: Settings | None = None) -> tuple[ProcedureEntry, ...] | None:
    """The first clinic's catalogue in the data directory's database; None without a readable one."""
    settings = settings or Settings.from_env()
    if settings.is_sqlite and not Path(settings.database_url.split(":///", 1)[-1]).exists():
        return None

    async def read() -> tuple[ProcedureEntry, ...] | None:
        try:
            async with session_scope(settings, None) as session:
                clinic_id = (await session.execute(select(Clinic.id).order_by(Clinic.id).limit(1))).scalar()
                return await load_catalogue(session, clinic_id) if clinic_id is not None else None
        finally:
            await dispose_engines()

    try:
        return asyncio.run(read())
    except Exception:  # not migrated, locked, another server's schema: the defaults apply
        return None
