"""Every /api route of the assembled app, tried as: anonymous, each role of clinic A, and a manager of
clinic B holding ids of clinic A's objects. Routes are read from ``app.routes``, so a route added later
is covered without touching this file — and a route that declares no permission fails here."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from litestar import Litestar
from litestar.handlers import HTTPRouteHandler
from litestar.routes import HTTPRoute
from litestar.testing import AsyncTestClient
from sqlalchemy import select

from storage.accounts.guards import Requirement, route_requirement
from storage.accounts.permissions import permissions_of
from storage.config import Settings
from storage.db import session_scope
from storage.models import ApiToken, User, Workflow
from tests.conftest import ClientAs

EXAMPLE = "cataract-postop"
DOC = json.loads((Path(__file__).parents[2] / "examples" / f"{EXAMPLE}.json").read_text("utf-8"))
PARAM = re.compile(r"\{(\w+)(?::(\w+))?\}")
ROLES_OF_A = ("manager", "staff", "reviewer", "platform_admin")


def api_routes(app: Litestar) -> Iterator[tuple[str, str, HTTPRouteHandler]]:
    """(path template, method, handler) of every /api route."""
    for route in app.routes:
        if not isinstance(route, HTTPRoute) or not (route.path == "/api" or route.path.startswith("/api/")):
            continue
        for handler in route.route_handlers:
            for method in sorted(handler.http_methods):
                if method not in ("HEAD", "OPTIONS"):
                    yield route.path, method, handler


def object_params(path: str) -> list[str]:
    return [name for name, _ in PARAM.findall(path) if name.endswith("_id") or name == "version"]


def fill(path: str, ids: dict[str, Any]) -> str:
    def value(match: re.Match[str]) -> str:
        name, kind = match.group(1), match.group(2) or "str"
        if name in ids:
            return str(ids[name])
        return "1" if kind == "int" else "x"  # clinic A made the first rows of every table: ids 1

    return PARAM.sub(value, path)


async def call(client: AsyncTestClient[Litestar], method: str, url: str) -> Any:
    body = DOC if method in ("POST", "PUT", "PATCH") else None
    return await client.request(method, url, json=body)


def code_of(answer: Any) -> str:
    try:
        return str(answer.json()["errors"][0]["code"])
    except Exception:
        return ""


async def _seed_clinic_a(client: AsyncTestClient[Litestar], settings: Settings) -> dict[str, Any]:
    """Clinic A (the default clinic) gets a published workflow, an API token and a staff user."""
    imported = await client.post(f"/api/examples/{EXAMPLE}/import")
    assert imported.status_code == 201, imported.text
    workflow_id = imported.json()["id"]
    assert (await client.post(f"/api/workflows/{workflow_id}/publish")).status_code == 201
    token = await client.post("/api/tokens", json={"name": "emr", "permissions": ["event.write"]})
    staff = await client.post("/api/users", json={"email": "staff-a@clinic.kr", "name": "직원", "role": "staff"})
    return {
        "workflow_id": workflow_id,
        "version": 1,
        "token_id": token.json()["id"],
        "user_id": staff.json()["id"],
        "slug": EXAMPLE,
        "clinic_slug": "default",
    }


def test_every_api_route_declares_what_it_needs(app: Litestar) -> None:
    table = app.state.route_permissions
    undeclared = [f"{m} {p}" for p, m, h in api_routes(app) if route_requirement(h, table) is None]
    assert undeclared == [], "add guards=[requires(...)] or ROUTE_PERMISSIONS (storage/accounts/guards.py)"


def test_public_api_routes_are_exactly_the_known_ones(app: Litestar) -> None:
    # A route without a log-in is a decision: log-in, first password, a clinic's privacy policy, and the
    # provider webhooks (which check a signature of the clinic instead).
    table = app.state.route_permissions
    public = {f"{m} {p}" for p, m, h in api_routes(app) if getattr(route_requirement(h, table), "public", False)}
    assert public == {
        "POST /api/auth/login",
        "POST /api/auth/set-password",
        "GET /api/privacy-policy/{clinic_slug:str}",
        "POST /api/webhooks/{clinic_slug:str}/events",
        "POST /api/webhooks/{clinic_slug:str}/inbound",
        "POST /api/webhooks/{clinic_slug:str}/solapi/reports",
    }


async def test_every_route_answers_401_403_404_where_it_must(
    app: Litestar,
    client: AsyncTestClient[Litestar],
    anonymous_client: AsyncTestClient[Litestar],
    client_as: ClientAs,
    settings: Settings,
) -> None:
    # Given clinic A with objects, and callers of every kind
    ids = await _seed_clinic_a(client, settings)
    table = app.state.route_permissions
    routes = [(p, m, h, route_requirement(h, table)) for p, m, h in api_routes(app)]
    assert len(routes) > 20
    other_manager = await client_as("manager", clinic="clinic-b")
    failures: list[str] = []

    # When anonymous, Then every route that is not public answers 401
    for path, method, _, need in routes:
        assert isinstance(need, Requirement)
        if need.public:
            continue
        answer = await call(anonymous_client, method, fill(path, ids))
        if answer.status_code != 401:
            failures.append(f"anonymous {method} {path}: {answer.status_code}")

    # When a manager of clinic B uses clinic A's ids, Then they are never found (nor changed)
    cross_checked = 0
    for path, method, _, need in routes:
        assert need is not None
        if need.public or not object_params(path) or not need.actions <= permissions_of("manager"):
            continue
        answer = await call(other_manager, method, fill(path, ids))
        cross_checked += 1
        # A body of the wrong shape is refused (400) before any row is read, which reveals nothing either.
        refused_body = answer.status_code == 400 and answer.json()["errors"][0]["code"] == "bad_request"
        if answer.status_code not in (403, 404) and not refused_body:
            failures.append(f"clinic B {method} {path}: {answer.status_code} {answer.text[:120]}")

    assert cross_checked >= 10
    # When each role of clinic A calls every route, Then a missing permission is 403 and a held one passes
    # the guard (mutating routes last, so that reads see the objects; log-out at the very end)
    role_clients = {role: await client_as(role) for role in ROLES_OF_A}
    ordered = sorted(routes, key=lambda r: (r[0].endswith("/logout"), r[1] != "GET", r[1] == "DELETE"))
    for role, role_client in role_clients.items():
        held = permissions_of(role)
        for path, method, _, need in ordered:
            assert need is not None
            if need.public:
                continue
            answer = await call(role_client, method, fill(path, ids))
            denied = answer.status_code == 403 and code_of(answer) == "permission_denied"
            if not need.actions <= held and not denied:
                failures.append(f"{role} {method} {path}: {answer.status_code}, expected 403 permission_denied")
            if need.actions <= held and (answer.status_code == 401 or denied):
                failures.append(f"{role} {method} {path}: {answer.status_code}, expected to pass the guard")
    assert failures == [], "\n".join(failures)


async def test_clinic_b_cannot_touch_clinic_a_objects(
    client: AsyncTestClient[Litestar], client_as: ClientAs, settings: Settings
) -> None:
    # Given clinic A's workflow, token and user
    ids = await _seed_clinic_a(client, settings)
    other = await client_as("manager", clinic="clinic-b")
    # When clinic B's manager tries to change them
    assert (await other.put(f"/api/workflows/{ids['workflow_id']}", json=DOC)).status_code == 404
    assert (await other.delete(f"/api/workflows/{ids['workflow_id']}")).status_code == 404
    assert (await other.delete(f"/api/tokens/{ids['token_id']}")).status_code == 404
    assert (await other.delete(f"/api/users/{ids['user_id']}")).status_code == 404
    # And lists show nothing of clinic A
    assert (await other.get("/api/workflows")).json()["workflows"] == []
    assert (await other.get("/api/tokens")).json()["tokens"] == []
    assert all(e["actor"] != "user:1" for e in (await other.get("/api/audit")).json()["entries"])
    # Then everything of clinic A is as it was
    async with session_scope(settings, None) as db:
        workflow = await db.get(Workflow, ids["workflow_id"])
        token = await db.get(ApiToken, ids["token_id"])
        user = (await db.execute(select(User).where(User.id == ids["user_id"]))).scalar_one()
        assert workflow is not None and not workflow.archived
        assert token is not None and token.revoked_at is None
        assert user.active
