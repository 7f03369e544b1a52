"""``doctorsflow import-appointments FILE.csv|FILE.xlsx [--dry-run] [--map HEADER=field …] [--format json]``.

Prints ``{"rows", "created", "rescheduled", "cancelled", "attended", "no_show", "unchanged", "errors", "warnings"}``;
exit 0 ok, 1 when any row has an error, 2 for usage or an unreadable file.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nodes.cli_format import EXIT_INVALID, EXIT_OK, EXIT_USAGE, add_format, emit
from runtime.appointments.columns import FIELDS, parse_mapping
from storage.config import Settings
from storage.patients.columns import MappingError

if TYPE_CHECKING:
    from runtime.appointments.importer import AppointmentImport


def register(commands: Any) -> None:
    importer = commands.add_parser(
        "import-appointments", help="EMR 예약 파일 가져오기(변경분 반영) / import an EMR reservation export (diffed)"
    )
    importer.add_argument("file", help="CSV 또는 .xlsx / CSV or .xlsx file")
    importer.add_argument("--dry-run", action="store_true", help="쓰지 않고 결과만 보기 / report without writing")
    importer.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help=f"열 지정 / map a column, e.g. 진료일=date ({', '.join(FIELDS)})",
    )
    add_format(importer)
    importer.set_defaults(handler=run_import)


def run_import(args: argparse.Namespace) -> int:
    # here, not at the top: entry.py imports this module on every command's start
    from runtime.appointments.importer import import_reservations
    from storage import crypto
    from storage.migrate import upgrade
    from storage.patients.readers import UnreadableFile, read_table

    path = Path(args.file)
    try:
        mapping = parse_mapping([m for item in args.map for m in item.split(",") if m.strip()])
        table = read_table(path.read_bytes(), path.name)
    except MappingError as exc:
        return _failure(args, "invalid_mapping", str(exc))
    except UnreadableFile as exc:
        return _failure(args, exc.code, exc.message)
    except OSError as exc:
        return _failure(args, "unreadable_file", f"파일을 읽을 수 없습니다 / cannot read the file: {exc.strerror}")
    settings = Settings.from_env()
    crypto.configure(settings)
    upgrade(settings)

    async def main() -> AppointmentImport:
        from runtime.cli import _cli_dispatcher
        from runtime.services import make_runtime
        from storage.db import dispose_engines
        from storage.migrate import ensure_default_clinic

        try:
            clinic_id = await ensure_default_clinic(settings)
            runtime = make_runtime(settings)
            runtime.dispatcher = _cli_dispatcher(settings)
            dispatch = bool(settings.redis_url) and not args.dry_run
            report = await import_reservations(
                runtime, clinic_id, table, mapping, dry_run=args.dry_run, dispatch=dispatch
            )
            for run_id in report.runs:
                runtime.dispatcher.advance(run_id)
            return report
        finally:
            await dispose_engines()

    try:
        report = asyncio.run(main())
    except MappingError as exc:
        return _failure(args, "invalid_mapping", str(exc))
    emit(args, report.as_dict(), _text(report, args.dry_run))
    return EXIT_INVALID if report.errors else EXIT_OK


def _failure(args: argparse.Namespace, code: str, message: str) -> int:
    from runtime.appointments.importer import AppointmentImport, Finding

    report = AppointmentImport()
    report.errors.append(Finding(0, "", code, message))
    emit(args, report.as_dict(), message)
    return EXIT_USAGE


def _text(report: AppointmentImport, dry_run: bool) -> str:
    c = report.counts
    mode = " (미리보기 / dry run)" if dry_run else ""
    lines = [
        f"{report.rows}행: 새 예약 {c['created']}, 변경 {c['rescheduled']}, 취소 {c['cancelled']}, 내원 {c['attended']}, "
        f"미내원 {c['no_show']}, 그대로 {c['unchanged']}, 오류 {len({e.row for e in report.errors})}{mode} / "
        f"{report.rows} rows: {c['created']} created, {c['rescheduled']} rescheduled, {c['cancelled']} cancelled, "
        f"{c['attended']} attended, {c['no_show']} no-show, {c['unchanged']} unchanged"
    ]
    for finding in report.errors:
        column = f" [{finding.column}]" if finding.column else ""
        lines.append(f"  오류 / error {finding.row}행{column} {finding.code}: {finding.message}")
    for finding in report.warnings:
        column = f" [{finding.column}]" if finding.column else ""
        lines.append(f"  경고 / warning {finding.row}행{column} {finding.code}: {finding.message}")
    return "\n".join(lines)
