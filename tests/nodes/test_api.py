"""``GET /api/nodes`` and ``POST /api/validate`` on the real app, logged in (the answers are the clinic's: its
procedure codes are offered and accepted)."""

from __future__ import annotations

from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.nodes.test_validation import VALID

Client = AsyncTestClient[Litestar]


async def test_catalogue_lists_every_node_type_with_its_schema(client: Client) -> None:
    response = await client.get("/api/nodes")
    assert response.status_code == 200
    entries = {n["type"]: n for n in response.json()["nodes"]}
    assert len(entries) == 19
    wait_until = entries["wait.until"]
    assert wait_until["label"] == {"ko": "날짜·시각까지 대기", "en": "Wait until"}
    assert wait_until["schema"]["properties"]["at"]["pattern"] == r"^([01]\d|2[0-3]):[0-5]\d$"
    assert entries["branch.condition"]["outputs"] == ["yes", "no"]
    variables = {v["name"]: v["description"] for v in response.json()["variables"]}
    assert variables["patient.name"] == "환자 이름 / patient name"


async def test_validate_answers_a_report_for_valid_and_invalid_documents(client: Client) -> None:
    assert (await client.post("/api/validate", json=VALID)).json() == {"valid": True, "errors": []}
    broken = {**VALID, "edges": [*VALID["edges"], {"source": "care1", "target": "care1"}]}
    response = await client.post("/api/validate", json=broken)
    assert response.status_code == 200
    assert response.json()["valid"] is False
    assert response.json()["errors"][0]["code"] == "cycle"
    not_documents: list[Any] = [[], "text", 3, None]
    for body in not_documents:
        answer = await client.post("/api/validate", json=body)
        assert answer.status_code == 200 and answer.json()["errors"][0]["code"] == "invalid_document"


async def test_operation_ids_are_stable(client: Client) -> None:
    paths = (await client.get("/schema/openapi.json")).json()["paths"]
    assert paths["/api/nodes"]["get"]["operationId"] == "ListNodeTypes"
    assert paths["/api/validate"]["post"]["operationId"] == "ValidateDocument"


async def test_summaries_read_each_node_as_a_sentence(client: Client) -> None:
    body = {
        "nodes": [
            {"id": "d1", "type": "wait.until", "params": {"anchor": "appointment", "offset_days": -1, "at": "18:00"}},
            {"id": "half", "type": "wait.duration", "params": {"days": "not a number"}},
            {"id": "odd", "type": "no.such_type"},
            {"id": 3, "type": "end"},
        ]
    }
    response = await client.post("/api/nodes/summaries", json=body)
    assert response.status_code == 200
    summaries = response.json()["summaries"]
    assert summaries["d1"] == {
        "ko": "예약 전날 오후 6:00까지 기다림",
        "en": "Wait until 18:00, 1 day before the appointment",
    }
    assert summaries["half"] == {"ko": "시간 대기", "en": "Wait for a duration"}  # a draft reads as the label
    assert summaries["odd"]["ko"] == "no.such_type"
    assert set(summaries) == {"d1", "half", "odd"}


@pytest.mark.parametrize("body", [None, [], {"nodes": "x"}, {"nodes": [{}] * 1001}])
async def test_summaries_refuse_a_body_without_a_node_list(client: Client, body: Any) -> None:
    response = await client.post("/api/nodes/summaries", json=body)
    assert response.status_code == 400
    assert response.json()["errors"][0]["path"] == "/nodes"


async def test_every_variable_has_a_sample_value(client: Client) -> None:
    variables = (await client.get("/api/nodes")).json()["variables"]
    assert all(v["sample"] for v in variables), [v["name"] for v in variables if not v["sample"]]
    assert {"name": "patient.name", "description": "환자 이름 / patient name", "sample": "김민지"} in variables
