"""The command line's one output convention, shared by every package's ``cli.py``.

- ``--format``: ``text`` (for people, the default) or ``json`` (one JSON object on stdout, for machines);
  a command may offer more formats (``lint``: sarif, html; ``export-patient``: csv).
- Errors are ``{"code", "node", "path", "message"}`` objects, as in the HTTP API: ``{"errors": [...]}`` on
  stdout in JSON, a line on stderr in text.
- Exit codes (DESIGN.md): :data:`EXIT_OK` 0, :data:`EXIT_INVALID` 1 (findings, invalid input, not found),
  :data:`EXIT_USAGE` 2 (usage, an unreadable file).

It sits in the lowest package so that every command, whatever its layer, can use it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping
from typing import Any

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def add_format(parser: argparse.ArgumentParser, *choices: str, default: str = "text") -> None:
    """Add ``--format`` (``text|json`` unless other ``choices`` are given)."""
    parser.add_argument(
        "--format", choices=choices or ("text", "json"), default=default, help="출력 형식 / output format"
    )


def wants_json(args: argparse.Namespace) -> bool:
    return getattr(args, "format", "text") == "json"


def print_json(payload: Any) -> None:
    """One JSON document on one line of stdout, Korean left readable."""
    print(json.dumps(payload, ensure_ascii=False))


def emit(args: argparse.Namespace, payload: Any, text: str) -> None:
    """Print the JSON payload for machines or the text for people."""
    if wants_json(args):
        print_json(payload)
    else:
        print(text)


def error_object(code: str, message: str, node: str | None = None, path: str = "") -> dict[str, Any]:
    """One error object, keys in the order of the API's error shape."""
    return {"code": code, "node": node, "path": path, "message": message}


def emit_errors(
    args: argparse.Namespace, errors: Iterable[Mapping[str, Any]], text: str, *, text_in_json: bool = False
) -> None:
    """``{"errors": [...]}`` on stdout in JSON; ``text`` on stderr in text mode (and in JSON mode too when
    ``text_in_json``, for commands whose people-facing reason always goes to stderr)."""
    if wants_json(args):
        print_json({"errors": [dict(e) for e in errors]})
        if not text_in_json:
            return
    print(text, file=sys.stderr)
