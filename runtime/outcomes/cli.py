"""Command ``doctorsflow report --month YYYY-MM [--format text|json|html|pdf] [--output FILE]``: the default
clinic's monthly outcomes report. JSON is the object of ``GET /api/outcomes`` for the month; html and pdf the
printable report (PDF to stdout only when it is not a terminal). Exit 0 ok, 1 an invalid month, 2 usage or an
unwritable output file.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any

from nodes.cli_format import EXIT_INVALID, EXIT_OK, EXIT_USAGE, add_format, emit_errors, error_object
from storage.config import Settings


def register(commands: Any) -> None:
    report = commands.add_parser("report", help="월간 성과 보고서 / monthly outcomes report")
    report.add_argument("--month", required=True, help="YYYY-MM (한국 시간) / month in Korea")
    report.add_argument("--output", help="이 파일에 저장 / write to this file")
    add_format(report, "text", "json", "html", "pdf")
    report.set_defaults(handler=run_report)


def _load(settings: Settings, month: str) -> tuple[dict[str, Any], str]:
    from runtime.outcomes.periods import month_period
    from runtime.outcomes.service import outcomes
    from storage.db import dispose_engines, session_scope
    from storage.migrate import ensure_default_clinic
    from storage.models import Clinic

    period = month_period(month)

    async def load() -> tuple[dict[str, Any], str]:
        try:
            clinic_id = await ensure_default_clinic(settings)
            async with session_scope(settings, clinic_id) as session:
                clinic = await session.get(Clinic, clinic_id)
                return await outcomes(session, clinic_id, period), clinic.name if clinic else ""
        finally:
            await dispose_engines()

    return asyncio.run(load())


def summary_text(f: dict[str, Any], month: str) -> str:
    """The month for people, a few lines."""
    m, funnel, cost, saved = f["messages"], f["funnel"], f["cost"], f["time_saved"]
    channels = ", ".join(f"{c['channel']} {c['sent']}" for c in m["by_channel"])

    def pct(value: float | None) -> str:
        return "—" if value is None else f"{value}%"

    lines = [
        f"{month} 성과 / outcomes ({f['from']} ~ {f['to']}, Asia/Seoul)",
        f"  발송 / sent: {m['sent']} ({channels}); 전달률 / delivered: {pct(funnel['delivery_percent'])};"
        f" 카카오톡 비중 / KakaoTalk share: {pct(m['kakao_share_percent'])}",
        f"  비용 / spent ₩{cost['spent_krw']:,.2f}; 모두 문자였다면 / all by SMS ₩{cost['sms_equivalent_krw']:,.2f};"
        f" 절감 / saving ₩{cost['saving_krw']:,.2f}",
        f"  직원 시간 절약 / staff time saved: {saved['hours']}시간 / h ({saved['automatic_messages']} × "
        f"{saved['minutes_per_message']}분 / min)",
        f"  알림 효과 / reminder effect: {f['appointments']['comparison']['verdict']}",
        f"  수신거부 / opt-outs: {f['consents']['opt_outs']}",
    ]
    return "\n".join(lines)


def _write(args: argparse.Namespace, content: str | bytes) -> int:
    data = content.encode() if isinstance(content, str) else content
    if args.output:
        try:
            Path(args.output).write_bytes(data)
        except OSError as exc:
            print(f"파일을 쓸 수 없습니다: {args.output} ({exc.strerror}) / cannot write the file", file=sys.stderr)
            return EXIT_USAGE
        return EXIT_OK
    if isinstance(content, bytes) and sys.stdout.isatty():
        print("PDF는 --output 파일로 저장하세요 / give --output FILE for a PDF", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.flush()
    sys.stdout.buffer.write(data if isinstance(content, bytes) else data + (b"" if data.endswith(b"\n") else b"\n"))
    sys.stdout.flush()
    return EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    # here, not at the top: entry.py imports this module on every command's start
    from runtime.outcomes.periods import PeriodError
    from storage import crypto
    from storage.migrate import upgrade

    settings = Settings.from_env()
    crypto.configure(settings)
    upgrade(settings)
    try:
        figures, clinic_name = _load(settings, args.month)
    except PeriodError as exc:
        emit_errors(args, [error_object(exc.code, str(exc), path="/month")], str(exc))
        return EXIT_INVALID
    if args.format == "json":
        return _write(args, json.dumps(figures, ensure_ascii=False))
    if args.format == "text":
        return _write(args, summary_text(figures, args.month))
    from runtime.outcomes.report import render_html, render_pdf

    html = render_html(figures, args.month, clinic_name)
    return _write(args, render_pdf(html) if args.format == "pdf" else html)
