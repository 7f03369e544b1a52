"""POST /api/simulate/campaign: which of the clinic's patients a campaign's next firing would enrol and what each
would receive — on a real app and SQLite, the patients taken in through events."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.support.documents import example

AFTER = "2026-12-01T09:00:00+09:00"  # a Tuesday: the Monday campaign next fires on 7 December


def campaign(segment: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": "doctorsflow.workflow/v1",
        "name": "검진 안내",
        "nodes": [
            {"id": "start", "type": "trigger.schedule", "params": {"cron": "0 10 * * 1", "segment": segment}},
            {"id": "later", "type": "wait.duration", "params": {"days": 1}},
            {
                "id": "sms",
                "type": "send.sms",
                "params": {
                    "purpose": "informational",
                    "text": "[{{ clinic.name }}] {{ patient.name }}님, 검진 안내입니다.",
                },
            },
        ],
        "edges": [{"source": "start", "target": "later"}, {"source": "later", "target": "sms"}],
    }


async def _patient(client: AsyncTestClient[Litestar], n: int, name: str, *, marketing: bool) -> None:
    payload: dict[str, Any] = {
        "type": "consent.granted" if marketing else "patient.created",
        "external_id": f"preview-{n}",
        "occurred_at": "2026-11-20T09:00:00+09:00",
        "patient": {"chart_no": f"C-{n}", "name": name, "phone": f"010-5555-000{n}"},
    }
    if marketing:
        payload["consent"] = {"purpose": "marketing", "method": "paper"}
    answer = await client.post("/api/events", json=payload)
    assert answer.status_code in (200, 201), answer.text


async def test_campaign_preview_lists_the_enrolled_patients_and_their_messages(
    client: AsyncTestClient[Litestar],
) -> None:
    # Given two patients with marketing consent and one without
    await _patient(client, 1, "김민지", marketing=True)
    await _patient(client, 2, "박서준", marketing=True)
    await _patient(client, 3, "이하늘", marketing=False)

    # When a Monday campaign for marketing-consented patients is previewed
    body = {"workflow": campaign({"marketing_consent_only": True}), "after": AFTER}
    answer = await client.post("/api/simulate/campaign", json=body)

    # Then its next firing, both consented patients (masked) and each one's SMS a day later
    assert answer.status_code == 200, answer.text
    preview = answer.json()
    assert preview["fires_at"] == "2026-12-07T10:00:00+09:00"
    assert preview["enrolled"] == 2
    assert [p["patient"]["name"] for p in preview["patients"]] == ["김*지", "박*준"]
    first = preview["patients"][0]
    assert first["patient"]["phone"] == "010-****-0001"
    assert [(m["at"], m["node"], m["channel"]) for m in first["messages"]] == [
        ("2026-12-08T10:00:00+09:00", "sms", "sms")
    ]
    assert "김*지님, 검진 안내입니다." in first["messages"][0]["text"]
    assert first["messages"][0]["to"] == "010-****-0001"
    assert "박*준님" in preview["patients"][1]["messages"][0]["text"]

    # And a limit keeps the count but simulates fewer
    limited = (await client.post("/api/simulate/campaign", json={**body, "limit": 1})).json()
    assert limited["enrolled"] == 2 and len(limited["patients"]) == 1

    # And nothing was started for real
    assert (await client.get("/api/runs")).json()["runs"] == []


async def test_campaign_preview_follows_the_segment(client: AsyncTestClient[Litestar]) -> None:
    await _patient(client, 1, "김민지", marketing=True)
    await _patient(client, 3, "이하늘", marketing=False)
    # A segment open to everybody enrols the patient without consent too
    everybody = {"workflow": campaign({"marketing_consent_only": False}), "after": AFTER}
    preview = (await client.post("/api/simulate/campaign", json=everybody)).json()
    assert preview["enrolled"] == 2
    # A consent revoked afterwards counts as revoked (the latest entry wins)
    consented = {"workflow": campaign({"marketing_consent_only": True}), "after": AFTER}
    assert (await client.post("/api/simulate/campaign", json=consented)).json()["enrolled"] == 1
    revoked = {
        "type": "consent.revoked",
        "external_id": "preview-revoke-1",
        "occurred_at": "2026-11-25T09:00:00+09:00",
        "patient": {"chart_no": "C-1", "name": "김민지", "phone": "010-5555-0001"},
        "consent": {"purpose": "marketing", "method": "staff"},
    }
    assert (await client.post("/api/events", json=revoked)).status_code in (200, 201)
    assert (await client.post("/api/simulate/campaign", json=consented)).json()["enrolled"] == 0
    # A segment of a procedure nobody had enrols nobody
    nobody = {"workflow": campaign({"procedures": ["cataract"], "marketing_consent_only": False}), "after": AFTER}
    preview = (await client.post("/api/simulate/campaign", json=nobody)).json()
    assert (preview["enrolled"], preview["patients"]) == (0, [])


async def test_campaign_preview_refuses_what_it_cannot_preview(client: AsyncTestClient[Litestar]) -> None:
    # An event-triggered workflow is no campaign
    answer = await client.post("/api/simulate/campaign", json={"workflow": example("appointment-reminder-d1")})
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["code"] == "not_campaign"
    # Bad options name their field
    body = {"workflow": campaign({}), "after": "next week", "days": 0, "limit": 500}
    answer = await client.post("/api/simulate/campaign", json=body)
    assert answer.status_code == 422
    assert {e["path"] for e in answer.json()["errors"]} == {"/after", "/days", "/limit"}
    # An invalid workflow names its problem under /workflow
    answer = await client.post("/api/simulate/campaign", json={"workflow": {"format": "x"}})
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["path"].startswith("/workflow")
    assert (await client.post("/api/simulate/campaign", json=[1])).status_code == 400
