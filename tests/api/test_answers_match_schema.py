"""Real answers of the app match the shapes its OpenAPI documents (the editor's generated types rely on it).

A clinic with published workflows, runs that sent messages, a patient with consents, a template, a token, a user and a
webhook secret; then every JSON GET route of the app and the main writes, each answer checked with
JSON Schema against its documented success shape.
"""

from __future__ import annotations

import asyncio
from typing import Any

from jsonschema import Draft202012Validator
from litestar import Litestar
from litestar.testing import AsyncTestClient

from runtime.context import Runtime
from tests.accounts.test_route_matrix import api_routes, fill
from tests.conftest import ClientAs
from tests.patients.test_runtime_at_rest import cataract_and_cancellation
from tests.support.documents import event, example

BOOKED = {"id": "apt-77", "starts_at": "2026-12-03T14:30:00+09:00", "procedure": "cataract"}
NOT_JSON = {"ConsentForm", "PrivacyPolicy", "PublicPrivacyPolicy", "GetOutcomesReport"}  # HTML pages (and PDF)


def _closed(schema: Any) -> Any:
    """The schema with every described object closed: a key the answer has but the shape lacks is reported."""
    if isinstance(schema, list):
        return [_closed(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    closed = {k: _closed(v) for k, v in schema.items()}
    if "properties" in schema and "additionalProperties" not in schema:
        closed["additionalProperties"] = False
    return closed


def _problems(spec: dict[str, Any], operation: dict[str, Any], status: int, body: Any) -> list[str]:
    """Where ``body`` differs from the operation's documented answer for ``status``."""
    documented = operation["responses"].get(str(status))
    assert documented is not None, f"{operation['operationId']}: {status} is not documented"
    schema = documented["content"]["application/json"]["schema"]
    validator = Draft202012Validator(_closed({**schema, "components": spec["components"]}))
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:160]}" for e in validator.iter_errors(body)]


def _request_problems(spec: dict[str, Any], operation: dict[str, Any], body: Any) -> list[str]:
    """Where a request body the app accepts differs from the operation's documented request shape."""
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    validator = Draft202012Validator(_closed({**schema, "components": spec["components"]}))
    return [f"request {'/'.join(map(str, e.absolute_path))}: {e.message[:160]}" for e in validator.iter_errors(body)]


async def _seed(client: AsyncTestClient[Litestar]) -> dict[str, Any]:
    """One of each object, through the API; answers the ids the routes' paths need."""
    created = await client.post("/api/workflows", json=example("appointment-reminder-d1"))
    workflow_id = created.json()["id"]
    assert (await client.post(f"/api/workflows/{workflow_id}/publish")).status_code == 201
    booked = await client.post("/api/events", json=event("appointment.booked", "naver-1", appointment=BOOKED))
    assert booked.status_code == 201, booked.text
    consent = {"purpose": "marketing", "method": "paper"}
    assert (await client.post("/api/events", json=event("consent.granted", "c-1", consent=consent))).is_success
    # a draft of the clinic's own (the test clinic already holds approved copies of the library: issue 15)
    draft = {
        "code": "SCHEMA_DRAFT",
        "name": "내일 진료 안내",
        "text": "[#{병원명}] #{이름}님, 내일 진료가 있습니다.",
        "category": "appointment",
    }
    copied = await client.post("/api/alimtalk-templates", json=draft)
    assert copied.status_code == 201, copied.text
    token = await client.post("/api/tokens", json={"name": "emr", "permissions": ["event.write"]})
    user = await client.post("/api/users", json={"email": "staff@clinic.kr", "name": "직원", "role": "staff"})
    secret = await client.post("/api/webhook-secrets", json={"name": "booking"})
    rows = "이름,휴대폰\n김민지,010-1234-5678\n".encode()
    job = await client.post("/api/patients/import-jobs", files={"file": ("a.csv", rows)}, params={"dry_run": "true"})
    assert job.status_code == 202, job.text
    for _ in range(200):  # a finished job's answer carries its report too
        if (await client.get(f"/api/patients/import-jobs/{job.json()['id']}")).json()["status"] != "running":
            break
        await asyncio.sleep(0.05)
    return {
        "workflow_id": workflow_id,
        "version": 1,
        "run_id": booked.json()["runs"][0]["id"],
        "patient_id": booked.json()["patient_id"],
        "code": copied.json().get("code", "APPT_REMINDER_D1"),
        "token_id": token.json()["id"],
        "user_id": user.json()["id"],
        "secret_id": secret.json()["id"],
        "slug": "cataract-postop",
        "clinic_slug": "default",
        "provider": "solapi",
        "job_id": job.json()["id"],
    }


async def test_every_json_answer_matches_its_documented_shape(
    app: Litestar,
    client: AsyncTestClient[Litestar],
    client_as: ClientAs,
    rt: Runtime,
    clinic_id: int,
) -> None:
    # Given the app's OpenAPI, real runs that sent messages, and a clinic holding
    # one of each object (clinics: the platform admin's)
    spec = app.openapi_schema.to_schema()
    await cataract_and_cancellation(rt, clinic_id)
    ids = await _seed(client)
    sent = (await client.get("/api/messages")).json()["messages"]
    assert sent, "the runs sent nothing"
    ids["run_id"] = sent[0]["run_id"]  # the run page shows its steps' messages
    admin = await client_as("platform_admin")

    def caller(url: str) -> AsyncTestClient[Litestar]:
        return admin if url.startswith("/api/clinics") else client

    mismatches: list[str] = []
    checked = 0

    # When every JSON GET route is called with those ids
    for path, method, handler in api_routes(app):
        if method != "GET" or handler.operation_id in NOT_JSON or not handler.include_in_schema:
            continue
        url = fill(path, ids)
        answer = await caller(url).get(url)
        assert answer.status_code == 200, f"GET {url}: {answer.status_code} {answer.text[:200]}"
        operation = spec["paths"][path.replace(":int", "").replace(":str", "")]["get"]
        mismatches += [f"GET {url} {m}" for m in _problems(spec, operation, 200, answer.json())]
        checked += 1

    # And the main writes and checks are made (their bodies checked against the documented requests)
    document = example("cataract-postop")
    sim_event = event("procedure.completed", "sim-1", appointment={"id": "apt-1", "procedure": "cataract"})
    writes: list[tuple[str, str, str, Any]] = [
        ("post", "/api/validate", "/api/validate", document),
        ("post", "/api/lint", "/api/lint", {"workflow": document}),
        (
            "post",
            "/api/lint",
            "/api/lint",
            {"messages": [{"id": "a", "channel": "sms", "purpose": "advertising", "text": "할인"}]},
        ),
        ("post", "/api/simulate", "/api/simulate", {"workflow": document, "event": sim_event}),
        ("post", "/api/workflows", "/api/workflows", document),
        ("post", "/api/workflows/{workflow_id}/validate", f"/api/workflows/{ids['workflow_id']}/validate", None),
        ("post", "/api/patients/search", "/api/patients/search", {"q": "010-1234-5678"}),
        (
            "post",
            "/api/patients/{patient_id}/consents",
            f"/api/patients/{ids['patient_id']}/consents",
            {"purpose": "night_ads", "granted": True, "method": "paper"},
        ),
        ("post", "/api/patients/{patient_id}/opt-out", f"/api/patients/{ids['patient_id']}/opt-out", {}),
        ("post", "/api/patients/retention", "/api/patients/retention?dry_run=true", None),
        ("put", "/api/costs/rates", "/api/costs/rates", {"rates": {"solapi": {"sms": 9.5}}}),
        ("post", "/api/alimtalk-templates/{code}/submit", f"/api/alimtalk-templates/{ids['code']}/submit", None),
        ("post", "/api/events", "/api/events", event("appointment.booked", "naver-1", appointment=BOOKED)),
        (
            "post",
            "/api/clinics",
            "/api/clinics",
            {"slug": "b-clinic", "name": "B의원", "manager": {"email": "m@b.kr", "name": "관리자"}},
        ),
    ]
    for method, template, url, body in writes:
        answer = await caller(url).request(method.upper(), url, json=body)
        assert answer.is_success, f"{method.upper()} {url}: {answer.status_code} {answer.text[:300]}"
        operation = spec["paths"][template][method]
        if body is not None:
            mismatches += [f"{method.upper()} {url} {m}" for m in _request_problems(spec, operation, body)]
        mismatches += [
            f"{method.upper()} {url} {m}" for m in _problems(spec, operation, answer.status_code, answer.json())
        ]
        checked += 1

    # Then each answer is what the schema says (a check that can fail: an unknown key is reported) …
    assert checked > 40
    assert mismatches == []
    nodes = spec["paths"]["/api/nodes"]["get"]
    assert _problems(spec, nodes, 200, {"nodes": [], "variables": [], "extra": 1}) != []
    # … and the failures of the API are documented as its error body
    refused = await client.post("/api/lint", json={"messages": "nope"})
    assert refused.status_code == 422
    assert _problems(spec, spec["paths"]["/api/lint"]["post"], 422, refused.json()) == []
