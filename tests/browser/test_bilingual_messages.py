"""Server messages are "한국어 / English"; the editor shows the chosen language's part in full, even when a
Korean part glosses a word in English in brackets ("발송 시각(언제든 / any time)이 …")."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, create_workflow
from tests.support.documents import workflow

pytestmark = pytest.mark.browser

ANY_TIME_AD = workflow(
    [
        {"id": "start", "type": "trigger.manual"},
        {"id": "ad", "type": "send.sms", "params": {"text": "(광고) 정기 검진 안내", "purpose": "advertising"}},
    ],
    [("start", "ad")],
    name="언제든 보내는 광고",
)


def test_a_bracketed_english_gloss_does_not_cut_the_korean_message(page: Page, base_url: str) -> None:
    # Given an advertising SMS that may go out at night (its finding glosses "언제든 / any time" in brackets)
    workflow_id = create_workflow(base_url, ANY_TIME_AD)

    # When the manager opens it in Korean
    page.goto(f"/workflows/{workflow_id}")
    night = page.locator('[data-testid="problem"][data-code="ADV-NIGHT"]')

    # Then the whole Korean explanation shows, up to the hold until 08:00, and no English half after it
    expect(night).to_contain_text("발송 시각(언제든 / any time)이 야간 21:00–08:00에 걸릴 수 있습니다")
    expect(night).to_contain_text("08:00까지 보류됩니다")
    expect(night).not_to_contain_text("may fall at night")

    # And in English the English explanation shows, without the Korean one
    page.get_by_test_id("lang-switch").click()
    expect(night).to_contain_text("may fall at night")
    expect(night).not_to_contain_text("보류됩니다")
