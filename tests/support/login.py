"""Log a test client in as a user of a role and clinic, without going through the password form (fast);
the log-in form itself is tested in test_login.py."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select

from storage.accounts import sessions, users
from storage.accounts.authenticate import CSRF_COOKIE, SESSION_COOKIE
from storage.accounts.config import AuthSettings
from storage.config import Settings
from storage.db import session_scope
from storage.migrate import DEFAULT_CLINIC_SLUG
from storage.models import Clinic, User
from tests.support.clinic import ready_clinic

TEST_HOST = "testserver.local"


@dataclass(frozen=True)
class Login:
    user_id: int
    clinic_id: int | None
    session_token: str
    csrf_token: str


async def clinic_id_of(settings: Settings, slug: str) -> int:
    """The id of the clinic ``slug``, created when missing."""
    async with session_scope(settings, None) as db:
        clinic = (await db.execute(select(Clinic).where(Clinic.slug == slug))).scalar_one_or_none()
        if clinic is None:
            clinic = await users.create_clinic(db, slug, f"{slug} 의원")
        clinic_id = clinic.id
    await ready_clinic(
        settings, clinic_id
    )  # profile filled, library approved, no sign-off gate (tests/support/clinic.py)
    return clinic_id


async def add_user(
    settings: Settings,
    role: str,
    clinic: str | None = DEFAULT_CLINIC_SLUG,
    *,
    email: str | None = None,
    name: str | None = None,
    password: str | None = None,
) -> User:
    """A user of ``role`` in clinic ``clinic`` (created when missing; platform_admin: none). Without a password,
    log-in waits for a one-time link; without an email, a unique one."""
    clinic_id = None if role == "platform_admin" else await clinic_id_of(settings, clinic or DEFAULT_CLINIC_SLUG)
    async with session_scope(settings, None) as db:
        return await users.create_user(
            db,
            email or f"{role}-{uuid.uuid4().hex[:10]}@test.local",
            name or f"{role} 사용자",
            role,
            clinic_id,
            password,
        )


async def make_login(settings: Settings, role: str, clinic: str | None = DEFAULT_CLINIC_SLUG) -> Login:
    """A user of ``role`` in clinic ``clinic`` (platform_admin: none) with an open session."""
    user = await add_user(settings, role, clinic)
    async with session_scope(settings, None) as db:
        token, row = await sessions.open_session(db, user, AuthSettings(), "127.0.0.1", "pytest")
        return Login(user.id, user.clinic_id, token, row.csrf_token)


def apply_login(client: AsyncTestClient[Litestar], login: Login) -> None:
    """Give the client the session cookie, the CSRF cookie and the matching header (as the editor does)."""
    client.cookies.set(SESSION_COOKIE, login.session_token, domain=TEST_HOST)
    client.cookies.set(CSRF_COOKIE, login.csrf_token, domain=TEST_HOST)
    client.headers["X-CSRF-Token"] = login.csrf_token
