"""Commands of the runtime: ``simulate``, ``event``, ``worker``, ``health``.

Exit codes (DESIGN.md): 0 ok, 1 invalid input (the errors are printed), 2 usage or unreadable file.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import Any

from nodes.cli import UnreadableFile, read_json_file
from nodes.cli_format import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    add_format,
    emit,
    emit_errors,
    error_object,
    print_json,
    wants_json,
)
from storage.config import Settings


def _errors(problems: list[Any]) -> list[dict[str, Any]]:
    return [p.as_dict() if hasattr(p, "as_dict") else dict(p) for p in problems]


def _print_errors(args: argparse.Namespace, problems: list[dict[str, Any]]) -> None:
    lines = []
    for problem in problems:
        where = " ".join(x for x in (problem.get("node") and f"[{problem['node']}]", problem.get("path")) if x)
        lines.append(f"✗ {where} {problem['message']}".replace("  ", " "))
    emit_errors(args, problems, "\n".join(lines))


def _read(args: argparse.Namespace, path: str, label: str) -> Any:
    try:
        return read_json_file(Path(path))
    except UnreadableFile as exc:
        _print_errors(args, [error_object(exc.code, f"{path}: {exc.message}", path=label)])
        raise SystemExit(EXIT_USAGE) from exc


def run_simulate(args: argparse.Namespace) -> int:
    from runtime.simulate import SAMPLE_CLINIC, SimulationError, simulate
    from storage.procedures.catalogue import entry_view
    from storage.procedures.stored import names_unknown_code, stored_catalogue

    workflow = _read(args, args.workflow, "")
    event = _read(args, args.event, "/event")
    patient = _read(args, args.patient, "/patient") if args.patient else None
    if patient is not None and not isinstance(patient, dict):
        message = "환자 파일은 JSON 객체여야 합니다 / the patient file must be a JSON object"
        _print_errors(args, [error_object("invalid_field", message, path="/patient")])
        return EXIT_INVALID
    try:
        try:
            result = asyncio.run(simulate(workflow, event, patient, args.days))
        except SimulationError as exc:
            catalogue = stored_catalogue() if names_unknown_code(exc.problems) else None
            if catalogue is None:
                raise
            # a code of this data directory's clinic: simulate with its catalogue (the sample clinic otherwise)
            clinic = {**SAMPLE_CLINIC, "procedures": [entry_view(entry) for entry in catalogue]}
            result = asyncio.run(simulate(workflow, event, patient, args.days, clinic))
    except SimulationError as exc:
        _print_errors(args, _errors(exc.problems))
        return EXIT_INVALID
    if wants_json(args):
        print_json(result)
        return EXIT_OK
    for message in result["messages"]:
        print(f"{message['at']}  [{message['node']}] {message['channel']} → {message['to']}\n    {message['text']}")
    for skip in result["skipped"]:
        print(f"건너뜀 / skipped [{skip['node']}]: {skip['reason']}")
    if not result["messages"] and not result["skipped"]:
        print("보낼 메시지가 없습니다 / no messages")
    return EXIT_OK


def run_event(args: argparse.Namespace) -> int:
    from runtime.events import InvalidEvent, ingest
    from runtime.services import make_runtime
    from storage.db import dispose_engines
    from storage.migrate import ensure_default_clinic, upgrade

    payload = _read(args, args.file, "")
    settings = Settings.from_env()
    upgrade(settings)  # a fresh data dir works like every other command's

    async def apply() -> Any:
        try:
            clinic_id = await ensure_default_clinic(settings)
            runtime = make_runtime(settings)
            runtime.dispatcher = _cli_dispatcher(settings)
            intake = await ingest(runtime, clinic_id, payload, dispatch=bool(settings.redis_url))
            for run_id in intake.advance:
                runtime.dispatcher.advance(run_id)
            return intake
        finally:
            await dispose_engines()

    try:
        intake = asyncio.run(apply())
    except InvalidEvent as exc:
        _print_errors(args, _errors(exc.problems))
        return EXIT_INVALID
    state = "이미 받은 이벤트 / duplicate" if not intake.created else "접수 / accepted"
    text = f"{state}: event {intake.result['event_id']}, runs {[r['id'] for r in intake.result['runs']]}"
    for warning in intake.result.get("warnings", []):  # e.g. a procedure not in the clinic's catalogue
        text += f"\n경고 / warning {warning['code']}: {warning['message']}"
    emit(args, intake.result, text)
    return EXIT_OK


def _cli_dispatcher(settings: Settings) -> Any:
    """Enqueue on REDIS_URL when set; otherwise the worker's scheduler picks the runs up from the database."""
    from runtime.context import QueueDispatcher

    if not settings.redis_url:
        return QueueDispatcher()
    from runtime.broker import BrokerDispatcher, setup_broker

    setup_broker(settings.redis_url)
    return BrokerDispatcher()


def run_worker_command(args: argparse.Namespace) -> int:
    from runtime.services import DEFAULT_THREADS, run_worker

    threads = args.threads or DEFAULT_THREADS
    return run_worker(Settings.from_env(), processes=args.processes, threads=threads)


def run_health(args: argparse.Namespace) -> int:
    """Overdue waits, stuck sends and stale scheduler heartbeats of every clinic; exit 1 when unhealthy."""
    from runtime.health import Thresholds, health_text, runtime_health
    from runtime.schemas import RuntimeHealth
    from storage.db import dispose_engines, session_scope
    from storage.migrate import upgrade

    defaults = Thresholds.from_env()
    limits = Thresholds(
        args.overdue_after if args.overdue_after is not None else defaults.overdue_after_s,
        args.sending_after if args.sending_after is not None else defaults.sending_after_s,
        args.heartbeat_after if args.heartbeat_after is not None else defaults.heartbeat_after_s,
    )
    settings = Settings.from_env()
    upgrade(settings)  # a fresh data dir is healthy (nothing waits), not an unexpected error

    async def check() -> RuntimeHealth:
        try:
            async with session_scope(settings, None) as session:
                return await runtime_health(session, limits)
        finally:
            await dispose_engines()

    report = asyncio.run(check())
    emit(args, report, health_text(report))
    return EXIT_OK if report["healthy"] else EXIT_INVALID


def register(commands: Any) -> None:
    simulate = commands.add_parser(
        "simulate", help="가상 시계로 워크플로 미리 보기 / preview a workflow on a virtual clock"
    )
    simulate.add_argument("workflow", help="워크플로 JSON / workflow JSON file")
    simulate.add_argument("--event", required=True, help="이벤트 JSON / event JSON file")
    simulate.add_argument("--patient", help="환자 JSON (동의 포함) / patient JSON with consents")
    simulate.add_argument("--days", type=int, default=30, help="시뮬레이션 기간(일) / days to simulate")
    add_format(simulate)
    simulate.set_defaults(handler=run_simulate)

    event = commands.add_parser("event", help="이벤트 하나 처리 / apply one event")
    event.add_argument("file", help="이벤트 JSON / event JSON file")
    add_format(event)
    event.set_defaults(handler=run_event)

    worker = commands.add_parser("worker", help="워커와 스케줄러 실행 / run workers and the scheduler")
    worker.add_argument("--processes", type=int, default=1, help="프로세스 수 / worker processes")
    worker.add_argument(
        "--threads", type=int, default=None, help="프로세스당 스레드 (기본 8) / threads per process (default 8)"
    )
    add_format(worker)
    worker.set_defaults(handler=run_worker_command)

    health = commands.add_parser(
        "health", help="런타임 상태: 지난 대기, 멈춘 발송, 스케줄러 / overdue waits, stuck sends, schedulers"
    )
    health.add_argument("--overdue-after", type=float, help="대기 기한 초과 기준(초) / seconds past due (120)")
    health.add_argument("--sending-after", type=float, help="발송 중 기준(초) / seconds sending (300)")
    health.add_argument("--heartbeat-after", type=float, help="스케줄러 심박 기준(초) / heartbeat age (60)")
    add_format(health)
    health.set_defaults(handler=run_health)

    from runtime.manual_start_cli import register as register_start

    register_start(commands)
