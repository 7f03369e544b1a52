"""The probe's bad inputs over HTTP: deeply nested JSON, dates out of range, surrogates and wrong types answer
4xx with a problem body, never 500; an unexpected exception answers a problem body with a request id."""

from __future__ import annotations

import json
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.hardening.raw_post import raw_post_problem
from tests.support.documents import BOOKED, REMINDER, event

NESTED = ("[" * 1000 + "]" * 1000).encode()  # about 2 KB
NESTED_OBJECT = ('{"a":' * 1000 + "1" + "}" * 1000).encode()


def _event(**overrides: Any) -> dict[str, Any]:
    return {**event("appointment.booked", "probe-1", appointment=BOOKED), **overrides}


@pytest.mark.parametrize("body", [NESTED, NESTED_OBJECT])
@pytest.mark.parametrize("path", ["/api/auth/login", "/api/auth/set-password", "/api/events", "/api/validate"])
async def test_deeply_nested_json_answers_400(
    client: AsyncTestClient[Litestar], anonymous_client: AsyncTestClient[Litestar], path: str, body: bytes
) -> None:
    problem = await raw_post_problem(client, anonymous_client, path, body)
    assert problem["code"] == "too_deep" and " / " in problem["message"]


async def test_moderately_nested_json_still_works(client: AsyncTestClient[Litestar]) -> None:
    nested: Any = "x"
    for _ in range(30):
        nested = {"k": nested}
    answer = await client.post("/api/events", json=_event(appointment={**BOOKED, "x": nested}))
    assert answer.status_code == 201, answer.text  # 30 levels are no problem


@pytest.mark.parametrize(
    "value", ["0001-01-01T00:00:00+09:00", "9999-12-31T23:59:59-09:00", "0001-01-01T00:00:00", "+275760-09-13"]
)
async def test_an_event_with_a_date_out_of_range_answers_422(client: AsyncTestClient[Litestar], value: str) -> None:
    answer = await client.post("/api/events", json=_event(occurred_at=value))
    assert answer.status_code == 422, answer.text
    assert answer.json()["errors"][0]["path"] == "/occurred_at"
    answer = await client.post(
        "/api/events", json=_event(external_id="probe-2", appointment={**BOOKED, "starts_at": value})
    )
    assert answer.status_code == 422, answer.text
    assert answer.json()["errors"][0]["path"] == "/appointment/starts_at"


async def test_an_event_with_a_lone_surrogate_in_a_name_answers_422(client: AsyncTestClient[Litestar]) -> None:
    body = json.dumps(_event(patient={"chart_no": "C-9", "name": "\ud800kim", "phone": "010-1234-5678"})).encode()
    assert b"\\ud800" in body
    answer = await client.post("/api/events", content=body, headers={"Content-Type": "application/json"})
    assert answer.status_code in (400, 422), answer.text
    assert answer.json()["errors"][0]["path"] in ("/patient/name", "")


@pytest.mark.parametrize(
    "patient",
    [{"name": True}, {"phone": 1}, {"consents": "yes"}, {"consents": {"marketing": "sure"}}, {"birth_date": []}],
)
async def test_simulate_with_a_wrongly_typed_patient_answers_422(
    client: AsyncTestClient[Litestar], patient: dict[str, Any]
) -> None:
    body = {"workflow": REMINDER, "event": _event(), "patient": patient}
    answer = await client.post("/api/simulate", json=body)
    assert answer.status_code == 422, answer.text
    assert answer.json()["errors"][0]["path"].startswith("/patient")


def test_a_deeply_nested_provider_report_is_refused_not_crashed_on() -> None:
    from runtime.channels.solapi import SolapiWebhookError, parse_solapi_webhook

    with pytest.raises(SolapiWebhookError):
        parse_solapi_webhook(NESTED)


@pytest.mark.parametrize("timeout", ["abc", "nan", "-1", "1e9"])
async def test_a_connection_test_with_a_bad_timeout_answers_422(
    client: AsyncTestClient[Litestar], timeout: str
) -> None:
    # Found by schemathesis: a timeout that is not a number answered 500
    answer = await client.post("/api/channels/test-connection", json={"provider": "sandbox", "timeout_s": timeout})
    assert answer.status_code == 422, answer.text
    assert "timeout_s" in answer.json()["errors"][0]["message"]


async def test_a_since_out_of_range_says_the_range_not_only_iso_8601(client: AsyncTestClient[Litestar]) -> None:
    # Found by the probe: "0001-01-01T00:00:00Z" is ISO 8601, yet the answer said only "must be ISO 8601"
    answer = await client.get("/api/messages", params={"since": "0001-01-01T00:00:00Z"})
    assert answer.status_code == 400
    problem = answer.json()["errors"][0]
    assert problem["path"] == "/since" and "1900" in problem["message"] and " / " in problem["message"]
