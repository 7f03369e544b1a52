"""AlimTalk nodes are checked against the caller's clinic's template library (the shipped library as its
seed, the clinic's own templates over it) in POST /api/lint, the lint of a stored workflow, sign-off and the
publish gate; offline ``doctorsflow lint`` keeps the shipped library."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from compliance.alimtalk_catalogue import TemplateCatalogue
from compliance.graph_rules import lint_workflow

# The template lifecycle itself: the clinic starts without approved copies of the library (tests/support/clinic.py).
pytestmark = pytest.mark.own_templates

Client = AsyncTestClient[Litestar]
ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = "/api/alimtalk-templates"
CUSTOM = {
    "code": "CLINIC_CLOSED",
    "name": "휴진 안내",
    "category": "appointment",
    "text": "#{이름}님, #{날짜} 예약하신 진료가 휴진으로 변경되었습니다. 문의: #{병원전화}",
}


def example(slug: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((ROOT / "examples" / f"{slug}.json").read_text("utf-8"))
    return doc


def with_template(doc: dict[str, Any], node_id: str, code: str, variables: dict[str, str]) -> dict[str, Any]:
    for node in doc["nodes"]:
        if node["id"] == node_id:
            node["params"]["template"] = code
            node["params"]["variables"] = variables
    return doc


def template_rules(body: dict[str, Any], node: str) -> set[str]:
    return {f["rule"] for f in body["findings"] if f["node"] == node and f["rule"].startswith("KAKAO-TEMPLATE")}


async def lint(client: Client, doc: dict[str, Any]) -> dict[str, Any]:
    response = await client.post("/api/lint", json={"workflow": doc})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_a_library_original_is_unapproved_until_the_clinics_copy_is_approved(client: Client) -> None:
    doc = example("cataract-postop")
    # Given a fresh clinic (issue 15): a library original is never sendable — Kakao approves per channel
    assert template_rules(await lint(client, doc), "care_d1") == {"KAKAO-TEMPLATE-UNAPPROVED"}
    # When the clinic copies the template to submit it under its own channel: a draft, then submitted
    assert (await client.post(f"{TEMPLATES}/library/POSTOP_CATARACT_D1/copy")).status_code == 201
    assert template_rules(await lint(client, doc), "care_d1") == {"KAKAO-TEMPLATE-UNAPPROVED"}
    await client.post(f"{TEMPLATES}/POSTOP_CATARACT_D1/submit")
    assert template_rules(await lint(client, doc), "care_d1") == {"KAKAO-TEMPLATE-UNAPPROVED"}
    # Then clean once Kakao approved the clinic's copy
    await client.post(f"{TEMPLATES}/POSTOP_CATARACT_D1/approve")
    assert template_rules(await lint(client, doc), "care_d1") == set()


async def test_variables_are_checked_against_the_clinics_own_text(client: Client) -> None:
    assert (await client.post(TEMPLATES, json=CUSTOM)).status_code == 201
    await client.post(f"{TEMPLATES}/CLINIC_CLOSED/submit")
    await client.post(f"{TEMPLATES}/CLINIC_CLOSED/approve")
    good = {"이름": "{{ patient.name }}", "날짜": "3월 2일", "병원전화": "{{ clinic.phone }}"}
    doc = with_template(example("cataract-postop"), "care_d1", "CLINIC_CLOSED", good)
    assert template_rules(await lint(client, doc), "care_d1") == set()
    # a variable of the library template the node used before is not one of the clinic's text
    wrong = {"이름": "{{ patient.name }}", "병원명": "{{ clinic.name }}", "병원전화": "{{ clinic.phone }}"}
    body = await lint(client, with_template(example("cataract-postop"), "care_d1", "CLINIC_CLOSED", wrong))
    [finding] = [f for f in body["findings"] if f["rule"] == "KAKAO-TEMPLATE-VARIABLES"]
    assert "날짜" in finding["message"] and "병원명" in finding["message"]
    # offline, the shipped library knows nothing of the clinic's template
    offline = lint_workflow(with_template(example("cataract-postop"), "care_d1", "CLINIC_CLOSED", good))
    assert "KAKAO-TEMPLATE-UNAPPROVED" in {f.rule for f in offline.findings if f.node == "care_d1"}


async def test_stored_lint_signoff_and_publish_use_the_clinics_templates(client: Client) -> None:
    response = await client.post("/api/workflows/import", json=example("cataract-postop"))
    assert response.status_code == 201, response.text
    wid = response.json()["id"]
    for code in ("POSTOP_CATARACT_D1", "POSTOP_CATARACT_D7"):  # approved copies of the other two (issue 15)
        await client.post(f"{TEMPLATES}/library/{code}/copy")
        await client.post(f"{TEMPLATES}/{code}/submit")
        await client.post(f"{TEMPLATES}/{code}/approve")
    await client.post(f"{TEMPLATES}/library/POSTOP_CATARACT_D3/copy")
    # While the clinic's copy is a draft: the stored lint names it, sign-off and publish are refused
    stored = (await client.get(f"/api/workflows/{wid}/lint")).json()
    assert template_rules(stored, "care_d3") == {"KAKAO-TEMPLATE-UNAPPROVED"}
    signoff = await client.post(f"/api/workflows/{wid}/signoff", json={"reviewer_name": "김검토"})
    assert signoff.status_code == 422
    assert {"KAKAO-TEMPLATE-UNAPPROVED"} == {e["code"] for e in signoff.json()["errors"]}
    refused = await client.post(f"/api/workflows/{wid}/publish")
    assert refused.status_code == 422
    assert [(e["code"], e["node"]) for e in refused.json()["errors"]] == [("KAKAO-TEMPLATE-UNAPPROVED", "care_d3")]
    # Once Kakao approves it, the same workflow publishes
    await client.post(f"{TEMPLATES}/POSTOP_CATARACT_D3/submit")
    await client.post(f"{TEMPLATES}/POSTOP_CATARACT_D3/approve")
    assert template_rules((await client.get(f"/api/workflows/{wid}/lint")).json(), "care_d3") == set()
    assert (await client.post(f"/api/workflows/{wid}/publish")).status_code == 201


async def test_each_clinic_sees_only_its_own_templates(settings: object) -> None:
    from storage.alimtalk_templates import store
    from storage.alimtalk_templates.store import clinic_catalogue
    from storage.config import Settings
    from storage.db import dispose_engines, session_scope
    from storage.migrate import ensure_default_clinic
    from storage.models import Clinic
    from storage.tenancy import Caller

    assert isinstance(settings, Settings)
    first = await ensure_default_clinic(settings)
    async with session_scope(settings, None) as session:
        other = Clinic(slug="other-clinic", name="다른성형외과")
        session.add(other)
        await session.flush()
        second = other.id
    # Given the first clinic has a draft copy of a library template and a template of its own
    async with session_scope(settings, first) as session:
        await store.copy_from_library(session, Caller(clinic_id=first), "POSTOP_CATARACT_D1")
        await store.create(session, Caller(clinic_id=first), CUSTOM)
    async with session_scope(settings, first) as session:
        mine = await clinic_catalogue(session)
    async with session_scope(settings, second) as session:
        theirs = await clinic_catalogue(session)
    await dispose_engines()

    # Then only the first clinic sees them
    def status(catalogue: TemplateCatalogue, code: str) -> str | None:
        found = catalogue.get(code)
        return found.status if found else None

    assert (status(mine, "POSTOP_CATARACT_D1"), status(mine, "CLINIC_CLOSED")) == ("draft", "draft")
    # the other clinic sees the library original, which it may not send (issue 15)
    assert (status(theirs, "POSTOP_CATARACT_D1"), status(theirs, "CLINIC_CLOSED")) == ("library", None)
