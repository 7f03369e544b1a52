"""A large patient import in the browser shows a progress bar, then the summary (issue 18). A server of its own:
the file adds thousands of patients, which the shared server's other tests must not see."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from bench.bench_import import make_export
from tests.browser.helpers import logged_in_context
from tests.support.server import running_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROWS = 20_000  # four chunks of 5,000: the bar moves while the server works


@pytest.fixture(scope="module")
def import_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_server(tmp_path_factory.mktemp("import-progress"), ready=False) as base:
        yield base


def test_a_big_export_shows_progress_then_the_summary(browser: Browser, import_server: str, tmp_path: Path) -> None:
    export = tmp_path / "emr-20000.csv"
    export.write_bytes(make_export(ROWS))
    context = logged_in_context(browser, import_server, 1400, 900)
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto("/patients")
    # When the receptionist chooses the file, the dry run shows a progress bar with rows and megabytes
    page.get_by_test_id("import-file").set_input_files(str(export))
    progress = page.get_by_test_id("import-progress")
    expect(progress).to_be_visible()
    expect(page.get_by_test_id("import-progress-text")).to_contain_text("MB")
    # Then the preview counts every row
    preview = page.get_by_test_id("import-preview")
    expect(preview).to_contain_text(f"{ROWS}행 · 신규 {ROWS}", timeout=180_000)
    # When she confirms, the bar shows how far the import got, rows included
    page.get_by_test_id("import-confirm").click()
    expect(progress).to_be_visible()
    moving = re.compile(
        r"^[1-9]\d?% · [1-9][\d,]*행 처리 · [\d.]+ / [\d.]+ MB$"
    )  # e.g. "27% · 5,000행 처리 · 0.3 / 0.9 MB"
    expect(page.get_by_test_id("import-progress-text")).to_have_text(moving, timeout=60_000)
    seen = page.get_by_test_id("import-progress-text").inner_text()
    page.screenshot(path=str(tmp_path / "progress.png"))
    # Then the summary of the whole file, and the patients are listed
    expect(page.get_by_test_id("import-report")).to_contain_text(f"신규 {ROWS}", timeout=180_000)
    expect(progress).to_have_count(0)
    assert moving.match(seen), seen
    context.close()
    assert not errors, errors
