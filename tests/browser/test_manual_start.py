"""Manual starts in the browser: the editor's "직접 실행" dialog (pick patients, preview, start) and the patient
page's "이 환자에게 시작"."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, create_workflow
from tests.support.documents import workflow
from tests.support.server import api_headers

pytestmark = pytest.mark.browser

CHECKUP = workflow(
    [
        {"id": "start", "type": "trigger.manual"},
        {
            "id": "hello",
            "type": "send.sms",
            "params": {"text": "{{ patient.name }}님, 정기 검진 시기입니다.", "purpose": "informational"},
        },
    ],
    [("start", "hello")],
    name="정기 검진 안내 (직접 실행)",
)


def _patient(base_url: str, chart_no: str, name: str, phone: str) -> int:
    event = {
        "type": "patient.created",
        "external_id": f"emr-{chart_no}",
        "occurred_at": "2026-11-20T09:00:00+09:00",
        "patient": {"chart_no": chart_no, "name": name, "phone": phone},
    }
    answer = httpx.post(f"{base_url}/api/events", json=event, headers=api_headers(), timeout=10)
    assert answer.status_code in (200, 201), answer.text
    return int(answer.json()["patient_id"])


def _published(base_url: str) -> int:
    workflow_id = create_workflow(base_url, CHECKUP)
    published = httpx.post(f"{base_url}/api/workflows/{workflow_id}/publish", headers=api_headers(), timeout=10)
    assert published.status_code == 201, published.text
    return workflow_id


def test_receptionist_previews_then_starts_a_manual_workflow_for_three_patients(page: Page, base_url: str) -> None:
    # Given a published manual workflow and three patients
    workflow_id = _published(base_url)
    people = [
        ("M-7001", "정하늘", "010-7001-0001"),
        ("M-7002", "오세진", "010-7001-0002"),
        ("M-7003", "윤다은", "010-7001-0003"),
    ]
    ids = [_patient(base_url, *person) for person in people]
    # When she opens the workflow and its Start dialog, and adds the three by chart number
    page.goto(f"/workflows/{workflow_id}")
    page.get_by_test_id("start-open").click()
    dialog = page.get_by_test_id("start-dialog")
    expect(dialog).to_be_visible()
    expect(page.get_by_test_id("start-confirm")).to_be_disabled()  # no start before a preview
    for (chart_no, _, _), patient_id in zip(people, ids, strict=True):
        page.get_by_test_id("start-search").fill(chart_no)
        page.get_by_test_id("start-search-go").click()
        page.get_by_test_id(f"start-add-{patient_id}").click()
    expect(page.get_by_test_id("start-chosen")).to_have_count(3)
    # And previews
    page.get_by_test_id("start-preview-button").click()
    # Then she sees who starts and the first message each gets, rendered with the patient's name
    expect(page.get_by_test_id("start-preview-head")).to_contain_text("3명")
    rows = page.get_by_test_id("start-preview-row")
    expect(rows).to_have_count(3)
    expect(rows.first).to_contain_text("정하늘님, 정기 검진 시기입니다.")
    expect(rows.first).to_contain_text("정*늘")
    expect(rows.first).to_contain_text(" · 문자 · ")  # the channel in words, not its code "sms"
    # When she starts it
    page.get_by_test_id("start-confirm").click()
    # Then three runs exist, and the runs page lists them
    expect(page.get_by_test_id("start-done")).to_contain_text("3명 시작됨")
    runs = httpx.get(f"{base_url}/api/runs", params={"workflow_id": workflow_id}, headers=api_headers(), timeout=10)
    assert sorted(r["patient"]["id"] for r in runs.json()["runs"]) == sorted(ids)
    page.get_by_test_id("start-view-runs").click()
    expect(page).to_have_url(f"{base_url}/runs/{workflow_id}")


def test_start_for_one_patient_from_the_patient_page(page: Page, base_url: str) -> None:
    # Given a published manual workflow and a patient
    workflow_id = _published(base_url)
    patient_id = _patient(base_url, "M-7101", "서지우", "010-7101-0001")
    # When staff open the patient and start the workflow for them
    page.goto(f"/patients/{patient_id}")
    box = page.get_by_test_id("start-for-patient")
    expect(box).to_be_visible()
    page.get_by_test_id("start-patient-workflow").select_option(str(workflow_id))
    page.get_by_test_id("start-patient-open").click()
    page.get_by_test_id("start-preview-button").click()
    expect(page.get_by_test_id("start-preview-row")).to_contain_text("서지우님")
    page.get_by_test_id("start-confirm").click()
    expect(page.get_by_test_id("start-done")).to_contain_text("1명 시작됨")
    # And a second start (a double click later) enrols nobody twice
    page.get_by_test_id("start-close").click()
    page.get_by_test_id("start-patient-open").click()
    page.get_by_test_id("start-preview-button").click()
    expect(page.get_by_test_id("start-preview-row")).to_contain_text("이미 진행 중")
    expect(page.get_by_test_id("start-confirm")).to_be_disabled()
