"""Guards: every ``/api`` route declares what it needs, and the app refuses a route that declares nothing.

How a route declares its need (pick one):

- the guard on the handler or controller: ``@get("/api/x", guards=[requires("patient.read")])``;
  ``requires()`` with no action means "any logged-in caller"; ``PUBLIC`` means no log-in (log-in page,
  health); ``signed_webhook()`` means "a valid webhook signature of the clinic in the path";
- or, without importing accounts, a module-level ``ROUTE_PERMISSIONS = {"OperationId": "patient.read"}``
  in the package's ``api.py`` (keys are operation ids; values an action or a tuple of actions).

The app-level :func:`authorize` runs first on every route: outside ``/api`` it lets everything through;
on ``/api`` it answers 401 to anonymous callers, 403 (``csrf_failed``) to a cookie-authenticated
state-changing request without the CSRF header, 403 (``permission_denied``) when the caller lacks an
action, and 403 (``route_not_declared``) when the route declared nothing — so a forgotten route fails
closed, and ``tests/accounts/test_route_matrix.py`` fails too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import ModuleType
from typing import Any

from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler

from storage.accounts import tokens
from storage.accounts.authenticate import CSRF_COOKIE, CSRF_HEADER, Auth, authenticate, unauthorized
from storage.accounts.permissions import ACTIONS
from storage.errors import ApiError, Problem

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class Requirement:
    """A guard that also says what it requires, so the app can check that every route declares one."""

    def __init__(self, actions: Iterable[str] = (), *, public: bool = False) -> None:
        self.actions = frozenset(actions)
        unknown = self.actions - set(ACTIONS)
        if unknown:
            raise ValueError(f"unknown actions {sorted(unknown)}; known: {sorted(ACTIONS)}")
        self.public = public

    async def __call__(self, connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        if not self.public:
            await enforce(connection, self.actions)

    def __repr__(self) -> str:
        return "PUBLIC" if self.public else f"requires({', '.join(sorted(self.actions))})"


def requires(*actions: str) -> Requirement:
    """The guard of a route that needs these actions (none: any logged-in caller)."""
    return Requirement(actions)


PUBLIC = Requirement(public=True)


def permission_denied(actions: Iterable[str]) -> ApiError:
    names = ", ".join(sorted(actions))
    return ApiError(403, [Problem("permission_denied", f"이 작업을 할 권한이 없습니다 / not allowed: needs {names}")])


async def enforce(connection: ASGIConnection[Any, Any, Any, Any], actions: frozenset[str]) -> Auth:
    """Authenticate, check CSRF for cookie sessions, and check the actions; returns the caller's Auth."""
    auth = await authenticate(connection)
    if auth is None:
        raise unauthorized()
    if auth.via == "session" and connection.scope.get("method", "GET") not in SAFE_METHODS:
        header = connection.headers.get(CSRF_HEADER)
        cookie = connection.cookies.get(CSRF_COOKIE)
        if not (tokens.same(header, cookie) and tokens.same(header, auth.csrf_token)):
            raise ApiError(
                403,
                [
                    Problem(
                        "csrf_failed",
                        "보안 토큰(CSRF)이 없거나 맞지 않습니다. 페이지를 새로 고치세요 / "
                        "missing or wrong CSRF token (X-CSRF-Token); reload the page",
                    )
                ],
            )
    missing = actions - auth.permissions
    if missing:
        raise permission_denied(missing)
    return auth


def declared_requirements(handler: BaseRouteHandler) -> list[Requirement]:
    """The Requirement guards on the handler and every layer above it."""
    found: list[Requirement] = []
    for layer in handler.ownership_layers:
        found.extend(g for g in (getattr(layer, "guards", None) or []) if isinstance(g, Requirement))
    return found


def collect_route_permissions(modules: Iterable[ModuleType]) -> dict[str, frozenset[str]]:
    """Merge every module's ``ROUTE_PERMISSIONS`` (operation id → action or actions)."""
    merged: dict[str, frozenset[str]] = {}
    for module in modules:
        table: Mapping[str, str | Iterable[str]] = getattr(module, "ROUTE_PERMISSIONS", {})
        for operation_id, need in table.items():
            actions = frozenset([need] if isinstance(need, str) else need)
            unknown = actions - set(ACTIONS)
            if unknown:
                raise ValueError(f"{module.__name__}.ROUTE_PERMISSIONS[{operation_id!r}]: unknown {sorted(unknown)}")
            merged[operation_id] = actions
    return merged


def route_requirement(handler: BaseRouteHandler, table: Mapping[str, frozenset[str]]) -> Requirement | None:
    """What a route requires, from its guards or the ROUTE_PERMISSIONS table (None: nothing declared)."""
    declared = declared_requirements(handler)
    operation_id = getattr(handler, "operation_id", None)
    if isinstance(operation_id, str) and operation_id in table:
        declared.append(Requirement(table[operation_id]))
    if not declared:
        return None
    if any(r.public for r in declared):
        return PUBLIC
    return Requirement(frozenset().union(*(r.actions for r in declared)))


def is_api_route(connection: ASGIConnection[Any, Any, Any, Any]) -> bool:
    template = str(connection.scope.get("path_template") or "")
    return template == "/api" or template.startswith("/api/")


async def authorize(connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler) -> None:
    """App-level guard: authentication and permissions for every ``/api`` route (see the module doc)."""
    if not is_api_route(connection):
        return
    table = getattr(connection.app.state, "route_permissions", None) or {}
    requirement = route_requirement(handler, table)
    if requirement is None:
        if await authenticate(connection) is None:
            raise unauthorized()
        raise ApiError(
            403,
            [Problem("route_not_declared", "이 경로는 권한이 선언되지 않았습니다 / route declares no permission")],
        )
    if not requirement.public:
        await enforce(connection, requirement.actions)
