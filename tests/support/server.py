"""The real DoctorsFlow server and command line in a child process: a temporary data dir and `doctorsflow serve`
(which migrates), for the browser tests; the same command starts a worker for the durability tests."""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "builder_ui"
SECRET = "browser-test-secret-0123456789abcdef0123456789"
# The manager the browser logs in as (the API needs a log-in since accounts landed).
MANAGER_EMAIL = "browser@clinic.kr"
MANAGER_PASSWORD = "browser test password"
API_HEADERS: dict[str, str] = {}  # the shared browser server's manager token (tests/browser/conftest.py sets it)
TOKENS: dict[str, dict[str, str]] = {}  # every running server's manager token, by base URL


def api_headers(base: str | None = None) -> dict[str, str]:
    """Headers with a manager's API token for httpx calls: of the server at ``base``, else of the shared one.
    Servers of a module of their own never replace the shared token (xdist interleaves modules)."""
    return dict(TOKENS[base] if base is not None else API_HEADERS)


_MANAGER_TEMPLATE: list[Path] = []  # the database of the first new data dir given a manager in this test process


def _create_manager(data_dir: Path) -> None:
    """The migrated database with the manager in a new data dir: the command's own work the first time in a test
    process, a copy of that database after it (a data dir that already holds files gets the command)."""
    target = data_dir / "doctorsflow.db"
    if _MANAGER_TEMPLATE and not any(data_dir.iterdir()):
        shutil.copy(_MANAGER_TEMPLATE[0], target)
        return
    _run_create_manager(server_env(data_dir))
    if not _MANAGER_TEMPLATE and target.exists() and [p.name for p in data_dir.iterdir()] == [target.name]:
        template = Path(tempfile.mkdtemp(prefix="doctorsflow-manager-")) / target.name
        atexit.register(shutil.rmtree, template.parent, True)
        shutil.copy(target, template)
        _MANAGER_TEMPLATE.append(template)


def _run_create_manager(env: dict[str, str]) -> None:
    # One command, not `migrate` then `create-user`: every command migrates a fresh data dir first
    # (tests/hardening/test_cli_fresh_data_dir.py), and each start of the command costs ~3 s of CPU (its imports).
    args = [
        "create-user",
        "--email",
        MANAGER_EMAIL,
        "--name",
        "브라우저 관리자",
        "--role",
        "manager",
        "--password-stdin",
    ]
    subprocess.run(
        [*doctorsflow_command(), *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        input=MANAGER_PASSWORD + "\n",
        text=True,
    )


def _issue_api_token(base: str) -> None:
    with httpx.Client(base_url=base, timeout=10) as client:
        login = client.post("/api/auth/login", json={"email": MANAGER_EMAIL, "password": MANAGER_PASSWORD})
        login.raise_for_status()
        csrf = {"X-CSRF-Token": login.json()["csrf_token"]}
        me = client.get("/api/auth/me").json()
        made = client.post(
            "/api/tokens", json={"name": "browser tests", "permissions": me["permissions"]}, headers=csrf
        )
        made.raise_for_status()
        TOKENS[base] = {"Authorization": f"Bearer {made.json()['token']}"}


def ensure_ui_built() -> None:
    """`make test` builds the editor first; a direct pytest run builds it when dist/ is missing."""
    if (UI / "dist" / "index.html").exists():
        return
    if not (UI / "node_modules").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=UI, check=True)
    subprocess.run(["npm", "run", "build"], cwd=UI, check=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def doctorsflow_command() -> list[str]:
    """The `doctorsflow` command of this environment (its console script, else ``python -c`` on server.main)."""
    script = Path(sys.executable).parent / "doctorsflow"
    return [str(script)] if script.exists() else [sys.executable, "-c", "import server, sys; sys.exit(server.main())"]


def server_env(data_dir: Path) -> dict[str, str]:
    """The environment of a server on the embedded database (and no Redis) of ``data_dir``."""
    env = {**os.environ, "DOCTORSFLOW_DATA_DIR": str(data_dir), "DOCTORSFLOW_SECRET_KEY": SECRET}
    for key in ("DATABASE_URL", "REDIS_URL"):
        env.pop(key, None)  # the embedded database of this temp dir
    return env


@contextmanager
def serving(data_dir: Path, *extra_args: str) -> Iterator[tuple[str, Path]]:
    """Run `doctorsflow serve` on a free port until it answers (logged out); yield (base URL, its log); stop it.
    ``extra_args``: e.g. ``--with-worker``. Patient links in messages point at this server."""
    ensure_ui_built()
    port = free_port()
    log_path = data_dir / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [*doctorsflow_command(), "serve", "--host", "127.0.0.1", "--port", str(port), *extra_args],
            env={**server_env(data_dir), "DOCTORSFLOW_PUBLIC_URL": f"http://127.0.0.1:{port}"},
            cwd=ROOT,
            stdout=log,
            stderr=log,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 180  # a loaded 2-core machine (make test runs two pytests) starts it slowly
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"server exited: {log_path.read_text('utf-8', 'replace')}")
                try:
                    if httpx.get(f"{base}/api/auth/me", timeout=2).status_code == 401:  # up, and logged out
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError("server did not start within 180 s")
                time.sleep(0.2)
            yield base, log_path
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _ready_clinic(base: str) -> None:
    """The clinic set up like tests/support/clinic.py's (profile filled, no sign-off gate for ads) with approved
    copies of the AlimTalk templates the examples use, through the HTTP API as a manager would. Other library
    codes stay uncopied: the template screens' tests copy them (RESULT_READY, PAYMENT_RECEIPT …)."""
    from nodes import examples
    from tests.support.clinic import TEST_PROFILE

    codes = sorted(
        {
            str(node["params"]["template"])
            for entry in examples.list_examples()
            for node in (examples.load_example(entry["slug"]) or {}).get("nodes", [])
            if node.get("type") == "send.alimtalk"
        }
    )
    profile = {k: v for k, v in TEST_PROFILE.items() if k != "sender_number"}
    with httpx.Client(base_url=base, timeout=30, headers=api_headers(base)) as client:
        client.put("/api/clinic", json=profile).raise_for_status()
        for code in codes:
            for step in (f"library/{code}/copy", f"{code}/submit", f"{code}/approve"):
                client.post(f"/api/alimtalk-templates/{step}").raise_for_status()


@contextmanager
def running_server(data_dir: Path, *extra_args: str, ready: bool = True) -> Iterator[str]:
    """The server with a manager (MANAGER_EMAIL) and an API token for the tests' httpx calls; yield its base URL.
    ``extra_args``: more options of `serve`. ``ready``: its clinic is set up to send (see :func:`_ready_clinic`);
    False: a new clinic (issue 15's gates)."""
    # `serve` migrates the embedded database itself (server.py); the manager is created before it starts.
    _create_manager(data_dir)
    with serving(data_dir, *extra_args) as (base, _):
        _issue_api_token(base)
        if ready:
            _ready_clinic(base)
        yield base
