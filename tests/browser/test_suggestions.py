"""Suggested rewrites (issue 17): the problems panel offers a compliant alternative and one click applies it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, create_workflow, drop_from_palette
from tests.support.documents import workflow

pytestmark = pytest.mark.browser

SMS = "send_sms_1"


def test_a_suggested_rewrite_is_applied_with_one_click(page: Page) -> None:
    # Given an SMS whose informational text carries a superlative
    page.goto("/workflows/new")
    drop_from_palette(page, "send.sms", 300, 200)
    page.get_by_test_id(f"node-{SMS}").click()
    text = page.locator("#root_text")
    text.fill("{{ patient.name }}님, 국내 최초 도입 장비로 검사합니다. 내일 오전 10시 예약입니다.")

    # Then the problems panel shows the finding with a suggestion
    problem = page.locator('[data-testid="problem"][data-code="MSA-SUPERLATIVE"]')
    expect(problem).to_be_visible()
    item = page.locator("li", has=problem)
    expect(item.get_by_test_id("suggestion")).to_contain_text("최상급")

    # When the suggestion is applied with one click
    item.get_by_test_id("apply-suggestion").click()

    # Then the text no longer carries the claim and the finding is gone after the live check
    expect(text).not_to_have_value("국내 최초")
    expect(text).to_have_value(
        "{{ patient.name }}님, 도입 장비로 검사합니다. 내일 오전 10시 예약입니다."
    )  # one space left
    expect(page.locator('[data-testid="problem"][data-code="MSA-SUPERLATIVE"]')).to_have_count(0)


def test_a_comparison_goes_with_its_sentence_and_the_label_and_name_stay(page: Page) -> None:
    # Given an advertising SMS whose first sentence runs down other clinics
    page.goto("/workflows/new")
    drop_from_palette(page, "send.sms", 300, 200)
    page.get_by_test_id(f"node-{SMS}").click()
    page.locator("#root_purpose").select_option(index=1)  # 광고성 / Advertising
    text = page.locator("#root_text")
    text.fill(
        "(광고) {{ clinic.name }} 다른 병원에서 실패한 코, 저희는 다릅니다. 코 성형 상담을 받아 보세요. "
        "부작용이 있을 수 있습니다. 무료수신거부 {{ clinic.optout_number }}"
    )

    # When the manager applies the comparison's suggestion
    problem = page.locator('[data-testid="problem"][data-code="MSA-COMPARISON"]')
    expect(problem).to_be_visible()
    item = page.locator("li", has=problem)
    expect(item.get_by_test_id("suggestion")).to_contain_text("문장")
    expect(item.get_by_test_id("suggestion-takes-out")).to_contain_text("다른 병원에서 실패한 코, 저희는 다릅니다.")
    item.get_by_test_id("apply-suggestion").click()

    # Then the whole sentence is gone (no orphan "코, 저희는 다릅니다"), the label, name, notice and opt-out stay
    expect(text).to_have_value(
        "(광고) {{ clinic.name }} 코 성형 상담을 받아 보세요. 부작용이 있을 수 있습니다. "
        "무료수신거부 {{ clinic.optout_number }}"
    )
    expect(page.locator('[data-testid="problem"][data-code="MSA-COMPARISON"]')).to_have_count(0)
    expect(page.locator('[data-testid="problem"][data-code="MSA-DEFAME"]')).to_have_count(0)


def test_a_disparagement_whose_finding_runs_into_the_risk_notice_leaves_the_notice(page: Page) -> None:
    # Given an advertising SMS whose disparaging line is followed by its risk notice on the next line
    page.goto("/workflows/new")
    drop_from_palette(page, "send.sms", 300, 200)
    page.get_by_test_id(f"node-{SMS}").click()
    page.locator("#root_purpose").select_option(index=1)  # 광고성 / Advertising
    text = page.locator("#root_text")
    text.fill(
        "(광고) {{ clinic.name }}\n임플란트, 아무 데서나 하시면 안 됩니다.\n*개인에 따라 부작용이 있을 수 있습니다\n"
        "무료수신거부 {{ clinic.optout_number }}"
    )

    # When the manager applies the disparagement's suggestion (its finding reaches "*개인에 따라 부작용")
    problem = page.locator('[data-testid="problem"][data-code="MSA-DEFAME"]')
    expect(problem).to_be_visible()
    page.locator("li", has=problem).get_by_test_id("apply-suggestion").click()

    # Then the claim's line says what the ad is about, the notice and opt-out stay, and nothing new is found
    expect(text).to_have_value(
        "(광고) {{ clinic.name }}\n임플란트 상담을 안내드립니다.\n*개인에 따라 부작용이 있을 수 있습니다\n"
        "무료수신거부 {{ clinic.optout_number }}"
    )
    for code in ("MSA-DEFAME", "MSA-COMPARISON", "MSA-OMIT-RISK"):
        expect(page.locator(f'[data-testid="problem"][data-code="{code}"]')).to_have_count(0)


def test_a_promotion_in_a_care_message_moves_into_an_advertising_branch(page: Page) -> None:
    # Given an informational SMS that ends with a discount pitch
    page.goto("/workflows/new")
    drop_from_palette(page, "send.sms", 200, 150)
    page.get_by_test_id(f"node-{SMS}").click()
    text = page.locator("#root_text")
    text.fill("{{ patient.name }}님, 내일 오전 10시 예약입니다. 이번 달 미백 시술 20% 할인 중이니 함께 받아 보세요.")

    # When the manager moves the promotion out with one click
    problem = page.locator('[data-testid="problem"][data-code="ADV-PURPOSE-MISMATCH"]')
    expect(problem).to_be_visible()
    item = page.locator("li", has=problem)
    move = item.get_by_test_id("apply-suggestion")
    expect(move).to_have_text("광고 노드로 옮기기")
    move.click()

    # Then a marketing-consent check and an advertising SMS with the promotion follow the care message
    expect(page.get_by_test_id("node-branch_consent_1")).to_be_visible()
    expect(page.get_by_test_id("node-send_sms_2")).to_be_visible()
    expect(page.locator(".react-flow__edge")).to_have_count(2)
    ad_text = page.locator("#root_text")  # the new advertising SMS is selected
    expect(ad_text).to_have_value(
        "(광고) {{ clinic.name }} 이번 달 미백 시술 20% 할인 중이니 함께 받아 보세요.\n"
        "무료수신거부 {{ clinic.optout_number }}"
    )
    expect(page.locator("#root_purpose option:checked")).to_contain_text("광고성")
    # and the care message keeps only its care text, with no purpose mismatch left
    page.get_by_test_id(f"node-{SMS}").click()
    expect(page.locator("#root_text")).to_have_value("{{ patient.name }}님, 내일 오전 10시 예약입니다.")
    expect(page.locator('[data-testid="problem"][data-code="ADV-PURPOSE-MISMATCH"]')).to_have_count(0)


def test_a_message_that_is_all_promotion_becomes_an_advertising_branch_in_its_place(page: Page, base_url: str) -> None:
    # Given a care flow whose informational SMS is nothing but a new-equipment pitch
    document = workflow(
        [
            {"id": "start", "type": "trigger.appointment_booked"},
            {
                "id": "pitch",
                "type": "send.sms",
                "params": {"text": "새로 도입한 레이저 장비로 잡티를 관리해 보세요.", "purpose": "informational"},
            },
            {"id": "done", "type": "end"},
        ],
        [("start", "pitch"), ("pitch", "done")],
        name="장비 안내",
    )
    page.goto(f"/workflows/{create_workflow(base_url, document)}")

    # When the manager moves the whole message with one click
    problem = page.locator('[data-testid="problem"][data-code="ADV-PURPOSE-MISMATCH"]')
    expect(problem).to_be_visible()
    page.locator("li", has=problem).get_by_test_id("apply-suggestion").click()

    # Then a consent check and an advertising SMS take the message's place; everyone still reaches the end
    expect(page.get_by_test_id("node-pitch")).to_have_count(0)
    expect(page.get_by_test_id("node-branch_consent_1")).to_be_visible()
    expect(page.get_by_test_id("node-send_sms_1")).to_be_visible()
    expect(page.locator(".react-flow__edge")).to_have_count(4)  # start→check, yes→SMS, SMS→end, no→end
    expect(page.locator("#root_text")).to_have_value(
        "(광고) {{ clinic.name }} 새로 도입한 레이저 장비로 잡티를 관리해 보세요.\n무료수신거부 {{ clinic.optout_number }}"
    )
    expect(page.locator('[data-testid="problem"][data-code="ADV-PURPOSE-MISMATCH"]')).to_have_count(0)

    # And one undo brings the original message back
    page.keyboard.press("Control+z")
    expect(page.get_by_test_id("node-pitch")).to_be_visible()
    expect(page.get_by_test_id("node-branch_consent_1")).to_have_count(0)


def test_the_inducement_and_safety_suggestions_in_turn_leave_an_ad_that_says_something(page: Page) -> None:
    # found in the user trial: the two suggestions one after another left only label, name, notice and opt-out
    # Given an advertising SMS whose only sentences are an offer and a claim denying pain
    page.goto("/workflows/new")
    drop_from_palette(page, "send.sms", 300, 200)
    page.get_by_test_id(f"node-{SMS}").click()
    page.locator("#root_purpose").select_option(index=1)  # 광고성 / Advertising
    text = page.locator("#root_text")
    text.fill(
        "(광고) {{ clinic.name }} 라식 50% 할인! 통증 없는 라식. 부작용이 있을 수 있습니다. 무료수신거부 {{ clinic.optout_number }}"
    )
    # When the manager applies the inducement's suggestion, then the safety claim's
    for rule in ("MSA-INDUCEMENT", "MSA-SAFETY-CLAIM"):
        problem = page.locator(f'[data-testid="problem"][data-code="{rule}"]')
        expect(problem).to_be_visible()
        page.locator("li", has=problem).get_by_test_id("apply-suggestion").click()
        expect(page.locator(f'[data-testid="problem"][data-code="{rule}"]')).to_have_count(0)
    # Then the ad still says what it is about, with its fee notice, risk notice and opt-out
    expect(text).to_have_value(
        "(광고) {{ clinic.name }} 비용은 원내에 게시된 비급여 진료비용을 따릅니다. 라식 상담을 안내드립니다. "
        "부작용이 있을 수 있습니다. 무료수신거부 {{ clinic.optout_number }}"
    )
