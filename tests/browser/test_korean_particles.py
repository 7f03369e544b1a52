"""Korean particles after a number or name are chosen by how it is read ("버전 1을", "버전 2를"), never written
both ways ("버전 1을(를)") in what a manager reads."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, create_workflow, publish
from tests.support.documents import workflow
from tests.support.server import api_headers

pytestmark = pytest.mark.browser


def _note(text: str) -> dict[str, object]:
    return workflow(
        [
            {"id": "start", "type": "trigger.manual"},
            {"id": "note", "type": "send.sms", "params": {"text": text, "purpose": "informational"}},
        ],
        [("start", "note")],
        name="조사 확인 안내",
    )


def test_version_toasts_choose_the_particle_by_the_number(page: Page, base_url: str) -> None:
    # Given a workflow published twice (versions 1 and 2)
    wid = create_workflow(base_url, _note("내원해 주셔서 감사합니다."))
    publish(base_url, wid)
    changed = httpx.put(
        f"{base_url}/api/workflows/{wid}", json=_note("내원 감사합니다."), timeout=10, headers=api_headers(base_url)
    )
    assert changed.status_code == 200, changed.text
    publish(base_url, wid)
    page.on("dialog", lambda dialog: dialog.accept())
    try:
        page.goto(f"/workflows/{wid}")
        page.get_by_test_id("tab-versions").click()
        toast = page.get_by_test_id("toast-ok").last
        # When the manager restores version 2, then version 1
        page.get_by_test_id("restore-version-2").click()
        expect(toast).to_contain_text("버전 2를 초안으로 복원했습니다")
        page.get_by_test_id("restore-version-1").click()
        # Then each toast reads as Korean: 2 (이) takes 를, 1 (일) takes 을
        expect(toast).to_contain_text("버전 1을 초안으로 복원했습니다")
        # And publishing the restored draft announces version 3 (삼) with 을
        page.get_by_test_id("publish").click()
        page.get_by_test_id("publish-confirm").click()
        expect(toast).to_contain_text("버전 3을 게시했습니다")
        expect(page.get_by_text("을(를)")).to_have_count(0)
    finally:
        httpx.post(f"{base_url}/api/workflows/{wid}/archive", timeout=10, headers=api_headers(base_url))
