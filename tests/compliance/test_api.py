"""Compliance over HTTP: POST /api/lint, lint of stored workflows, sign-off, and the publish check."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

Client = AsyncTestClient[Litestar]
BAD = json.loads((Path(__file__).parent / "data" / "bad-campaign.json").read_text("utf-8"))
ROOT = Path(__file__).resolve().parents[2]
CAMPAIGN = json.loads((ROOT / "examples" / "marketing-eye-checkup-campaign.json").read_text("utf-8"))


@pytest.fixture
async def lint_client(client: Client) -> AsyncIterator[Client]:
    # server.py wires compliance.api.ROUTES; ``client`` is logged in as a manager (tests/conftest.py)
    yield client


async def test_post_lint_workflow_returns_the_design_report(lint_client: Client) -> None:
    response = await lint_client.post("/api/lint", json={"workflow": BAD})
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"findings", "errors", "warnings"} and body["errors"] > 0
    assert ("CONSENT-MARKETING-GATE", "ad") in {(f["rule"], f["node"]) for f in body["findings"]}


async def test_post_lint_in_sarif_and_html(lint_client: Client) -> None:
    sarif = await lint_client.post("/api/lint?format=sarif", json={"workflow": BAD})
    assert sarif.json()["version"] == "2.1.0"
    html = await lint_client.post("/api/lint?format=html", json={"workflow": BAD})
    assert html.headers["content-type"].startswith("text/html") and "CONSENT-MARKETING-GATE" in html.text


async def test_post_lint_messages(lint_client: Client) -> None:
    messages = [
        {"id": "m1", "channel": "sms", "purpose": "informational", "text": "내일 10시 예약입니다."},
        {"id": "m2", "channel": "alimtalk", "purpose": "informational", "text": "할인 이벤트!"},
    ]
    body = (await lint_client.post("/api/lint", json={"messages": messages})).json()
    assert [r["id"] for r in body["results"]] == ["m1", "m2"]
    assert body["results"][0]["findings"] == []
    assert "KAKAO-ALIMTALK-PROMO" in {f["rule"] for f in body["results"][1]["findings"]}


@pytest.mark.parametrize(
    "payload",
    [
        [],
        {"workflow": BAD, "messages": []},
        {"messages": [{"id": 1, "channel": "fax", "purpose": "x", "text": 3}]},
        {"workflow": "x"},
    ],
)
async def test_bad_lint_bodies_are_422_with_problems(lint_client: Client, payload: Any) -> None:
    response = await lint_client.post("/api/lint", json=payload)
    assert response.status_code == 422
    assert response.json()["errors"][0]["code"]


async def _import(client: Client, doc: dict[str, Any]) -> int:
    response = await client.post("/api/workflows/import", json=doc)
    assert response.status_code == 201, response.text
    workflow_id: int = response.json()["id"]
    return workflow_id


async def test_publish_is_refused_while_a_lint_error_remains(lint_client: Client) -> None:
    # Given a valid workflow whose FriendTalk is not behind a marketing-consent branch
    doc = json.loads(json.dumps(CAMPAIGN))
    doc["edges"] = [{"source": "start", "target": "ad"}, {"source": "ad", "target": "tag"}]
    doc["nodes"] = [n for n in doc["nodes"] if n["id"] not in ("marketing", "no_consent")]
    wid = await _import(lint_client, doc)
    # When it is published, Then it is refused with the lint error named
    response = await lint_client.post(f"/api/workflows/{wid}/publish")
    assert response.status_code == 422, response.text
    assert {"code": "CONSENT-MARKETING-GATE", "node": "ad"}.items() <= response.json()["errors"][0].items()
    lint = (await lint_client.get(f"/api/workflows/{wid}/lint")).json()
    assert lint["errors"] == 1


async def test_signoff_is_kept_with_the_published_version(lint_client: Client) -> None:
    wid = await _import(lint_client, CAMPAIGN)
    # an advertising workflow needs the approval number (or a note why none is needed)
    refused = await lint_client.post(f"/api/workflows/{wid}/signoff", json={"reviewer_name": "김검토"})
    assert refused.status_code == 422 and refused.json()["errors"][0]["code"] == "approval_number_required"
    signed = await lint_client.post(
        f"/api/workflows/{wid}/signoff",
        json={"reviewer_name": "김검토", "approval_number": "제2026-1234호", "note": "검토 완료"},
    )
    assert signed.status_code == 201, signed.text
    assert signed.json()["version"] is None
    assert (await lint_client.post(f"/api/workflows/{wid}/publish")).status_code == 201
    published_lint = await lint_client.get(f"/api/workflows/{wid}/lint?version=1&format=html")
    assert published_lint.status_code == 200 and "<html" in published_lint.text
    # the exported report says who signed this document, when (Korean date) and the approval number
    assert 'id="signed"' in published_lint.text and "manager 사용자" in published_lint.text
    assert "제2026-1234호" in published_lint.text
    assert re.search(r"\d{4}년 \d{1,2}월 \d{1,2}일 \([월화수목금토일]\) 오[전후] \d{1,2}:\d\d", published_lint.text)
    assert (await lint_client.get(f"/api/workflows/{wid}/lint?version=7")).status_code == 404
    [signoff] = (await lint_client.get(f"/api/workflows/{wid}/signoffs")).json()["signoffs"]
    # issue 15: the reviewer is the logged-in user (tests/support/login.py names them "<role> 사용자"), not a typed name
    assert (signoff["version"], signoff["reviewer_name"], signoff["approval_number"]) == (
        1,
        "manager 사용자",
        "제2026-1234호",
    )


async def test_an_unsigned_reports_sign_off_block_is_left_blank(lint_client: Client) -> None:
    wid = await _import(lint_client, CAMPAIGN)
    html = (await lint_client.get(f"/api/workflows/{wid}/lint?format=html")).text
    assert 'id="signed"' not in html and "검토자 서명 <span" in html


async def test_signoff_refused_with_errors_and_suppressions_need_reasons(lint_client: Client) -> None:
    doc = json.loads(json.dumps(CAMPAIGN))
    doc["nodes"][2]["params"]["text"] = "국내 최초! " + doc["nodes"][2]["params"]["text"]
    wid = await _import(lint_client, doc)
    refused = await lint_client.post(
        f"/api/workflows/{wid}/signoff", json={"reviewer_name": "김검토", "approval_number": "1"}
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["code"] in {"ADV-LABEL", "MSA-SUPERLATIVE"}


async def test_signoff_suppressions_show_in_later_reports(lint_client: Client) -> None:
    doc = json.loads(json.dumps(CAMPAIGN))
    doc["nodes"][0]["params"]["cron"] = "0 22 15 3,9 *"  # 22:00: ADV-NIGHT warning
    wid = await _import(lint_client, doc)
    no_reason = await lint_client.post(
        f"/api/workflows/{wid}/signoff",
        json={
            "reviewer_name": "김검토",
            "approval_number": "1",
            "suppressions": [{"rule": "ADV-NIGHT", "node": "ad", "reason": ""}],
        },
    )
    assert no_reason.status_code == 422
    signed = await lint_client.post(
        f"/api/workflows/{wid}/signoff",
        json={
            "reviewer_name": "김검토",
            "approval_number": "1",
            "suppressions": [{"rule": "ADV-NIGHT", "node": "ad", "reason": "런타임이 08:00까지 보류함"}],
        },
    )
    assert signed.status_code == 201, signed.text
    lint = (await lint_client.get(f"/api/workflows/{wid}/lint")).json()
    [night] = [f for f in lint["findings"] if f["rule"] == "ADV-NIGHT"]
    assert night["suppressed"] == {"reason": "런타임이 08:00까지 보류함"} and lint["warnings"] == 0


async def test_lint_of_a_missing_workflow_is_404(lint_client: Client) -> None:
    assert (await lint_client.get("/api/workflows/9999/lint")).status_code == 404


async def test_lint_reads_the_clinics_night_windows(lint_client: Client, settings: Any) -> None:
    """An SMS ad at 21:30 is at night by default (21:00–08:00), not for a clinic whose night starts at 22:00:
    online lint reads the caller's clinic settings (the publish gate and sign-off pass them the same way)."""
    from storage.db import session_scope
    from storage.models import Clinic

    ad = "(광고) {{ clinic.name }} 검진 안내 무료수신거부 {{ clinic.optout_number }}"
    workflow = {
        "format": "doctorsflow.workflow/v1",
        "name": "late ad",
        "nodes": [
            {"id": "start", "type": "trigger.appointment_booked", "params": {}},
            {"id": "gate", "type": "branch.consent", "params": {"purpose": "marketing"}},
            {"id": "wait", "type": "wait.until", "params": {"anchor": "trigger", "offset_days": 1, "at": "21:30"}},
            {"id": "ad", "type": "send.sms", "params": {"text": ad, "purpose": "advertising"}},
        ],
        "edges": [
            {"source": "start", "target": "gate"},
            {"source": "gate", "sourcePort": "yes", "target": "wait"},
            {"source": "wait", "target": "ad"},
        ],
    }

    async def night_findings() -> list[str]:
        body = (await lint_client.post("/api/lint", json={"workflow": workflow})).json()
        return [f["message"] for f in body["findings"] if f["rule"] == "ADV-NIGHT"]

    default = await night_findings()
    assert len(default) == 1 and "21:00–08:00" in default[0]
    async with session_scope(settings, None) as session:
        clinic = await session.get(Clinic, 1)
        assert clinic is not None
        clinic.settings = {**clinic.settings, "night_sms_start": "22:00"}
    assert await night_findings() == []
