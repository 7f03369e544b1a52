"""Team administration by the clinic's managers: change a role or name, deactivate and reactivate, and a
one-time link to (re)set a password — no e-mail is sent: the manager hands the link over.

A clinic always keeps one active manager, and nobody changes their own role or switches themselves off.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.accounts import sessions, users
from storage.accounts.config import AuthSettings
from storage.errors import ApiError, Problem, not_found
from storage.models import OneTimeToken, User
from storage.models.base import utcnow
from storage.tenancy import Caller

CLINIC_ROLES = ("manager", "staff", "reviewer")


async def clinic_user(session: AsyncSession, caller: Caller, user_id: int) -> User:
    """A user of the caller's clinic (users is not clinic-scoped: platform admins have none), or 404."""
    user = await session.get(User, user_id)
    if user is None or user.clinic_id != caller.clinic_id:
        raise not_found("사용자", "user")
    return user


def _conflict(message: str, path: str = "") -> ApiError:
    return ApiError(409, [Problem("conflict", message, path=path)])


async def _other_active_managers(session: AsyncSession, user: User) -> int:
    query = select(func.count(User.id)).where(
        User.clinic_id == user.clinic_id, User.role == "manager", User.active.is_(True), User.id != user.id
    )
    return int((await session.execute(query)).scalar_one())


async def change_user(session: AsyncSession, caller: Caller, user_id: int, body: Any) -> User:
    """``{"role"?, "name"?, "active"?}``: every field checked before anything changes; audited."""
    user = await clinic_user(session, caller, user_id)  # another clinic's user is not found, whatever the body
    if not isinstance(body, dict):
        raise ApiError(422, [Problem("not_an_object", "본문은 JSON 객체여야 합니다 / body must be a JSON object")])
    unknown = sorted(set(body) - {"role", "name", "active"})
    if unknown:
        raise ApiError(
            422,
            [Problem("unknown_field", f"알 수 없는 항목입니다: {k} / unknown field", path=f"/{k}") for k in unknown],
        )
    role, name, active = body.get("role", user.role), body.get("name", user.name), body.get("active", user.active)
    if role not in CLINIC_ROLES:
        raise ApiError(
            422,
            [
                Problem(
                    "invalid_role",
                    f"역할은 {', '.join(CLINIC_ROLES)} 중 하나입니다 / role must be one of {', '.join(CLINIC_ROLES)}",
                    path="/role",
                )
            ],
        )
    if not isinstance(name, str) or not name.strip() or len(name) > 100:
        raise ApiError(
            422, [Problem("invalid_name", "이름이 필요합니다 (100자 이하) / name required (≤ 100)", path="/name")]
        )
    if not isinstance(active, bool):
        raise ApiError(
            422, [Problem("invalid_active", "active는 true/false입니다 / active must be a boolean", "/active")]
        )
    if user.id == caller.user_id and (role != user.role or not active):
        raise _conflict(
            "자기 자신의 역할을 바꾸거나 끌 수 없습니다 / you cannot change your own role or deactivate yourself"
        )
    losing_manager = user.role == "manager" and user.active and (role != "manager" or not active)
    if losing_manager and not await _other_active_managers(session, user):
        raise _conflict(
            "병원에는 활성 관리자가 한 명 이상 있어야 합니다 / the clinic needs at least one active manager"
        )
    changed = {
        key: True
        for key, before, after in (
            ("role", user.role, role),
            ("name", user.name, name.strip()),
            ("active", user.active, active),
        )
        if before != after
    }
    before_role = user.role
    user.role, user.name, user.active = role, name.strip(), active
    if "role" in changed or not active:
        await sessions.close_user_sessions(session, user.id)  # new permissions (or none) from the next log-in
    if changed:
        audit.record(
            session,
            caller,
            "user.update" if active or "active" not in changed else "user.disable",
            f"user:{user.id}",
            fields=sorted(changed),
            role=role,
            previous_role=before_role,
        )
    return user


async def reset_link(session: AsyncSession, caller: Caller, user_id: int, auth: AuthSettings) -> str:
    """A new one-time link for ``user_id`` to set a password; earlier unused links stop working. The current
    password keeps working until the link is used (then every session of the user ends)."""
    user = await clinic_user(session, caller, user_id)
    if not user.active:
        raise _conflict("비활성 사용자입니다. 먼저 다시 활성화하세요 / the user is deactivated: reactivate first")
    now = utcnow()
    await session.execute(
        update(OneTimeToken)
        .where(OneTimeToken.user_id == user.id, OneTimeToken.used_at.is_(None), OneTimeToken.expires_at > now)
        .values(expires_at=now)
    )
    token = await users.issue_password_link(session, user, auth)
    audit.record(session, caller, "user.reset_link", f"user:{user.id}")
    return token
