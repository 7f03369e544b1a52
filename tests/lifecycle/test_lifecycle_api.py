"""The workflow lifecycle through the HTTP API: every transition, its 409 when not allowed, its audit entry;
stopping a run; restoring a version; the diff; distinct names for copies of an example."""

from __future__ import annotations

import copy
from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select

from nodes import examples
from storage.config import Settings
from storage.db import session_scope
from storage.models import AuditEntry
from tests.support.documents import event, workflow

Client = AsyncTestClient[Litestar]

SMS_AFTER_A_DAY = workflow(
    [
        {"id": "start", "type": "trigger.appointment_booked"},
        {"id": "later", "type": "wait.duration", "params": {"days": 1}},
        {"id": "note", "type": "send.sms", "params": {"text": "내일 뵙겠습니다", "purpose": "informational"}},
    ],
    [("start", "later"), ("later", "note")],
    name="예약 다음 날 안내",
)
APPOINTMENT = {"id": "apt-1", "starts_at": "2026-12-05T14:30:00+09:00", "procedure": "cataract"}


async def _create(client: Client, doc: dict[str, Any] = SMS_AFTER_A_DAY) -> int:
    answer = await client.post("/api/workflows", json=doc)
    assert answer.status_code == 201, answer.text
    assert answer.json()["status"] == "draft"
    return int(answer.json()["id"])


async def _audit(settings: Settings, target: str) -> list[tuple[str, dict[str, Any]]]:
    async with session_scope(settings, None) as session:
        rows = await session.execute(select(AuditEntry).where(AuditEntry.target == target).order_by(AuditEntry.id))
        return [(row.action, row.detail) for row in rows.scalars()]


async def _status(client: Client, wid: int) -> str:
    listed = {w["id"]: w["status"] for w in (await client.get("/api/workflows")).json()["workflows"]}
    detail = (await client.get(f"/api/workflows/{wid}")).json()["status"]
    assert listed[wid] == detail  # the list and the detail agree
    return str(detail)


async def test_every_transition_answers_the_detail_and_is_audited(client: Client, settings: Settings) -> None:
    # Given a new workflow: a draft
    wid = await _create(client)
    assert await _status(client, wid) == "draft"
    # When it is published, paused, resumed, archived and unarchived
    published = await client.post(f"/api/workflows/{wid}/publish")
    assert published.status_code == 201, published.text
    body = published.json()
    # Then publish answers the detail (status active) with the version it made
    assert body["status"] == "active" and body["id"] == wid and body["version"] == 1 and body["workflow_id"] == wid
    assert body["versions"][0]["version"] == 1 and body["document"]["name"] == SMS_AFTER_A_DAY["name"]
    assert await _status(client, wid) == "active"
    for action, expected in (
        ("pause", "paused"),
        ("resume", "active"),
        ("archive", "archived"),
        ("unarchive", "draft"),
    ):
        answer = await client.post(f"/api/workflows/{wid}/{action}")
        assert answer.status_code == 200, (action, answer.text)
        assert answer.json()["status"] == expected and answer.json()["id"] == wid
        assert await _status(client, wid) == expected
    # And every transition is in the audit log with the status before and after
    entries = [
        (action, detail.get("before"), detail.get("after"))
        for action, detail in await _audit(settings, f"workflow:{wid}")
    ]
    assert [e for e in entries if e[0] != "workflow.create"] == [
        ("workflow.publish", "draft", None),
        ("workflow.pause", "active", "paused"),
        ("workflow.resume", "paused", "active"),
        ("workflow.archive", "active", "archived"),
        ("workflow.unarchive", "archived", "draft"),
    ]


async def test_invalid_transitions_answer_409_in_korean_and_english(client: Client, settings: Settings) -> None:
    # Given a draft
    wid = await _create(client)
    # When it is paused or resumed before being published
    for action in ("pause", "resume", "unarchive"):
        answer = await client.post(f"/api/workflows/{wid}/{action}")
        # Then 409 says why, in Korean then English, and nothing changes
        assert answer.status_code == 409, answer.text
        problem = answer.json()["errors"][0]
        assert problem["code"] == "invalid_transition"
        assert "초안" in problem["message"] and " / " in problem["message"] and "draft" in problem["message"]
    assert await _status(client, wid) == "draft"
    # And an archived workflow can be neither published, paused, archived again nor edited
    assert (await client.post(f"/api/workflows/{wid}/archive")).status_code == 200
    for action in ("publish", "pause", "resume", "archive"):
        answer = await client.post(f"/api/workflows/{wid}/{action}")
        assert answer.status_code == 409, (action, answer.text)
        assert "보관" in answer.json()["errors"][0]["message"]
    edit = await client.put(f"/api/workflows/{wid}", json=SMS_AFTER_A_DAY)
    assert edit.status_code == 409 and edit.json()["errors"][0]["code"] == "workflow_archived"
    # And a refused transition leaves no audit entry
    actions = [action for action, _ in await _audit(settings, f"workflow:{wid}")]
    assert actions == ["workflow.create", "workflow.archive"]


async def test_only_an_active_workflow_enrols(client: Client) -> None:
    # Given a published workflow
    wid = await _create(client)
    assert (await client.post(f"/api/workflows/{wid}/publish")).status_code == 201
    booked = await client.post("/api/events", json=event("appointment.booked", "b-1", appointment=APPOINTMENT))
    assert [r["workflow_id"] for r in booked.json()["runs"]] == [wid]
    # When it is paused, a booking enrols no one; resumed, it enrols again; archived, never
    assert (await client.post(f"/api/workflows/{wid}/pause")).status_code == 200
    paused = await client.post("/api/events", json=event("appointment.booked", "b-2", appointment=APPOINTMENT))
    assert paused.json()["runs"] == []
    assert (await client.post(f"/api/workflows/{wid}/resume")).status_code == 200
    resumed = await client.post("/api/events", json=event("appointment.booked", "b-3", appointment=APPOINTMENT))
    assert [r["workflow_id"] for r in resumed.json()["runs"]] == [wid]
    assert (await client.post(f"/api/workflows/{wid}/archive")).status_code == 200
    archived = await client.post("/api/events", json=event("appointment.booked", "b-4", appointment=APPOINTMENT))
    assert archived.json()["runs"] == []


async def test_archive_cancels_open_runs_keeping_history(client: Client, settings: Settings) -> None:
    # Given two runs of a published workflow
    wid = await _create(client)
    await client.post(f"/api/workflows/{wid}/publish")
    for n in (1, 2):
        await client.post("/api/events", json=event("appointment.booked", f"b-{n}", appointment=APPOINTMENT))
    runs = (await client.get(f"/api/runs?workflow_id={wid}")).json()["runs"]
    assert len(runs) == 2 and {r["status"] for r in runs} <= {"running", "waiting"}
    # When it is archived
    assert (await client.post(f"/api/workflows/{wid}/archive")).status_code == 200
    # Then both runs are cancelled, still listed, and the audit entry counts them
    after = (await client.get(f"/api/runs?workflow_id={wid}")).json()["runs"]
    assert [r["status"] for r in after] == ["cancelled", "cancelled"]
    assert all(r["workflow_name"] == SMS_AFTER_A_DAY["name"] and r["workflow_status"] == "archived" for r in after)
    archive = [d for a, d in await _audit(settings, f"workflow:{wid}") if a == "workflow.archive"]
    assert archive[0]["cancelled_runs"] == 2
    # And DELETE (the older way to archive) on an archived workflow changes nothing
    assert (await client.delete(f"/api/workflows/{wid}")).status_code == 204
    assert await _status(client, wid) == "archived"


async def test_a_run_is_stopped_through_the_api_and_audited(client: Client, settings: Settings) -> None:
    # Given a run of a published workflow
    wid = await _create(client)
    await client.post(f"/api/workflows/{wid}/publish")
    booked = await client.post("/api/events", json=event("appointment.booked", "b-1", appointment=APPOINTMENT))
    run_id = booked.json()["runs"][0]["id"]
    # When staff stop it
    stopped = await client.post(f"/api/runs/{run_id}/cancel")
    # Then the run answers with status cancelled, and stopping again changes nothing
    assert stopped.status_code == 200, stopped.text
    assert stopped.json()["status"] == "cancelled" and stopped.json()["id"] == run_id
    assert "직원" in (stopped.json()["reason"] or "")
    again = await client.post(f"/api/runs/{run_id}/cancel")
    assert again.status_code == 200 and again.json()["status"] == "cancelled"
    assert [a for a, _ in await _audit(settings, f"run:{run_id}")] == ["run.cancel"]
    # And an unknown run is 404
    assert (await client.post("/api/runs/999999/cancel")).status_code == 404


async def test_restore_a_past_version_as_the_draft_and_diff_versions(client: Client, settings: Settings) -> None:
    # Given version 1, and version 2 with another text
    wid = await _create(client)
    await client.post(f"/api/workflows/{wid}/publish")
    changed = copy.deepcopy(SMS_AFTER_A_DAY)
    changed["nodes"][2]["params"]["text"] = "내일 오후에 뵙겠습니다"
    assert (await client.put(f"/api/workflows/{wid}", json=changed)).status_code == 200
    assert (await client.post(f"/api/workflows/{wid}/publish")).json()["version"] == 2
    # When the diff between 1 and 2 is asked
    diff = (await client.get(f"/api/workflows/{wid}/diff?base=1&target=2")).json()
    # Then it names the changed text of node "note"
    assert diff["base"] == "v1" and diff["target"] == "v2"
    assert diff["changes"] == [
        {
            "path": "nodes/note/params/text",
            "change": "changed",
            "before": "내일 뵙겠습니다",
            "after": "내일 오후에 뵙겠습니다",
        }
    ]
    # When version 1 is restored
    restored = await client.post(f"/api/workflows/{wid}/versions/1/restore")
    # Then the draft is version 1's document again, version 2 stays live, and the restore is audited
    assert restored.status_code == 200, restored.text
    body = restored.json()
    assert body["document"] == SMS_AFTER_A_DAY and body["published_version"] == 2 and body["status"] == "active"
    assert (await client.get(f"/api/workflows/{wid}/diff?base=1")).json()["changes"] == []
    assert ("workflow.restore", {"version": 1}) in await _audit(settings, f"workflow:{wid}")
    # And an unknown version is 404
    assert (await client.post(f"/api/workflows/{wid}/versions/9/restore")).status_code == 404


async def test_starting_an_example_twice_names_the_copies_distinctly(client: Client) -> None:
    # When the cataract example is started three times
    names = [(await client.post("/api/examples/cataract-postop/import")).json()["name"] for _ in range(3)]
    # Then the copies are told apart
    assert names[1] == f"{names[0]} (2)" and names[2] == f"{names[0]} (3)"
    assert len({w["name"] for w in (await client.get("/api/workflows")).json()["workflows"]}) == 3


async def test_staff_may_stop_runs_but_not_pause_workflows(client: Client, client_as: Any) -> None:
    wid = await _create(client)
    await client.post(f"/api/workflows/{wid}/publish")
    booked = await client.post("/api/events", json=event("appointment.booked", "b-1", appointment=APPOINTMENT))
    staff = await client_as("staff")
    assert (await staff.post(f"/api/workflows/{wid}/pause")).status_code == 403
    assert (await staff.post(f"/api/runs/{booked.json()['runs'][0]['id']}/cancel")).status_code == 200
    reviewer = await client_as("reviewer")
    assert (await reviewer.post(f"/api/runs/{booked.json()['runs'][0]['id']}/cancel")).status_code == 403


async def test_publish_impact_counts_the_next_7_days_and_warns_of_overlaps(client: Client) -> None:
    from datetime import UTC, datetime, timedelta

    # Given an active workflow on the booking trigger, and three stored appointments: two within 7 days
    live = await _create(client, {**SMS_AFTER_A_DAY, "name": "이미 운영 중"})
    await client.post(f"/api/workflows/{live}/publish")
    now = datetime.now(UTC)
    for n, days in ((1, 2), (2, 5), (3, 12)):
        appointment = {"id": f"apt-{n}", "starts_at": (now + timedelta(days=days)).isoformat(), "procedure": "cataract"}
        booked = event(
            "appointment.booked", f"b-{n}", chart_no=f"A-{n}", phone=f"010-1111-000{n}", appointment=appointment
        )
        assert (await client.post("/api/events", json=booked)).status_code == 201
    # When a second workflow on the same trigger asks what publishing would do
    draft = await _create(client, {**SMS_AFTER_A_DAY, "name": "새 안내"})
    impact = await client.get(f"/api/workflows/{draft}/impact")
    # Then it names the trigger, counts 2 patients, shows the first message and warns about the live one
    assert impact.status_code == 200, impact.text
    body = impact.json()
    assert body["trigger"]["type"] == "trigger.appointment_booked"
    assert body["enrol_next_7_days"] == 2
    assert body["first_messages"] == [
        {
            "node": "note",
            "name": "문자 보내기",
            "label": {"ko": "문자 보내기", "en": "Send SMS"},  # shown in the editor's language when unnamed
            "channel": "sms",
            "purpose": "informational",
            "text": "내일 뵙겠습니다",
            "template": None,
            "after": ["later"],
            "after_labels": ["시간 대기 / Wait for a duration"],
        }
    ]
    assert body["overlapping"] == [{"id": live, "name": "이미 운영 중", "status": "active", "same_filter": True}]
    assert "이미 운영 중" in body["warnings"][0] and " / " in body["warnings"][0]
    # And publishing it answers the same warning (for API and command-line users who see no dialog)
    published = await client.post(f"/api/workflows/{draft}/publish")
    assert published.status_code == 201 and published.json()["warnings"] == body["warnings"]
    alone = await _create(
        client,
        {
            **SMS_AFTER_A_DAY,
            "name": "예약 취소",
            "nodes": [
                {"id": "start", "type": "trigger.appointment_cancelled"},
                *SMS_AFTER_A_DAY["nodes"][1:],
            ],
        },
    )
    assert (await client.post(f"/api/workflows/{alone}/publish")).json()["warnings"] == []


def _manual(name: str, text: str) -> dict[str, Any]:
    nodes: list[dict[str, Any]] = [
        {"id": "start", "type": "trigger.manual"},
        {"id": "note", "type": "send.sms", "params": {"text": text, "purpose": "informational"}},
    ]
    return workflow(nodes, [("start", "note")], name=name)


async def test_two_manual_workflows_are_not_warned_of_as_overlapping(client: Client) -> None:
    # found in the user trial: a second manual workflow was warned that "a patient may get two similar messages"
    # Given a live manual workflow
    live = await _create(client, _manual("수술 전 금식 안내", "내일 수술 전 금식해 주세요."))
    assert (await client.post(f"/api/workflows/{live}/publish")).status_code == 201
    # When another manual workflow asks what publishing would do, and is published
    draft = await _create(client, _manual("검사 결과 안내", "검사 결과가 나왔습니다. 내원해 주세요."))
    body = (await client.get(f"/api/workflows/{draft}/impact")).json()
    # Then nothing overlaps: staff start one workflow for chosen patients, no event starts both
    assert (body["overlapping"], body["warnings"]) == ([], [])
    assert (await client.post(f"/api/workflows/{draft}/publish")).json()["warnings"] == []


async def test_the_impact_reads_like_the_clinic_speaks(client: Client) -> None:
    # Given the cataract example (a procedure filter, AlimTalk templates from the library)
    created = (await client.post("/api/examples/cataract-postop/import")).json()
    # When its impact is asked
    body = (await client.get(f"/api/workflows/{created['id']}/impact")).json()
    # Then the filter is in words, not keys, and the first AlimTalk shows its template's text
    assert body["trigger"]["filter"] == {"ko": "시술: 백내장 수술", "en": "Procedures: Cataract surgery"}
    (first,) = body["first_messages"]
    assert first["channel"] == "alimtalk" and first["template"] and "#{" in first["text"]
    assert first["after_labels"] and " / " in first["after_labels"][0]


async def test_every_example_has_an_impact_to_confirm(client: Client) -> None:
    # Given every example (a campaign's nested segment included), When its publish impact is asked
    for entry in examples.list_examples():
        created = (await client.post(f"/api/examples/{entry['slug']}/import")).json()
        answer = await client.get(f"/api/workflows/{created['id']}/impact")
        # Then it answers with the trigger in words
        assert answer.status_code == 200, (entry["slug"], answer.text)
        trigger = answer.json()["trigger"]
        assert trigger is None or "{" not in trigger["filter"]["ko"], trigger


async def test_publishing_an_archived_workflow_is_refused_in_one_korean_and_one_english_sentence(
    client: Client,
) -> None:
    # Given an archived workflow
    wid = await _create(client)
    assert (await client.post(f"/api/workflows/{wid}/archive")).status_code == 200
    # When someone publishes it
    answer = await client.post(f"/api/workflows/{wid}/publish")
    # Then 409 says why and what to do, Korean then English, split once (the editor shows one language)
    assert answer.status_code == 409, answer.text
    problem = answer.json()["errors"][0]
    assert problem["code"] == "invalid_transition" and problem["path"] == "/status"
    ko, en = problem["message"].split(" / ")
    assert "보관됨" in ko and "게시할 수 없습니다" in ko and "보관 해제" in ko, ko
    assert "archived" in en and "publish" in en and "unarchive" in en and en.isascii(), en
    # And nothing changed
    assert await _status(client, wid) == "archived"


# How the publish dialog must read the 7-day figure for each trigger kind (found in the user trial: a
# cancellation workflow said "다음 7일 예상 등록 환자 2명" when at most 2 — only those who cancel — would enrol).
EXPECTED_BOUND = {
    "trigger.appointment_booked": ("estimate", "새 예약 규모"),
    "trigger.appointment_cancelled": ("maximum", "최대"),
    "trigger.appointment_no_show": ("maximum", "최대"),
    "trigger.appointment_attended": ("maximum", "최대"),
    "trigger.procedure_completed": ("maximum", "최대"),
    "trigger.patient_created": ("none", "미리 셀 수 없습니다"),
    "trigger.consent_granted": ("none", "미리 셀 수 없습니다"),
    "trigger.manual": ("none", "직원이 직접 시작할 때만"),
}


async def test_the_7_day_figure_says_whether_it_is_an_estimate_or_a_maximum(client: Client) -> None:
    from datetime import UTC, datetime, timedelta

    from nodes.registry import node_types

    # every trigger kind is decided here (a new trigger must say how its figure reads); the schedule trigger is
    # covered by the campaign tests (its figure is the segment's size: an estimate)
    event_triggers = {t.type for t in node_types() if t.category == "trigger" and t.schedule is None}
    assert event_triggers == set(EXPECTED_BOUND)
    # Given two cataract appointments in the next 7 days
    now = datetime.now(UTC)
    for n in (1, 2):
        appointment = {"id": f"apt-{n}", "starts_at": (now + timedelta(days=n)).isoformat(), "procedure": "cataract"}
        booked = event(
            "appointment.booked", f"b-{n}", chart_no=f"A-{n}", phone=f"010-2222-000{n}", appointment=appointment
        )
        assert (await client.post("/api/events", json=booked)).status_code == 201
    for trigger, (bound, words) in EXPECTED_BOUND.items():
        doc = workflow(
            [
                {"id": "start", "type": trigger},
                {"id": "note", "type": "send.sms", "params": {"text": "안내드립니다", "purpose": "informational"}},
            ],
            [("start", "note")],
            name=f"{trigger} 안내",
        )
        wid = await _create(client, doc)
        # When the publish dialog asks for the impact
        body = (await client.get(f"/api/workflows/{wid}/impact")).json()
        # Then the figure says how to read it, in Korean first and English after " / "
        assert (body["enrol_bound"], body["enrol_next_7_days"] > 0) == (bound, bound != "none"), trigger
        assert words in body["basis"].split(" / ")[0], (trigger, body["basis"])
        if bound == "maximum":
            assert "at most" in body["basis"].split(" / ")[1], body["basis"]
