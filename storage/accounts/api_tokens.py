"""API tokens for machines: created by a manager for the clinic, limited to listed actions, revocable."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.accounts import tokens
from storage.accounts.authenticate import forget_token
from storage.accounts.permissions import unknown_actions
from storage.errors import ApiError, Problem, not_found
from storage.models import ApiToken
from storage.models.base import utcnow
from storage.tenancy import Caller


async def create_token(
    db: AsyncSession,
    caller: Caller,
    caller_permissions: frozenset[str],
    name: str,
    permissions: list[str],
    expires_in_days: int | None,
) -> tuple[str, ApiToken]:
    """A new token of the caller's clinic; it may hold only actions the caller has. Returns (secret, row)."""
    if not name.strip() or len(name) > 100:
        raise ApiError(
            400, [Problem("invalid_name", "토큰 이름이 필요합니다 (100자 이하) / name required (≤ 100)", path="/name")]
        )
    unknown = unknown_actions(permissions)
    if unknown or not permissions:
        raise ApiError(
            400,
            [
                Problem(
                    "invalid_permissions",
                    f"알 수 없는 권한입니다 / unknown or no actions: {unknown}",
                    path="/permissions",
                )
            ],
        )
    beyond = sorted(set(permissions) - caller_permissions)
    if beyond:
        raise ApiError(
            403,
            [Problem("permission_denied", f"내 권한보다 넓은 토큰은 만들 수 없습니다 / beyond your rights: {beyond}")],
        )
    if expires_in_days is not None and not 1 <= expires_in_days <= 3650:
        raise ApiError(
            400, [Problem("invalid_expiry", "유효 기간은 1~3650일입니다 / 1-3650 days", path="/expires_in_days")]
        )
    secret = tokens.new_api_token()
    row = ApiToken(
        clinic_id=caller.clinic_id,
        name=name.strip(),
        token_hash=tokens.digest(secret),
        prefix=secret[:10],
        permissions=sorted(set(permissions)),
        created_by=caller.actor,
        expires_at=utcnow() + timedelta(days=expires_in_days) if expires_in_days else None,
    )
    db.add(row)
    await db.flush()
    audit.record(db, caller, "token.create", f"token:{row.id}", permissions=row.permissions)
    return secret, row


async def list_tokens(db: AsyncSession, caller: Caller) -> list[ApiToken]:
    # api_tokens is looked up before a clinic is known, so it is filtered here explicitly.
    query = select(ApiToken).where(ApiToken.clinic_id == caller.clinic_id).order_by(ApiToken.id)
    return list((await db.execute(query)).scalars())


async def revoke_token(db: AsyncSession, caller: Caller, token_id: int) -> None:
    row = await db.get(ApiToken, token_id)
    if row is None or row.clinic_id != caller.clinic_id:
        raise not_found("토큰", "token")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        forget_token(row.id)  # this process's look-up cache (another process's expires in TOKEN_CACHE_S)
        audit.record(db, caller, "token.revoke", f"token:{row.id}")
