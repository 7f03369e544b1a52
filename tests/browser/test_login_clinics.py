"""Issue 18's e-mail oracle, as a user sees it: one address in two clinics is two accounts; a password that opens
both makes the log-in form ask which clinic (a server of its own: two clinics made on the command line)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.support.server import ROOT, doctorsflow_command, running_server, server_env

pytestmark = pytest.mark.browser

TWIN = "twin@clinic.kr"
PASSWORD = "one password for both"


def _cli(data_dir: Path, *args: str, stdin: str | None = None) -> None:
    subprocess.run(
        [*doctorsflow_command(), *args],
        env=server_env(data_dir),
        cwd=ROOT,
        check=True,
        capture_output=True,
        input=stdin,
        text=True,
    )


@pytest.fixture(scope="module")
def two_clinics(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data_dir = tmp_path_factory.mktemp("two-clinics")
    with running_server(data_dir, ready=False) as base:
        _cli(data_dir, "create-clinic", "--slug", "second-eye", "--name", "둘째안과")
        for clinic in ("default", "second-eye"):
            _cli(
                data_dir,
                *("create-user", "--email", TWIN, "--name", "김쌍둥", "--role", "staff", "--clinic", clinic),
                "--password-stdin",
                stdin=PASSWORD + "\n",
            )
        yield base


def test_one_password_for_two_clinics_lets_the_user_choose(browser: Browser, two_clinics: str) -> None:
    context = browser.new_context(base_url=two_clinics, locale="ko-KR")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("/")
    page.get_by_test_id("login-email").fill(TWIN)
    page.get_by_test_id("login-password").fill(PASSWORD)
    page.get_by_test_id("login-submit").click()
    # The form asks which clinic (no error shown: the password was right)
    chooser = page.get_by_test_id("login-clinic")
    expect(chooser).to_be_visible()
    expect(chooser.locator("option")).to_have_count(2)
    expect(page.get_by_test_id("login-errors")).to_have_count(0)
    chooser.select_option(label="둘째안과")
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("login-page")).to_have_count(0)
    me = context.request.get("/api/auth/me").json()
    assert me["clinic"]["slug"] == "second-eye" and me["email"] == TWIN
    context.close()
    assert not errors, errors
