"""Making the database file private must not touch an open database: close() of any descriptor on the file
drops every POSIX lock this process holds on it, and another process then writes under our connections
(seen as "disk I/O error" when the worker settled sends while the server read)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from storage.files import private_sqlite_file

TRY_TO_WRITE = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], timeout=0)
try:
    connection.execute("BEGIN IMMEDIATE")
except sqlite3.OperationalError as exc:
    print(exc)
else:
    print("got the write lock")
"""


def test_an_open_databases_locks_survive_making_it_private(tmp_path: Path) -> None:
    # Given a database this process holds the write lock on
    path = tmp_path / "doctorsflow.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO t VALUES (1)")
    # When another engine of this process makes the file private
    private_sqlite_file(f"sqlite+aiosqlite:///{path}")
    # Then another process still cannot take the write lock
    other = subprocess.run([sys.executable, "-c", TRY_TO_WRITE, str(path)], capture_output=True, text=True, timeout=30)
    holder.execute("ROLLBACK")
    holder.close()
    assert other.stdout.strip() == "database is locked"


def test_a_new_database_file_is_created_private(tmp_path: Path) -> None:
    path = tmp_path / "data" / "doctorsflow.db"
    private_sqlite_file(f"sqlite+aiosqlite:///{path}")
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
