"""Log-in, sessions, CSRF, time-outs and lock-out through the real HTTP API."""

from __future__ import annotations

from datetime import timedelta

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select, update

from storage.accounts import users
from storage.config import Settings
from storage.db import session_scope
from storage.models import AuditEntry, LoginSession
from storage.models.base import utcnow
from tests.support.login import add_user

PASSWORD = "correct horse battery"


async def _user(settings: Settings, email: str = "kim@clinic.kr", role: str = "manager") -> int:
    return (await add_user(settings, role, email=email, name="김관리", password=PASSWORD)).id


async def _actions(settings: Settings) -> list[str]:
    async with session_scope(settings, None) as db:
        return [e.action for e in (await db.execute(select(AuditEntry).order_by(AuditEntry.id))).scalars()]


async def test_login_sets_safe_cookies_and_me_answers(
    anonymous_client: AsyncTestClient[Litestar], settings: Settings
) -> None:
    # Given a manager with a password
    await _user(settings)
    # When they log in (e-mail in any case)
    answer = await anonymous_client.post("/api/auth/login", json={"email": "Kim@Clinic.KR", "password": PASSWORD})
    # Then the session cookie is HttpOnly + SameSite=Lax, the CSRF cookie is readable, and /me knows them
    assert answer.status_code == 200, answer.text
    cookies = {c.split("=")[0]: c.lower() for c in answer.headers.get_list("set-cookie")}
    assert "httponly" in cookies["df_session"] and "samesite=lax" in cookies["df_session"]
    assert "httponly" not in cookies["df_csrf"]
    assert "secure" not in cookies["df_session"]  # plain http in the test: Secure only over https
    me = await anonymous_client.get("/api/auth/me")
    assert me.status_code == 200
    assert me.json()["role"] == "manager" and "workflow.publish" in me.json()["permissions"]
    assert "auth.login" in await _actions(settings)


async def test_logged_out_me_is_401_and_logout_ends_the_session(
    anonymous_client: AsyncTestClient[Litestar], settings: Settings
) -> None:
    assert (await anonymous_client.get("/api/auth/me")).status_code == 401
    await _user(settings)
    login = await anonymous_client.post("/api/auth/login", json={"email": "kim@clinic.kr", "password": PASSWORD})
    csrf = login.json()["csrf_token"]
    session_cookie = anonymous_client.cookies.get("df_session")
    # When they log out (with the CSRF header)
    answer = await anonymous_client.post("/api/auth/logout", headers={"X-CSRF-Token": csrf})
    assert answer.status_code == 204
    # Then the old cookie no longer works, even if replayed
    anonymous_client.cookies.set("df_session", session_cookie or "", domain="testserver.local")
    assert (await anonymous_client.get("/api/auth/me")).status_code == 401
    assert "auth.logout" in await _actions(settings)


async def test_state_changing_request_without_csrf_header_is_refused(client: AsyncTestClient[Litestar]) -> None:
    # Given a logged-in manager whose request lacks the X-CSRF-Token header (a forged cross-site form)
    doc = {"format": "doctorsflow.workflow/v1", "name": "x", "nodes": [], "edges": []}
    token = client.headers.pop("X-CSRF-Token")
    answer = await client.post("/api/workflows", json=doc)
    # Then it is refused, with a reason; a wrong header is refused too; the right one passes
    assert answer.status_code == 403 and answer.json()["errors"][0]["code"] == "csrf_failed"
    assert (await client.post("/api/workflows", json=doc, headers={"X-CSRF-Token": "forged"})).status_code == 403
    assert (await client.post("/api/workflows", json=doc, headers={"X-CSRF-Token": token})).status_code == 201
    # And reads need no header
    assert (await client.get("/api/workflows")).status_code == 200


async def test_wrong_password_is_401_and_five_failures_lock_the_account(
    anonymous_client: AsyncTestClient[Litestar], settings: Settings
) -> None:
    await _user(settings)
    wrong = {"email": "kim@clinic.kr", "password": "wrong password!"}
    # When the password is wrong four times, Then each answer is a plain 401
    for _ in range(4):
        answer = await anonymous_client.post("/api/auth/login", json=wrong)
        assert answer.status_code == 401 and answer.json()["errors"][0]["code"] == "bad_credentials"
    # When it is wrong a fifth time, Then the account is locked with a Korean message and Retry-After
    locked = await anonymous_client.post("/api/auth/login", json=wrong)
    assert locked.status_code == 429
    assert "분 후에 다시 시도하세요" in locked.json()["errors"][0]["message"]
    assert int(locked.headers["retry-after"]) > 0
    # And even the right password is refused while locked
    right = await anonymous_client.post("/api/auth/login", json={"email": "kim@clinic.kr", "password": PASSWORD})
    assert right.status_code == 429
    actions = await _actions(settings)
    assert actions.count("auth.login_failed") == 5 and "auth.login_locked" in actions


async def test_unknown_email_looks_like_a_wrong_password(anonymous_client: AsyncTestClient[Litestar]) -> None:
    answer = await anonymous_client.post("/api/auth/login", json={"email": "nobody@x.kr", "password": PASSWORD})
    assert answer.status_code == 401
    assert answer.json()["errors"][0]["code"] == "bad_credentials"


async def test_idle_and_absolute_timeouts_end_sessions(
    anonymous_client: AsyncTestClient[Litestar], settings: Settings
) -> None:
    await _user(settings)
    await anonymous_client.post("/api/auth/login", json={"email": "kim@clinic.kr", "password": PASSWORD})
    assert (await anonymous_client.get("/api/auth/me")).status_code == 200
    # When the session was last seen 31 minutes ago (idle), Then it is over
    async with session_scope(settings, None) as db:
        await db.execute(update(LoginSession).values(last_seen_at=utcnow() - timedelta(minutes=31)))
    assert (await anonymous_client.get("/api/auth/me")).status_code == 401
    # Given a fresh session that is active but older than 12 hours (absolute), Then it is over too
    await anonymous_client.post("/api/auth/login", json={"email": "kim@clinic.kr", "password": PASSWORD})
    assert (await anonymous_client.get("/api/auth/me")).status_code == 200
    async with session_scope(settings, None) as db:
        await db.execute(
            update(LoginSession)
            .where(LoginSession.revoked_at.is_(None))
            .values(expires_at=utcnow() - timedelta(seconds=1), last_seen_at=utcnow())
        )
    assert (await anonymous_client.get("/api/auth/me")).status_code == 401


async def test_one_time_link_sets_the_password_once(
    anonymous_client: AsyncTestClient[Litestar], settings: Settings
) -> None:
    # Given a user created without a password and a one-time link
    from storage.accounts.config import AuthSettings

    user = await add_user(settings, "staff", email="new@clinic.kr", name="새 직원")
    async with session_scope(settings, None) as db:
        token = await users.issue_password_link(db, user, AuthSettings())
    # Then the user cannot log in before setting a password
    no_password = await anonymous_client.post("/api/auth/login", json={"email": "new@clinic.kr", "password": "x" * 12})
    assert no_password.status_code == 401
    # When the link is used, Then the password is set and the user is logged in
    used = await anonymous_client.post("/api/auth/set-password", json={"token": token, "password": PASSWORD})
    assert used.status_code == 200, used.text
    assert (await anonymous_client.get("/api/auth/me")).json()["role"] == "staff"
    # And the link cannot be used again; a short password is refused with a reason
    again = await anonymous_client.post("/api/auth/set-password", json={"token": token, "password": PASSWORD})
    assert again.status_code == 400 and again.json()["errors"][0]["code"] == "invalid_link"
    short = await anonymous_client.post("/api/auth/set-password", json={"token": token, "password": "short"})
    assert short.json()["errors"][0]["code"] == "weak_password"
    login = await anonymous_client.post("/api/auth/login", json={"email": "new@clinic.kr", "password": PASSWORD})
    assert login.status_code == 200


async def test_oversized_login_body_is_refused(anonymous_client: AsyncTestClient[Litestar]) -> None:
    answer = await anonymous_client.post("/api/auth/login", json={"email": "a@b.kr", "password": "x" * 40_000})
    assert answer.status_code == 413


async def test_login_from_a_cross_site_form_is_refused(
    anonymous_client: AsyncTestClient[Litestar], settings: Settings
) -> None:
    # Given a page elsewhere that posts the log-in form as text/plain (no CORS preflight)
    await _user(settings)
    body = '{"email": "kim@clinic.kr", "password": "correct horse battery"}'
    answer = await anonymous_client.post("/api/auth/login", content=body, headers={"content-type": "text/plain"})
    # Then it is refused and no session starts
    assert answer.status_code == 415
    assert "df_session" not in answer.headers.get("set-cookie", "")
