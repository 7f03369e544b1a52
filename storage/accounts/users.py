"""Users and clinics: create them, set passwords through one-time links, and check a log-in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.accounts import passwords, sessions, throttle, tokens
from storage.accounts.config import AuthSettings
from storage.errors import ApiError, Problem
from storage.models import Clinic, LoginSession, OneTimeToken, User
from storage.models.base import utcnow
from storage.names import ROLES

EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s.]{1,63}$")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")

BAD_CREDENTIALS = "이메일 또는 비밀번호가 올바르지 않습니다 / wrong e-mail or password"


def _bad(code: str, message: str, path: str) -> ApiError:
    return ApiError(400, [Problem(code, message, path=path)])


def normalise_email(email: str) -> str:
    email = email.strip().lower()
    if not EMAIL.match(email):
        raise _bad("invalid_email", "이메일 주소가 올바르지 않습니다 / invalid e-mail address", "/email")
    return email


async def create_clinic(db: AsyncSession, slug: str, name: str) -> Clinic:
    slug = slug.strip().lower()
    if not SLUG.match(slug):
        raise _bad(
            "invalid_slug",
            "병원 식별자는 영문 소문자·숫자·하이픈 2~63자입니다 / slug: 2-63 of a-z, 0-9, '-'",
            "/slug",
        )
    if not name.strip() or len(name) > 200:
        raise _bad("invalid_name", "병원 이름이 필요합니다 (200자 이하) / clinic name required (≤ 200)", "/name")
    if (await db.execute(select(Clinic).where(Clinic.slug == slug))).scalar_one_or_none() is not None:
        raise ApiError(409, [Problem("slug_taken", "이미 있는 병원 식별자입니다 / slug already in use", path="/slug")])
    clinic = Clinic(slug=slug, name=name.strip())
    db.add(clinic)
    await db.flush()
    return clinic


async def create_user(
    db: AsyncSession, email: str, name: str, role: str, clinic_id: int | None, password: str | None = None
) -> User:
    """A user of a clinic (or a platform admin, who has none). Without a password, log-in waits for a link."""
    email = normalise_email(email)
    if role not in ROLES:
        raise _bad("invalid_role", f"역할은 {', '.join(ROLES)} 중 하나입니다 / role must be one of {ROLES}", "/role")
    if (role == "platform_admin") != (clinic_id is None):
        raise _bad(
            "invalid_clinic",
            "플랫폼 관리자만 병원 없이 만듭니다 / only platform admins have no clinic",
            "/clinic",
        )
    if not name.strip() or len(name) > 100:
        raise _bad("invalid_name", "이름이 필요합니다 (100자 이하) / name required (≤ 100)", "/name")
    # Unique per clinic only: whether another clinic uses the address is none of this clinic's business (an
    # answer that differed would tell any manager which addresses hold accounts elsewhere).
    same_clinic = User.clinic_id.is_(None) if clinic_id is None else User.clinic_id == clinic_id
    taken = (await db.execute(select(User.id).where(User.email == email, same_clinic))).scalar_one_or_none()
    if taken is not None:
        raise ApiError(
            409,
            [
                Problem(
                    "email_taken",
                    "이 병원에 이미 등록된 이메일입니다 / e-mail already registered in this clinic",
                    path="/email",
                )
            ],
        )
    user = User(
        email=email,
        name=name.strip(),
        role=role,
        clinic_id=clinic_id,
        password_hash=passwords.hash_password(password) if password is not None else None,
    )
    db.add(user)
    await db.flush()
    return user


async def count_users(db: AsyncSession) -> int:
    return int((await db.execute(select(func.count(User.id)))).scalar_one())


async def issue_password_link(db: AsyncSession, user: User, auth: AuthSettings) -> str:
    """A one-time token that lets ``user`` set a password once, before it expires."""
    token = tokens.new_secret()
    db.add(OneTimeToken(token_hash=tokens.digest(token), user_id=user.id, expires_at=utcnow() + auth.one_time_link_ttl))
    await db.flush()
    return token


async def set_password_with_link(db: AsyncSession, token: str, password: str, ip: str | None) -> User:
    """Use a one-time token: set the password, end the user's other sessions. A token works once."""
    passwords.check_policy(password)
    now = utcnow()
    row = (
        await db.execute(select(OneTimeToken).where(OneTimeToken.token_hash == tokens.digest(token)))
    ).scalar_one_or_none()
    user = await db.get(User, row.user_id) if row is not None else None
    if row is None or user is None or row.used_at is not None or row.expires_at <= now or not user.active:
        raise ApiError(
            400,
            [
                Problem(
                    "invalid_link",
                    "링크가 만료되었거나 이미 사용되었습니다 / link expired or already used",
                    path="/token",
                )
            ],
        )
    row.used_at = now
    user.password_hash = passwords.hash_password(password)
    await sessions.close_user_sessions(db, user.id)
    audit.record_for(db, user.clinic_id, f"user:{user.id}", "auth.password_set", f"user:{user.id}", ip)
    return user


@dataclass(frozen=True)
class LoginResult:
    user: User
    session_token: str
    session: LoginSession


class LoginRefused(Exception):
    def __init__(
        self, error: ApiError, retry_after: int | None = None, clinics: list[dict[str, str]] | None = None
    ) -> None:
        super().__init__(str(error))
        self.error = error
        self.retry_after = retry_after
        self.clinics = clinics  # choose_clinic: the clinics whose account this password opened

    def body(self) -> dict[str, Any]:
        body = self.error.body()
        if self.clinics is not None:
            body["clinics"] = self.clinics
        return body


def _locked(until: datetime, now: datetime) -> LoginRefused:
    minutes = max(1, int((until - now).total_seconds() + 59) // 60)
    error = ApiError(
        429,
        [
            Problem(
                "login_locked",
                f"로그인 실패가 많아 잠시 잠겼습니다. {minutes}분 후에 다시 시도하세요 / "
                f"too many failed log-ins; try again in {minutes} minutes",
            )
        ],
    )
    return LoginRefused(error, retry_after=int((until - now).total_seconds()) + 1)


async def login(
    db: AsyncSession,
    email: str,
    password: str,
    auth: AuthSettings,
    ip: str | None,
    user_agent: str | None,
    clinic: str | None = None,
) -> LoginResult:
    """Check a log-in. Failures are counted and audited; raises LoginRefused (the caller commits first).

    An address may hold accounts in several clinics (each its own password): the account whose password
    matches is the one logged in. When one password opens accounts in several clinics, the answer is 409
    ``choose_clinic`` naming those clinics (the caller proved the password of each), and the form sends
    ``clinic`` (a slug) again. ``clinic`` also restricts the check to that clinic's account.
    """
    now = utcnow()
    email = email.strip().lower()[:254]
    lock = await throttle.locked_until(db, [throttle.account_key(email), throttle.ip_key(ip)], now)
    query = select(User, Clinic).outerjoin(Clinic, Clinic.id == User.clinic_id).where(User.email == email)
    if clinic:
        query = query.where(Clinic.slug == clinic.strip().lower()[:63])
    accounts = [(u, c) for u, c in (await db.execute(query.order_by(User.id))).all()]
    first = accounts[0][0] if accounts else None
    clinic_id = first.clinic_id if first else None
    target = f"user:{first.id}" if first else None
    if lock is not None:
        audit.record_for(db, clinic_id, "anonymous", "auth.login_locked", target, ip)
        raise _locked(lock, now)
    if accounts:
        opened = [(u, c) for u, c in accounts if passwords.verify_password(u.password_hash, password) and u.active]
    else:
        passwords.verify_password(None, password)  # an unknown address costs the same time as a wrong password
        opened = []
    if not opened:
        started = await throttle.record_failure(db, email, ip, auth, now)
        audit.record_for(db, clinic_id, "anonymous", "auth.login_failed", target, ip)
        if started is not None:
            raise _locked(started, now)
        raise LoginRefused(ApiError(401, [Problem("bad_credentials", BAD_CREDENTIALS)]))
    if len(opened) > 1:
        raise _choose_clinic([c for _, c in opened])
    user = opened[0][0]
    await throttle.clear_account(db, email)
    if user.password_hash and passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    user.last_login_at = now
    token, session = await sessions.open_session(db, user, auth, ip, user_agent)
    audit.record_for(db, user.clinic_id, f"user:{user.id}", "auth.login", f"user:{user.id}", ip)
    return LoginResult(user, token, session)


def _choose_clinic(found: list[Clinic | None]) -> LoginRefused:
    clinics = [c for c in found if c is not None]
    names = ", ".join(c.name for c in clinics)
    error = ApiError(
        409,
        [
            Problem(
                "choose_clinic",
                f"이 계정은 여러 병원에 있습니다. 병원을 고르세요: {names} / "
                f"this log-in opens accounts in several clinics; choose one: {names}",
                path="/clinic",
            )
        ],
    )
    return LoginRefused(error, clinics=[{"slug": c.slug, "name": c.name} for c in clinics])
