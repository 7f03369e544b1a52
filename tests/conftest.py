"""Shared fixtures: a migrated database per test (real SQLite, or PostgreSQL when configured), the app, a client.

Set ``DOCTORSFLOW_TEST_POSTGRES`` (e.g. ``postgresql+asyncpg://postgres:postgres@127.0.0.1/postgres``) to also
run the tests marked ``postgres`` (the storage tests are parametrised over both databases).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from storage.config import Settings
from storage.db import dispose_engines
from storage.migrate import ensure_default_clinic, upgrade
from tests.support.chromium import CHROMIUM
from tests.support.clients import AppClients
from tests.support.login import apply_login, make_login

# Fixtures every folder uses: the fake providers and the in-process runtime (pytest_plugins: root conftest only).
pytest_plugins = ["tests.support.fakes.fixtures", "tests.support.runtime"]

POSTGRES_URL = os.environ.get("DOCTORSFLOW_TEST_POSTGRES")
BROWSER_TESTS = Path(__file__).parent / "browser"


@pytest.fixture(autouse=True)
def _clinic_setup(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Test clinics are ready to send (tests/support/clinic.py) unless the test is about the set-up itself."""
    from tests.support import clinic

    if request.node.get_closest_marker("own_templates") or request.node.get_closest_marker("gates"):
        monkeypatch.setattr(clinic, "APPROVE_LIBRARY", False)
    if request.node.get_closest_marker("gates"):
        monkeypatch.setattr(clinic, "READY", False)


TEST_SECRET = "test-secret-key-0123456789abcdef0123456789abcdef"
# Personal fields are encrypted with the process keyring (storage/crypto.py): the tests use the same key.
os.environ.setdefault("DOCTORSFLOW_SECRET_KEY", TEST_SECRET)


def make_settings(data_dir: Path, database_url: str | None = None) -> Settings:
    return Settings(
        data_dir=data_dir,
        database_url=database_url or f"sqlite+aiosqlite:///{data_dir / 'doctorsflow.db'}",
        redis_url=None,
        secret_key=TEST_SECRET,
    )


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrate once per test process; each test gets a copy of this SQLite file."""
    data_dir = tmp_path_factory.mktemp("template")
    upgrade(make_settings(data_dir))
    return data_dir / "doctorsflow.db"


@pytest.fixture(scope="session")
def ready_template(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Path:
    """The migrated database with its default clinic made ready once per test process (tests/support/clinic.py's
    ``ready_clinic``: ~0.33 s of CPU each time, its 26 library templates copied, submitted and approved)."""
    from tests.support.clinic import ready_clinic

    data_dir = tmp_path_factory.mktemp("ready-template")
    shutil.copy(migrated_template, data_dir / "doctorsflow.db")
    template = make_settings(data_dir)

    async def make_ready() -> None:
        try:
            await ready_clinic(template, await ensure_default_clinic(template))
        finally:
            await dispose_engines()

    asyncio.run(make_ready())
    return data_dir / "doctorsflow.db"


def _readies_the_default_clinic(request: pytest.FixtureRequest) -> bool:
    """The test's fixtures make the default clinic ready anyway (``client`` logs a manager of it in; the shared
    ``clinic_id`` of tests/support/runtime.py), and its markers leave ``ready_clinic`` on."""
    from tests.support import clinic

    if not (clinic.READY and clinic.APPROVE_LIBRARY):
        return False
    if "client" in request.fixturenames:
        return True
    if "clinic_id" not in request.fixturenames:
        return False
    definitions = request._fixturemanager.getfixturedefs("clinic_id", request.node) or ()
    return bool(definitions) and definitions[-1].func.__module__ == "tests.support.runtime"


@pytest.fixture
def settings(request: pytest.FixtureRequest, tmp_path: Path, migrated_template: Path) -> Settings:
    """A fresh, migrated embedded database for one test; its default clinic already ready when the test's fixtures
    would make it so (a copy of ``ready_template``: ``ready_clinic`` then finds nothing left to do)."""
    ready = _readies_the_default_clinic(request)
    shutil.copy(request.getfixturevalue("ready_template") if ready else migrated_template, tmp_path / "doctorsflow.db")
    return make_settings(tmp_path)


def require_postgres() -> str:
    """The PostgreSQL test server's URL: tests that need one are marked ``postgres`` and run only where one is
    configured (:func:`pytest_collection_modifyitems`)."""
    assert POSTGRES_URL, "a test that needs PostgreSQL must carry the postgres mark"
    return POSTGRES_URL


def _postgres_database(template: str | None = None) -> Iterator[str]:
    """A new, empty PostgreSQL database (or a copy of the database ``template``), dropped afterwards."""
    import asyncpg

    assert POSTGRES_URL is not None
    admin_dsn = POSTGRES_URL.replace("postgresql+asyncpg://", "postgresql://")
    name = f"df_test_{uuid.uuid4().hex[:12]}"

    async def admin(sql: str) -> None:
        connection = await asyncpg.connect(admin_dsn)
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    asyncio.run(admin(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
    base = POSTGRES_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def migrated_postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Migrate one PostgreSQL database per test process (as ``migrated_template`` does for SQLite): each test's
    database is a copy of it (CREATE DATABASE … TEMPLATE, ~0.3 s), not a migration of its own (~3 s of the
    server's work on a loaded machine, session 25). Its name, for ``_postgres_database``; nothing stays connected
    to it (``upgrade`` disposes its engines), as a template requires."""
    require_postgres()
    database = _postgres_database()
    url = next(database)
    upgrade(make_settings(tmp_path_factory.mktemp("postgres-template"), url))
    yield url.rsplit("/", 1)[1]
    next(database, None)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_db_settings(request: pytest.FixtureRequest, tmp_path: Path, migrated_template: Path) -> Iterator[Settings]:
    """Settings on SQLite and, when DOCTORSFLOW_TEST_POSTGRES is set, on PostgreSQL too."""
    if request.param == "sqlite":
        shutil.copy(migrated_template, tmp_path / "doctorsflow.db")
        yield make_settings(tmp_path)
        return
    require_postgres()
    database = _postgres_database(request.getfixturevalue("migrated_postgres"))
    url = next(database)
    yield make_settings(tmp_path, url)
    next(database, None)


_BUILT_APP: list[Litestar] = []  # the app the ``app`` fixture built in this test process


@pytest.fixture
def app(settings: Settings) -> Litestar:
    """``server.create_app(settings)``: built once per test process (registering its routes takes ~0.26 s of CPU,
    about half of an API test's set-up, session 26), with a new state of this test's settings as create_app makes
    it (its start-up and shut-down read the state), so nothing a test leaves in the state reaches the next."""
    from server import _state, create_app

    if not _BUILT_APP:
        _BUILT_APP.append(create_app(settings))
    built = _BUILT_APP[0]
    built.state = _state(settings)
    return built


@pytest.fixture
async def app_clients(app: Litestar) -> AsyncIterator[AppClients]:
    """The app started once; ``app_clients.new()`` gives one more client of it (tests/support/clients.py)."""
    async with AppClients(app) as clients:
        yield clients
    await dispose_engines()


@pytest.fixture
def anonymous_client(app_clients: AppClients) -> AsyncTestClient[Litestar]:
    """A client that has not logged in: every /api route but log-in answers 401."""
    return app_clients.new()


@pytest.fixture
async def client(app_clients: AppClients, settings: Settings) -> AsyncTestClient[Litestar]:
    """A client logged in as a manager of the default clinic (every clinic action is allowed)."""
    test_client = app_clients.new()
    apply_login(test_client, await make_login(settings, "manager"))
    return test_client


ClientAs = Callable[..., Awaitable[AsyncTestClient[Litestar]]]


@pytest.fixture
def client_as(app_clients: AppClients, settings: Settings) -> ClientAs:
    """``await client_as("staff")`` or ``await client_as("manager", clinic="other")``: a logged-in client
    of that role in that clinic (created when missing; platform_admin has none)."""

    async def open_client(role: str, clinic: str = "default") -> AsyncTestClient[Litestar]:
        test_client = app_clients.new()
        apply_login(test_client, await make_login(settings, role, clinic))
        return test_client

    return open_client


# Tests one xdist worker runs together, one after the other, when make test passes ``--dist loadgroup``: nodeid
# prefix -> group. The corpus audit of suggested rewrites fills ``linted``'s cache with every corpus line and its
# first rewrites; the rewrites applied in turn lint the same texts again (~70 CPU-s on another worker). A table, not
# ``xdist_group`` marks: xdist 3.8 groups by renaming a test's ``_nodeid``, which pytest 9 no longer reads.
XDIST_GROUPS = {
    "tests/compliance/test_suggestion_rewrites.py::test_every_reportable_rule_": "suggestion-audit",
    "tests/compliance/test_suggestions_in_sequence.py::": "suggestion-audit",
}


@pytest.hookimpl(optionalhook=True)  # an xdist hook: unknown without xdist (-p no:xdist)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """``--dist loadgroup`` with the groups of :data:`XDIST_GROUPS` (a group is one unit of work, placed where its
    first test is in the collection order); every other test is a unit of its own, as with ``--dist load``."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class TableGroups(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return next((group for prefix, group in XDIST_GROUPS.items() if nodeid.startswith(prefix)), nodeid)

    return TableGroups(config, log)


@pytest.hookimpl(tryfirst=True)  # before ``-m`` deselects: every collected test is seen
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The long tests (marked ``slow`` or ``soak``) run first, in their collection order: xdist hands tests out in
    collection order, and a long one handed out last runs alone while the other workers have nothing left (the
    suite's tail). The same order on every worker, as xdist requires. ``make test`` collects its browser half from
    tests/browser/ only: a browser test elsewhere would run in neither half, so it stops the collection."""
    stray = [item.nodeid for item in items if item.get_closest_marker("browser") and item.path.parent != BROWSER_TESTS]
    if stray:
        raise pytest.UsageError(f"browser tests belong in tests/browser/ (make test runs them from there): {stray}")
    _skip_where_a_server_is_missing(items)
    items.sort(key=lambda item: item.get_closest_marker("slow") is None and item.get_closest_marker("soak") is None)


# What a test marked ``postgres`` or ``browser`` needs from the machine, and the reason shown when it is absent.
NEEDS = {
    "postgres": "no PostgreSQL server configured (DOCTORSFLOW_TEST_POSTGRES)",
    "browser": f"no Chromium at {CHROMIUM}",
}


def _skip_where_a_server_is_missing(items: list[pytest.Item]) -> None:
    """On a developer's machine without PostgreSQL or Chromium the tests that need it are skipped (reported as
    skipped, never as passed). CI must provide both (``.ci/run`` installs them): there a missing one stops the run."""
    present = {"postgres": bool(POSTGRES_URL), "browser": Path(CHROMIUM).exists()}
    for marker, reason in NEEDS.items():
        needing = [item for item in items if item.get_closest_marker(marker)]
        if not needing or present[marker]:
            continue
        if os.environ.get("CI"):
            raise pytest.UsageError(f"CI must provide what {len(needing)} tests need: {reason}")
        for item in needing:
            item.add_marker(pytest.mark.skipif(not present[marker], reason=reason))
