"""Issue 16: the editor's files arrive compressed and long-cached, JSON answers are compressed, and the login
page loads without a 401 in the console (nobody is logged in yet: it asks nothing)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser

from tests.support.server import api_headers

pytestmark = pytest.mark.browser


def test_login_page_assets_are_compressed_cached_and_no_401_is_logged(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, locale="ko-KR")
    page = context.new_page()
    console: list[str] = []
    statuses: list[tuple[str, int]] = []
    assets: list[Any] = []
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
    page.on("response", lambda r: statuses.append((r.url, r.status)))
    page.on("response", lambda r: assets.append(r) if "/assets/" in r.url else None)
    page.goto("/")
    page.get_by_test_id("login-email").wait_for()
    page.wait_for_load_state("networkidle")
    context.close()

    assert not [m for m in console if m.startswith("error")], console
    assert not [s for s in statuses if s[1] == 401], statuses
    assert assets and all(r.url.endswith((".js", ".css")) for r in assets)
    for response in assets:
        assert response.headers.get("content-encoding") in ("br", "gzip"), response.url
        assert "immutable" in response.headers.get("cache-control", ""), response.url


def test_index_is_revalidated_and_json_answers_are_compressed(base_url: str) -> None:
    index = httpx.get(f"{base_url}/workflows/new", headers={"accept-encoding": "gzip"})
    assert index.headers["cache-control"] == "no-cache"
    nodes = httpx.get(f"{base_url}/api/nodes", headers={**api_headers(), "accept-encoding": "gzip"})
    assert nodes.status_code == 200
    assert nodes.headers["content-encoding"] == "gzip"
    assert nodes.json()["nodes"]
