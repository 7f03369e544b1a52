"""First log-in: `serve` on a fresh install prints a one-time /setup#token=… link; the manager opens it,
sets a password and lands logged in; the link never works twice."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect

from tests.support.server import serving

pytestmark = pytest.mark.browser
LINK = re.compile(r"http://\S+/setup#token=\S+")


@pytest.fixture(scope="module")
def fresh_install(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[tuple[str, str]]:
    """A server on an empty data dir, exactly as `doctorsflow serve` starts it; yields (base URL, link)."""
    with serving(tmp_path_factory.mktemp("fresh-install")) as (base, log_path):
        yield base, _wait_for_link(log_path)


def _wait_for_link(log_path: Path) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = LINK.search(log_path.read_text("utf-8", "replace"))
        if found:
            return found.group(0)
        time.sleep(0.2)
    raise RuntimeError(f"no set-up link within 60 s: {log_path.read_text('utf-8', 'replace')}")


PAGE_ERRORS: list[str] = []


def _new_page(browser: Any, base: str) -> Any:
    context = browser.new_context(base_url=base, locale="ko-KR")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.on("pageerror", lambda error: PAGE_ERRORS.append(str(error)))
    return page


def test_first_login_link_sets_the_password_logs_in_and_cannot_be_reused(
    browser: Any, fresh_install: tuple[str, str]
) -> None:
    base, link = fresh_install
    # Given the link `serve` printed for the first manager, opened in a browser with no session
    page = _new_page(browser, base)
    page.goto(link)
    expect(page.get_by_test_id("setup-page")).to_be_visible()
    expect(page.get_by_test_id("login-page")).to_have_count(0)

    # When the two passwords differ, Then the page says so without asking the server
    page.get_by_test_id("setup-password").fill("correct horse battery")
    page.get_by_test_id("setup-again").fill("correct horse batterz")
    page.get_by_test_id("setup-submit").click()
    expect(page.get_by_test_id("setup-mismatch")).to_contain_text("두 비밀번호가 다릅니다")

    # When the password is too short, Then the server's Korean policy message is shown (the link survives)
    page.get_by_test_id("setup-password").fill("short")
    page.get_by_test_id("setup-again").fill("short")
    page.get_by_test_id("setup-submit").click()
    expect(page.get_by_test_id("setup-errors")).to_contain_text("비밀번호는 10자 이상이어야 합니다")

    # When a good password is entered twice
    page.get_by_test_id("setup-password").fill("correct horse battery")
    page.get_by_test_id("setup-again").fill("correct horse battery")
    page.get_by_test_id("setup-submit").click()

    # Then the manager lands on the home page, logged in, and the token is gone from the address bar
    expect(page.get_by_test_id("logout")).to_be_visible()
    expect(page.get_by_test_id("nav-workflows")).to_be_visible()
    assert page.evaluate("location.pathname + location.hash") == "/"
    me = page.context.request.get("/api/auth/me")
    assert me.ok and me.json()["email"] == "manager@clinic.local"
    # And the new password logs in through the API
    login = httpx.post(
        f"{base}/api/auth/login", json={"email": "manager@clinic.local", "password": "correct horse battery"}
    )
    assert login.status_code == 200

    # When the same link is opened again in another browser
    again = _new_page(browser, base)
    again.goto(link)
    again.get_by_test_id("setup-password").fill("another good password")
    again.get_by_test_id("setup-again").fill("another good password")
    again.get_by_test_id("setup-submit").click()
    # Then it is refused with a clear message, and nobody is logged in
    expect(again.get_by_test_id("setup-errors")).to_contain_text("링크가 만료되었거나 이미 사용되었습니다")
    assert again.context.request.get("/api/auth/me").status == 401

    # And a link without its token says what to do
    bare = _new_page(browser, base)
    bare.goto("/setup")
    expect(bare.get_by_test_id("setup-no-token")).to_be_visible()
    for opened in (page, again, bare):
        opened.context.close()
    assert PAGE_ERRORS == []
