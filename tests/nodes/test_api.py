"""``GET /api/nodes`` and ``POST /api/validate`` on a real Litestar app holding the nodes routes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from nodes.api import ROUTES
from tests.nodes.test_validation import VALID


@pytest.fixture
def client() -> Iterator[TestClient[Litestar]]:
    with TestClient(Litestar(route_handlers=ROUTES)) as test_client:
        yield test_client


def test_catalogue_lists_every_node_type_with_its_schema(client: TestClient[Litestar]) -> None:
    response = client.get("/api/nodes")
    assert response.status_code == 200
    entries = {n["type"]: n for n in response.json()["nodes"]}
    assert len(entries) == 19
    wait_until = entries["wait.until"]
    assert wait_until["label"] == {"ko": "날짜·시각까지 대기", "en": "Wait until"}
    assert wait_until["schema"]["properties"]["at"]["pattern"] == r"^([01]\d|2[0-3]):[0-5]\d$"
    assert entries["branch.condition"]["outputs"] == ["yes", "no"]
    variables = {v["name"]: v["description"] for v in response.json()["variables"]}
    assert variables["patient.name"] == "환자 이름 / patient name"


def test_validate_answers_a_report_for_valid_and_invalid_documents(client: TestClient[Litestar]) -> None:
    assert client.post("/api/validate", json=VALID).json() == {"valid": True, "errors": []}
    broken = {**VALID, "edges": [*VALID["edges"], {"source": "care1", "target": "care1"}]}
    response = client.post("/api/validate", json=broken)
    assert response.status_code == 200
    assert response.json()["valid"] is False
    assert response.json()["errors"][0]["code"] == "cycle"
    not_documents: list[Any] = [[], "text", 3, None]
    for body in not_documents:
        answer = client.post("/api/validate", json=body)
        assert answer.status_code == 200 and answer.json()["errors"][0]["code"] == "invalid_document"


def test_operation_ids_are_stable(client: TestClient[Litestar]) -> None:
    paths = client.get("/schema/openapi.json").json()["paths"]
    assert paths["/api/nodes"]["get"]["operationId"] == "ListNodeTypes"
    assert paths["/api/validate"]["post"]["operationId"] == "ValidateDocument"
