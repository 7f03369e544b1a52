"""``doctorsflow serve --with-worker`` as an operator runs it: private files, an address lock that forwarded
headers from a local client cannot walk around, and nothing left running after SIGTERM or SIGINT."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import httpx
import psutil
import pytest

from tests.support.server import ROOT, doctorsflow_command, free_port, server_env


def _redis_servers(data_dir: Path) -> list[psutil.Process]:
    """The redis-server processes serving this data dir (redis-server runs in its ``dir``)."""
    found = []
    for process in psutil.process_iter(["name"]):
        try:
            if "redis" in (process.info["name"] or "") and Path(process.cwd()) == data_dir / "redis":
                found.append(process)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return found


def _start(data_dir: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    with (data_dir.parent / "serve.log").open("ab") as log:  # the child keeps its own copy of the descriptor
        process = subprocess.Popen(
            [*doctorsflow_command(), "serve", "--with-worker", "--port", str(port)],
            env=server_env(data_dir),
            cwd=ROOT,
            stdout=log,  # uvicorn's access log
            stderr=log,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert process.poll() is None, (data_dir.parent / "serve.log").read_text("utf-8", "replace")[-3000:]
        try:
            if httpx.get(f"{base}/api/auth/me", timeout=2).status_code == 401:
                return process, base
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    process.kill()
    raise AssertionError("server did not start")


def _stop(process: subprocess.Popen[bytes], how: signal.Signals) -> None:
    process.send_signal(how)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise


@pytest.mark.slow
def test_serve_with_worker_stops_everything_it_started(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    process, base = _start(data_dir)
    try:
        assert len(_redis_servers(data_dir)) == 1
        # The data dir and everything secret in it are the service user's only
        assert data_dir.stat().st_mode & 0o777 == 0o700
        for name in ("doctorsflow.db", "doctorsflow.db-wal"):
            if (data_dir / name).exists():
                assert (data_dir / name).stat().st_mode & 0o777 == 0o600, name
        assert (data_dir / "redis").stat().st_mode & 0o077 == 0
        # A local client rotating X-Forwarded-For is still one address: the lock holds after 20 failures
        statuses = [
            httpx.post(
                f"{base}/api/auth/login",
                json={"email": f"guess{n}@clinic.kr", "password": "wrong password"},
                headers={"X-Forwarded-For": f"203.0.113.{n}"},
                timeout=30,
            ).status_code
            for n in range(22)
        ]
        assert statuses[-1] == 429, statuses
        # A search by phone in a query string stays out of the access log
        httpx.get(f"{base}/api/patients", params={"q": "01098765432"}, timeout=10)
    finally:
        _stop(process, signal.SIGTERM)
    log = (tmp_path / "serve.log").read_text("utf-8", "replace")
    assert "GET /api/patients HTTP" in log and "01098765432" not in log
    # Then no redis-server of this data dir is left, and a second start comes up clean and stops clean on ^C
    assert _redis_servers(data_dir) == []
    again, _ = _start(data_dir)
    assert len(_redis_servers(data_dir)) == 1
    _stop(again, signal.SIGINT)
    assert _redis_servers(data_dir) == []


@pytest.mark.slow
def test_a_start_after_a_crash_stops_the_redis_the_crashed_server_left(tmp_path: Path) -> None:
    # Found by the probe: after `kill -9` the orphaned redis-server was joined by the next start, which then
    # left it running after its own clean SIGTERM (it stopped only servers it had started)
    data_dir = tmp_path / "data"
    crashed, _ = _start(data_dir)
    crashed.kill()
    crashed.wait()
    try:
        assert len(_redis_servers(data_dir)) == 1  # nothing can catch SIGKILL: its Redis is left
        again, _ = _start(data_dir)
        assert len(_redis_servers(data_dir)) == 1  # one server for the data dir, not two
        _stop(again, signal.SIGTERM)
        assert _redis_servers(data_dir) == []
    finally:
        for left in _redis_servers(data_dir):  # never leave one behind, even when the test fails
            left.kill()
