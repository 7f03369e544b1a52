"""The publish gate as a new clinic meets it (issue 15 items 3–5): empty clinic values, unapproved AlimTalk
templates and the reviewer's sign-off of advertising, each refused with its code, then allowed once fixed."""

from __future__ import annotations

from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.conftest import ClientAs
from tests.support.documents import example

pytestmark = pytest.mark.gates
Client = AsyncTestClient[Litestar]
TEMPLATES = "/api/alimtalk-templates"
CARE = ("POSTOP_CATARACT_D1", "POSTOP_CATARACT_D3", "POSTOP_CATARACT_D7")


async def _import(client: Client, doc: dict[str, Any]) -> int:
    response = await client.post("/api/workflows/import", json=doc)
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


async def _codes(response: Any) -> set[tuple[str, str | None]]:
    return {(e["code"], e["node"]) for e in response.json()["errors"]}


async def _approve(client: Client, code: str) -> None:
    for step in (f"{TEMPLATES}/library/{code}/copy", f"{TEMPLATES}/{code}/submit", f"{TEMPLATES}/{code}/approve"):
        response = await client.post(step)
        assert response.status_code in (200, 201), response.text


async def test_empty_clinic_phone_is_an_error_in_lint_and_the_gate_until_filled(client: Client) -> None:
    for code in CARE:
        await _approve(client, code)
    wid = await _import(client, example("cataract-postop"))
    lint = (await client.get(f"/api/workflows/{wid}/lint")).json()
    empty = [f for f in lint["findings"] if f["rule"] == "MSG-EMPTY-VARIABLE"]
    assert empty and all(f["severity"] == "error" and "clinic.phone" in f["message"] for f in empty)
    refused = await client.post(f"/api/workflows/{wid}/publish")
    assert refused.status_code == 422
    assert {code for code, _ in await _codes(refused)} == {"MSG-EMPTY-VARIABLE"}
    # When the manager fills in the phone, Then the same draft publishes
    assert (await client.put("/api/clinic", json={"phone": "02-123-4567"})).status_code == 200
    assert (await client.post(f"/api/workflows/{wid}/publish")).status_code == 201


async def test_a_library_template_blocks_publishing_until_the_clinics_copy_is_approved(client: Client) -> None:
    await client.put("/api/clinic", json={"phone": "02-123-4567"})
    wid = await _import(client, example("cataract-postop"))
    refused = await client.post(f"/api/workflows/{wid}/publish")
    assert refused.status_code == 422
    assert await _codes(refused) == {("KAKAO-TEMPLATE-UNAPPROVED", n) for n in ("care_d1", "care_d3", "care_d7")}
    assert "복사" in refused.json()["errors"][0]["message"]  # says what to do
    await _approve(client, "POSTOP_CATARACT_D1")
    await _approve(client, "POSTOP_CATARACT_D3")
    refused = await client.post(f"/api/workflows/{wid}/publish")
    assert await _codes(refused) == {("KAKAO-TEMPLATE-UNAPPROVED", "care_d7")}
    await _approve(client, "POSTOP_CATARACT_D7")
    assert (await client.post(f"/api/workflows/{wid}/publish")).status_code == 201


async def test_an_empty_optout_blocks_publishing_an_ad(client: Client) -> None:
    await client.put("/api/clinic", json={"phone": "02-123-4567", "signoff_required_for_ads": False})
    wid = await _import(client, example("marketing-eye-checkup-campaign"))
    refused = await client.post(f"/api/workflows/{wid}/publish")
    assert refused.status_code == 422
    [error] = refused.json()["errors"]
    assert (error["code"], error["node"], error["path"]) == ("MSG-EMPTY-VARIABLE", "ad", "/params/text")
    await client.put("/api/clinic", json={"optout_number": "080-500-1234"})
    assert (await client.post(f"/api/workflows/{wid}/publish")).status_code == 201


async def test_an_ad_workflow_publishes_only_after_a_reviewer_signed_that_version(
    client: Client, client_as: ClientAs
) -> None:
    await client.put("/api/clinic", json={"phone": "02-123-4567", "optout_number": "080-500-1234"})
    reviewer = await client_as("reviewer")
    wid = await _import(client, example("marketing-eye-checkup-campaign"))
    # Given an advertising workflow and the default setting: the manager is told who must sign
    refused = await client.post(f"/api/workflows/{wid}/publish")
    assert refused.status_code == 422
    [error] = refused.json()["errors"]
    assert error["code"] == "signoff_required" and "reviewer 사용자" in error["message"]
    review = (await client.get(f"/api/workflows/{wid}/review")).json()
    assert review["status"] == "waiting_signoff" and "reviewer 사용자" in review["signers"]
    # When the logged-in reviewer signs (no typed name), Then the signature carries their name and it publishes
    signed = await reviewer.post(f"/api/workflows/{wid}/signoff", json={"approval_number": "제2026-77호"})
    assert signed.status_code == 201, signed.text
    assert (signed.json()["reviewer_name"], signed.json()["signed_by_name"]) == ("reviewer 사용자", "reviewer 사용자")
    assert (await client.get(f"/api/workflows/{wid}/review")).json()["status"] == "signed"
    published = await client.post(f"/api/workflows/{wid}/publish")
    assert published.status_code == 201, published.text
    assert published.json()["published_by_name"] == "manager 사용자"
    listed = {w["id"]: w for w in (await client.get("/api/review")).json()["workflows"]}
    assert (listed[wid]["status"], listed[wid]["signed_by_name"]) == ("active", "reviewer 사용자")
    # A changed draft is another version: it needs its own sign-off
    doc = (await client.get(f"/api/workflows/{wid}")).json()["document"]
    doc["name"] = "검진 안내 (수정)"
    assert (await client.put(f"/api/workflows/{wid}", json=doc)).status_code == 200
    again = await client.post(f"/api/workflows/{wid}/publish")
    assert again.status_code == 422 and again.json()["errors"][0]["code"] == "signoff_required"
    # A reviewer may not publish at all
    assert (await reviewer.post(f"/api/workflows/{wid}/publish")).status_code == 403


async def test_the_clinic_may_switch_the_signoff_requirement_off(client: Client) -> None:
    await client.put(
        "/api/clinic",
        json={"phone": "02-123-4567", "optout_number": "080-500-1234", "signoff_required_for_ads": False},
    )
    wid = await _import(client, example("marketing-eye-checkup-campaign"))
    assert (await client.post(f"/api/workflows/{wid}/publish")).status_code == 201


async def test_the_review_page_content_has_every_text_with_findings_in_place(client: Client) -> None:
    await client.put("/api/clinic", json={"phone": "02-123-4567"})
    wid = await _import(client, example("cataract-postop"))
    review = (await client.get(f"/api/workflows/{wid}/review")).json()
    assert review["status"] == "draft" and review["report_url"].endswith("/lint?format=html")
    bodies = [m for m in review["messages"] if m["field"] == "/params/template"]
    assert {m["node"] for m in bodies} == {"care_d1", "care_d3", "care_d7"}
    assert all(m["text"] and m["template_status"] == "library" for m in bodies)
    assert all("KAKAO-TEMPLATE-UNAPPROVED" in {f["rule"] for f in m["findings"]} for m in bodies)
    failover = [m for m in review["messages"] if m["field"] == "/params/failover/text"]
    assert failover and all("{{ clinic.phone }}" in m["text"] for m in failover)
    assert (await client.get(f"/api/workflows/{wid}/lint?format=html")).status_code == 200


async def test_the_review_list_shows_a_paused_or_archived_workflow_as_such_not_as_a_draft(client: Client) -> None:
    settings = {"phone": "02-123-4567", "optout_number": "080-500-1234", "signoff_required_for_ads": False}
    await client.put("/api/clinic", json=settings)
    live = await _import(client, example("marketing-eye-checkup-campaign"))
    never_published = await _import(client, example("marketing-eye-checkup-campaign"))
    assert (await client.post(f"/api/workflows/{live}/publish")).status_code == 201

    async def listed() -> dict[int, str]:
        return {w["id"]: w["status"] for w in (await client.get("/api/review")).json()["workflows"]}

    assert (await listed())[live] == "active"
    # When the manager pauses the live one, the reviewer sees it paused (its live version is unchanged)
    assert (await client.post(f"/api/workflows/{live}/pause")).status_code == 200
    assert (await listed())[live] == "paused"
    assert (await client.get(f"/api/workflows/{live}/review")).json()["status"] == "paused"
    # When both are archived, neither is shown as a draft waiting for work
    assert (await client.post(f"/api/workflows/{live}/archive")).status_code == 200
    assert (await client.post(f"/api/workflows/{never_published}/archive")).status_code == 200
    statuses = await listed()
    assert (statuses[live], statuses[never_published]) == ("archived", "archived")
    # Unarchived, it is a draft again
    assert (await client.post(f"/api/workflows/{live}/unarchive")).status_code == 200
    assert (await listed())[live] == "draft"
