"""`doctorsflow lint-text big.txt | head` is how a reviewer skims a long report: when the reader stops early the
command ends quietly (exit 141, as a shell tool stopped by SIGPIPE), never with "unexpected error"."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.support.server import ROOT, doctorsflow_command, server_env


def test_a_reader_that_stops_early_gets_no_error(tmp_path: Path) -> None:
    messages = tmp_path / "messages.txt"
    messages.write_text("(광고) 국내 최고 100% 만족 라식, 오늘만 50% 할인!\n" * 3000, "utf-8")
    with subprocess.Popen(
        [*doctorsflow_command(), "lint-text", str(messages), "--format", "text"],
        env=server_env(tmp_path / "data"),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as command:
        assert command.stdout is not None and command.stderr is not None
        command.stdout.readline()  # `head -1`: one line read, then the pipe is closed
        command.stdout.close()
        stderr = command.stderr.read().decode("utf-8")
        returncode = command.wait(timeout=120)
    assert "오류" not in stderr and "error" not in stderr.lower(), stderr
    assert "Traceback" not in stderr
    assert returncode == 141
    assert not (tmp_path / "data" / "errors.log").exists()
