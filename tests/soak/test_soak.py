"""The QUICK soak (bench/soak.py) inside ``make test``: server + 2 workers as real processes on a real Redis,
a counting fake SOLAPI, 30 patients × 2 SMS, one worker SIGKILL, one Redis FLUSHALL, 5 s of provider 500.

Two things are checked on the same run:
- no personal data (names, phone numbers in every spelling, chart numbers) in any line any process logged,
  access log lines included (an API client even puts a phone and a name in a query string);
- exactly once: every message accepted by the provider once, none missing, none twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.soak import QUICK, SoakResult, run_soak

CROSS_LOOP = "bound to a different event loop"


class NotExactlyOnce(AssertionError):
    """The soak counted a duplicate or a missing message, or a worker logged the cross-loop error behind them."""


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """None: embedded SQLite; else a fresh PostgreSQL database (DOCTORSFLOW_TEST_POSTGRES)."""
    if request.param == "sqlite":
        yield None
        return
    from tests.conftest import _postgres_database, require_postgres

    require_postgres()
    database = _postgres_database()
    yield next(database)
    next(database, None)


def personal_data_in_logs(result: SoakResult) -> list[str]:
    """Where a patient's name, phone or chart number appears in a log: 'log:line: patient #i kind' (no value)."""
    kinds = ("name", "phone", "phone digits", "phone +82", "phone 82", "chart number")
    needles = {
        value: f"patient #{p.index} {kind}"
        for p in result.patients
        for kind, value in zip(kinds, p.personal_values(), strict=True)
    }
    found = []
    for label, path in sorted(result.logs.items()):
        for number, line in enumerate(Path(path).read_text("utf-8", errors="replace").splitlines(), 1):
            found += [f"{label}.log:{number}: {what}" for value, what in needles.items() if value in line]
    return found


def log_lines(result: SoakResult, process: str) -> list[str]:
    return [
        line
        for label, path in result.logs.items()
        if label.startswith(process + ".")
        for line in Path(path).read_text("utf-8", errors="replace").splitlines()
    ]


@pytest.mark.soak
def test_quick_soak_sends_each_message_once_and_logs_no_personal_data(tmp_path: Path, database_url: str | None) -> None:
    result = run_soak(QUICK, tmp_path, database_url=database_url)

    # The soak did what it says: every patient booked, the faults happened.
    assert result.expected == 2 * QUICK.patients
    assert result.faults["sigkill"] == 1 and result.faults["flushall"] == 1

    # No personal data in any log line of any process, at every level we ship (access logs included).
    leaks = personal_data_in_logs(result)
    assert not leaks, "personal data in logs:\n" + "\n".join(leaks[:30])
    access = log_lines(result, "server")
    assert any('"POST /api/events HTTP/1.1" 201' in line for line in access)  # the access log is in the capture
    assert any('"GET /api/patients HTTP/1.1" 200' in line for line in access)  # its query string is not

    # Exactly once, per patient and per send node.
    cross_loop = sum(line.count(CROSS_LOOP) for w in ("worker-a", "worker-b") for line in log_lines(result, w))
    if result.duplicates or result.missing or result.unexpected or cross_loop:
        raise NotExactlyOnce(f"{result.describe()}\n  '{CROSS_LOOP}' logged {cross_loop} time(s)")
