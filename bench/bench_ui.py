"""The editor as a clinic PC meets it: what the login page and the editor download (gzip-9 of the JS and
CSS files the page really loads, route-level chunks), the whole build, and the median time of one
keystroke in a 500-character message field (real Chromium, Playwright, the real server).

`make bench` builds the editor first; a missing dist/ is reported as an error, not rebuilt here.
"""

from __future__ import annotations

import gzip
import statistics
import tempfile
from pathlib import Path
from typing import Any

DIST = Path(__file__).resolve().parent.parent / "builder_ui" / "dist"
CHROMIUM = "/usr/bin/chromium"

# beforeinput → the next frame after the input event: what the person typing waits for (beforeinput, not
# keydown: Hangul arrives as text input without key events, like an IME's composed syllables).
KEY_PROBE = """
() => {
  window.__keyTimes = [];
  let started = 0;
  document.addEventListener('beforeinput', (e) => { started = e.timeStamp; }, true);
  document.addEventListener('input', () => {
    const t0 = started;
    requestAnimationFrame(() => setTimeout(() => window.__keyTimes.push(performance.now() - t0), 0));
  }, true);
}
"""


def _gzip_kb(paths: list[Path]) -> float:
    return round(sum(len(gzip.compress(p.read_bytes(), compresslevel=9)) for p in paths) / 1024, 1)


def bundle_sizes(dist: Path = DIST) -> dict[str, int]:
    """Raw and gzip-9 bytes of every .js and .css file under dist/."""
    files = sorted(p for p in dist.rglob("*") if p.suffix in {".js", ".css"})
    if not files:
        raise FileNotFoundError(f"no built editor in {dist} (run `make ui`)")
    raw = sum(p.stat().st_size for p in files)
    gz = sum(len(gzip.compress(p.read_bytes(), compresslevel=9)) for p in files)
    js = sum(len(gzip.compress(p.read_bytes(), compresslevel=9)) for p in files if p.suffix == ".js")
    return {"files": len(files), "raw": raw, "gzip": gz, "gzip_js": js, "gzip_css": gz - js}


def _loaded_assets(page: Any, url: str, ready: str) -> tuple[list[Path], int, set[str]]:
    """The dist files a page loads (JS, CSS), the bytes that crossed the wire for them, their encodings."""
    seen: list[Any] = []
    page.on("response", lambda r: seen.append(r) if "/assets/" in r.url else None)
    page.goto(url)
    page.wait_for_selector(ready)
    page.wait_for_load_state("networkidle")
    files = [DIST / "assets" / r.url.split("/assets/", 1)[1].split("?")[0] for r in seen]
    wire = sum(r.request.sizes()["responseBodySize"] for r in seen)
    encodings = {str(r.headers.get("content-encoding", "identity")) for r in seen}
    return sorted(set(files)), wire, encodings


def _browser_figures(quick: bool) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    from tests.support.server import MANAGER_EMAIL, MANAGER_PASSWORD, api_headers, running_server

    with tempfile.TemporaryDirectory() as tmp, running_server(Path(tmp)) as base, sync_playwright() as pw:
        import httpx

        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            anonymous = browser.new_context(base_url=base)
            login_files, login_wire, login_enc = _loaded_assets(anonymous.new_page(), "/", "[data-testid=login-email]")
            anonymous.close()

            context = browser.new_context(base_url=base, viewport={"width": 1400, "height": 900})
            assert context.request.post(
                "/api/auth/login", data={"email": MANAGER_EMAIL, "password": MANAGER_PASSWORD}
            ).ok
            editor_files, editor_wire, editor_enc = _loaded_assets(
                context.new_page(), "/workflows/new", "[data-testid=canvas]"
            )

            document = {
                "format": "doctorsflow.workflow/v1",
                "name": "keystrokes",
                "nodes": [
                    {"id": "start", "type": "trigger.appointment_booked", "params": {}},
                    {"id": "sms", "type": "send.sms", "params": {"text": "안내", "purpose": "informational"}},
                ],
                "edges": [{"source": "start", "target": "sms"}],
            }
            made = httpx.post(f"{base}/api/workflows", json=document, headers=api_headers(base), timeout=10)
            made.raise_for_status()
            page = context.new_page()
            page.goto(f"/workflows/{made.json()['id']}")
            page.get_by_test_id("node-sms").click()
            field = page.locator("#root_text")
            field.fill("[{{ clinic.name }}] {{ patient.name }}님, 내일 예약을 잊지 마세요. " * 10)  # ≈ 480 characters
            field.press("End")
            page.evaluate(KEY_PROBE)
            keys = 20 if quick else 60
            field.press_sequentially("가나다라마바사아자차카타파하 " * (keys // 15 + 1), delay=60)
            page.wait_for_timeout(500)
            times: list[float] = page.evaluate("window.__keyTimes")
            length = len(field.input_value())
            context.close()
        finally:
            browser.close()
    return [
        {
            "bench": "ui.login_gzip_kb",
            "value": _gzip_kb(login_files),
            "unit": "KiB",
            "files": len(login_files),
            "wire_kb": round(login_wire / 1024, 1),
            "content_encoding": sorted(login_enc),
            "budget_kb": 150,
        },
        {
            "bench": "ui.editor_gzip_kb",
            "value": _gzip_kb(editor_files),
            "unit": "KiB",
            "files": len(editor_files),
            "wire_kb": round(editor_wire / 1024, 1),
            "content_encoding": sorted(editor_enc),
            "budget_kb": 350,
        },
        {
            "bench": "ui.keystroke_ms",
            "value": round(statistics.median(times), 1),
            "unit": "ms",
            "p90_ms": round(sorted(times)[int(len(times) * 0.9) - 1], 1),
            "keys": len(times),
            "field_chars": length,
            "budget_ms": 16,
        },
    ]


def run(quick: bool) -> list[dict[str, Any]]:
    sizes = bundle_sizes()
    figures: list[dict[str, Any]] = [
        {
            "bench": "ui.bundle_gzip_kb",
            "value": round(sizes["gzip"] / 1024, 1),
            "unit": "KiB",
            "raw_kb": round(sizes["raw"] / 1024, 1),
            "js_gzip_kb": round(sizes["gzip_js"] / 1024, 1),
            "css_gzip_kb": round(sizes["gzip_css"] / 1024, 1),
            "files": sizes["files"],
        }
    ]
    return figures + _browser_figures(quick)
