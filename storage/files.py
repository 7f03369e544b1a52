"""Who may read what we keep on disk: the data dir 0700, the SQLite database 0600 (its -wal and -shm files
take the database file's mode). Key files are written 0600 where they are made (storage/crypto.py,
storage/accounts/sealing.py); the command line also runs with umask 077 (server.main), so what any command
creates — the embedded Redis's files, exports, logs — is private to the service's user."""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
PRIVATE_UMASK = 0o077


def private_dir(path: Path) -> None:
    """Create ``path`` (and parents) if missing; make it 0700 if it is ours and looser."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    _tighten(path, PRIVATE_DIR)


def private_sqlite_file(database_url: str) -> None:
    """Before SQLite opens a file database: the file exists and is 0600, its folder 0700 when we make it."""
    if not database_url.startswith("sqlite") or ":memory:" in database_url or "///" not in database_url:
        return
    path = Path(database_url.split("///", 1)[1].split("?", 1)[0])
    if not path.parent.exists():
        private_dir(path.parent)
    # Create it only when missing (O_EXCL): opening and closing an existing database file would drop every
    # POSIX lock SQLite's open connections of this process hold on it (close() releases a process's locks on
    # the file), and another process would then checkpoint or delete the WAL under them: "disk I/O error".
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except FileExistsError:
        pass
    except OSError:
        return  # SQLite will say why it cannot open it
    for suffix in ("", "-wal", "-shm", "-journal"):
        _tighten(Path(f"{path}{suffix}"), PRIVATE_FILE)


def _tighten(path: Path, mode: int) -> None:
    try:
        current = path.stat().st_mode & 0o777
        if current & ~mode and path.stat().st_uid == os.getuid():
            os.chmod(path, mode)
    except OSError:
        pass  # gone, or not ours: nothing to tighten
