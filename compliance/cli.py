"""Commands of the compliance checker: ``doctorsflow lint`` and ``doctorsflow lint-text``.

Exit codes (DESIGN.md): 0 no error finding, 1 an error-severity finding or invalid input, 2 usage or an
unreadable file.

``lint-text MESSAGES.jsonl``: one output line per non-blank input line, in order. A line that is not a
JSON object with a string ``text``, a known ``channel`` and ``purpose`` gives an output line
``{"id", "line", "error": {"code", "message"}}`` and the command exits 1 (invalid input), after linting
every other line; blank lines are skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from nodes.cli import UnreadableFile, read_json_file
from nodes.cli_format import EXIT_INVALID, EXIT_OK, EXIT_USAGE, add_format, print_json, wants_json
from nodes.progress import Advance, byte_progress

from .report_formats import CHECKLIST_URL, FORMATS

# The checker's modules are imported by the command that uses them, not here: every command's start imports this
# module (entry.py), and ``lint-text`` needs the text rules but not the workflow linter or the report formats.


def _checklist_link(output: str | None) -> str:
    """The checklist as a relative file link from where the report is written (the current directory when
    printed), when the guides are beside the package; else the path inside the repository."""
    from .guides import GUIDES, GUIDES_DIR

    checklist = GUIDES_DIR / GUIDES["checklist"]
    if not checklist.is_file():
        return CHECKLIST_URL
    base = Path(output).resolve().parent if output else Path.cwd()
    return Path(os.path.relpath(checklist, base)).as_posix()


def lint_command(args: argparse.Namespace) -> int:
    from .formats import render
    from .graph_rules import lint_workflow
    from .report import parse_suppression

    out: TextIO = sys.stdout
    try:
        doc = read_json_file(Path(args.workflow))
        raw_suppressions = read_json_file(Path(args.suppressions)) if args.suppressions else []
    except UnreadableFile as exc:
        print(f"✗ {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    if not isinstance(doc, dict):
        print("✗ 워크플로는 JSON 객체여야 합니다 / a workflow must be a JSON object", file=sys.stderr)
        return EXIT_INVALID
    try:
        if not isinstance(raw_suppressions, list):
            raise ValueError("억제 파일은 배열이어야 합니다 / the suppressions file must be an array")
        suppressions = [parse_suppression(s) for s in raw_suppressions]
    except ValueError as exc:
        print(f"✗ {exc}", file=sys.stderr)
        return EXIT_INVALID
    report = lint_workflow(doc, suppressions=suppressions)
    name = doc.get("name") if isinstance(doc.get("name"), str) else Path(args.workflow).name
    rendered = render(
        report,
        args.format,
        title=str(name),
        artifact_uri=Path(args.workflow).name,
        checklist_url=_checklist_link(args.output),
        doc=doc,
    )
    if args.output:
        Path(args.output).write_text(rendered, encoding="utf-8")
    else:
        out.write(rendered)
    return EXIT_INVALID if report.has_errors else EXIT_OK


def _message_error(line_no: int, message_id: Any, code: str, message: str) -> dict[str, Any]:
    return {"id": message_id, "line": line_no, "error": {"code": code, "message": message}}


def lint_lines(lines: Iterable[str]) -> Iterator[tuple[dict[str, Any], bool, bool]]:
    """(output object, has an error finding, is invalid input) for each non-blank line."""
    from .text_rules import CHANNELS, PURPOSES, lint_text

    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            yield (
                _message_error(
                    line_no, None, "invalid_json", f"{line_no}행: JSON이 아닙니다 / line {line_no}: not JSON"
                ),
                False,
                True,
            )
            continue
        if not isinstance(item, dict):
            yield (
                _message_error(line_no, None, "not_an_object", f"{line_no}행: 객체가 아닙니다 / not an object"),
                False,
                True,
            )
            continue
        message_id = item.get("id")
        problems = []
        if not isinstance(item.get("text"), str):
            problems.append("text는 문자열이어야 합니다 / text must be a string")
        if item.get("channel") not in CHANNELS:
            problems.append("channel은 alimtalk|friendtalk|sms / channel must be alimtalk, friendtalk or sms")
        if item.get("purpose") not in PURPOSES:
            problems.append("purpose는 informational|advertising / purpose must be informational or advertising")
        if problems:
            yield (
                _message_error(line_no, message_id, "invalid_message", f"{line_no}행: " + "; ".join(problems)),
                False,
                True,
            )
            continue
        findings = lint_text(item["text"], item["channel"], item["purpose"])
        yield (
            {
                "id": message_id,
                "findings": [
                    {"rule": f.rule, "severity": f.severity, "start": f.start, "end": f.end} for f in findings
                ],
            },
            any(f.severity == "error" for f in findings),
            False,
        )


def _file_lines(path: Path, advance: Advance) -> Iterator[str]:
    """The file's lines one at a time (constant memory: a 50 MB file is never held whole), UTF-8 (a BOM is
    allowed). Raises :class:`UnreadableFile` naming the line and byte offset of text that is not UTF-8."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise UnreadableFile(
            "unreadable_file", f"파일을 읽을 수 없습니다: {exc.strerror or exc} / cannot read the file"
        ) from exc
    offset = 0
    with handle:
        for line_no, raw in enumerate(handle, start=1):
            try:
                yield raw.decode("utf-8-sig" if line_no == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise UnreadableFile(
                    "not_utf8",
                    f"UTF-8 텍스트가 아닙니다 ({line_no}행, 바이트 {offset + exc.start}) / "
                    f"not UTF-8 text (line {line_no}, byte {offset + exc.start})",
                ) from exc
            offset += len(raw)
            advance(len(raw))


def lint_text_command(args: argparse.Namespace) -> int:
    path = Path(args.messages)
    try:
        size = path.stat().st_size
    except OSError as exc:
        print(f"✗ 파일을 읽을 수 없습니다: {exc.strerror or exc} / cannot read the file", file=sys.stderr)
        return EXIT_USAGE
    failed = False
    results = []
    try:
        with byte_progress(size, "검사 / linting") as advance:
            for output, has_error, invalid in lint_lines(_file_lines(path, advance)):
                failed = failed or has_error or invalid
                if args.format == "jsonl":
                    print_json(output)  # as each line is linted: memory stays flat however long the file
                else:
                    results.append(output)
    except UnreadableFile as exc:
        print(f"✗ {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    if wants_json(args):
        print_json({"results": results})
    elif args.format == "text":
        for output in results:
            if "error" in output:
                sys.stdout.write(f"✗ {output['id']}: {output['error']['message']}\n")
                continue
            rules = ", ".join(f"{f['rule']}({f['severity']}) [{f['start']}:{f['end']}]" for f in output["findings"])
            sys.stdout.write(
                f"{'✗' if any(f['severity'] == 'error' for f in output['findings']) else '✓'} {output['id']}: {rules or '문제 없음 / clean'}\n"
            )
    return EXIT_INVALID if failed else EXIT_OK


def register(subparsers: Any) -> None:
    lint = subparsers.add_parser(
        "lint", help="워크플로 컴플라이언스 검사 / lint a workflow against the compliance rules"
    )
    lint.add_argument("workflow", metavar="WORKFLOW.json")
    add_format(lint, *FORMATS)
    lint.add_argument(
        "--suppressions",
        metavar="FILE.json",
        help="[{rule, node, reason}] — 경고만, 사유 필수 / warnings only, reason required",
    )
    lint.add_argument("--output", "-o", metavar="FILE", help="출력 파일 / write the report to FILE")
    lint.set_defaults(handler=lint_command)
    lint_text_parser = subparsers.add_parser(
        "lint-text", help="메시지 목록 검사 (JSONL) / lint messages from a JSONL file"
    )
    lint_text_parser.add_argument("messages", metavar="MESSAGES.jsonl")
    add_format(lint_text_parser, "jsonl", "json", "text", default="jsonl")
    lint_text_parser.set_defaults(handler=lint_text_command)
