"""The ``app`` fixture builds ``server.create_app`` once per test process and gives it each test's settings as a
new state (tests/conftest.py, session 26): the app must answer from the database of its state, not of the settings
it was built with, and nothing one test leaves in the state may reach the next."""

from __future__ import annotations

import shutil
from pathlib import Path

from litestar import Litestar

from server import _state, create_app
from storage.config import Settings
from storage.db import dispose_engines
from tests.conftest import make_settings
from tests.support.clients import AppClients
from tests.support.login import apply_login, make_login


async def test_a_built_app_answers_from_the_database_of_its_state(tmp_path: Path, migrated_template: Path) -> None:
    # Given an app built with one database's settings, then given a state of another database's settings
    first, second = tmp_path / "first", tmp_path / "second"
    for data_dir in (first, second):
        data_dir.mkdir()
        shutil.copy(migrated_template, data_dir / "doctorsflow.db")
    built_with, served = make_settings(first), make_settings(second)
    app = create_app(built_with)
    app.state = _state(served)
    on_first, on_second = await make_login(built_with, "manager"), await make_login(served, "manager")
    async with AppClients(app) as clients:
        # When a manager of each database asks who they are
        answers = []
        for login in (on_first, on_second):
            client = clients.new()
            apply_login(client, login)
            answers.append((await client.get("/api/auth/me")).status_code)
    await dispose_engines()
    # Then only the state's database knows its session; the start-up filled in that state
    assert answers == [401, 200]
    assert app.state.settings is served and app.state.default_clinic_id is not None


def test_each_test_gets_the_one_app_with_a_new_state(app: Litestar, settings: Settings) -> None:
    from tests import conftest

    assert len(conftest._BUILT_APP) == 1 and conftest._BUILT_APP[0] is app
    assert app.state.settings is settings
    assert app.state.default_clinic_id is None  # not started in this test: nothing left from an earlier one
    app.state.left_behind = True  # the next test's state must not hold it


def test_the_next_test_sees_nothing_the_last_one_left(app: Litestar, settings: Settings) -> None:
    assert app.state.settings is settings
    assert "left_behind" not in app.state
