"""Commands of accounts: ``create-clinic``, ``create-user``, ``webhook-secret``, and the first-login link
that ``serve`` prints when the embedded set-up has no user yet."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from typing import TYPE_CHECKING, Any

from nodes.cli_format import EXIT_INVALID, EXIT_OK, add_format, emit, emit_errors
from storage.config import Settings
from storage.names import DEFAULT_CLINIC_SLUG, ROLES

# The database and the account services are imported by the commands (the functions below), not here: entry.py
# imports this module on every command's start.
if TYPE_CHECKING:
    from storage.errors import ApiError


def register(commands: Any) -> None:
    clinic = commands.add_parser("create-clinic", help="병원 만들기 / create a clinic")
    clinic.add_argument("--slug", required=True, help="영문 식별자 / short id, e.g. seoul-eye")
    clinic.add_argument("--name", required=True, help="병원 이름 / clinic name")
    add_format(clinic)
    clinic.set_defaults(handler=run_create_clinic)

    user = commands.add_parser("create-user", help="사용자 만들기 / create a user")
    user.add_argument("--email", required=True)
    user.add_argument("--name", required=True)
    user.add_argument("--role", required=True, choices=ROLES)
    user.add_argument("--clinic", default=None, help=f"병원 식별자 / clinic slug (default: {DEFAULT_CLINIC_SLUG})")
    user.add_argument("--password-stdin", action="store_true", help="표준 입력에서 비밀번호 / read password from stdin")
    user.add_argument("--link", action="store_true", help="비밀번호 대신 일회용 링크 / print a one-time link instead")
    add_format(user)
    user.set_defaults(handler=run_create_user)

    secret = commands.add_parser("webhook-secret", help="웹훅 비밀키 만들기 / create a webhook secret")
    secret.add_argument("--clinic", default=DEFAULT_CLINIC_SLUG, help="병원 식별자 / clinic slug")
    secret.add_argument("--name", default="default")
    add_format(secret)
    secret.set_defaults(handler=run_webhook_secret)


def _fail(args: argparse.Namespace, error: ApiError, status: int = EXIT_INVALID) -> int:
    problems = error.body()["errors"]
    emit_errors(args, problems, "\n".join(f"오류 / error: {problem['message']}" for problem in problems))
    return status


def run_create_clinic(args: argparse.Namespace) -> int:
    from storage.accounts import users
    from storage.db import dispose_engines, session_scope
    from storage.errors import ApiError
    from storage.migrate import upgrade

    settings = Settings.from_env()
    upgrade(settings)  # a fresh data dir works like every other command's (set-up starts here)

    async def go() -> dict[str, Any]:
        try:
            async with session_scope(settings, None) as db:
                clinic = await users.create_clinic(db, args.slug, args.name)
                return {"id": clinic.id, "slug": clinic.slug, "name": clinic.name}
        finally:
            await dispose_engines()

    try:
        made = asyncio.run(go())
    except ApiError as error:
        return _fail(args, error)
    emit(args, {"clinic": made}, f"병원을 만들었습니다 / clinic created: {made['slug']} (id {made['id']})")
    return EXIT_OK


def _read_password(args: argparse.Namespace) -> str | None:
    if args.link:
        return None
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("비밀번호 / password: ")
    if first != getpass.getpass("비밀번호 확인 / repeat: "):
        raise SystemExit("비밀번호가 서로 다릅니다 / passwords differ")
    return first


def run_create_user(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from storage.accounts import users
    from storage.accounts.config import AuthSettings
    from storage.db import dispose_engines, session_scope
    from storage.errors import ApiError, Problem
    from storage.migrate import upgrade
    from storage.models import Clinic

    settings = Settings.from_env()
    slug = None if args.role == "platform_admin" else (args.clinic or DEFAULT_CLINIC_SLUG)
    password = _read_password(args)
    upgrade(settings)  # the first user is often made before anything else ran

    async def go() -> dict[str, Any]:
        try:
            async with session_scope(settings, None) as db:
                clinic_id = None
                if slug is not None:
                    clinic = (await db.execute(select(Clinic).where(Clinic.slug == slug))).scalar_one_or_none()
                    if clinic is None:
                        raise ApiError(
                            404, [Problem("not_found", f"병원이 없습니다 / no clinic '{slug}'", path="/clinic")]
                        )
                    clinic_id = clinic.id
                user = await users.create_user(db, args.email, args.name, args.role, clinic_id, password)
                made: dict[str, Any] = {"id": user.id, "email": user.email, "role": user.role, "clinic": slug}
                if password is None:
                    made["setup_token"] = await users.issue_password_link(db, user, AuthSettings.from_env())
                return made
        finally:
            await dispose_engines()

    try:
        made = asyncio.run(go())
    except ApiError as error:
        return _fail(args, error)
    text = f"사용자를 만들었습니다 / user created: {made['email']} ({made['role']})"
    if "setup_token" in made:
        text += f"\n비밀번호 설정 링크 / set-password link: {setup_url('http://127.0.0.1:8000', made['setup_token'])}"
    emit(args, {"user": made}, text)
    return EXIT_OK


def run_webhook_secret(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from storage.accounts import webhooks
    from storage.db import dispose_engines, session_scope
    from storage.migrate import upgrade
    from storage.models import Clinic

    settings = Settings.from_env()
    upgrade(settings)

    async def go() -> str | None:
        try:
            async with session_scope(settings, None) as db:
                clinic = (await db.execute(select(Clinic).where(Clinic.slug == args.clinic))).scalar_one_or_none()
                if clinic is None:
                    return None
                return await webhooks.create_secret(db, settings, clinic.id, args.name)
        finally:
            await dispose_engines()

    secret = asyncio.run(go())
    if secret is None:
        print(f"병원이 없습니다 / no clinic '{args.clinic}'", file=sys.stderr)
        return EXIT_INVALID
    emit(
        args,
        {"clinic": args.clinic, "secret": secret},
        f"웹훅 비밀키 (한 번만 표시) / webhook secret, shown once:\n{secret}",
    )
    return EXIT_OK


def setup_url(base: str, token: str) -> str:
    # The token travels in the fragment: never sent to a server, never in an access log or a Referer.
    return f"{base.rstrip('/')}/setup#token={token}"


async def first_login_token(settings: Settings) -> str | None:
    from sqlalchemy import select

    from storage.accounts import users
    from storage.accounts.config import AuthSettings
    from storage.db import session_scope
    from storage.models import Clinic

    """When no user exists yet: a manager of the default clinic without password, and a one-time token."""
    async with session_scope(settings, None) as db:
        if await users.count_users(db) > 0:
            return None
        clinic = (await db.execute(select(Clinic).order_by(Clinic.id).limit(1))).scalar_one()
        user = await users.create_user(db, "manager@clinic.local", "관리자", "manager", clinic.id)
        return await users.issue_password_link(db, user, AuthSettings.from_env())


def print_first_login_link(settings: Settings, host: str, port: int) -> None:
    """Called by ``serve``: prints a one-time link instead of ever having a default password."""
    from storage.db import dispose_engines

    async def go() -> str | None:
        try:
            return await first_login_token(settings)
        finally:
            await dispose_engines()

    token = asyncio.run(go())
    if token is not None:
        shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
        print(
            "\n처음 로그인: 아래 링크에서 관리자 비밀번호를 정하세요 (24시간, 한 번만) / "
            "first log-in: set the manager's password at this one-time link (24 h):\n"
            f"  {setup_url(f'http://{shown}:{port}', token)}\n  (e-mail: manager@clinic.local)\n",
            flush=True,
        )
