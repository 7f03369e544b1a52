"""Messaging settings: the manager enters SOLAPI keys, sees them masked, and tests the stored connection."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page
from tests.support.fakes import SolapiFake
from tests.support.server import api_headers

pytestmark = pytest.mark.browser


def test_manager_saves_solapi_keys_sees_them_masked_and_tests_the_connection(page: Page, base_url: str) -> None:
    with SolapiFake() as fake:
        try:
            # Given the messaging settings page
            page.goto("/")
            page.get_by_test_id("nav-messaging").click()
            expect(page.get_by_test_id("messaging-active-provider")).to_contain_text("없음")
            # When the manager fills in SOLAPI's keys (the fake's address as the API address) and saves
            page.get_by_test_id("messaging-provider").select_option("solapi")
            page.get_by_test_id("field-solapi_api_key").fill(fake.api_key)
            page.get_by_test_id("field-solapi_api_secret").fill(fake.api_secret)
            page.get_by_test_id("field-sender_number").fill("02-1234-5678")
            page.get_by_test_id("field-solapi_base_url").fill(fake.url)
            page.get_by_test_id("messaging-save").click()
            # Then the secret shows as its last four characters only, and the inputs are empty again
            expect(page.get_by_test_id("stored-solapi_api_secret")).to_have_text("저장됨 ••••" + fake.api_secret[-4:])
            expect(page.get_by_test_id("field-solapi_api_secret")).to_have_value("")
            expect(page.get_by_test_id("field-sender_number")).to_have_value("0212345678")
            expect(page.get_by_test_id("messaging-active-provider")).to_contain_text("SOLAPI")
            assert fake.api_secret not in page.content()
            # When the connection is tested, Then the server's Korean explanation is shown
            page.get_by_test_id("messaging-test").click()
            expect(page.get_by_test_id("messaging-check")).to_contain_text("SOLAPI 연결 성공")
            # And a bad sender number is refused with the field named, nothing changed
            page.get_by_test_id("field-sender_number").fill("123")
            page.get_by_test_id("messaging-save").click()
            expect(page.get_by_test_id("error-list")).to_contain_text("발신번호")
            # When the stored keys are deleted, Then sending falls back (no provider stored and active)
            page.once("dialog", lambda dialog: dialog.accept())
            page.get_by_test_id("messaging-delete").click()
            expect(page.get_by_test_id("messaging-active-provider")).to_contain_text("없음")
            expect(page.get_by_test_id("stored-solapi_api_secret")).to_have_count(0)
        finally:
            # The server is shared by the other browser tests: they send through the sandbox.
            httpx.delete(f"{base_url}/api/channels/credentials/solapi", headers=api_headers(), timeout=10)
