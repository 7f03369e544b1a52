"""Schemathesis against the app's own OpenAPI, logged in as a manager: no input makes a 500.

A bounded number of examples per operation keeps this well under a minute.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any, cast

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from litestar import Litestar
from schemathesis.core.result import Ok
from schemathesis.python import asgi
from schemathesis.schemas import APIOperation

from storage.config import Settings
from storage.db import dispose_engines
from tests.support.login import make_login

# `make fuzz` raises it (DOCTORSFLOW_SCHEMATHESIS_EXAMPLES) for the long run.
EXAMPLES_PER_OPERATION = int(os.environ.get("DOCTORSFLOW_SCHEMATHESIS_EXAMPLES", "6"))


def _manager_headers(test_settings: Settings, role: str = "manager") -> dict[str, str]:
    async def go() -> dict[str, str]:
        try:
            login = await make_login(test_settings, role)
        finally:
            await dispose_engines()
        return {
            "Cookie": f"df_session={login.session_token}; df_csrf={login.csrf_token}",
            "X-CSRF-Token": login.csrf_token,
        }

    return asyncio.run(go())


def test_no_operation_answers_500_to_a_logged_in_manager(app: Litestar, settings: Settings) -> None:
    # Given the app's own OpenAPI schema and a manager's session
    schema = schemathesis.openapi.from_asgi("/schema/openapi.json", app)
    headers = _manager_headers(settings)
    # Log-out ends the session: it goes last. Log-in answers 401 to generated credentials, as it should.
    results = list(schema.get_all_operations())
    assert all(isinstance(result, Ok) for result in results), [r for r in results if not isinstance(r, Ok)]
    operations = sorted((cast(Ok[APIOperation], r).ok() for r in results), key=lambda op: op.path.endswith("/logout"))
    assert len(operations) > 20
    server_errors: list[str] = []
    statuses: list[int] = []

    # When each operation gets generated requests (through one in-process client), Then none answers 5xx
    with asgi.get_client(cast(asgi.ASGIApp, app)) as session:  # a Litestar app is an ASGI app
        for operation in operations:
            _exercise(operation, session, headers, server_errors, statuses)
    assert server_errors == []
    # And the requests really were authenticated: most answers are not 401
    assert statuses.count(401) < len(statuses) // 10 and any(200 <= s < 300 for s in statuses)


@pytest.mark.parametrize("role", ["staff", "reviewer", "anonymous"])
def test_no_operation_answers_500_to_any_other_role(app: Litestar, settings: Settings, role: str) -> None:
    # Given every operation, as a staff member, a reviewer or nobody logged in (fewer examples: most are refused)
    schema = schemathesis.openapi.from_asgi("/schema/openapi.json", app)
    headers = {} if role == "anonymous" else _manager_headers(settings, role)
    operations = [cast(Ok[APIOperation], r).ok() for r in schema.get_all_operations()]
    operations.sort(key=lambda op: op.path.endswith("/logout"))
    server_errors: list[str] = []
    with asgi.get_client(cast(asgi.ASGIApp, app)) as session:
        for operation in operations:
            _exercise(operation, session, headers, server_errors, [], examples=max(2, EXAMPLES_PER_OPERATION // 3))
    # Then none answers 5xx
    assert server_errors == []


def _exercise(
    operation: Any,
    session: Any,
    headers: dict[str, str],
    server_errors: list[str],
    statuses: list[int],
    examples: int = EXAMPLES_PER_OPERATION,
) -> None:
    """Send a bounded number of generated requests to one operation; collect every 5xx."""

    @hypothesis_settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def check(case: schemathesis.Case) -> None:
        answer = case.call(session=session, headers=headers)
        if not case.path.startswith("/api/auth/log"):
            statuses.append(answer.status_code)
        if answer.status_code >= 500:
            server_errors.append(f"{case.method} {case.formatted_path}: {answer.status_code} {answer.text[:200]}")

    check()
