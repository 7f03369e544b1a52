"""Browser fixtures: one real server per test process, a fresh Chromium context per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.helpers import logged_in_context
from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.support.server import API_HEADERS, api_headers, running_server

# expect()'s wait as long as every other wait of the page (context.set_default_timeout below), not Playwright's 5 s:
# `make test` runs these tests beside the CPU-bound rest of the suite on two cores. Only a failing check waits longer.
expect.set_options(timeout=10_000)


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_server(tmp_path_factory.mktemp("browser-server")) as url:
        API_HEADERS.update(api_headers(url))
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = logged_in_context(browser, base_url, 1400, 900)
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Console errors too (a CSP refusal, a React warning): a failed HTTP answer the test provoked is logged by the
    # browser as "Failed to load resource" and is the test's business, not a page error.
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error" and not message.text.startswith("Failed to load resource")
            else None
        ),
    )
    yield page
    context.close()
    assert not errors, f"errors in the page or its console: {errors[:5]} ({len(errors)} in all)"
