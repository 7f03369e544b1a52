"""Who is calling: a browser session (cookie ``df_session``) or a machine (``Authorization: Bearer df_…``).

The answer is resolved once per request and kept on the connection; ``storage.http.provide_caller``
and the guards read it from there.
"""

from __future__ import annotations

import asyncio
import time
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
from storage.proxies import client_address, request_scheme
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
    """The caller's address; forwarded headers count only from DOCTORSFLOW_TRUSTED_PROXIES (storage/proxies.py)."""
    return client_address(connection.scope)


def is_https(connection: ASGIConnection[Any, Any, Any, Any]) -> bool:
    settings = auth_settings_of(connection)
    if settings.cookie_secure != "auto":
        return settings.cookie_secure == "always"
    return request_scheme(connection.scope) == "https"


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


LAST_USED_EVERY = timedelta(minutes=1)  # token use is written at most once a minute per token (and address)
TOKEN_CACHE_S = 5.0  # a token looked up is trusted this long per process (a revocation here applies at once)
_CACHE_LIMIT = 10_000


@dataclass(frozen=True)
class _KnownToken:
    id: int
    clinic_id: int
    permissions: frozenset[str]
    expires_at: datetime | None


@dataclass
class _Uses:
    """Uses of one token in this process since ``since`` not yet written (the window's first is written)."""

    since: datetime
    ip: str | None
    count: int = 0


# Per process, keyed by database URL: (digest) → (monotonic time of the look-up, the token).
_known: dict[tuple[str, str], tuple[float, _KnownToken]] = {}
_uses: dict[tuple[str, int], _Uses] = {}
_reading: dict[tuple[str, str], asyncio.Future[_KnownToken | None]] = {}  # look-ups in flight (one per token)


def forget_token(token_id: int) -> None:
    """Drop a token from this process's look-up cache (it was revoked)."""
    for key in [k for k, (_, known) in _known.items() if known.id == token_id]:
        _known.pop(key, None)


async def _look_up(settings: Any, digest: str, now: datetime) -> _KnownToken | None:
    key = (settings.database_url, digest)
    cached = _known.get(key)
    fresh = cached is not None and time.monotonic() - cached[0] < TOKEN_CACHE_S
    known = cached[1] if cached is not None and fresh else await _read_once(settings, digest, key)
    if known is None:
        return None
    if known.expires_at is not None and _aware(known.expires_at) <= now:
        return None
    return known


async def _read_once(settings: Any, digest: str, key: tuple[str, str]) -> _KnownToken | None:
    """The token from the database, read once for every request of this loop that needs it meanwhile: when the
    cache entry expires under load, the requests in flight share one read instead of each opening a session."""
    loop = asyncio.get_running_loop()
    pending = _reading.get(key)
    if pending is not None and pending.get_loop() is loop:
        try:
            return await asyncio.shield(pending)
        except Exception:  # the shared read failed: read for this request
            return await _read_token(settings, digest, key)
    reading: asyncio.Future[_KnownToken | None] = loop.create_future()
    reading.add_done_callback(lambda done: done.cancelled() or done.exception())  # nobody waiting is fine
    _reading[key] = reading
    try:
        known = await _read_token(settings, digest, key)
    except BaseException as exc:
        reading.set_exception(exc if isinstance(exc, Exception) else RuntimeError(repr(exc)))
        raise
    else:
        reading.set_result(known)
        return known
    finally:
        if _reading.get(key) is reading:
            del _reading[key]


async def _read_token(settings: Any, digest: str, key: tuple[str, str]) -> _KnownToken | None:
    async with session_scope(settings, None) as db:
        token = (await db.execute(select(ApiToken).where(ApiToken.token_hash == digest))).scalar_one_or_none()
        if token is None or token.revoked_at is not None or await db.get(Clinic, token.clinic_id) is None:
            _known.pop(key, None)
            return None
        known = _KnownToken(token.id, token.clinic_id, frozenset(token.permissions), token.expires_at)
    if len(_known) >= _CACHE_LIMIT:
        _known.clear()
    _known[key] = (time.monotonic(), known)
    return known


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment  # SQLite hands back naive UTC


async def _count_use(settings: Any, token: _KnownToken, ip: str | None, now: datetime) -> None:
    """Count one use; write the token's use (last_used_at/ip, a ``token.use`` audit entry with its count) only
    when a window opens: the first use of a token, a minute after the window's start, or from a new address."""
    key = (settings.database_url, token.id)
    uses = _uses.get(key)
    if uses is not None and uses.ip == ip and now - uses.since < LAST_USED_EVERY:
        uses.count += 1
        return
    _uses[key] = _Uses(since=now, ip=ip)
    async with session_scope(settings, None) as db:
        await _write_uses(db, token.id, token.clinic_id, uses)
        await _write_uses(db, token.id, token.clinic_id, _Uses(since=now, ip=ip, count=1))


async def _write_uses(db: Any, token_id: int, clinic_id: int, uses: _Uses | None) -> None:
    if uses is None or uses.count == 0:
        return
    row = await db.get(ApiToken, token_id)
    if row is not None and (row.last_used_at is None or _aware(row.last_used_at) <= uses.since):
        row.last_used_at, row.last_used_ip = uses.since, uses.ip
    since = uses.since.isoformat()
    audit.record_for(
        db, clinic_id, f"token:{token_id}", "token.use", f"token:{token_id}", uses.ip, count=uses.count, since=since
    )


async def flush_token_uses(settings: Any) -> None:
    """Write the uses counted in this process and not yet written (at shutdown; tests)."""
    pending = [(key, uses) for key, uses in _uses.items() if key[0] == settings.database_url and uses.count]
    if not pending:
        return
    clinics = {known.id: known.clinic_id for _, known in _known.values()}
    async with session_scope(settings, None) as db:
        for (_, token_id), uses in pending:
            clinic_id = clinics.get(token_id)
            if clinic_id is None:
                row = await db.get(ApiToken, token_id)
                if row is None:
                    continue
                clinic_id = row.clinic_id
            await _write_uses(db, token_id, clinic_id, uses)
            uses.count = 0


async def _from_token(connection: ASGIConnection[Any, Any, Any, Any], header: str) -> Auth | None:
    """A bearer token, from this process's short cache (no database write on the request path: uses are
    counted and written once a minute per token, see :func:`_count_use`)."""
    scheme, _, value = header.strip().partition(" ")
    value = value.strip()
    if scheme.lower() != "bearer" or not value.startswith(tokens.API_TOKEN_PREFIX) or len(value) > 200:
        return None
    settings = connection.app.state.settings
    now = utcnow()
    token = await _look_up(settings, tokens.digest(value), now)
    if token is None:
        return None
    ip = client_ip(connection)
    await _count_use(settings, token, ip, now)
    caller = Caller(clinic_id=token.clinic_id, actor=f"token:{token.id}", role="token", ip=ip)
    return Auth(caller, token.permissions & permissions_of("manager"), "token", token_id=token.id)
