"""Manual starts over HTTP on a real app and SQLite: preview, start, double clicks, refusals."""

from __future__ import annotations

import asyncio
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from litestar import Litestar
from litestar.testing import AsyncTestClient

from runtime.manual_start import FILTER_KEYS, StartRefused, parse_request
from tests.support.documents import event, example, workflow

MANUAL = workflow(
    [
        {"id": "start", "type": "trigger.manual"},
        {
            "id": "hello",
            "type": "send.sms",
            "params": {"text": "{{ patient.name }}님, 검진 결과가 나왔습니다.", "purpose": "informational"},
        },
        {"id": "later", "type": "wait.duration", "params": {"days": 3}},
        {"id": "again", "type": "send.sms", "params": {"text": "다시 안내드립니다.", "purpose": "informational"}},
    ],
    [("start", "hello"), ("hello", "later"), ("later", "again")],
    name="검진 결과 안내",
)


async def _publish(client: AsyncTestClient[Litestar], document: dict[str, Any]) -> int:
    created = await client.post("/api/workflows", json=document)
    assert created.status_code == 201, created.text
    workflow_id = int(created.json()["id"])
    published = await client.post(f"/api/workflows/{workflow_id}/publish")
    assert published.status_code == 201, published.text
    return workflow_id


async def _patients(client: AsyncTestClient[Litestar], n: int) -> list[int]:
    ids = []
    for i in range(n):
        payload = event("patient.created", f"p-{i}", chart_no=f"C-{i}", phone=f"010-5555-000{i}")
        answer = await client.post("/api/events", json=payload)
        assert answer.status_code == 201, answer.text
        ids.append(int(answer.json()["patient_id"]))
    return ids


async def test_preview_then_start_enrols_each_patient_once(client: AsyncTestClient[Litestar]) -> None:
    # Given a published manual workflow and three patients
    workflow_id = await _publish(client, MANUAL)
    ids = await _patients(client, 3)
    # When staff preview the start
    preview = await client.post(f"/api/workflows/{workflow_id}/start", json={"patient_ids": ids, "dry_run": True})
    # Then three would be enrolled, each with the first message rendered, and nothing started
    assert preview.status_code == 200, preview.text
    body = preview.json()
    assert body["patients"] == 3 and body["runs"] == [] and body["dry_run"] is True
    first = body["preview"][0]["first"]
    assert first["node"] == "hello" and first["channel"] == "sms" and first["decision"] == "send"
    assert first["text"] == "김민지님, 검진 결과가 나왔습니다."
    assert body["preview"][0]["patient"]["name"] == "김*지"
    assert (await client.get("/api/runs", params={"workflow_id": workflow_id})).json()["runs"] == []
    # When they start it, and a double click sends the same start again at once
    first_click, second_click = await asyncio.gather(
        client.post(f"/api/workflows/{workflow_id}/start", json={"patient_ids": ids}),
        client.post(f"/api/workflows/{workflow_id}/start", json={"patient_ids": ids}),
    )
    # Then three runs in all: the second click enrols nobody twice
    assert {first_click.status_code, second_click.status_code} == {201}
    started = first_click.json()["runs"] + second_click.json()["runs"]
    assert len(started) == 3
    assert first_click.json()["patients"] + second_click.json()["patients"] == 3
    runs = (await client.get("/api/runs", params={"workflow_id": workflow_id})).json()["runs"]
    assert sorted(r["id"] for r in runs) == sorted(started)
    again = (await client.post(f"/api/workflows/{workflow_id}/start", json={"patient_ids": ids})).json()
    assert again["patients"] == 0 and again["already_running"] == 3
    assert again["preview"][0]["enrol"] is False


async def test_filter_by_tag_and_consent(client: AsyncTestClient[Litestar]) -> None:
    # Given three patients, one with marketing consent
    workflow_id = await _publish(client, MANUAL)
    await _patients(client, 3)
    consent = event(
        "consent.granted",
        "c-1",
        chart_no="C-1",
        phone="010-5555-0001",
        consent={"purpose": "marketing", "method": "paper"},
    )
    assert (await client.post("/api/events", json=consent)).status_code == 201
    # When previewing with a consent filter
    answer = await client.post(
        f"/api/workflows/{workflow_id}/start", json={"filter": {"consent": "marketing"}, "dry_run": True}
    )
    # Then only that patient
    assert answer.status_code == 200, answer.text
    assert answer.json()["patients"] == 1
    none = await client.post(f"/api/workflows/{workflow_id}/start", json={"filter": {"tag": "vip"}, "dry_run": True})
    assert none.json()["patients"] == 0


async def test_refusals_are_specific_and_change_nothing(client: AsyncTestClient[Litestar]) -> None:
    ids = await _patients(client, 1)
    booked = await _publish(client, example("appointment-reminder-d1"))
    # A workflow whose trigger is not manual
    answer = await client.post(f"/api/workflows/{booked}/start", json={"patient_ids": ids})
    assert answer.status_code == 409 and answer.json()["errors"][0]["code"] == "not_manual_trigger"
    # A draft never published
    draft = (await client.post("/api/workflows", json=MANUAL)).json()["id"]
    answer = await client.post(f"/api/workflows/{draft}/start", json={"patient_ids": ids})
    assert answer.status_code == 409 and answer.json()["errors"][0]["code"] == "workflow_not_published"
    # Unknown workflow, unknown patient, bad body
    assert (await client.post("/api/workflows/9999/start", json={"patient_ids": ids})).status_code == 404
    manual = await _publish(client, MANUAL)
    unknown = await client.post(f"/api/workflows/{manual}/start", json={"patient_ids": [*ids, 4242]})
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["path"] == "/patient_ids/1"
    both = await client.post(f"/api/workflows/{manual}/start", json={"patient_ids": ids, "filter": {}})
    assert both.status_code == 422
    bad_key = await client.post(f"/api/workflows/{manual}/start", json={"filter": {"age": 3}})
    assert bad_key.status_code == 422 and bad_key.json()["errors"][0]["path"] == "/filter/age"
    bad_date = await client.post(f"/api/workflows/{manual}/start", json={"filter": {"last_visit_before": "어제"}})
    assert bad_date.status_code == 422
    assert (await client.get("/api/runs")).json()["runs"] == []


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
bodies = json_values | st.fixed_dictionaries(
    {},
    optional={
        "patient_ids": json_values,
        "filter": st.dictionaries(st.sampled_from([*FILTER_KEYS, "x"]), json_values, max_size=4),
        "dry_run": json_values,
    },
)


@given(bodies)
def test_any_body_is_a_request_or_a_specific_refusal(body: Any) -> None:
    try:
        request = parse_request(body)
    except StartRefused as refused:
        assert refused.status == 422 and refused.problems and all(p.message for p in refused.problems)
        return
    assert (request.patient_ids is None) != (request.filter is None)
    for key in ("last_visit_before", "last_visit_after"):
        value = (request.filter or {}).get(key)
        assert value is None or (len(value) == 10 and value[4] == "-")


ONLY_WITH_CONSENT = workflow(
    [
        {"id": "start", "type": "trigger.manual"},
        {"id": "consent", "type": "branch.consent", "params": {"purpose": "marketing"}},
        {
            "id": "ad",
            "type": "send.sms",
            "params": {
                "text": "(광고) {{ clinic.name }} 검진 상담을 안내드립니다. 무료수신거부 080-555-0142",
                "purpose": "advertising",
            },
        },
    ],
    [("start", "consent"), ("consent", "yes", "ad")],
    name="검진 상담 광고",
)


async def test_the_preview_says_why_a_patient_gets_no_message(client: AsyncTestClient[Litestar]) -> None:
    # found in the user trial: a patient without marketing consent was "no message within 60 days"
    # Given a manual advertising workflow behind a marketing-consent check, and a patient without that consent
    workflow_id = await _publish(client, ONLY_WITH_CONSENT)
    ids = await _patients(client, 1)
    # When staff preview the start
    body = (await client.post(f"/api/workflows/{workflow_id}/start", json={"patient_ids": ids, "dry_run": True})).json()
    # Then the preview names the branch and the way it went, in Korean and English
    reason = body["preview"][0]["first"]["reason"]
    assert reason == "'동의 확인'에서 '아니오' 경로로 끝납니다 / the path ends after 'Consent check' took 'no'"
