"""The receptionist's patient search: a search that finds no one says so and how to search (names and phones
are encrypted, so only a whole name, a whole phone number or a chart number finds a patient)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Page, book

pytestmark = pytest.mark.browser


def test_a_search_without_matches_says_how_to_search(page: Page, base_url: str) -> None:
    # Given a patient 강서윤 with phone 010-8123-4567
    book(
        base_url,
        "search-hint-1",
        {"chart_no": "S-9001", "name": "강서윤", "phone": "010-8123-4567"},
        {"id": "search-hint-apt-1", "starts_at": "2026-12-09T10:00:00+09:00"},
    )
    page.goto("/patients")
    search = page.get_by_test_id("patients-search")
    # The box says what it searches by
    expect(search).to_have_attribute("placeholder", "이름·휴대폰 번호·차트번호 (전체)")
    # When the receptionist types part of the name, as they would in a chart program
    search.fill("서윤")
    # Then the page says no one matched and that a whole name or number is needed
    empty = page.get_by_test_id("patients-empty")
    expect(empty).to_contain_text("찾는 환자가 없습니다")
    expect(empty).to_contain_text("전체")
    # When they type the whole phone number, the patient is found and the hint is gone
    search.fill("01081234567")
    expect(page.get_by_test_id("patients-table")).to_contain_text("S-9001")
    expect(empty).to_have_count(0)
