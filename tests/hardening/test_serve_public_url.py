"""Links for patients (appointment links, the online booking page) point at the server that made them: without
DOCTORSFLOW_PUBLIC_URL, `serve --port N` is that server — not a fixed port 8000 where nothing listens."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import httpx
import pytest

from tests.support.server import ROOT, doctorsflow_command, free_port, server_env

EMAIL, PASSWORD = "public-url@clinic.local", "public-url-password-1"


@pytest.mark.slow
def test_serve_without_a_public_url_links_to_its_own_address(tmp_path: Path) -> None:
    env = server_env(tmp_path)
    env.pop("DOCTORSFLOW_PUBLIC_URL", None)
    create = ["create-user", "--email", EMAIL, "--name", "관리자", "--role", "manager", "--password-stdin"]
    for args, stdin in ((["migrate"], None), (create, PASSWORD + "\n")):
        subprocess.run([*doctorsflow_command(), *args], env=env, cwd=ROOT, check=True, input=stdin, text=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with (tmp_path / "serve.log").open("wb") as log:
        process = subprocess.Popen(
            [*doctorsflow_command(), "serve", "--port", str(port)], env=env, cwd=ROOT, stdout=log, stderr=log
        )
    try:
        deadline = time.monotonic() + 90
        with httpx.Client(base_url=base, timeout=5) as client:
            while True:
                assert process.poll() is None, (tmp_path / "serve.log").read_text("utf-8", "replace")[-3000:]
                try:
                    if client.get("/api/auth/me").status_code == 401:
                        break
                except httpx.HTTPError:
                    pass
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.3)
            assert client.post("/api/auth/login", json={"email": EMAIL, "password": PASSWORD}).status_code == 200
            # Then the booking page's address is on this server's port
            assert client.get("/api/self-booking").json()["url"] == f"{base}/p/book/default"
        # And the log says where links point and how to change it
        assert f"{base}" in (tmp_path / "serve.log").read_text("utf-8") and "DOCTORSFLOW_PUBLIC_URL을" in (
            tmp_path / "serve.log"
        ).read_text("utf-8")
    finally:
        process.terminate()
        process.wait(timeout=30)
