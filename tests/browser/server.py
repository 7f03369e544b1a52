"""A real DoctorsFlow server for browser tests: a temporary data dir and `doctorsflow serve` (which migrates)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "builder_ui"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SECRET = "browser-test-secret-0123456789abcdef0123456789"


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


def _cli() -> list[str]:
    script = Path(sys.executable).parent / "doctorsflow"
    return [str(script)] if script.exists() else [sys.executable, "-c", "import server, sys; sys.exit(server.main())"]


@contextmanager
def running_server(data_dir: Path) -> Iterator[str]:
    """Start the real server on a free port; yield its base URL; stop it."""
    ensure_ui_built()
    env = {**os.environ, "DOCTORSFLOW_DATA_DIR": str(data_dir), "DOCTORSFLOW_SECRET_KEY": SECRET}
    for key in ("DATABASE_URL", "REDIS_URL"):
        env.pop(key, None)  # the embedded database of this temp dir
    # `serve` migrates the embedded database itself (storage/cli.py), so one process start is enough.
    port = free_port()
    log = (data_dir / "server.log").open("wb")
    process = subprocess.Popen(
        [*_cli(), "serve", "--host", "127.0.0.1", "--port", str(port)], env=env, cwd=ROOT, stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"server exited: {(data_dir / 'server.log').read_text('utf-8', 'replace')}")
            try:
                if httpx.get(f"{base}/api/nodes", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
