"""Schemathesis against the app's own OpenAPI, logged in as a manager: no input makes a 500.

A bounded number of examples per operation keeps this well under a minute.
"""

from __future__ import annotations

import asyncio

import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from litestar import Litestar

from storage.config import Settings
from storage.db import dispose_engines
from tests.accounts.support import make_login

EXAMPLES_PER_OPERATION = 6


def _manager_headers(test_settings: Settings) -> dict[str, str]:
    async def go() -> dict[str, str]:
        try:
            login = await make_login(test_settings, "manager")
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
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 20
    server_errors: list[str] = []

    # When each operation gets generated requests, Then none answers 5xx
    for operation in operations:

        @hypothesis_settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def check(case: schemathesis.Case) -> None:
            answer = case.call(headers=headers)
            if answer.status_code >= 500:
                server_errors.append(f"{case.method} {case.formatted_path}: {answer.status_code} {answer.text[:200]}")

        check()
    assert server_errors == []
