"""Commands of storage: ``migrate`` and ``serve`` (the server needs a migrated database)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from storage.config import Settings
from storage.migrate import upgrade


def add_format(parser: argparse.ArgumentParser, *choices: str) -> None:
    parser.add_argument(
        "--format", choices=choices or ("text", "json"), default="text", help="출력 형식 / output format"
    )


def emit(args: argparse.Namespace, payload: dict[str, Any], text: str) -> None:
    """Print the JSON payload for machines or the text for people."""
    if getattr(args, "format", "text") == "json":
        print(json.dumps(payload, ensure_ascii=False))
    else:
        print(text)


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

    serve = commands.add_parser("serve", help="서버 시작 / start the server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--with-worker", action="store_true", help="내장 Redis와 워커도 시작 / also run Redis + worker")
    serve.add_argument("--load-examples", action="store_true", help="예제 워크플로 불러오기 / load example workflows")
    add_format(serve)
    serve.set_defaults(handler=run_serve)


def run_migrate(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    try:
        upgrade(settings)
    except Exception as exc:  # a broken DATABASE_URL or unreachable server: say so, exit 2
        print(f"마이그레이션 실패 / migration failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    emit(args, {"migrated": True}, "데이터베이스가 최신입니다 / database is up to date")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from server import create_app

    settings = Settings.from_env()
    upgrade(settings)
    if args.load_examples:
        from storage.workflows.seed import load_examples_once

        load_examples_once(settings)
    from storage.accounts.cli import print_first_login_link

    print_first_login_link(settings, args.host, args.port)  # only when no user exists yet
    background = None
    if args.with_worker:
        from runtime.services import start_background

        background = start_background(settings)
    try:
        uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info")
    finally:
        if background is not None:
            background.stop()
    return 0


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
            print(f"✗ {args.source}: {exc.message}", file=sys.stderr)
            return 2
    try:
        result = import_document(Settings.from_env(), doc, publish=args.publish)
    except ApiError as exc:
        payload = exc.body()
        emit(
            args,
            payload,
            "\n".join(f"✗ [{e['code']}] {e['node'] or ''} {e['path']}: {e['message']}" for e in payload["errors"]),
        )
        return 1
    text = f"✓ 워크플로 {result['id']} '{result['name']}'" + (
        f" 버전 {result['version']} 게시됨" if result["version"] else ""
    )
    emit(args, result, text)
    return 0
