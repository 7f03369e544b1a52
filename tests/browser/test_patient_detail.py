"""The patient page: full contact data, the append-only consent history, opt-out, export and erasure, and
buttons that follow the role."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, korean_when
from tests.support.server import api_headers

pytestmark = pytest.mark.browser


def _patient_with_marketing_consent(base_url: str, chart_no: str, name: str, phone: str) -> int:
    """Given a patient who came by an event and consented to marketing on paper."""
    headers = api_headers()
    event = {
        "type": "patient.created",
        "external_id": f"emr-{chart_no}",
        "occurred_at": "2026-11-20T09:00:00+09:00",
        "patient": {"chart_no": chart_no, "name": name, "phone": phone},
    }
    assert httpx.post(f"{base_url}/api/events", json=event, headers=headers, timeout=10).status_code in (200, 201)
    found = httpx.post(f"{base_url}/api/patients/search", json={"q": chart_no}, headers=headers, timeout=10)
    patient_id: int = found.json()["patients"][0]["id"]
    consent = {"purpose": "marketing", "granted": True, "method": "paper", "occurred_at": "2026-11-20T10:00:00"}
    made = httpx.post(f"{base_url}/api/patients/{patient_id}/consents", json=consent, headers=headers, timeout=10)
    assert made.status_code == 201, made.text
    return patient_id


def test_staff_opens_a_patient_revokes_marketing_and_sees_the_history_grow(page: Page, base_url: str) -> None:
    patient_id = _patient_with_marketing_consent(base_url, "D-5001", "한가을", "010-4321-8765")
    # When the manager opens the patient from the Patients page
    page.goto("/patients")
    page.get_by_test_id("patients-search").fill("D-5001")
    row = page.get_by_test_id(f"patient-row-{patient_id}")
    expect(row).to_contain_text("한*을")  # the list is masked
    row.click()

    # Then the page shows the full contact data and the one consent entry
    expect(page).to_have_url(f"{base_url}/patients/{patient_id}")
    expect(page.get_by_test_id("patient-title")).to_have_text("한가을")
    expect(page.get_by_test_id("patient-phone")).to_have_text("010-4321-8765")
    expect(page.get_by_test_id("consent-state-marketing")).to_have_text("동의")
    history = page.get_by_test_id("consent-entry")
    expect(history).to_have_count(1)
    expect(history.first).to_contain_text("종이 동의서")
    expect(page.get_by_test_id("optout-state")).to_contain_text("광고 수신에 동의함")

    # When marketing consent is revoked (by phone: channel 'staff')
    page.get_by_test_id("consent-revoke-marketing").click()

    # Then the ledger grows by one revocation on top, and the state follows; nothing was overwritten
    expect(history).to_have_count(2)
    expect(history.first).to_contain_text("마케팅 동의")
    expect(history.first).to_contain_text("철회")
    expect(history.first).to_contain_text("직원 입력")
    expect(history.nth(1)).to_contain_text("종이 동의서")
    expect(page.get_by_test_id("consent-state-marketing")).to_have_text("동의 없음")
    expect(page.get_by_test_id("optout-state")).to_contain_text("광고 메시지를 받지 않음")

    # When a guardian's paper consent of yesterday is recorded for night-time ads
    yesterday = datetime.now(ZoneInfo("Asia/Seoul")) - timedelta(days=1)
    page.get_by_test_id("consent-method").select_option("paper")
    page.get_by_test_id("consent-when").fill(yesterday.strftime("%Y-%m-%dT09:30"))
    page.get_by_test_id("guardian-name").fill("한엄마")
    page.get_by_test_id("guardian-relationship").fill("모")
    page.get_by_test_id("consent-grant-night_ads").click()
    # Then it takes its place in the ledger by the date it happened, with the guardian
    expect(history).to_have_count(3)
    entry = history.filter(has_text="한엄마 (모)")
    expect(entry).to_contain_text(korean_when(yesterday.date(), 9, 30))
    expect(entry).to_contain_text("야간 광고 동의")

    # When the patient opts out of every message
    page.get_by_test_id("optout-all").click()
    expect(page.get_by_test_id("optout-state")).to_contain_text("모든 메시지 수신 거부")
    expect(history).to_have_count(5)  # marketing and night-time ads revoked by the opt-out

    # When the data is exported, Then a JSON file of this patient downloads
    with page.expect_download() as download:
        page.get_by_test_id("patient-export").click()
    exported: dict[str, Any] = json.loads(Path(download.value.path()).read_text("utf-8"))
    assert download.value.suggested_filename == f"patient-{patient_id}.json"
    assert exported["patient"]["name"] == "한가을"


def test_erase_asks_first_naming_the_consequences_then_erases(page: Page, base_url: str) -> None:
    patient_id = _patient_with_marketing_consent(base_url, "D-5002", "서겨울", "010-2468-1357")
    page.goto(f"/patients/{patient_id}")
    expect(page.get_by_test_id("patient-title")).to_have_text("서겨울")

    # When erase is clicked, Then a dialog names what erasure does, and cancel changes nothing
    page.get_by_test_id("patient-erase").click()
    dialog = page.get_by_test_id("erase-dialog")
    expect(dialog).to_contain_text("서겨울 환자의 정보를 파기할까요?")
    expect(dialog).to_contain_text("진행 중인 워크플로 실행과 아직 보내지 않은 메시지를 모두 취소합니다")
    expect(dialog).to_contain_text("되돌릴 수 없습니다")
    page.get_by_test_id("erase-cancel").click()
    expect(dialog).to_have_count(0)
    expect(page.get_by_test_id("patient-title")).to_have_text("서겨울")

    # When erasure is confirmed
    page.get_by_test_id("patient-erase").click()
    page.get_by_test_id("erase-confirm").click()

    # Then the page shows an erased patient without personal data and without write buttons
    expect(page.get_by_test_id("patient-erased")).to_be_visible()
    expect(page.get_by_test_id("patient-title")).to_have_text("(파기된 환자)")
    expect(page.get_by_test_id("patient-phone")).to_have_text("—")
    expect(page.get_by_test_id("consent-revoke-marketing")).to_have_count(0)
    expect(page.get_by_test_id("patient-erase")).to_have_count(0)


def test_staff_sees_no_erase_button(browser: Any, base_url: str) -> None:
    # Given a staff member (no patient.erase) who set a password through their one-time link
    patient_id = _patient_with_marketing_consent(base_url, "D-5003", "문봄", "010-1357-2468")
    made = httpx.post(
        f"{base_url}/api/users",
        json={"email": "staff-detail@clinic.kr", "name": "직원", "role": "staff"},
        headers=api_headers(),
        timeout=10,
    )
    assert made.status_code == 201, made.text
    context = browser.new_context(base_url=base_url, locale="ko-KR")
    context.set_default_timeout(10_000)
    body = {"token": made.json()["setup_token"], "password": "staff password 123"}
    assert context.request.post("/api/auth/set-password", data=body).ok
    page = context.new_page()
    # When they open the patient
    page.goto(f"/patients/{patient_id}")
    expect(page.get_by_test_id("patient-title")).to_have_text("문봄")
    # Then they may record consents and export, but the erase button is not there
    expect(page.get_by_test_id("consent-revoke-marketing")).to_be_visible()
    expect(page.get_by_test_id("patient-export")).to_be_visible()
    expect(page.get_by_test_id("patient-erase")).to_have_count(0)
    context.close()
