"""An exception nobody expected: logged once with the request id (types and frames, no personal data) and
answered with the errors shape plus that id, in the body and the X-Request-ID header."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from litestar import Litestar, post
from litestar.testing import AsyncTestClient

from storage.http import EXCEPTION_HANDLERS, BoundedRequest
from storage.security import add_security_headers
from tests.support.server import ROOT, doctorsflow_command, server_env

PHONE = "010-9876-5432"


@post("/api/boom", sync_to_thread=False)
def boom(data: dict[str, str]) -> None:
    raise RuntimeError(f"lookup failed for {data['phone']}")  # a message quoting personal data


async def test_an_unexpected_exception_answers_a_problem_with_the_logged_request_id(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = Litestar(
        [boom], exception_handlers=EXCEPTION_HANDLERS, before_send=[add_security_headers], request_class=BoundedRequest
    )
    logger = logging.getLogger("doctorsflow.http")
    logger.addHandler(caplog.handler)  # Litestar's logging set-up may stop propagation to the root logger
    try:
        async with AsyncTestClient(app) as client:
            answer = await client.post("/api/boom", json={"phone": PHONE})
    finally:
        logger.removeHandler(caplog.handler)
    assert answer.status_code == 500
    body = answer.json()
    request_id = body["request_id"]
    assert answer.headers["x-request-id"] == request_id
    assert body["errors"] == [
        {"code": "internal_error", "node": None, "path": "", "message": body["errors"][0]["message"]}
    ]
    assert request_id in body["errors"][0]["message"] and " / " in body["errors"][0]["message"]
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert request_id in logged and "RuntimeError" in logged and "test_problem_bodies.py" in logged
    assert PHONE not in logged and PHONE not in answer.text


async def test_every_answer_names_its_request(client: AsyncTestClient[Litestar]) -> None:
    first, second = await client.get("/api/workflows"), await client.get("/api/nope")
    assert len(first.headers["x-request-id"]) == 16
    assert first.headers["x-request-id"] != second.headers["x-request-id"]


def test_the_command_line_prints_an_error_id_not_a_traceback(tmp_path: Path) -> None:
    import subprocess

    # Given a data dir whose database file is not a database (the command cannot work)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "doctorsflow.db").write_bytes(b"not a database, " * 512)
    event = tmp_path / "event.json"
    event.write_text(
        '{"type": "appointment.booked", "external_id": "x", "occurred_at": "2026-12-01T09:00:00+09:00",'
        f' "patient": {{"chart_no": "A-1", "name": "김민지", "phone": "{PHONE}"}}}}',
        "utf-8",
    )
    result = subprocess.run(
        [*doctorsflow_command(), "event", str(event)],
        env=server_env(tmp_path / "data"),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    # Then: exit 1, the error id in Korean and English, no traceback; the stack is in errors.log (0600), no data
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "오류 번호" in result.stderr and "error id" in result.stderr
    error_id = result.stderr.split("오류 번호 ")[1].split("를")[0]
    log_file = tmp_path / "data" / "errors.log"
    assert log_file.stat().st_mode & 0o777 == 0o600
    logged = log_file.read_text("utf-8")
    assert error_id in logged and PHONE not in logged and "김민지" not in logged
