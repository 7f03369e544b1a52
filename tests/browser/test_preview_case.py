"""Issue 16: the preview runs on a real case — an imported patient, the event and appointment times chosen —
and shows calendar dates with weekdays, the SMS failover path, and what a same-day booking does."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, create_workflow
from tests.support.server import api_headers

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


def test_preview_on_an_imported_patient_with_real_dates_failover_and_same_day(page: Page, base_url: str) -> None:
    # Given a patient the clinic already has, and the "reminder at 18:00 the day before" example
    event = {
        "type": "patient.created",
        "external_id": "preview-case-1",
        "occurred_at": "2026-11-20T09:00:00+09:00",
        "patient": {"chart_no": "P-3003", "name": "박서준", "phone": "010-3333-4444"},
    }
    assert httpx.post(f"{base_url}/api/events", json=event, headers=api_headers(), timeout=10).status_code in (
        200,
        201,
        202,
    )
    document = json.loads((ROOT / "examples" / "appointment-reminder-d1.json").read_text("utf-8"))
    workflow_id = create_workflow(base_url, document)
    page.goto(f"/workflows/{workflow_id}")
    page.get_by_test_id("tab-timeline").click()

    # When the patient is found and chosen, and the appointment is on Wednesday 9 December at 10:00
    page.get_by_test_id("preview-patient-search").fill("P-3003")
    page.get_by_test_id("preview-patient-find").click()
    page.locator("[data-testid^=preview-choose-]").first.click()
    expect(page.get_by_test_id("preview-patient")).to_contain_text("박서준")
    page.get_by_test_id("preview-occurred-at").fill("2026-12-01T09:00")
    page.get_by_test_id("preview-starts-at").fill("2026-12-09T10:00")
    page.get_by_test_id("run-preview").click()

    # Then the reminder goes the evening before, dated with its weekday, to this patient, with its failover
    item = page.get_by_test_id("timeline-item").first
    expect(item).to_contain_text("12월 8일 (화) 오후 6:00")
    expect(item).to_contain_text("박서준")
    expect(page.get_by_test_id("timeline-failover").first).to_contain_text("문자로")

    # When the booking is made the same day (3 hours ahead), the preview says so and shows what happens
    page.get_by_test_id("preview-occurred-at").fill("2026-12-09T07:00")
    page.get_by_test_id("preview-same-day").click()
    expect(page.get_by_test_id("preview-same-day-note")).to_be_visible()
    page.get_by_test_id("run-preview").click()
    expect(page.get_by_test_id("timeline-panel")).to_contain_text("12월 9일 (수) 오전 7:00")


def _completed(base_url: str, n: int, name: str, procedure: str) -> None:
    """A patient of the clinic who had ``procedure`` done (the event creates the patient)."""
    event = {
        "type": "procedure.completed",
        "external_id": f"campaign-preview-{n}",
        "occurred_at": "2026-11-10T11:00:00+09:00",
        "patient": {"chart_no": f"CP-{n}", "name": name, "phone": f"010-7777-00{n:02d}"},
        "appointment": {"id": f"cp-apt-{n}", "starts_at": "2026-11-10T10:00:00+09:00", "procedure": procedure},
    }
    answer = httpx.post(f"{base_url}/api/events", json=event, headers=api_headers(), timeout=10)
    assert answer.status_code in (200, 201), answer.text


def test_campaign_preview_shows_whom_it_would_enrol_and_what_each_gets(page: Page, base_url: str) -> None:
    # Given two patients who had ptosis correction and one who had something else
    _completed(base_url, 1, "정하윤", "ptosis")
    _completed(base_url, 2, "최도윤", "ptosis")
    _completed(base_url, 3, "한지우", "botox")
    # And a campaign on Mondays at 10:00 for ptosis patients, by AlimTalk with an SMS failover
    recall = next(
        node
        for node in json.loads((ROOT / "examples" / "lasik-lasek-postop.json").read_text("utf-8"))["nodes"]
        if node["id"] == "recall"
    )
    document = {
        "format": "doctorsflow.workflow/v1",
        "name": "눈매 교정 1개월 검진 캠페인",
        "nodes": [
            {
                "id": "start",
                "type": "trigger.schedule",
                "params": {
                    "cron": "0 10 * * 1",
                    "segment": {"procedures": ["ptosis"], "marketing_consent_only": False},
                },
            },
            {**recall, "position": {"x": 0, "y": 160}},
        ],
        "edges": [{"source": "start", "target": "recall"}],
    }
    workflow_id = create_workflow(base_url, document)
    page.goto(f"/workflows/{workflow_id}")
    page.get_by_test_id("tab-timeline").click()

    # When the preview runs from Tuesday 1 December
    page.get_by_test_id("preview-occurred-at").fill("2026-12-01T09:00")
    page.get_by_test_id("run-preview").click()

    # Then the next firing (Monday 7 December 10:00) would enrol the two ptosis patients, masked
    enrolments = page.get_by_test_id("campaign-enrolments")
    expect(page.get_by_test_id("campaign-fires-at")).to_contain_text("12월 7일 (월) 오전 10:00")
    expect(page.get_by_test_id("campaign-fires-at")).to_contain_text("2명")
    patients = enrolments.get_by_test_id("campaign-patient")
    expect(patients).to_have_count(2)
    expect(patients.nth(0)).to_contain_text("정*윤")
    expect(patients.nth(1)).to_contain_text("최*윤")
    expect(enrolments).not_to_contain_text("한*우")
    # And each gets the AlimTalk on that Monday, with the SMS failover said under it
    first = patients.nth(0)
    expect(first.get_by_test_id("timeline-date")).to_contain_text("12월 7일 (월) 오전 10:00")
    expect(first.get_by_test_id("timeline-item")).to_contain_text("정*윤님")
    expect(first.get_by_test_id("timeline-failover")).to_contain_text("문자로")
    # (the SMS as it would go to this patient, rendered and masked, not the node's {{ }} template)
    expect(first.get_by_test_id("timeline-failover")).to_contain_text("정*윤님, 수술 1개월 검진 시기입니다")
