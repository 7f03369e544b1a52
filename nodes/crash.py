"""What an unexpected exception leaves behind: an error id for the user and, for the log, where it failed —
without anything that may quote personal data. Shared by the HTTP app (storage/http.py) and the command line
(server.main)."""

from __future__ import annotations

import sqlite3
import traceback
import uuid


def new_error_id() -> str:
    return uuid.uuid4().hex[:16]


def stack_without_messages(exc: BaseException) -> str:
    """Exception types and frames (file, line, function, source line) of the whole chain, without any
    exception's message or locals: those may hold the name or phone number being processed."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = "".join(traceback.format_list(traceback.extract_tb(current.__traceback__)))
        said = f" {current}" if isinstance(current, sqlite3.Error) else ""  # SQLite's own words never quote values
        parts.append(f"{type(current).__module__}.{type(current).__qualname__}{said}\n{frames}")
        current = current.__cause__ or current.__context__
    return "caused by:\n".join(parts)


def unexpected_message(error_id: str) -> str:
    return (
        f"예상하지 못한 오류입니다. 오류 번호 {error_id}를 관리자에게 알려 주세요 / "
        f"unexpected error: please report error id {error_id} to your administrator"
    )
