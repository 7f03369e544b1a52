"""Log-in rate limiting: too many failures lock the account, and (looser) the address, for a while.

Counts live in the database so that every server process sees the same numbers. Keys are digests of
``email:…`` and ``ip:…`` so the table holds no e-mail addresses.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from storage.accounts.config import AuthSettings
from storage.models import LoginThrottle


def account_key(email: str) -> str:
    return hashlib.sha256(f"email:{email.strip().lower()}".encode()).hexdigest()


def ip_key(ip: str | None) -> str:
    return hashlib.sha256(f"ip:{ip or '-'}".encode()).hexdigest()


async def locked_until(db: AsyncSession, keys: list[str], now: datetime) -> datetime | None:
    """The latest lock still running on any of ``keys`` (None when log-in may be tried)."""
    latest: datetime | None = None
    for key in keys:
        row = await db.get(LoginThrottle, key)
        if row is not None and row.locked_until is not None and row.locked_until > now:
            latest = row.locked_until if latest is None else max(latest, row.locked_until)
    return latest


async def record_failure(
    db: AsyncSession, email: str, ip: str | None, auth: AuthSettings, now: datetime
) -> datetime | None:
    """Count one failure against the account and the address; returns the lock's end if one started."""
    lock: datetime | None = None
    for key, limit in ((account_key(email), auth.max_failures_per_account), (ip_key(ip), auth.max_failures_per_ip)):
        row = await db.get(LoginThrottle, key)
        if row is None:
            row = LoginThrottle(key=key, failures=0, window_start=now)
            db.add(row)
        if now - row.window_start >= auth.failure_window:
            row.failures, row.window_start = 0, now
        row.failures += 1
        if row.failures >= limit:
            row.locked_until = now + auth.lock_time
            row.failures, row.window_start = 0, now
            lock = row.locked_until
    await db.flush()
    return lock


async def clear_account(db: AsyncSession, email: str) -> None:
    """A successful log-in forgets the account's failures (the address keeps its count)."""
    row = await db.get(LoginThrottle, account_key(email))
    if row is not None:
        await db.delete(row)
