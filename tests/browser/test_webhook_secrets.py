"""발송 설정 / 연동: a manager creates a webhook secret (shown once, copied), the page's own curl and Python
examples really deliver a signed event, and after revoking the secret the same example is refused."""

from __future__ import annotations

import subprocess
import sys

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page

pytestmark = pytest.mark.browser


def test_manager_creates_copies_uses_and_revokes_a_webhook_secret(page: Page, base_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    # When the manager opens 발송 설정 and creates a secret for the booking extension
    page.goto("/settings/messaging")
    box = page.get_by_test_id("webhook-secrets")
    expect(box).to_be_visible()
    expect(page.get_by_test_id("webhook-url")).to_have_text(f"{base_url}/api/webhooks/default/events")
    page.get_by_test_id("secret-name").fill("네이버 예약 확장")
    page.get_by_test_id("secret-create").click()
    # Then the secret is shown once, and the copy button puts it on the clipboard
    secret = page.get_by_test_id("secret-value").inner_text()
    assert secret.startswith("whsec_")
    page.get_by_test_id("secret-value-copy").click()
    expect(page.get_by_test_id("toast-ok")).to_contain_text("복사했습니다")
    assert page.evaluate("navigator.clipboard.readText()") == secret
    rows = page.locator("[data-testid^='secret-row-']")
    expect(rows.first).to_contain_text("네이버 예약 확장")
    expect(rows.first.get_by_test_id("secret-state")).to_have_text("사용 중")
    # And the copy-paste examples carry it and really deliver a signed event
    curl = page.get_by_test_id("example-curl").inner_text()
    python = page.get_by_test_id("example-python").inner_text()
    assert secret in curl and secret in python
    sent = subprocess.run(["bash", "-c", curl], capture_output=True, text=True, timeout=30)
    assert '"event_id"' in sent.stdout, sent.stdout + sent.stderr
    again = subprocess.run([sys.executable, "-c", python], capture_output=True, text=True, timeout=30)
    assert '"duplicate":true' in again.stdout.replace(" ", ""), again.stdout + again.stderr
    # When the page is reloaded the secret is never shown again
    page.reload()
    expect(page.get_by_test_id("secret-list")).to_be_visible()
    expect(page.get_by_test_id("secret-once")).to_have_count(0)
    # When it is revoked
    page.once("dialog", lambda dialog: dialog.accept())
    rows.first.locator("[data-testid^='secret-revoke-']").click()
    expect(rows.first.get_by_test_id("secret-state")).to_contain_text("폐기됨")
    # Then the same example is refused
    refused = subprocess.run(
        ["bash", "-c", curl.replace("naver-8812", "naver-8813")], capture_output=True, text=True, timeout=30
    )
    assert "signature_invalid" in refused.stdout, refused.stdout
