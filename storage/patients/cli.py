"""Commands of patients: import-patients, export-patient, erase-patient, apply-retention, rotate-key.

Each command brings the schema up to date first (cheap when it is), works in the default clinic as the
actor ``cli`` and prints JSON (``--format json``) or text. Exit 0 ok, 1 row errors / not found, 2 usage or
an unreadable file.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from nodes.cli_format import EXIT_INVALID, EXIT_OK, EXIT_USAGE, add_format, emit, emit_errors, error_object
from nodes.progress import byte_progress
from storage.config import Settings

# The commands' own modules are imported by each command (the functions below), not here: entry.py imports this
# module on every command's start, and most commands need neither the database nor the patient services.
if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from storage.patients.importer import ImportReport
    from storage.tenancy import Caller

T = TypeVar("T")


def register(commands: Any) -> None:
    importer = commands.add_parser("import-patients", help="EMR 파일에서 환자 가져오기 / import patients (CSV, xlsx)")
    importer.add_argument("file", help="CSV 또는 .xlsx / CSV or .xlsx file")
    importer.add_argument("--dry-run", action="store_true", help="쓰지 않고 결과만 보기 / report without writing")
    importer.add_argument("--strict", action="store_true", help="오류가 하나라도 있으면 아무것도 가져오지 않음")
    importer.add_argument(
        "--map", action="append", default=[], metavar="HEADER=FIELD", help="열 지정 / map a column, e.g. 이름=name"
    )
    add_format(importer)
    importer.set_defaults(handler=run_import)

    export = commands.add_parser("export-patient", help="환자 정보 전체 내보내기 / export everything about a patient")
    export.add_argument("chart_no", metavar="CHART_NO")
    export.add_argument("--output", help="파일로 저장 / write to a file")
    add_format(export, "text", "json", "csv")
    export.set_defaults(handler=run_export)

    erase = commands.add_parser("erase-patient", help="환자 개인정보 파기 / erase a patient's personal data")
    erase.add_argument("chart_no", metavar="CHART_NO")
    add_format(erase)
    erase.set_defaults(handler=run_erase)

    retention = commands.add_parser("apply-retention", help="보관기간 지난 환자 파기 / erase patients past retention")
    retention.add_argument("--dry-run", action="store_true")
    add_format(retention)
    retention.set_defaults(handler=run_retention)

    rotate_key = commands.add_parser("rotate-key", help="암호화 키 교체 / rotate the encryption key")
    add_format(rotate_key)
    rotate_key.set_defaults(handler=run_rotate_key)


def _in_clinic(settings: Settings, work: Callable[[AsyncSession, Caller], Awaitable[T]]) -> T:
    """Migrate, then run ``work`` in one transaction of the default clinic."""
    from storage import crypto
    from storage.db import dispose_engines, session_scope
    from storage.migrate import ensure_default_clinic, upgrade
    from storage.tenancy import Caller

    crypto.configure(settings)
    upgrade(settings)

    async def main() -> T:
        try:
            clinic_id = await ensure_default_clinic(settings)
            caller = Caller(clinic_id=clinic_id, actor="cli")
            async with session_scope(settings, clinic_id) as session:
                return await work(session, caller)
        finally:
            await dispose_engines()

    return asyncio.run(main())


def _fail(args: argparse.Namespace, code: str, message: str, status: int) -> int:
    emit_errors(args, [error_object(code, message)], message, text_in_json=True)
    return status


# -- import -------------------------------------------------------------------------------------------------------
def run_import(args: argparse.Namespace) -> int:
    from storage.patients.columns import MappingError, parse_mapping
    from storage.patients.importer import ImportOptions, import_stream
    from storage.patients.readers import UnreadableFile, open_table

    path = Path(args.file)
    try:
        mapping = parse_mapping(args.map)
        table = open_table(path)  # streamed: a 50 MB export is never held whole
    except MappingError as exc:
        return _import_failure(args, "invalid_mapping", str(exc))
    except UnreadableFile as exc:
        return _import_failure(args, exc.code, exc.message)
    except OSError as exc:
        return _import_failure(
            args, "unreadable_file", f"파일을 읽을 수 없습니다 / cannot read the file: {exc.strerror}"
        )
    options = ImportOptions(dry_run=args.dry_run, strict=args.strict, mapping=mapping)
    try:
        with byte_progress(table.size * (2 if args.strict else 1), "가져오기 / importing") as advance:
            table.on_bytes = advance
            report = _in_clinic(
                Settings.from_env(), lambda session, caller: import_stream(session, caller, table, options)
            )
    except MappingError as exc:
        return _import_failure(args, "invalid_mapping", str(exc))
    except UnreadableFile as exc:  # found part-way (too many undecodable bytes): nothing was written
        return _import_failure(args, exc.code, exc.message)
    emit(args, report.as_dict(), _import_text(report, args))
    return EXIT_INVALID if report.errors else EXIT_OK


def _import_failure(args: argparse.Namespace, code: str, message: str) -> int:
    from storage.patients.importer import ImportReport

    payload = ImportReport().as_dict()
    payload["errors"] = [{"row": 0, "column": "", "code": code, "message": message}]
    emit(args, payload, message)
    return EXIT_USAGE


def _import_text(report: ImportReport, args: argparse.Namespace) -> str:
    mode = " (미리보기 / dry run)" if args.dry_run else ""
    lines = [
        f"{report.rows}행: 새 환자 {report.imported}, 갱신 {report.updated}, 건너뜀 {report.skipped}{mode} / "
        f"{report.rows} rows: {report.imported} imported, {report.updated} updated, {report.skipped} skipped"
    ]
    for error in report.errors:
        column = f" [{error.column}]" if error.column else ""
        lines.append(f"  {error.row}행{column} {error.code}: {error.as_dict()['message']}")
    if args.strict and report.errors:
        lines.append("--strict: 오류가 있어 아무것도 가져오지 않았습니다 / nothing was imported")
    return "\n".join(lines)


# -- export / erase ----------------------------------------------------------------------------------------------
def run_export(args: argparse.Namespace) -> int:
    from storage.patients import rights
    from storage.patients.service import find_patient

    async def work(session: AsyncSession, caller: Caller) -> dict[str, Any] | None:
        patient = await find_patient(session, chart_no=args.chart_no)
        return None if patient is None else await rights.export_patient(session, caller, patient)

    document = _in_clinic(Settings.from_env(), work)
    if document is None:
        return _fail(
            args, "not_found", "차트번호의 환자를 찾을 수 없습니다 / no patient with this chart number", EXIT_INVALID
        )
    if args.format == "csv":
        text = rights.export_as_csv(document)
    else:
        text = json.dumps(document, ensure_ascii=False, indent=None if args.format == "json" else 2)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"저장했습니다 / written: {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def run_erase(args: argparse.Namespace) -> int:
    from storage.patients import rights
    from storage.patients.service import find_patient

    async def work(session: AsyncSession, caller: Caller) -> dict[str, Any] | None:
        patient = await find_patient(session, chart_no=args.chart_no)
        if patient is None:
            return None
        record = await rights.erase_patient(session, caller, patient)
        return {"erased": True, "patient_id": patient.id, "erasure_id": record.id, "counts": record.counts}

    result = _in_clinic(Settings.from_env(), work)
    if result is None:
        return _fail(
            args, "not_found", "차트번호의 환자를 찾을 수 없습니다 / no patient with this chart number", EXIT_INVALID
        )
    counts = ", ".join(f"{k} {v}" for k, v in result["counts"].items())
    emit(
        args,
        result,
        f"환자 {result['patient_id']}의 개인정보를 파기했습니다 / erased patient {result['patient_id']} ({counts})",
    )
    return EXIT_OK


def run_retention(args: argparse.Namespace) -> int:
    from storage.patients.retention import apply_retention

    result = _in_clinic(
        Settings.from_env(), lambda session, caller: apply_retention(session, caller, dry_run=args.dry_run)
    )
    if result["retention_days"] is None:
        text = "보관기간(retention_days)이 설정되지 않았습니다 / no retention period is set"
    else:
        text = f"{result['retention_days']}일 넘게 활동 없는 환자 {result['erased']}명 파기 / erased {result['erased']}"
    emit(args, {**result, "dry_run": args.dry_run}, text)
    return EXIT_OK


# -- keys -------------------------------------------------------------------------------------------------------------
def run_rotate_key(args: argparse.Namespace) -> int:
    from storage import crypto
    from storage.db import dispose_engines, session_scope
    from storage.migrate import upgrade
    from storage.patients.rotation import rotate

    settings = Settings.from_env()
    upgrade(settings)
    if not settings.secret_key:
        crypto.add_file_key(settings)
    crypto.configure(settings)

    async def main() -> dict[str, Any]:
        try:
            async with session_scope(settings, None) as session:
                return await rotate(session)
        finally:
            await dispose_engines()

    result = asyncio.run(main())
    emit(
        args,
        result,
        f"키 {result['active_key']}로 다시 암호화했습니다 / re-encrypted under key {result['active_key']}: "
        + ", ".join(f"{name} {count}" for name, count in result.items() if name != "active_key"),
    )
    return EXIT_OK
