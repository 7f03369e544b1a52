"""uvicorn's access log keeps no personal data: no query string, and no phone number typed into a path."""

from __future__ import annotations

import logging

import pytest

from server import _PathOnlyAccessLog


def _logged(path: str) -> str:
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("1.2.3.4:5", "GET", path, "1.1", 404),
        None,
    )
    assert _PathOnlyAccessLog().filter(record)
    return record.getMessage()


@pytest.mark.parametrize(
    "path",
    ["/api/patients/01098765432", "/api/patients/010-9876-5432", "/api/patients?q=01098765432", "/x/+821098765432"],
)
def test_a_phone_number_in_a_path_or_query_is_not_logged(path: str) -> None:
    # Found by the probe: GET /api/patients/01098765432 (a client putting a number where an id goes) was logged
    line = _logged(path)
    assert "98765432" not in line and "9876-5432" not in line, line


def test_ids_and_long_hex_job_ids_stay_readable() -> None:
    assert "/api/runs/123456" in _logged("/api/runs/123456")
    job = "0123456789abcdef0123456789abcdef01234567"
    assert job in _logged(f"/api/patients/import-jobs/{job}")
