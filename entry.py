"""The ``doctorsflow`` console script. ``import-patients`` starts without the web app, the runtime and the
compliance checker (about 80 MB less memory): that room goes to SQLite's page cache, which a 50 MB export
needs to stay fast within 200 MB (storage/patients/importer.py).

Every command's module registers its arguments without importing what the command runs (a handler imports
that when called), and only ``serve`` imports the web app (server.py): a start of ``lint-text`` or
``create-user`` costs what that command needs, not ~3 s of CPU for every package's imports."""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence
from typing import Any

LEAN_COMMANDS = frozenset({"import-patients"})
# The command modules in the order ``doctorsflow --help`` lists their commands ("entry": ``serve``, below).
CLI_MODULES = (
    "storage.cli",
    "entry",
    "nodes.cli",
    "compliance.cli",
    "runtime.cli",
    "runtime.billing.cli",
    "runtime.outcomes.cli",
    "storage.patients.cli",
    "storage.accounts.cli",
    "runtime.appointments.cli",
    "storage.workflows.cli",
    "storage.clinic_profile.cli",
)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] and args[0] in LEAN_COMMANDS:
        # what the import runs (storage.patients.cli imports it when called), loaded before the freeze below
        import storage.db
        import storage.migrate
        import storage.patients.cli
        import storage.patients.importer
        import storage.patients.readers
        from storage.command_run import command_parser, run_command

        # The modules just loaded live as long as the process: the cyclic collector need not walk them again
        # on every collection of the import's millions of short-lived row objects.
        gc.freeze()
        return run_command(command_parser([storage.patients.cli]), args)
    from storage.command_run import run_command

    return run_command(build_parser(), args)


def build_parser() -> argparse.ArgumentParser:
    """Every command of ``doctorsflow``."""
    from storage.command_run import command_parser

    return command_parser(importlib.import_module(name) for name in CLI_MODULES)


def register(commands: Any) -> None:
    """``serve``: its arguments here, so that no other command imports the web app (server.py)."""
    from nodes.cli_format import add_format

    serve = commands.add_parser("serve", help="서버 시작 / start the server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--with-worker", action="store_true", help="내장 Redis와 워커도 시작 / also run Redis + worker")
    serve.add_argument("--load-examples", action="store_true", help="예제 워크플로 불러오기 / load example workflows")
    add_format(serve)
    serve.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    from server import run_serve as serve

    return serve(args)


if __name__ == "__main__":
    sys.exit(main())
