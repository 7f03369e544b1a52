"""Commands of the node catalogue: ``doctorsflow validate WORKFLOW.json …`` and ``doctorsflow examples``.

Procedure codes are checked against the defaults and, when a file names another code, against the catalogue
of the data directory's clinic (``storage/procedures/stored.py``).

Exit codes (DESIGN.md): 0 valid, 1 invalid, 2 unreadable file or not JSON (the reason is printed).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nodes.cli_format import EXIT_INVALID, EXIT_OK, EXIT_USAGE, add_format, emit, print_json

if TYPE_CHECKING:
    from nodes.validation import Problem


class UnreadableFile(Exception):
    """The file cannot be read or is not JSON; ``code`` and a Korean / English message say why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


MAX_JSON_FILE_BYTES = 10 * 1024 * 1024  # as the server's request body limit: no workflow or event comes near


def read_json_file(path: Path) -> Any:
    """Parse a UTF-8 JSON file (a BOM is allowed) or raise :class:`UnreadableFile` with the reason. A file
    larger than the API's body limit is refused after reading just past that limit (a pipe has no size)."""
    try:
        with path.open("rb") as source:
            raw = source.read(MAX_JSON_FILE_BYTES + 1)
        if len(raw) > MAX_JSON_FILE_BYTES:
            limit = MAX_JSON_FILE_BYTES // (1024 * 1024)
            raise UnreadableFile(
                "too_large", f"파일이 너무 큽니다 (최대 {limit} MB) / file too large ({limit} MB at most)"
            )
    except FileNotFoundError as exc:
        raise UnreadableFile("unreadable_file", "파일이 없습니다 / file not found") from exc
    except IsADirectoryError as exc:
        raise UnreadableFile("unreadable_file", "파일이 아니라 폴더입니다 / is a directory, not a file") from exc
    except PermissionError as exc:
        raise UnreadableFile("unreadable_file", "파일을 읽을 권한이 없습니다 / permission denied") from exc
    except OSError as exc:
        raise UnreadableFile("unreadable_file", f"파일을 읽을 수 없습니다 / cannot read the file: {exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            "not_utf8",
            f"UTF-8 텍스트가 아닙니다 ({exc.start}바이트 부근) / not UTF-8 text (near byte {exc.start})",
        ) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableFile(
            "invalid_json",
            f"JSON이 아닙니다: {exc.lineno}행 {exc.colno}열 ({exc.msg}) "
            f"/ not JSON: line {exc.lineno} column {exc.colno} ({exc.msg})",
        ) from exc
    except RecursionError as exc:
        raise UnreadableFile("invalid_json", "JSON이 너무 깊게 중첩되었습니다 / JSON nested too deeply") from exc


def _text_report(name: str, problems: list[Problem]) -> str:
    if not problems:
        return f"✓ {name}: 유효합니다 / valid"
    lines = [f"✗ {name}: 오류 {len(problems)}개 / {len(problems)} error(s)"]
    for problem in problems:
        node = f"노드 {problem.node} " if problem.node else ""
        lines.append(f"  [{problem.code}] {node}{problem.path or '/'}\n      {problem.message}")
    return "\n".join(lines)


def _validate_one(path: Path, output_format: str, several: bool) -> int:
    # here, not at the top: every command's start imports this module (entry.py), few validate a workflow
    from nodes.registry import using_catalogue
    from nodes.validation import problems_as_report, validate_workflow
    from storage.procedures.stored import names_unknown_code, stored_catalogue

    try:
        doc = read_json_file(path)
    except UnreadableFile as exc:
        if output_format == "json":
            error = {"code": exc.code, "node": None, "path": "", "message": exc.message}
            report: dict[str, Any] = {"valid": False, "errors": [error]}
            print_json({"file": str(path), **report} if several else report)
        else:
            print(f"✗ {path}: {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    problems = validate_workflow(doc)
    if names_unknown_code(problems):  # maybe one of this data directory's clinic codes
        catalogue = stored_catalogue()
        if catalogue is not None:
            with using_catalogue(catalogue):
                problems = validate_workflow(doc)
    if output_format == "json":
        answer = problems_as_report(problems)
        print_json({"file": str(path), **answer} if several else answer)
    else:
        print(_text_report(str(path), problems))
    return EXIT_INVALID if problems else EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    several = len(args.workflows) > 1
    return max(_validate_one(Path(p), args.format, several) for p in args.workflows)


def run_examples(args: argparse.Namespace) -> int:
    from nodes.examples import list_examples

    examples = list_examples()
    width = max((len(e["slug"]) for e in examples), default=0)
    emit(args, {"examples": examples}, "\n".join(f"{e['slug']:<{width}}  {e['name']}" for e in examples))
    return EXIT_OK


def register(subparsers: Any) -> None:
    """Add ``validate`` and ``examples`` to the ``doctorsflow`` command line."""
    validate = subparsers.add_parser(
        "validate",
        help="워크플로 파일 검사 / validate workflow files",
        description="워크플로 파일을 검사합니다. 종료 코드: 0 유효, 1 오류, 2 읽을 수 없음 "
        "/ Validates workflow files. Exit 0 valid, 1 invalid, 2 unreadable.",
    )
    validate.add_argument("workflows", nargs="+", metavar="WORKFLOW.json", help="워크플로 파일 / workflow file")
    add_format(validate)
    validate.set_defaults(handler=run_validate)
    examples = subparsers.add_parser("examples", help="예제 워크플로 목록 / list the example workflows")
    add_format(examples)
    examples.set_defaults(handler=run_examples)
