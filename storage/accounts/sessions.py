"""Browser sessions kept in the database: created at log-in, ended by log-out or by the idle and absolute
time-outs. The cookie carries a random token; the database only its digest."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.accounts import tokens
from storage.accounts.config import AuthSettings
from storage.models import LoginSession, User
from storage.models.base import utcnow

TOUCH_EVERY = timedelta(seconds=60)  # write last_seen_at at most once a minute per session
# While a long write holds the embedded database's writer (a browser import: storage/patients/import_jobs.py),
# reads must not write: a log-in check would wait for the writer and fail. The idle timeout is 30 minutes, so
# skipping a touch for an import's minutes ends nobody's session.
_touch_pauses = 0


@contextmanager
def touches_paused() -> Iterator[None]:
    """No ``last_seen_at`` writes in this process meanwhile (nested uses count)."""
    global _touch_pauses
    _touch_pauses += 1
    try:
        yield
    finally:
        _touch_pauses -= 1


async def open_session(
    db: AsyncSession, user: User, auth: AuthSettings, ip: str | None, user_agent: str | None
) -> tuple[str, LoginSession]:
    """A new session for ``user``: returns the cookie token (shown once) and the stored row."""
    token = tokens.new_secret()
    now = utcnow()
    row = LoginSession(
        token_hash=tokens.digest(token),
        user_id=user.id,
        csrf_token=tokens.new_secret(),
        created_at=now,
        last_seen_at=now,
        expires_at=now + auth.absolute_timeout,
        ip=ip,
        user_agent=(user_agent or "")[:200] or None,
    )
    db.add(row)
    await db.flush()
    return token, row


async def find_session(
    db: AsyncSession, token: str, auth: AuthSettings, now: datetime | None = None
) -> tuple[LoginSession, User] | None:
    """The live session of this cookie token and its user, or None (unknown, revoked, timed out, disabled)."""
    now = now or utcnow()
    found = (
        await db.execute(
            select(LoginSession, User)
            .join(User, User.id == LoginSession.user_id)
            .where(LoginSession.token_hash == tokens.digest(token))
        )
    ).first()
    if found is None:
        return None
    row, user = found
    if row.revoked_at is not None or not user.active:
        return None
    if now >= row.expires_at or now - row.last_seen_at >= auth.idle_timeout:
        row.revoked_at = now  # timed out: never usable again, even if the clock moves back
        return None
    if now - row.last_seen_at >= TOUCH_EVERY and not _touch_pauses:
        row.last_seen_at = now
    return row, user


async def close_session(db: AsyncSession, session_id: int) -> None:
    row = await db.get(LoginSession, session_id)
    if row is not None and row.revoked_at is None:
        row.revoked_at = utcnow()


async def close_user_sessions(db: AsyncSession, user_id: int) -> None:
    """End every session of a user (password changed, user disabled)."""
    rows = (await db.execute(select(LoginSession).where(LoginSession.user_id == user_id))).scalars()
    now = utcnow()
    for row in rows:
        if row.revoked_at is None:
            row.revoked_at = now
