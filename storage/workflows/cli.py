"""Commands of the workflow lifecycle: ``workflow list|publish|pause|resume|archive|unarchive|restore|diff`` and
``run cancel`` / ``message cancel|retry``. Each works in the default clinic as the actor ``cli`` (audited like
the API), prints JSON (``--format json``) or text, and exits 0 ok, 1 refused or not found (the API's 404/409/422
problems), 2 usage."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from nodes.cli_format import EXIT_INVALID, EXIT_OK, add_format, emit, emit_errors
from nodes.particles import with_particle
from storage.config import Settings

# The database and the workflow services are imported by the commands (the functions below), not here: entry.py
# imports this module on every command's start.
if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from storage.models import Workflow
    from storage.tenancy import Caller

TRANSITIONS = ("publish", "pause", "resume", "archive", "unarchive")
TRANSITION_HELP = {
    "publish": "초안을 게시해 운영 시작 / publish the draft and make it active",
    "pause": "일시정지: 새 등록 없음, 대기 중 발송 보류 / pause: no new enrolments, pending sends held",
    "resume": "재개: 보류된 발송을 한 번씩 보냄 / resume: held sends go out once",
    "archive": "보관: 진행 중 실행과 미발송 메시지 취소 / archive: cancel open runs and unsent messages",
    "unarchive": "보관 해제: 초안으로 / unarchive back to a draft",
}


def register(commands: Any) -> None:
    workflow = commands.add_parser("workflow", help="워크플로 상태 바꾸기 / workflow lifecycle (publish, pause …)")
    actions = workflow.add_subparsers(dest="workflow_action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="워크플로와 상태 / workflows and their status")
    add_format(listing)
    listing.set_defaults(handler=run_list)
    for action in TRANSITIONS:
        parser = actions.add_parser(action, help=TRANSITION_HELP[action])
        parser.add_argument("workflow_id", type=int, metavar="ID")
        add_format(parser)
        parser.set_defaults(handler=run_transition, transition=action)
    restore = actions.add_parser("restore", help="지난 버전을 초안으로 / restore a past version as the draft")
    restore.add_argument("workflow_id", type=int, metavar="ID")
    restore.add_argument("version", type=int, metavar="VERSION")
    add_format(restore)
    restore.set_defaults(handler=run_restore)
    diff = actions.add_parser("diff", help="두 버전의 차이 / what changed between versions")
    diff.add_argument("workflow_id", type=int, metavar="ID")
    diff.add_argument("--base", type=int, required=True, help="이전 버전 / the older version")
    diff.add_argument("--target", type=int, help="새 버전 (없으면 초안) / the newer version (default: the draft)")
    add_format(diff)
    diff.set_defaults(handler=run_diff)

    run = commands.add_parser("run", help="실행 중지 / stop a run")
    run_actions = run.add_subparsers(dest="run_action", required=True, metavar="ACTION")
    cancel = run_actions.add_parser("cancel", help="실행 중지: 대기와 미발송 메시지 취소 / stop a run")
    cancel.add_argument("run_id", type=int, metavar="RUN_ID")
    add_format(cancel)
    cancel.set_defaults(handler=run_cancel_run)

    message = commands.add_parser("message", help="메시지 하나 취소·재시도 / cancel or retry one message")
    message_actions = message.add_subparsers(dest="message_action", required=True, metavar="ACTION")
    for action in ("cancel", "retry"):
        parser = message_actions.add_parser(action, help=f"메시지 {action} / {action} one message")
        parser.add_argument("message_id", type=int, metavar="MESSAGE_ID")
        add_format(parser)
        parser.set_defaults(handler=run_message, message_verb=action)


def _summary(workflow: Workflow) -> dict[str, Any]:
    return {
        "id": workflow.id,
        "name": workflow.name,
        "status": workflow.status,
        "published_version": workflow.published_version,
    }


def _in_clinic(args: argparse.Namespace, work: Callable[[AsyncSession, Caller], Awaitable[tuple[Any, str]]]) -> int:
    """Migrate, run ``work`` in one transaction of the default clinic, print its answer or the API's problems."""
    from storage import crypto
    from storage.db import dispose_engines, session_scope
    from storage.errors import ApiError
    from storage.migrate import ensure_default_clinic, upgrade
    from storage.tenancy import Caller

    settings = Settings.from_env()
    crypto.configure(settings)
    upgrade(settings)

    async def main() -> tuple[Any, str]:
        try:
            clinic_id = await ensure_default_clinic(settings)
            async with session_scope(settings, clinic_id) as session:
                return await work(session, Caller(clinic_id=clinic_id, actor="cli"))
        finally:
            await dispose_engines()

    try:
        payload, text = asyncio.run(main())
    except ApiError as exc:
        errors = exc.body()["errors"]
        emit_errors(args, errors, "\n".join(f"✗ [{e['code']}] {e['message']}" for e in errors))
        return EXIT_INVALID
    emit(args, payload, text)
    return EXIT_OK


def _line(workflow: Workflow) -> str:
    from storage.workflows import lifecycle

    label = lifecycle.STATUS_LABELS.get(workflow.status, workflow.status)
    version = f" v{workflow.published_version}" if workflow.published_version else ""
    return f"{workflow.id}\t{label}{version}\t{workflow.name}"


def run_list(args: argparse.Namespace) -> int:
    from storage.workflows import service

    async def work(session: AsyncSession, caller: Caller) -> tuple[Any, str]:
        found = await service.list_workflows(session)
        return {"workflows": [_summary(w) for w in found]}, "\n".join(_line(w) for w in found) or "-"

    return _in_clinic(args, work)


def run_transition(args: argparse.Namespace) -> int:
    from runtime.impact import overlap_warnings
    from storage.workflows import lifecycle, service

    async def work(session: AsyncSession, caller: Caller) -> tuple[Any, str]:
        if args.transition == "publish":
            await service.publish(session, caller, args.workflow_id)
        workflow = await service.get_workflow(session, args.workflow_id)
        if args.transition != "publish":
            await getattr(lifecycle, args.transition)(session, caller, workflow)
            return _summary(workflow), "✓ " + _line(workflow)
        warnings = await overlap_warnings(session, workflow)
        return {**_summary(workflow), "warnings": warnings}, "\n".join(
            ["✓ " + _line(workflow), *(f"⚠ {w}" for w in warnings)]
        )

    return _in_clinic(args, work)


def run_restore(args: argparse.Namespace) -> int:
    from storage.workflows import service

    async def work(session: AsyncSession, caller: Caller) -> tuple[Any, str]:
        workflow = await service.restore_version(session, caller, args.workflow_id, args.version)
        text = f"✓ {with_particle(f'버전 {args.version}', '을')} 초안으로 복원했습니다 / restored version {args.version} as the draft"
        return {**_summary(workflow), "restored_version": args.version}, text

    return _in_clinic(args, work)


def run_diff(args: argparse.Namespace) -> int:
    from storage.workflows import service
    from storage.workflows.diff import diff_documents

    async def work(session: AsyncSession, caller: Caller) -> tuple[Any, str]:
        before = (await service.get_version(session, args.workflow_id, args.base)).document
        if args.target is None:
            after = (await service.get_workflow(session, args.workflow_id)).document
        else:
            after = (await service.get_version(session, args.workflow_id, args.target)).document
        changes = diff_documents(before, after)
        target = "draft" if args.target is None else f"v{args.target}"
        payload = {"workflow_id": args.workflow_id, "base": f"v{args.base}", "target": target, "changes": changes}
        marks = {"added": "+", "removed": "-", "changed": "~"}
        lines = [f"{marks[c['change']]} {c['path']}: {c['before']!r} → {c['after']!r}" for c in changes]
        return payload, "\n".join(lines) or "차이 없음 / no changes"

    return _in_clinic(args, work)


def run_cancel_run(args: argparse.Namespace) -> int:
    from runtime.control import cancel_run

    async def work(session: AsyncSession, caller: Caller) -> tuple[Any, str]:
        run = await cancel_run(session, caller, args.run_id)
        payload = {"id": run.id, "workflow_id": run.workflow_id, "status": run.status, "reason": run.reason}
        return payload, f"✓ 실행 {run.id} 중지됨 / run {run.id} {run.status}"

    return _in_clinic(args, work)


def run_message(args: argparse.Namespace) -> int:
    from runtime.control import cancel_message, retry_message

    async def work(session: AsyncSession, caller: Caller) -> tuple[Any, str]:
        verb = cancel_message if args.message_verb == "cancel" else retry_message
        row = await verb(session, caller, args.message_id)
        payload = {"id": row.id, "run_id": row.run_id, "status": row.status, "reason": row.reason}
        return payload, f"✓ 메시지 {row.id}: {row.status}"

    return _in_clinic(args, work)
