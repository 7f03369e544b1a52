"""Workflows through the HTTP API: import, edit, validate, publish, versions, export."""

from __future__ import annotations

import copy
from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient

Client = AsyncTestClient[Litestar]

CARE: dict[str, Any] = {
    "format": "doctorsflow.workflow/v1",
    "name": "백내장 수술 후 관리",
    "description": "Cataract post-op care",
    "nodes": [
        {"id": "start", "type": "trigger.procedure_completed", "params": {"procedures": ["cataract"]}},
        {"id": "d1", "type": "wait.until", "params": {"anchor": "trigger", "offset_days": 1, "at": "10:00"}},
        {
            "id": "care1",
            "type": "send.sms",
            "params": {
                "text": "{{ patient.name }}님, 오늘은 안약을 2시간마다 점안해 주세요.",
                "purpose": "informational",
            },
        },
    ],
    "edges": [{"source": "start", "target": "d1"}, {"source": "d1", "target": "care1"}],
}


async def _create(client: Client, doc: dict[str, Any] = CARE) -> dict[str, Any]:
    response = await client.post("/api/workflows/import", json=doc)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_published_version_never_changes_when_the_draft_is_edited(client: Client) -> None:
    # Given an imported workflow, published as version 1
    created = await _create(client)
    wid = created["id"]
    published = await client.post(f"/api/workflows/{wid}/publish")
    assert published.status_code == 201, published.text
    assert published.json()["version"] == 1
    # When the draft is edited
    edited = copy.deepcopy(CARE)
    edited["nodes"][1]["params"]["at"] = "11:00"
    assert (await client.put(f"/api/workflows/{wid}", json=edited)).status_code == 200
    # Then version 1 still holds 10:00, the draft and its export hold 11:00
    v1 = (await client.get(f"/api/workflows/{wid}/versions/1")).json()
    assert v1["document"]["nodes"][1]["params"]["at"] == "10:00"
    assert (await client.get(f"/api/workflows/{wid}/export")).json() == edited
    assert (await client.get(f"/api/workflows/{wid}/export?version=1")).json() == CARE
    # And publishing again makes version 2, and re-publishing an unchanged draft adds nothing
    assert (await client.post(f"/api/workflows/{wid}/publish")).json()["version"] == 2
    assert (await client.post(f"/api/workflows/{wid}/publish")).json()["version"] == 2
    detail = (await client.get(f"/api/workflows/{wid}")).json()
    assert [v["version"] for v in detail["versions"]] == [1, 2]
    assert detail["published_version"] == 2


async def test_publishing_an_invalid_draft_is_refused_with_the_reasons(client: Client) -> None:
    broken = copy.deepcopy(CARE)
    broken["edges"].append({"source": "care1", "target": "ghost"})
    wid = (await _create(client, broken))["id"]
    response = await client.post(f"/api/workflows/{wid}/publish")
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors and all({"code", "node", "path", "message"} <= set(e) for e in errors)
    assert (await client.get(f"/api/workflows/{wid}/versions")).json() == {"versions": []}
    report = (await client.post(f"/api/workflows/{wid}/validate")).json()
    assert report["valid"] is False and report["errors"]


async def test_bad_bodies_get_4xx_with_error_objects_and_change_nothing(client: Client) -> None:
    for body in (b"{not json", b"[]", b'"text"', b'{"format": "other", "name": "", "nodes": 3}'):
        response = await client.post("/api/workflows", content=body, headers={"content-type": "application/json"})
        assert 400 <= response.status_code < 500, (body, response.status_code)
        assert response.json()["errors"][0]["code"]
    assert (await client.get("/api/workflows")).json() == {"workflows": []}
    assert (await client.get("/api/workflows/999")).status_code == 404
    assert (await client.get("/api/nothing-here")).status_code == 404


async def test_catalogue_lists_every_v1_node_type(client: Client) -> None:
    types = {n["type"] for n in (await client.get("/api/nodes")).json()["nodes"]}
    assert {
        "trigger.appointment_booked",
        "trigger.appointment_cancelled",
        "trigger.procedure_completed",
        "trigger.consent_granted",
        "trigger.patient_created",
        "trigger.schedule",
        "trigger.manual",
        "wait.duration",
        "wait.until",
        "branch.condition",
        "branch.consent",
        "end",
        "send.alimtalk",
        "send.friendtalk",
        "send.sms",
        "patient.tag",
        "notify.staff",
    } <= types


async def test_examples_can_be_listed_and_imported(client: Client) -> None:
    examples = (await client.get("/api/examples")).json()["examples"]
    assert len(examples) >= 5
    imported = await client.post(f"/api/examples/{examples[0]['slug']}/import")
    assert imported.status_code == 201
    wid = imported.json()["id"]
    assert (await client.post(f"/api/workflows/{wid}/validate")).json() == {"valid": True, "errors": []}
    assert (await client.post("/api/examples/no-such-example/import")).status_code == 404


async def test_a_bad_workflow_name_is_named_as_the_editors_name_box(client: Client) -> None:
    # found in the user trial: the manager types into "워크플로 이름"; the refusal said "이름은 1~200자 문자열…"
    for name, korean, english in (
        ("가" * 201, "너무 깁니다 (최대 200자)", "too long (at most 200 characters)"),
        ("   ", "비어 있으면 안 됩니다", "must not be empty"),
    ):
        answer = await client.post("/api/workflows", json={**CARE, "name": name})
        assert answer.status_code == 422, answer.text
        (problem,) = answer.json()["errors"]
        assert problem["path"] == "/name"
        assert problem["message"] == f"워크플로 이름: {korean} / Workflow name: {english}"
    assert (await client.get("/api/workflows")).json()["workflows"] == []
