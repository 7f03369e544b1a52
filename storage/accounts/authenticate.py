"""Who is calling: a browser session (cookie ``df_session``) or a machine (``Authorization: Bearer df_…``).

The answer is resolved once per request and kept on the connection; ``storage.http.provide_caller``
and the guards read it from there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from litestar.connection import ASGIConnection
from sqlalchemy import select

from storage import audit
from storage.accounts import sessions, tokens
from storage.accounts.config import AuthSettings
from storage.accounts.permissions import permissions_of
from storage.db import session_scope
from storage.errors import ApiError, Problem
from storage.models import ApiToken, Clinic
from storage.models.base import utcnow
from storage.tenancy import Caller

SESSION_COOKIE = "df_session"
CSRF_COOKIE = "df_csrf"
CSRF_HEADER = "x-csrf-token"
NO_CLINIC = 0  # platform admins: a session bound to clinic 0 sees no clinic's rows
_STATE_KEY = "df_auth"


@dataclass(frozen=True)
class Auth:
    """The authenticated caller and what it may do."""

    caller: Caller
    permissions: frozenset[str]
    via: str  # "session" | "token" | "signature"
    session_id: int | None = None
    csrf_token: str | None = None
    token_id: int | None = None


def auth_settings_of(connection: ASGIConnection[Any, Any, Any, Any]) -> AuthSettings:
    found = getattr(connection.app.state, "auth_settings", None)
    if isinstance(found, AuthSettings):
        return found
    settings = AuthSettings.from_env()
    connection.app.state.auth_settings = settings
    return settings


def client_ip(connection: ASGIConnection[Any, Any, Any, Any]) -> str | None:
    return connection.client.host if connection.client else None


def is_https(connection: ASGIConnection[Any, Any, Any, Any]) -> bool:
    settings = auth_settings_of(connection)
    if settings.cookie_secure != "auto":
        return settings.cookie_secure == "always"
    if settings.trust_forwarded_proto and connection.headers.get("x-forwarded-proto", "").lower() == "https":
        return True
    return connection.url.scheme == "https"


def unauthorized(message: str = "로그인이 필요합니다 / log-in required") -> ApiError:
    return ApiError(401, [Problem("unauthorized", message)])


def current(connection: ASGIConnection[Any, Any, Any, Any]) -> Auth | None:
    """The caller already resolved for this request (None: anonymous or not resolved yet)."""
    found = connection.scope.get("state", {}).get(_STATE_KEY)
    return found if isinstance(found, Auth) else None


def remember(connection: ASGIConnection[Any, Any, Any, Any], auth: Auth | None) -> None:
    connection.scope.setdefault("state", {})[_STATE_KEY] = auth if auth is not None else False


async def authenticate(connection: ASGIConnection[Any, Any, Any, Any]) -> Auth | None:
    """Resolve the caller once per request. A bad bearer token is a 401, never a fall-back to the cookie."""
    state = connection.scope.setdefault("state", {})
    if _STATE_KEY in state:
        return current(connection)
    header = connection.headers.get("authorization")
    if header:
        auth: Auth | None = await _from_token(connection, header)
        if auth is None:
            remember(connection, None)
            raise unauthorized("API 토큰이 올바르지 않거나 만료되었습니다 / invalid, revoked or expired API token")
    else:
        cookie = connection.cookies.get(SESSION_COOKIE)
        auth = await _from_session(connection, cookie) if cookie else None
    remember(connection, auth)
    return auth


async def _from_session(connection: ASGIConnection[Any, Any, Any, Any], cookie: str) -> Auth | None:
    settings = connection.app.state.settings
    async with session_scope(settings, None) as db:
        found = await sessions.find_session(db, cookie, auth_settings_of(connection))
        if found is None:
            return None
        row, user = found
        if user.role not in ("platform_admin",) and user.clinic_id is None:
            return None  # a clinic role without a clinic: refuse rather than guess
        caller = Caller(
            clinic_id=user.clinic_id or NO_CLINIC,
            actor=f"user:{user.id}",
            role=user.role,
            user_id=user.id,
            ip=client_ip(connection),
        )
        return Auth(caller, permissions_of(user.role), "session", session_id=row.id, csrf_token=row.csrf_token)


LAST_USED_EVERY = timedelta(minutes=1)


def _stale(last_used: datetime | None, now: datetime) -> bool:
    if last_used is None:
        return True
    if last_used.tzinfo is None:  # SQLite hands back naive UTC
        last_used = last_used.replace(tzinfo=UTC)
    return now - last_used >= LAST_USED_EVERY


async def _from_token(connection: ASGIConnection[Any, Any, Any, Any], header: str) -> Auth | None:
    scheme, _, value = header.strip().partition(" ")
    value = value.strip()
    if scheme.lower() != "bearer" or not value.startswith(tokens.API_TOKEN_PREFIX) or len(value) > 200:
        return None
    settings = connection.app.state.settings
    now = utcnow()
    async with session_scope(settings, None) as db:
        token = (
            await db.execute(select(ApiToken).where(ApiToken.token_hash == tokens.digest(value)))
        ).scalar_one_or_none()
        if token is None or token.revoked_at is not None or (token.expires_at and token.expires_at <= now):
            return None
        if await db.get(Clinic, token.clinic_id) is None:
            return None
        ip = client_ip(connection)
        if _stale(token.last_used_at, now) or token.last_used_ip != ip:
            # At most one UPDATE per token a minute: a busy integration otherwise writes the row per request.
            token.last_used_at, token.last_used_ip = now, ip
        caller = Caller(clinic_id=token.clinic_id, actor=f"token:{token.id}", role="token", ip=ip)
        audit.record(
            db,
            caller,
            "token.use",
            f"token:{token.id}",
            method=connection.scope.get("method", ""),
            path=connection.url.path,
        )
        return Auth(caller, frozenset(token.permissions) & permissions_of("manager"), "token", token_id=token.id)
