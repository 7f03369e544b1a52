"""The ``doctorsflow`` console script. ``import-patients`` starts without the web app, the runtime and the
compliance checker (about 80 MB less memory): that room goes to SQLite's page cache, which a 50 MB export
needs to stay fast within 200 MB (storage/patients/importer.py). Every other command is server.main."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

LEAN_COMMANDS = frozenset({"import-patients"})


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] and args[0] in LEAN_COMMANDS:
        import storage.patients.cli
        from storage.command_run import command_parser, run_command

        # The modules just loaded live as long as the process: the cyclic collector need not walk them again
        # on every collection of the import's millions of short-lived row objects.
        gc.freeze()
        return run_command(command_parser([storage.patients.cli]), args)
    from server import main as full

    return full(args)


if __name__ == "__main__":
    sys.exit(main())
