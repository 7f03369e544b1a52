"""HTTP API of accounts: log-in and sessions, API tokens, users, clinics (platform) and the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, cast

from litestar import Controller, Request, Response, delete, get, patch, post
from litestar.datastructures import Cookie, State
from litestar.params import Parameter
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.accounts import api_tokens, sessions, team, users, webhooks
from storage.accounts.authenticate import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    auth_settings_of,
    client_ip,
    current,
    is_https,
)
from storage.accounts.guards import PUBLIC, requires
from storage.accounts.names import actor_names
from storage.accounts.permissions import ACTIONS, permissions_of
from storage.accounts.schemas import (
    ActionList,
    AuditPage,
    ClinicBody,
    ClinicList,
    LoginAnswer,
    LoginBody,
    Me,
    NewClinic,
    NewToken,
    NewUser,
    NewWebhookSecret,
    PasswordLink,
    Role,
    SetPasswordBody,
    TokenBody,
    TokenList,
    TokenView,
    UserBody,
    UserChange,
    UserList,
    UserView,
    WebhookSecretBody,
    WebhookSecretList,
    WebhookSecretView,
)
from storage.db import session_scope
from storage.errors import ApiError, Problem, not_found
from storage.models import ApiToken, AuditEntry, Clinic, User, WebhookSecret
from storage.openapi import BodyShape
from storage.tenancy import Caller

AUTH_BODY_LIMIT = 16 * 1024  # a log-in form is tiny: refuse big bodies before parsing


def user_view(user: User) -> UserView:
    return {
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "role": cast(Role, user.role),
        "clinic_id": user.clinic_id,
        "permissions": sorted(permissions_of(user.role)),
        "active": user.active,
        "invited": user.password_hash is None,
        "last_login_at": user.last_login_at.isoformat() if user.last_login_at else None,
    }


def token_view(row: ApiToken) -> TokenView:
    def iso(value: datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "id": row.id,
        "name": row.name,
        "prefix": row.prefix,
        "permissions": row.permissions,
        "created_by": row.created_by,
        "created_at": iso(row.created_at),
        "expires_at": iso(row.expires_at),
        "last_used_at": iso(row.last_used_at),
        "revoked_at": iso(row.revoked_at),
    }


def _session_cookies(request: Request[Any, Any, Any], token: str, csrf: str, max_age: int) -> list[Cookie]:
    secure = is_https(request)
    return [
        Cookie(
            key=SESSION_COOKIE, value=token, path="/", httponly=True, samesite="lax", secure=secure, max_age=max_age
        ),
        # Readable by the editor's script, which echoes it in X-CSRF-Token (double-submit).
        Cookie(key=CSRF_COOKIE, value=csrf, path="/", httponly=False, samesite="lax", secure=secure, max_age=max_age),
    ]


def _cleared_cookies() -> list[Cookie]:
    return [Cookie(key=name, value="", path="/", max_age=0, expires=0) for name in (SESSION_COOKIE, CSRF_COOKIE)]


def _require_json(request: Request[Any, Any, Any]) -> None:
    # A cross-site HTML form can post text/plain that parses as JSON; only a script of our own origin can
    # send application/json without a CORS preflight. This closes log-in CSRF (the form has no session yet).
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        raise ApiError(415, [Problem("unsupported_media_type", "JSON으로 보내세요 / send application/json")])


class AuthController(Controller):
    path = "/api/auth"
    tags = ["auth"]

    @post("/login", operation_id="Login", guards=[PUBLIC], status_code=200, request_max_body_size=AUTH_BODY_LIMIT)
    async def login(self, request: Request[Any, Any, State], data: LoginBody) -> Response[LoginAnswer]:
        """Log in with e-mail and password: sets the df_session and df_csrf cookies."""
        _require_json(request)
        auth = auth_settings_of(request)
        refused: users.LoginRefused | None = None
        async with session_scope(request.app.state.settings, None) as db:
            try:
                result = await users.login(
                    db,
                    data.email,
                    data.password,
                    auth,
                    client_ip(request),
                    request.headers.get("user-agent"),
                    clinic=data.clinic,
                )
            except users.LoginRefused as error:
                refused = error  # leave the block normally so the failure count and audit entry commit
            else:
                body: LoginAnswer = {"user": user_view(result.user), "csrf_token": result.session.csrf_token}
                cookies = _session_cookies(
                    request, result.session_token, result.session.csrf_token, int(auth.absolute_timeout.total_seconds())
                )
        if refused is not None:
            headers = {"Retry-After": str(refused.retry_after)} if refused.retry_after else {}
            refusal: Response[Any] = Response(refused.body(), status_code=refused.error.status_code, headers=headers)
            return refusal
        return Response(body, cookies=cookies)

    @post("/logout", operation_id="Logout", guards=[requires()], status_code=204)
    async def logout(self, request: Request[Any, Any, State], caller: Caller) -> Response[None]:
        auth = current(request)
        async with session_scope(request.app.state.settings, None) as db:
            if auth is not None and auth.session_id is not None:
                await sessions.close_session(db, auth.session_id)
            audit.record(db, caller, "auth.logout", caller.actor)
        return Response(None, status_code=204, cookies=_cleared_cookies())

    @get("/me", operation_id="Me", guards=[requires()])
    async def me(self, request: Request[Any, Any, State], caller: Caller, db_session: AsyncSession) -> Me:
        auth = current(request)
        clinic = await db_session.get(Clinic, caller.clinic_id) if caller.clinic_id else None
        body: Me = {
            "actor": caller.actor,
            "role": caller.role,
            "permissions": sorted(auth.permissions) if auth else [],
            "clinic": {"id": clinic.id, "slug": clinic.slug, "name": clinic.name} if clinic else None,
            "user": None,
        }
        if caller.user_id is not None:
            user = await db_session.get(User, caller.user_id)
            if user is not None:
                body["user"] = user_view(user)
                # the editor reads these at the top
                body["id"], body["name"], body["email"] = user.id, user.name, user.email
        if auth is not None and auth.csrf_token:
            body["csrf_token"] = auth.csrf_token
        return body

    @post(
        "/set-password",
        operation_id="SetPassword",
        guards=[PUBLIC],
        status_code=200,
        request_max_body_size=AUTH_BODY_LIMIT,
    )
    async def set_password(self, request: Request[Any, Any, State], data: SetPasswordBody) -> Response[LoginAnswer]:
        """Use a one-time link (first log-in or reset) to set a password; logs the user in."""
        _require_json(request)
        auth = auth_settings_of(request)
        ip = client_ip(request)
        async with session_scope(request.app.state.settings, None) as db:
            user = await users.set_password_with_link(db, data.token, data.password, ip)
            token, session = await sessions.open_session(db, user, auth, ip, request.headers.get("user-agent"))
            body: LoginAnswer = {"user": user_view(user), "csrf_token": session.csrf_token}
        cookies = _session_cookies(request, token, session.csrf_token, int(auth.absolute_timeout.total_seconds()))
        return Response(body, cookies=cookies)

    @get("/actions", operation_id="ListActions", guards=[requires()])
    async def actions(self) -> ActionList:
        """Every action a role or token may hold, with its description."""
        return {"actions": [{"action": k, "description": v} for k, v in ACTIONS.items()]}


class TokenController(Controller):
    path = "/api/tokens"
    tags = ["auth"]
    guards = [requires("token.manage")]

    @get("/", operation_id="ListTokens")
    async def list_tokens(self, db_session: AsyncSession, caller: Caller) -> TokenList:
        return {"tokens": [token_view(t) for t in await api_tokens.list_tokens(db_session, caller)]}

    @post("/", operation_id="CreateToken", status_code=201)
    async def create(
        self, request: Request[Any, Any, State], db_session: AsyncSession, caller: Caller, data: TokenBody
    ) -> NewToken:
        """Create a token; its secret is in the answer once and never again."""
        auth = current(request)
        held = auth.permissions if auth else frozenset()
        secret, row = await api_tokens.create_token(
            db_session, caller, held, data.name, data.permissions, data.expires_in_days
        )
        return {**token_view(row), "token": secret}

    @delete("/{token_id:int}", operation_id="RevokeToken")
    async def revoke(self, db_session: AsyncSession, caller: Caller, token_id: int) -> None:
        await api_tokens.revoke_token(db_session, caller, token_id)


def webhook_secret_view(row: WebhookSecret) -> WebhookSecretView:
    return {
        "id": row.id,
        "name": row.name,
        "created_at": row.created_at.isoformat(),
        "revoked_at": row.revoked_at.isoformat() if row.revoked_at else None,
    }


class WebhookSecretController(Controller):
    """Secrets that booking systems and SOLAPI use to reach ``/api/webhooks/{clinic}/…`` (docs/webhooks.md)."""

    path = "/api/webhook-secrets"
    tags = ["auth"]
    guards = [requires("settings.write")]

    @get("/", operation_id="ListWebhookSecrets")
    async def list_secrets(self, db_session: AsyncSession, caller: Caller) -> WebhookSecretList:
        rows = await webhooks.list_secrets(db_session, caller.clinic_id)
        return {"secrets": [webhook_secret_view(row) for row in rows]}

    @post("/", operation_id="CreateWebhookSecret", status_code=201)
    async def create(
        self, state: State, db_session: AsyncSession, caller: Caller, data: WebhookSecretBody
    ) -> NewWebhookSecret:
        """A new secret: in this answer once and never again (stored sealed)."""
        name = data.name.strip()
        if not name or len(name) > 100:
            raise ApiError(
                422, [Problem("invalid_name", "이름은 1~100자입니다 / name must be 1–100 characters", path="/name")]
            )
        secret = await webhooks.create_secret(db_session, state.settings, caller.clinic_id, name)
        rows = await webhooks.list_secrets(db_session, caller.clinic_id)
        audit.record(db_session, caller, "webhook_secret.create", f"webhook_secret:{rows[0].id}", label=name)
        return {**webhook_secret_view(rows[0]), "secret": secret}

    @delete("/{secret_id:int}", operation_id="RevokeWebhookSecret")
    async def revoke(self, db_session: AsyncSession, caller: Caller, secret_id: int) -> None:
        row = await webhooks.revoke_secret(db_session, caller.clinic_id, secret_id)
        if row is None:
            raise not_found("웹훅 비밀키", "webhook secret")
        audit.record(db_session, caller, "webhook_secret.revoke", f"webhook_secret:{secret_id}")


class UserController(Controller):
    path = "/api/users"
    tags = ["auth"]
    guards = [requires("user.manage")]

    @get("/", operation_id="ListUsers")
    async def list_users(self, db_session: AsyncSession, caller: Caller) -> UserList:
        # users is not clinic-scoped (platform admins have no clinic): filter explicitly.
        query = select(User).where(User.clinic_id == caller.clinic_id).order_by(User.id)
        return {"users": [user_view(u) for u in (await db_session.execute(query)).scalars()]}

    @post("/", operation_id="CreateUser", status_code=201)
    async def create(
        self, request: Request[Any, Any, State], db_session: AsyncSession, caller: Caller, data: UserBody
    ) -> NewUser:
        """Add a manager, staff member or reviewer to the clinic; answers a one-time set-password token."""
        if data.role == "platform_admin":
            raise ApiError(
                403, [Problem("permission_denied", "플랫폼 관리자는 만들 수 없습니다 / not allowed", path="/role")]
            )
        user = await users.create_user(db_session, data.email, data.name, data.role, caller.clinic_id)
        link = await users.issue_password_link(db_session, user, auth_settings_of(request))
        audit.record(db_session, caller, "user.create", f"user:{user.id}", role=user.role)
        return {**user_view(user), "setup_token": link}

    @patch("/{user_id:int}", operation_id="UpdateUser")
    async def change(
        self, db_session: AsyncSession, caller: Caller, user_id: int, data: Annotated[Any, BodyShape(UserChange)]
    ) -> UserView:
        """Change a user's role or name, or deactivate / reactivate them (the clinic keeps one active manager)."""
        return user_view(await team.change_user(db_session, caller, user_id, data))

    @post("/{user_id:int}/password-link", operation_id="IssuePasswordLink", status_code=201)
    async def password_link(
        self, request: Request[Any, Any, State], db_session: AsyncSession, caller: Caller, user_id: int
    ) -> PasswordLink:
        """A new one-time link for the user to set a password (reset); earlier unused links stop working."""
        token = await team.reset_link(db_session, caller, user_id, auth_settings_of(request))
        return {"user_id": user_id, "token": token}

    @delete("/{user_id:int}", operation_id="DisableUser")
    async def disable(self, db_session: AsyncSession, caller: Caller, user_id: int) -> None:
        """Deactivate a user (their sessions end); ``PATCH {"active": true}`` brings them back."""
        await team.change_user(db_session, caller, user_id, {"active": False})


class ClinicController(Controller):
    path = "/api/clinics"
    tags = ["platform"]
    guards = [requires("clinic.admin")]

    @get("/", operation_id="ListClinics")
    async def list_clinics(self, db_session: AsyncSession) -> ClinicList:
        rows = (await db_session.execute(select(Clinic).order_by(Clinic.id))).scalars()
        return {"clinics": [{"id": c.id, "slug": c.slug, "name": c.name} for c in rows]}

    @post("/", operation_id="CreateClinic", status_code=201)
    async def create(
        self, request: Request[Any, Any, State], db_session: AsyncSession, caller: Caller, data: ClinicBody
    ) -> NewClinic:
        """Create a clinic and, optionally, its first manager (answers a one-time set-password token)."""
        clinic = await users.create_clinic(db_session, data.slug, data.name)
        audit.record(db_session, caller, "clinic.create", f"clinic:{clinic.id}")
        body: NewClinic = {"id": clinic.id, "slug": clinic.slug, "name": clinic.name, "manager": None}
        if data.manager is not None:
            user = await users.create_user(db_session, data.manager.email, data.manager.name, "manager", clinic.id)
            link = await users.issue_password_link(db_session, user, auth_settings_of(request))
            audit.record(db_session, caller, "user.create", f"user:{user.id}", role="manager")
            body["manager"] = {**user_view(user), "setup_token": link}
        return body


@get("/api/audit", operation_id="ListAudit", tags=["audit"], guards=[requires("audit.read")])
async def list_audit(
    db_session: AsyncSession,
    caller: Caller,
    action: str | None = Parameter(default=None, max_length=60),
    actor: str | None = Parameter(default=None, max_length=120),
    target: str | None = Parameter(default=None, max_length=120),
    since: datetime | None = None,
    until: datetime | None = None,
    before_id: int | None = Parameter(default=None, ge=1),
    limit: int = Parameter(default=50, ge=1, le=500),
) -> AuditPage:
    """The clinic's audit log, newest first. Page with ``before_id`` = the last answer's ``next_before_id``."""
    # audit_log is not clinic-scoped (platform entries have no clinic): filter explicitly.
    query = select(AuditEntry).where(AuditEntry.clinic_id == caller.clinic_id)
    if action:
        query = query.where(AuditEntry.action == action)
    if actor:
        query = query.where(AuditEntry.actor == actor)
    if target:
        query = query.where(AuditEntry.target == target)
    for bound, op in ((since, "ge"), (until, "lt")):
        if bound is not None:
            if bound.tzinfo is None:
                raise ApiError(400, [Problem("bad_request", "시간대가 필요합니다 / timezone required", path="/since")])
            query = query.where(AuditEntry.at >= bound if op == "ge" else AuditEntry.at < bound)
    if before_id is not None:
        query = query.where(AuditEntry.id < before_id)
    rows = list((await db_session.execute(query.order_by(AuditEntry.id.desc()).limit(limit + 1))).scalars())
    more = len(rows) > limit
    rows = rows[:limit]
    names = await actor_names(db_session, {e.actor for e in rows})
    return {
        "entries": [
            {
                "id": e.id,
                "at": e.at.isoformat(),
                "actor": e.actor,
                "actor_name": names.get(e.actor, e.actor),
                "action": e.action,
                "target": e.target,
                "ip": e.ip,
                "detail": e.detail,
            }
            for e in rows
        ],
        "next_before_id": rows[-1].id if more and rows else None,
    }


ROUTES: list[Any] = [
    AuthController,
    TokenController,
    WebhookSecretController,
    UserController,
    ClinicController,
    list_audit,
]
