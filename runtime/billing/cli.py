"""Command ``doctorsflow costs [--month YYYY-MM] [--format text|json]``: the default clinic's cost ledger.

JSON is the same object as ``GET /api/costs/ledger``. Exit 0 ok, 1 an invalid month, 2 usage.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from nodes.channels import KINDS, kind_label
from nodes.cli_format import add_format, emit
from storage.config import Settings

KIND_NAMES = {kind: kind_label(kind) for kind in KINDS}  # "알림톡 AlimTalk", from the channel table


def register(commands: Any) -> None:
    costs = commands.add_parser("costs", help="월별 발송 비용과 문자 대비 절감 / monthly cost ledger and saving")
    costs.add_argument("--month", help="YYYY-MM (기본: 이번 달, 한국 시간) / default: this month in Korea")
    add_format(costs)
    costs.set_defaults(handler=run_costs)


def run_costs(args: argparse.Namespace) -> int:
    # here, not at the top: entry.py imports this module on every command's start
    from runtime.billing.api import month_ledger
    from runtime.billing.ledger import InvalidMonth
    from storage import crypto
    from storage.db import dispose_engines, session_scope
    from storage.migrate import ensure_default_clinic, upgrade

    settings = Settings.from_env()
    crypto.configure(settings)
    upgrade(settings)

    async def load() -> dict[str, Any]:
        try:
            clinic_id = await ensure_default_clinic(settings)
            async with session_scope(settings, clinic_id) as session:
                return await month_ledger(session, clinic_id, args.month)
        finally:
            await dispose_engines()

    try:
        report = asyncio.run(load())
    except InvalidMonth as exc:
        if args.format == "json":
            problem = {"code": "invalid_month", "node": None, "path": "/month", "message": str(exc)}
            print(json.dumps({"errors": [problem]}, ensure_ascii=False))
        print(str(exc), file=sys.stderr)
        return 1
    emit(args, report, ledger_text(report))
    return 0


def ledger_text(report: dict[str, Any]) -> str:
    """The ledger for people: one line per channel/kind, then the totals and the saving."""
    lines = [f"{report['month']} (Asia/Seoul)"]
    for row in report["rows"]:
        failover = " (대체 발송 / failover)" if row["failover"] else ""
        lines.append(
            f"  {row['provider']:<9} {KIND_NAMES.get(row['kind'], row['kind'])}{failover}: {row['messages']}건,"
            f" ₩{row['spent_krw']:,.2f} (문자였다면 / by SMS ₩{row['sms_equivalent_krw']:,.2f})"
        )
    totals = report["totals"]
    percent = "—" if totals["saving_percent"] is None else f"{totals['saving_percent']}%"
    lines.append(
        f"합계 / total: {totals['messages']}건, ₩{totals['spent_krw']:,.2f};"
        f" 모두 문자로 보냈다면 / all by SMS ₩{totals['sms_equivalent_krw']:,.2f};"
        f" 절감 / saving ₩{totals['saving_krw']:,.2f} ({percent})"
    )
    return "\n".join(lines)
