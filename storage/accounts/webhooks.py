"""Signed webhooks: booking systems and providers prove who they are with a per-clinic shared secret.

The sender computes ``HMAC-SHA256(secret, f"{t}." + body)`` over the raw request body and sends
``X-DoctorsFlow-Signature: t=<unix seconds>,v1=<hex digest>`` (several ``v1=`` while a secret is rotated).
We refuse a missing or malformed header, a timestamp more than five minutes away from our clock, a
signature that matches no active secret of the clinic, and a signature already accepted (replay).

A signature counts as used only together with the work it carried: the guard (:class:`SignedWebhook`) checks
it in one short read transaction and leaves an :class:`AcceptedSignature` on the request; the route records
it with :func:`consume_signature` *inside the transaction that does the work*, so a request whose processing
failed (500/503) can be retried with the same signature and is then applied exactly once, and a replay that
races the original collides on the primary key and rolls back with nothing applied. The guard never holds a
database connection while it asks for another (at 15+ concurrent webhooks that exhausted the pool).
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from litestar.connection import ASGIConnection, Request
from litestar.handlers.base import BaseRouteHandler
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.accounts import sealing, tokens
from storage.accounts.authenticate import Auth, client_ip, remember
from storage.accounts.guards import Requirement
from storage.config import Settings
from storage.db import session_scope
from storage.errors import ApiError, Problem
from storage.models import Clinic, SeenSignature, WebhookSecret
from storage.models.base import utcnow
from storage.tenancy import Caller

SIGNATURE_HEADER = "X-DoctorsFlow-Signature"
TOLERANCE_S = 300
WEBHOOK_PERMISSIONS = frozenset({"event.write"})


class WebhookSignatureError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def sign(body: bytes, secret: str, timestamp: int | None = None) -> str:
    """The header value a sender puts in ``X-DoctorsFlow-Signature`` (used by tests and the docs' example)."""
    t = int(time.time()) if timestamp is None else timestamp
    return f"t={t},v1={_digest(secret, t, body)}"


def _digest(secret: str, timestamp: int, body: bytes) -> str:
    return hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def parse_header(value: str | None) -> tuple[int, list[str]]:
    if not value:
        raise WebhookSignatureError("signature_missing", f"서명 헤더가 없습니다 / missing {SIGNATURE_HEADER}")
    timestamp: int | None = None
    signatures: list[str] = []
    for part in value.split(","):
        key, _, item = part.strip().partition("=")
        if key == "t" and item.isdigit() and len(item) <= 12:
            timestamp = int(item)
        elif key == "v1" and len(item) == 64:
            signatures.append(item.lower())
    if timestamp is None or not signatures:
        raise WebhookSignatureError(
            "signature_malformed", f"서명 헤더 형식이 잘못되었습니다 / malformed {SIGNATURE_HEADER} (t=…,v1=…)"
        )
    return timestamp, signatures


def verify_signature(
    headers: Mapping[str, str],
    body: bytes,
    secret: str | Iterable[str],
    *,
    now: float | None = None,
    tolerance_s: int = TOLERANCE_S,
) -> tuple[int, str]:
    """Check the signature of ``body``; returns (timestamp, the matching signature) or raises
    :class:`WebhookSignatureError`. Replays are checked separately (:func:`refuse_replay`)."""
    value = headers.get(SIGNATURE_HEADER) or headers.get(SIGNATURE_HEADER.lower())
    timestamp, signatures = parse_header(value)
    now = time.time() if now is None else now
    if abs(now - timestamp) > tolerance_s:
        raise WebhookSignatureError(
            "signature_expired", "서명 시각이 5분 이상 차이 납니다 / signature timestamp outside ±5 minutes"
        )
    secrets_ = [secret] if isinstance(secret, str) else list(secret)
    for candidate in secrets_:
        expected = _digest(candidate, timestamp, body)
        for given in signatures:
            if hmac.compare_digest(expected, given):
                return timestamp, given
    raise WebhookSignatureError("signature_invalid", "서명이 맞지 않습니다 / signature does not match")


@dataclass(frozen=True)
class AcceptedSignature:
    """A verified, not yet used signature: what the route's transaction records (:func:`consume_signature`)."""

    digest: str  # sha256 of the signature (the signature itself is never stored)
    expires_at: datetime  # after this its timestamp can no longer pass the ±5 minutes check anyway


def accepted(signature: str, timestamp: int, tolerance_s: int = TOLERANCE_S) -> AcceptedSignature:
    expires = datetime.fromtimestamp(timestamp, UTC) + timedelta(seconds=tolerance_s + 60)
    return AcceptedSignature(hashlib.sha256(signature.encode()).hexdigest(), expires)


def _replayed() -> WebhookSignatureError:
    return WebhookSignatureError("signature_replayed", "이미 받은 요청입니다 / replayed request")


async def already_used(db: AsyncSession, signature: AcceptedSignature) -> bool:
    """Whether this signature was recorded by a request that succeeded (the guard's early refusal)."""
    query = select(SeenSignature.digest).where(SeenSignature.digest == signature.digest)
    return (await db.execute(query)).first() is not None


PURGE_EVERY_S = 60.0
_purged_at = -PURGE_EVERY_S


async def consume_signature(db: AsyncSession, signature: AcceptedSignature) -> None:
    """Record ``signature`` as used in ``db``'s transaction — the one that does the webhook's work.

    Raises :class:`WebhookSignatureError` ``signature_replayed`` when another request already recorded it
    (then this transaction must roll back: the caller lets the error propagate). Call it before the work, so
    a concurrent replay waits on (PostgreSQL) or is serialised behind (SQLite) the first and applies nothing.
    """
    global _purged_at
    if time.monotonic() - _purged_at >= PURGE_EVERY_S:  # expired rows: at most once a minute per process
        _purged_at = time.monotonic()
        await db.execute(delete(SeenSignature).where(SeenSignature.expires_at < utcnow()))
    if await already_used(db, signature):
        raise _replayed()
    db.add(SeenSignature(digest=signature.digest, expires_at=signature.expires_at))
    try:
        await db.flush()
    except IntegrityError:
        raise _replayed() from None


async def refuse_replay(settings: Settings, signature: str, timestamp: int, tolerance_s: int = TOLERANCE_S) -> None:
    """Record a signature as used in a transaction of its own (for work that is idempotent by itself, done
    and committed before this is called); a second use raises ``signature_replayed``."""
    try:
        async with session_scope(settings, None) as db:
            await consume_signature(db, accepted(signature, timestamp, tolerance_s))
    except IntegrityError:
        raise _replayed() from None


_SCOPE_KEY = "doctorsflow.webhook_signature"


def accepted_signature(connection: ASGIConnection[Any, Any, Any, Any]) -> AcceptedSignature | None:
    """The signature :class:`SignedWebhook` verified for this request (None: not a signed request)."""
    found = connection.scope.get("state", {}).get(_SCOPE_KEY)
    return found if isinstance(found, AcceptedSignature) else None


async def create_secret(db: AsyncSession, settings: Settings, clinic_id: int, name: str = "default") -> str:
    """A new webhook secret for a clinic (returned once, stored sealed)."""
    plain = "whsec_" + tokens.new_secret()
    db.add(WebhookSecret(clinic_id=clinic_id, name=name, secret=sealing.seal(settings, plain)))
    await db.flush()
    return plain


async def list_secrets(db: AsyncSession, clinic_id: int) -> list[WebhookSecret]:
    """The clinic's secrets, newest first (rows only: the sealed values never leave this module)."""
    query = select(WebhookSecret).where(WebhookSecret.clinic_id == clinic_id).order_by(WebhookSecret.id.desc())
    return list((await db.execute(query)).scalars())


async def revoke_secret(db: AsyncSession, clinic_id: int, secret_id: int) -> WebhookSecret | None:
    """Revoke one of the clinic's secrets (idempotent); None when the clinic has no such secret."""
    row = (
        await db.execute(
            select(WebhookSecret).where(WebhookSecret.clinic_id == clinic_id, WebhookSecret.id == secret_id)
        )
    ).scalar_one_or_none()
    if row is not None and row.revoked_at is None:
        row.revoked_at = utcnow()
    return row


async def active_secrets(db: AsyncSession, settings: Settings, clinic_id: int) -> list[str]:
    rows = (
        await db.execute(
            select(WebhookSecret).where(WebhookSecret.clinic_id == clinic_id, WebhookSecret.revoked_at.is_(None))
        )
    ).scalars()
    return [sealing.open_sealed(settings, row.secret) for row in rows]


async def clinic_secrets(db: AsyncSession, settings: Settings, slug: str) -> tuple[Clinic | None, list[str]]:
    """The clinic a webhook path names and its active secrets (none for an unknown clinic)."""
    clinic = (await db.execute(select(Clinic).where(Clinic.slug == slug))).scalar_one_or_none()
    return clinic, (await active_secrets(db, settings, clinic.id) if clinic else [])


def _refused(error: WebhookSignatureError) -> ApiError:
    return ApiError(401, [Problem(error.code, error.message)])


class SignedWebhook(Requirement):
    """Guard of a webhook route: no log-in, a valid fresh signature of the clinic named in the path.

    On success the request acts for that clinic as ``webhook:<slug>`` with ``event.write`` only, and carries
    an :class:`AcceptedSignature` (:func:`accepted_signature`) that the route must record with
    :func:`consume_signature` in the transaction of its work. One session, read-only unless refusing.
    """

    def __init__(self, slug_param: str = "clinic_slug") -> None:
        super().__init__(public=True)
        self.slug_param = slug_param

    async def __call__(self, connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        if not isinstance(connection, Request):
            raise _refused(WebhookSignatureError("signature_invalid", "HTTP 요청만 받습니다 / HTTP only"))
        body = await connection.body()
        slug = str(connection.path_params.get(self.slug_param, ""))
        settings = connection.app.state.settings
        ip = client_ip(connection)
        refused: WebhookSignatureError | None = None
        async with session_scope(settings, None) as db:
            clinic, secrets_ = await clinic_secrets(db, settings, slug)
            try:
                if not secrets_:
                    raise WebhookSignatureError("signature_invalid", "서명이 맞지 않습니다 / signature does not match")
                timestamp, signature = verify_signature(connection.headers, body, secrets_)
                verified = accepted(signature, timestamp)
                if await already_used(db, verified):
                    raise _replayed()
            except WebhookSignatureError as error:
                if clinic is not None:
                    audit_refusal(db, clinic.id, ip, error)
                refused = error
            else:
                assert clinic is not None
                caller = Caller(clinic_id=clinic.id, actor=f"webhook:{clinic.slug}", role="webhook", ip=ip)
                remember(connection, Auth(caller, WEBHOOK_PERMISSIONS, "signature"))
                connection.scope.setdefault("state", {})[_SCOPE_KEY] = verified
        if refused is not None:
            raise _refused(refused)  # after the scope: the refusal's audit entry is committed


def audit_refusal(db: AsyncSession, clinic_id: int, ip: str | None, error: WebhookSignatureError) -> None:
    audit.record_for(db, clinic_id, "webhook", "webhook.refused", f"clinic:{clinic_id}", ip, code=error.code)


async def refuse_late_replay(
    settings: Settings, clinic_id: int, ip: str | None, error: WebhookSignatureError
) -> ApiError:
    """The 401 for a replay found by :func:`consume_signature` (after the work's transaction rolled back),
    with its audit entry in a transaction of its own."""
    async with session_scope(settings, None) as db:
        audit_refusal(db, clinic_id, ip, error)
    return _refused(error)


def signed_webhook(slug_param: str = "clinic_slug") -> SignedWebhook:
    """``guards=[signed_webhook()]`` on ``POST /api/webhooks/{clinic_slug}/…`` routes."""
    return SignedWebhook(slug_param)
