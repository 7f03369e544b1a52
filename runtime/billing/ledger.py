"""A clinic's monthly cost ledger: what was billed, what the same messages would have cost by SMS/LMS.

Which outbox rows count (docs/costs.md):
- ``sent`` and ``delivered`` rows: handed to a provider, billed at ``cost_krw`` — the rate in force when
  the row was sent, stamped by runtime/outbox.py. ``sent`` (no report yet) counts provisionally.
- ``failed`` rows are not billed (SOLAPI refunds failed messages, NHN Cloud bills successful ones), except
  when the provider itself resent the AlimTalk by SMS: that SMS/LMS is billed, at today's rate (the
  provider's resend has no row of its own to stamp a price on).
- Our own failover SMS is its own outbox row and counts as an SMS of its own.
- pending, held, sending, skipped, cancelled: never handed to a provider, cost nothing.

The "all by SMS" figure prices each Kakao message as the SMS (≤ 90 EUC-KR bytes) or LMS its text would
have been, at the clinic's current rates of the same provider; an SMS/LMS costs what it cost.
Money is Decimal (rates have at most 2 decimals), so totals are exact sums of the rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

from runtime.billing.rates import SEOUL, SMS, CostTable, MessageTooLongError, sms_or_lms
from runtime.channels.base import MessageKind

BILLED_STATUSES = ("sent", "delivered")
COUNTED_STATUSES = (*BILLED_STATUSES, "failed")
# runtime/outbox.py writes this reason when a delivery report says the provider resent by SMS itself.
PROVIDER_FAILOVER_REASON = "제공사가 문자로 대체 발송"
TREND_MONTHS = 6
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class InvalidMonth(ValueError):
    """A month that is not ``YYYY-MM``."""


@dataclass(frozen=True)
class LedgerEntry:
    """One billed message: ``channel`` is what the workflow asked for, ``kind`` what the provider billed."""

    sent_at: datetime
    channel: str
    provider: str
    kind: MessageKind
    cost_krw: Decimal
    sms_equivalent_krw: Decimal
    failover: bool = False


@lru_cache(maxsize=1024)  # a clinic has a handful of distinct prices; str → Decimal is the slow part
def krw(value: float | Decimal) -> Decimal:
    """A ₩ amount as an exact Decimal (floats of rates with ≤ 2 decimals round-trip through str)."""
    return Decimal(str(value))


def sms_kind(text: str) -> MessageKind:
    """SMS or LMS by EUC-KR bytes; a text beyond the LMS limit is still priced as one LMS."""
    try:
        return sms_or_lms(text)
    except MessageTooLongError:
        return SMS.kinds[-1]


def parse_month(month: str) -> tuple[int, int]:
    """``"2026-11"`` → (2026, 11); raises InvalidMonth with a Korean/English message."""
    found = _MONTH.match(month)
    if not found or not 2000 <= int(found[1]) <= 2999 or not 1 <= int(found[2]) <= 12:
        raise InvalidMonth(f"월은 YYYY-MM 형식입니다 (예: 2026-11): {month!r} / month must be YYYY-MM, e.g. 2026-11")
    return int(found[1]), int(found[2])


def month_start(year: int, month: int) -> datetime:
    """Midnight of the month's first day in Asia/Seoul (an aware datetime)."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return datetime(year, month, 1, tzinfo=SEOUL)


def month_of(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("발송 시각에 시간대가 없습니다 / sent_at must be timezone-aware")
    local = moment.astimezone(SEOUL)
    return f"{local.year:04d}-{local.month:02d}"


def trend_months(month: str, count: int = TREND_MONTHS) -> list[str]:
    """The ``count`` months ending with ``month``, oldest first."""
    year, number = parse_month(month)
    return [month_start(year, number - back).strftime("%Y-%m") for back in range(count - 1, -1, -1)]


def entry_of(row: Any, table: CostTable) -> LedgerEntry | None:
    """The billed message an outbox row stands for, or None when the provider billed nothing."""
    if row.sent_at is None or row.status not in COUNTED_STATUSES:
        return None
    provider = row.provider or "sandbox"
    if row.status == "failed":
        if not (row.reason or "").startswith(PROVIDER_FAILOVER_REASON):
            return None
        kind = sms_kind((row.failover or {}).get("text") or row.text)
        cost = krw(_rate(table, provider, kind))
        return LedgerEntry(row.sent_at, SMS.name, provider, kind, cost, cost, failover=True)
    kind = row.kind or sms_kind(row.text)
    cost = krw(row.cost_krw or 0)
    baseline = cost if kind in SMS.kinds else krw(_rate(table, provider, sms_kind(row.text)))
    return LedgerEntry(row.sent_at, row.channel, provider, kind, cost, baseline, failover=row.parent_id is not None)


def _rate(table: CostTable, provider: str, kind: MessageKind) -> float:
    try:
        return table.rate(provider, kind)
    except KeyError:  # a provider the table does not know (a retired one): no figure rather than a 500
        return 0.0


def _figures(count: int, spent: Decimal, baseline: Decimal) -> dict[str, Any]:
    saving = baseline - spent
    percent = float(round(saving / baseline * 100, 1)) if baseline else None
    return {
        "messages": count,
        "spent_krw": float(spent),
        "sms_equivalent_krw": float(baseline),
        "saving_krw": float(saving),
        "saving_percent": percent,
    }


def summarize(entries: Iterable[LedgerEntry]) -> dict[str, Any]:
    """Rows per (channel, provider, kind, failover) and the totals, for one month's entries."""
    groups: dict[tuple[str, str, str, bool], list[LedgerEntry]] = {}
    for entry in entries:
        groups.setdefault((entry.channel, entry.provider, entry.kind, entry.failover), []).append(entry)
    rows = []
    count, spent, baseline = 0, Decimal(0), Decimal(0)
    for (channel, provider, kind, failover), members in sorted(groups.items()):
        row_spent = sum((e.cost_krw for e in members), Decimal(0))
        row_baseline = sum((e.sms_equivalent_krw for e in members), Decimal(0))
        count, spent, baseline = count + len(members), spent + row_spent, baseline + row_baseline
        figures = _figures(len(members), row_spent, row_baseline)
        rows.append({"channel": channel, "provider": provider, "kind": kind, "failover": failover, **figures})
    return {"rows": rows, "totals": _figures(count, spent, baseline)}


def ledger(entries: Iterable[LedgerEntry], month: str) -> dict[str, Any]:
    """The month's rows and totals, plus a trend of the months up to it (entries of other months allowed)."""
    months = trend_months(month)
    by_month: dict[str, list[LedgerEntry]] = {m: [] for m in months}
    for entry in entries:
        bucket = by_month.get(month_of(entry.sent_at))
        if bucket is not None:
            bucket.append(entry)
    year, number = parse_month(month)
    return {
        "month": month,
        "timezone": "Asia/Seoul",
        "from": month_start(year, number).isoformat(),
        "to": month_start(year, number + 1).isoformat(),
        **summarize(by_month[month]),
        "trend": [{"month": m, **summarize(by_month[m])["totals"]} for m in months],
    }
