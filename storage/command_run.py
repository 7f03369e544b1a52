"""How every ``doctorsflow`` command runs: private files, logging without personal data, and no traceback for
a user. Shared by the full command line (server.main) and the lean start of ``import-patients`` (entry.py)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from nodes.cli_format import EXIT_INVALID, EXIT_USAGE, emit_errors, error_object
from nodes.crash import new_error_id, stack_without_messages, unexpected_message
from nodes.particles import with_particle
from storage.config import Settings
from storage.files import PRIVATE_UMASK

EXIT_READER_GONE = 141  # 128 + SIGPIPE, what a shell tool stopped by a closed pipe reports


def command_parser(cli_modules: Iterable[Any]) -> argparse.ArgumentParser:
    """``doctorsflow`` with the commands of ``cli_modules`` (each has ``register(commands)``)."""
    parser = argparse.ArgumentParser(
        prog="doctorsflow",
        description="DoctorsFlow — 병원 환자 커뮤니케이션 워크플로 / clinic patient messaging",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in cli_modules:
        module.register(commands)
    return parser


def run_command(parser: argparse.ArgumentParser, argv: Sequence[str] | None = None) -> int:
    os.umask(PRIVATE_UMASK)  # every file a command creates (database, Redis, exports, logs) is the service's own
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # httpx logs every request's full URL at INFO, and a provider's URL may carry a recipient's number.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    args = parser.parse_args(argv)
    unreadable = not_utf8_argument(args)
    if unreadable is not None:
        quoted = with_particle(f"'{unreadable}'", "이")
        message = f"인자 {quoted} UTF-8 텍스트가 아닙니다 / argument '{unreadable}' is not UTF-8 text"
        emit_errors(args, [error_object("invalid_argument", message)], f"✗ {message}")
        return EXIT_USAGE
    try:
        result = args.handler(args)
        if asyncio.iscoroutine(result):
            result = asyncio.run(result)
        sys.stdout.flush()  # a closed pipe shows here, not later in the interpreter's own flush at exit
    except BrokenPipeError:
        return reader_gone()
    except Exception as exc:  # never a traceback for a user: an error id, and the stack (no data) in the log
        return report_crash(args, exc)
    return int(result or 0)


def reader_gone() -> int:
    """The reader of our output stopped early (``doctorsflow lint-text big.txt | head``): nothing went wrong, so
    end quietly with the status a shell tool stopped by SIGPIPE gives (128 + 13)."""
    # Python's documented way: point stdout at devnull so the flush at exit does not raise again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_READER_GONE


def not_utf8_argument(args: argparse.Namespace) -> str | None:
    """The name of the first argument holding bytes that are not UTF-8 (Python hands them over as lone
    surrogates, which no database, encryption or output can take), or None. A file name may be such bytes on
    Linux: an argument naming a file that exists is left to the command."""
    for name, value in vars(args).items():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and _SURROGATE.search(text) and not os.path.lexists(text):
                return name.replace("_", "-")
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")


def report_crash(args: argparse.Namespace, exc: Exception) -> int:
    """An exception no command expected: its stack (types and frames, no messages) goes to
    ``DATA_DIR/errors.log`` (0600) under a new error id; the user sees the id, Korean and English, and exit 1."""
    error_id = new_error_id()
    try:
        log_file = Settings.from_env().data_dir / "errors.log"
        descriptor = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "a", encoding="utf-8") as out:
            out.write(f"--- {error_id} doctorsflow {args.command}\n{stack_without_messages(exc)}\n")
    except OSError:
        pass  # no data dir yet: the id alone must do
    message = unexpected_message(error_id)
    emit_errors(args, [error_object("internal_error", message)], f"✗ {message}")
    return EXIT_INVALID
