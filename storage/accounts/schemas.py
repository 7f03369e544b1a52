"""Shapes of the accounts API's bodies (``storage/accounts/api.py``).

Requests are dataclasses (the framework checks them: a missing or mistyped field is a 400 ``bad_request``);
answers are TypedDicts, see ``nodes/schemas.py`` for why.
"""

from dataclasses import dataclass
from typing import Any, Literal, NotRequired, TypedDict

Role = Literal["platform_admin", "manager", "staff", "reviewer"]  # = storage.names.ROLES


# -- requests ---------------------------------------------------------------------------------------------
@dataclass
class LoginBody:
    email: str
    password: str
    clinic: str | None = None  # a clinic's slug: only when one password opens accounts in several (409 choose_clinic)


@dataclass
class SetPasswordBody:
    token: str
    password: str


@dataclass
class TokenBody:
    name: str
    permissions: list[str]
    expires_in_days: int | None = None


@dataclass
class UserBody:
    email: str
    name: str
    role: str


@dataclass
class UserChange:
    """Any of these; only those change."""

    role: str | None = None
    name: str | None = None
    active: bool | None = None


@dataclass
class ManagerBody:
    email: str
    name: str


@dataclass
class ClinicBody:
    slug: str
    name: str
    manager: ManagerBody | None = None


@dataclass
class WebhookSecretBody:
    name: str = "default"


# -- answers ----------------------------------------------------------------------------------------------
class UserView(TypedDict):
    id: int
    email: str
    name: str
    role: Role
    clinic_id: int | None
    permissions: list[str]
    active: bool
    invited: bool  # no password set yet: the one-time link was not used
    last_login_at: str | None


class PasswordLink(TypedDict):
    user_id: int
    token: str  # one-time set-password token (the link is /setup#token=…): in this answer only


class NewUser(UserView):
    setup_token: str  # one-time set-password link token: in this answer only


class UserList(TypedDict):
    users: list[UserView]


class LoginAnswer(TypedDict):
    user: UserView
    csrf_token: str


class ClinicInfo(TypedDict):
    id: int
    slug: str
    name: str


class Me(TypedDict):
    actor: str
    role: str
    permissions: list[str]  # actions the caller may take (storage/accounts/permissions.py)
    clinic: ClinicInfo | None
    user: UserView | None
    id: NotRequired[int]  # a logged-in user: the editor reads these at the top
    name: NotRequired[str]
    email: NotRequired[str]
    csrf_token: NotRequired[str]


class ActionInfo(TypedDict):
    action: str
    description: str


class ActionList(TypedDict):
    actions: list[ActionInfo]


class TokenView(TypedDict):
    id: int
    name: str
    prefix: str
    permissions: list[str]
    created_by: str
    created_at: str | None
    expires_at: str | None
    last_used_at: str | None
    revoked_at: str | None


class NewToken(TokenView):
    token: str  # the secret: in this answer once and never again


class TokenList(TypedDict):
    tokens: list[TokenView]


class WebhookSecretView(TypedDict):
    id: int
    name: str
    created_at: str
    revoked_at: str | None


class NewWebhookSecret(WebhookSecretView):
    secret: str  # in this answer once and never again


class WebhookSecretList(TypedDict):
    secrets: list[WebhookSecretView]


class ClinicList(TypedDict):
    clinics: list[ClinicInfo]


class NewClinic(ClinicInfo):
    manager: NewUser | None


class AuditEntryView(TypedDict):
    id: int
    at: str
    actor: str
    actor_name: str  # the person's name (or the token's, or "시스템 / system") behind actor
    action: str
    target: str | None
    ip: str | None
    detail: dict[str, Any]


class AuditPage(TypedDict):
    entries: list[AuditEntryView]
    next_before_id: int | None  # pass as before_id for the next page
