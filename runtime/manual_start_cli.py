"""``doctorsflow start WORKFLOW_ID --patient CHART_NO… [--dry-run]``: a manual start from the command line
(the same module as ``POST /api/workflows/{id}/start``: runtime/manual_start.py)."""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from nodes.cli_format import EXIT_INVALID, EXIT_OK, add_format, emit, emit_errors
from storage.config import Settings


def run_start(args: argparse.Namespace) -> int:
    from runtime import manual_start
    from runtime.services import make_runtime
    from storage.db import dispose_engines, read_scope
    from storage.migrate import ensure_default_clinic, upgrade
    from storage.tenancy import Caller

    settings = Settings.from_env()
    upgrade(settings)  # a fresh data dir works like every other command's

    async def apply() -> dict[str, Any]:
        try:
            clinic_id = await ensure_default_clinic(settings)
            runtime = make_runtime(settings)
            from runtime.cli import _cli_dispatcher

            runtime.dispatcher = _cli_dispatcher(settings)
            async with read_scope(settings, clinic_id) as session:
                ids = await manual_start.patient_ids_by_chart(session, args.patient)
            request = manual_start.StartRequest(tuple(dict.fromkeys(ids)), None, args.dry_run)
            caller = Caller(clinic_id=clinic_id, actor="cli")
            answer, advance = await manual_start.start(
                runtime, caller, args.workflow_id, request, dispatch=bool(settings.redis_url)
            )
            for run_id in advance:
                runtime.dispatcher.advance(run_id)
            return answer
        finally:
            await dispose_engines()

    try:
        answer = asyncio.run(apply())
    except manual_start.StartRefused as exc:
        problems = [p.as_dict() for p in exc.problems]
        emit_errors(args, problems, "\n".join(f"✗ {p['message']}" for p in problems))
        return EXIT_INVALID
    lines = []
    for row in answer["preview"]:
        who = f"{row['patient']['name']} ({row['patient']['phone'] or '-'})"
        if not row["enrol"]:
            lines.append(f"  - {who}: {row.get('reason', '')}")
        elif "first" in row and "at" in row["first"]:
            first = row["first"]
            lines.append(f"  + {who}: {first['at']} {first['channel']} [{first['node']}] {first['text'][:60]}")
        else:
            lines.append(f"  + {who}: {row.get('first', {}).get('reason', '')}".rstrip(": "))
    head = "미리 보기 / preview" if answer["dry_run"] else "시작 / started"
    text = f"{head}: {answer['patients']}명 / patients, runs {answer['runs']}\n" + "\n".join(lines)
    emit(args, answer, text)
    return EXIT_OK


def register(commands: Any) -> None:
    start = commands.add_parser("start", help="직접 실행 워크플로 시작 / start a manual workflow for patients")
    start.add_argument("workflow_id", type=int, help="워크플로 id / workflow id")
    start.add_argument(
        "--patient", nargs="+", required=True, metavar="CHART_NO", help="차트번호 (여러 개) / chart numbers"
    )
    start.add_argument("--dry-run", action="store_true", help="미리 보기만 / preview only, start nothing")
    add_format(start)
    start.set_defaults(handler=run_start)
