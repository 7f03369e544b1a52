"""Commands of storage: ``migrate`` and ``import-workflow`` (``serve`` is assembled in ``server.py``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from nodes.cli_format import EXIT_INVALID, EXIT_OK, EXIT_USAGE, add_format, emit, emit_errors, error_object
from storage.config import Settings


def register(commands: Any) -> None:
    migrate = commands.add_parser("migrate", help="데이터베이스를 최신 구조로 / migrate the database")
    add_format(migrate)
    migrate.set_defaults(handler=run_migrate)

    load = commands.add_parser(
        "import-workflow", help="워크플로 파일이나 예제를 불러오기 / import a workflow file or an example"
    )
    load.add_argument("source", help="WORKFLOW.json 또는 예제 이름 / a file or an example slug")
    load.add_argument("--publish", action="store_true", help="불러온 뒤 게시 / publish after importing")
    add_format(load)
    load.set_defaults(handler=run_import_workflow)


def run_migrate(args: argparse.Namespace) -> int:
    from storage.migrate import upgrade  # here: entry.py imports this module on every command's start

    settings = Settings.from_env()
    try:
        upgrade(settings)
    except Exception as exc:  # a broken DATABASE_URL or unreachable server: say so, exit 2
        print(f"마이그레이션 실패 / migration failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    emit(args, {"migrated": True}, "데이터베이스가 최신입니다 / database is up to date")
    return EXIT_OK


def run_import_workflow(args: argparse.Namespace) -> int:
    from nodes import examples
    from nodes.cli import UnreadableFile, read_json_file
    from storage.errors import ApiError
    from storage.workflows.seed import import_document

    doc = examples.load_example(args.source)
    if doc is None:
        try:
            doc = read_json_file(Path(args.source))
        except UnreadableFile as exc:
            said = f"{args.source}: {exc.message}"
            emit_errors(args, [error_object(exc.code, said)], f"✗ {said}")  # JSON on stdout with --format json
            return EXIT_USAGE
    try:
        result = import_document(Settings.from_env(), doc, publish=args.publish)
    except ApiError as exc:
        payload = exc.body()
        emit(
            args,
            payload,
            "\n".join(f"✗ [{e['code']}] {e['node'] or ''} {e['path']}: {e['message']}" for e in payload["errors"]),
        )
        return EXIT_INVALID
    text = f"✓ 워크플로 {result['id']} '{result['name']}'" + (
        f" 버전 {result['version']} 게시됨" if result["version"] else ""
    )
    emit(args, result, text)
    return EXIT_OK
