"""What each message costs (₩) — for the sender and the cost ledger — and which kind a text goes as.

Kinds and length limits are the channel table's (nodes/channels.py): SMS ≤ 90 EUC-KR bytes, LMS ≤ 2,000
bytes, AlimTalk and FriendTalk ≤ 1,000 characters. A message is billed by the kind it was sent as.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from nodes.channels import CHANNELS, ChannelName, MessageKind, get_channel, message_kind

# Re-exported: the ledger, the rates API and tests read them here.
from nodes.channels import KINDS as KINDS
from nodes.channels import MessageTooLongError as MessageTooLongError
from nodes.channels import euckr_len as euckr_len

SMS = CHANNELS["sms"]
SMS_MAX_BYTES = SMS.short_max_bytes or 0
LMS_MAX_BYTES = SMS.max_bytes or 0
LMS_SUBJECT_MAX_BYTES = 40


def sms_or_lms(text: str) -> MessageKind:
    """SMS when it fits 90 bytes, else LMS; longer than 2,000 bytes is an error."""
    return message_kind(SMS, text)


def choose_kind(channel: ChannelName, text: str) -> MessageKind:
    """The message kind a text is sent as on ``channel``; raises MessageTooLongError when it cannot fit
    (UnknownChannelError for a channel that is not in the table)."""
    return message_kind(get_channel(channel), text)


RATE_PROVIDERS = ("sandbox", "solapi", "nhncloud")
RATES_SETTING = "rates"  # Clinic.settings["rates"] = {provider: {kind: ₩}}: the clinic's contract rates
MAX_RATE_KRW = 10_000  # far above any market price (MMS ≈ 100 ₩): a larger figure is a typing slip

# ₩ per message, VAT excluded, inside the market ranges of PROVIDERS.md ("Costs seen in the Korean market":
# SMS 8–12, LMS 25–40, AlimTalk 6–9, FriendTalk 11–20). A clinic's contract rates override them. The sandbox
# is priced at typical market rates so the ledger can be tried before any contract is signed.
DEFAULT_RATES: dict[str, dict[MessageKind, float]] = {
    "solapi": {"sms": 8.4, "lms": 27.0, "alimtalk": 7.5, "friendtalk": 13.0},
    "nhncloud": {"sms": 9.9, "lms": 30.0, "alimtalk": 7.0, "friendtalk": 15.0},
    "sandbox": {"sms": 9.0, "lms": 30.0, "alimtalk": 7.0, "friendtalk": 15.0},
}


@dataclass(frozen=True)
class CostTable:
    """₩ per message by provider and kind; ``with_overrides`` applies a clinic's own rates."""

    rates: Mapping[str, Mapping[MessageKind, float]] = field(default_factory=lambda: DEFAULT_RATES)

    def rate(self, provider: str, kind: MessageKind) -> float:
        try:
            return float(self.rates[provider][kind])
        except KeyError:
            raise KeyError(f"요금표에 {provider}/{kind} 항목이 없습니다 / no rate for {provider}/{kind}") from None

    def with_overrides(self, overrides: Mapping[str, Mapping[str, float]]) -> CostTable:
        merged: dict[str, dict[MessageKind, float]] = {p: dict(r) for p, r in self.rates.items()}
        for provider, rates in overrides.items():
            for kind, value in rates.items():
                if kind not in KINDS:
                    raise ValueError(f"알 수 없는 메시지 종류입니다: {kind!r} / unknown message kind: {kind!r}")
                if value < 0:
                    raise ValueError(f"요금은 0 이상이어야 합니다: {value} / a rate cannot be negative: {value}")
                merged.setdefault(provider, {})[kind] = float(value)
        return CostTable(merged)


@dataclass(frozen=True)
class RateProblem:
    """One refused field of a rates document: ``path`` is a JSON pointer such as ``/rates/solapi/sms``."""

    code: str
    message: str
    path: str


def validate_rates(document: object) -> tuple[dict[str, dict[str, float]], list[RateProblem]]:
    """Check ``{provider: {kind: ₩}}``: known providers and kinds, numbers 0–10,000 with at most 2 decimals.

    Returns the clean overrides and every problem found (all of them, so a form can mark each field).
    """
    if not isinstance(document, dict):
        return {}, [
            RateProblem(
                "invalid_rates",
                "rates는 {제공사: {종류: 요금}} 객체입니다 / rates must be an object {provider: {kind: rate}}",
                "/rates",
            )
        ]
    clean: dict[str, dict[str, float]] = {}
    problems: list[RateProblem] = []
    for provider, kinds in document.items():
        where = f"/rates/{provider}"
        if provider not in RATE_PROVIDERS:
            known = ", ".join(RATE_PROVIDERS)
            problems.append(
                RateProblem(
                    "unknown_provider",
                    f"알 수 없는 제공사입니다: {provider!r} ({known} 중 하나)"
                    f" / unknown provider {provider!r}: use one of {known}",
                    where,
                )
            )
            continue
        if not isinstance(kinds, dict):
            problems.append(
                RateProblem("invalid_rates", "종류별 요금 객체가 필요합니다 / expected an object {kind: rate}", where)
            )
            continue
        for kind, value in kinds.items():
            problem = _rate_problem(kind, value, f"{where}/{kind}")
            if problem:
                problems.append(problem)
            else:
                clean.setdefault(provider, {})[kind] = float(value)
    return clean, problems


def _rate_problem(kind: object, value: object, path: str) -> RateProblem | None:
    if kind not in KINDS:
        known = ", ".join(KINDS)
        return RateProblem(
            "unknown_kind",
            f"알 수 없는 메시지 종류입니다: {kind!r} ({known} 중 하나)"
            f" / unknown message kind {kind!r}: use one of {known}",
            path,
        )
    # bool is an int in Python: true/false are not prices
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or value != value
        or value in (float("inf"), float("-inf"))
    ):
        return RateProblem(
            "invalid_rate", f"요금은 숫자(원)여야 합니다: {value!r} / a rate must be a number of won", path
        )
    if value < 0:
        return RateProblem("negative_rate", f"요금은 0원 이상이어야 합니다: {value} / a rate cannot be negative", path)
    if value > MAX_RATE_KRW:
        return RateProblem(
            "rate_too_high",
            f"요금이 너무 큽니다: {value}원 (최대 {MAX_RATE_KRW:,}원)"
            f" / rate {value} is over the {MAX_RATE_KRW:,} won limit",
            path,
        )
    if Decimal(str(value)) != Decimal(str(value)).quantize(Decimal("0.01")):
        return RateProblem(
            "rate_precision", f"요금은 소수 둘째 자리까지입니다: {value} / a rate has at most 2 decimals", path
        )
    return None


def clinic_overrides(clinic_settings: Mapping[str, Any]) -> dict[str, dict[str, float]]:
    """The clinic's stored rate overrides (validated on write; anything malformed is ignored here)."""
    clean, _ = validate_rates(clinic_settings.get(RATES_SETTING) or {})
    return clean


def clinic_table(clinic_settings: Mapping[str, Any]) -> CostTable:
    """The rates in force for a clinic now: the defaults with its contract rates over them."""
    return CostTable().with_overrides(clinic_overrides(clinic_settings))


def rate_for(clinic_settings: Mapping[str, Any], provider: str | None, kind: MessageKind) -> float:
    """₩ for one message of ``kind`` sent through ``provider`` now — stamped on the outbox row at send time,
    so the ledger keeps the price in force then. An unknown provider or kind costs 0 (never fails a send)."""
    try:
        return clinic_table(clinic_settings).rate(provider or "sandbox", kind)
    except KeyError:
        return 0.0


@dataclass(frozen=True)
class SentMessage:
    """One message as the ledger sees it. ``failover_kind``: the provider resent it as SMS/LMS."""

    provider: str
    kind: MessageKind
    text: str
    failover_kind: MessageKind | None = None


@dataclass(frozen=True)
class Saving:
    messages: int
    spent_krw: float
    sms_equivalent_krw: float

    @property
    def saving_krw(self) -> float:
        return round(self.sms_equivalent_krw - self.spent_krw, 2)


def cost_of(message: SentMessage, table: CostTable | None = None) -> float:
    """What the provider charges: a failed-over AlimTalk is billed as the SMS/LMS that went out instead."""
    table = table or CostTable()
    return table.rate(message.provider, message.failover_kind or message.kind)


def saving_versus_sms(messages: Iterable[SentMessage], table: CostTable | None = None) -> Saving:
    """Spend, and what the same texts would have cost as SMS/LMS from the same provider."""
    table = table or CostTable()
    count, spent, baseline = 0, 0.0, 0.0
    for message in messages:
        count += 1
        spent += cost_of(message, table)
        size = euckr_len(message.text)
        baseline += table.rate(message.provider, SMS.kinds[0] if size <= SMS_MAX_BYTES else SMS.kinds[-1])
    return Saving(messages=count, spent_krw=round(spent, 2), sms_equivalent_krw=round(baseline, 2))


SEOUL = ZoneInfo("Asia/Seoul")


def monthly_ledger(
    entries: Iterable[tuple[datetime, SentMessage]], table: CostTable | None = None
) -> dict[str, Saving]:
    """Spend and saving per month (``"2026-12"``, Asia/Seoul) for one clinic's sent messages."""
    by_month: dict[str, list[SentMessage]] = {}
    for sent_at, message in entries:
        if sent_at.tzinfo is None:
            raise ValueError("발송 시각에 시간대가 없습니다 / sent_at must be timezone-aware")
        by_month.setdefault(sent_at.astimezone(SEOUL).strftime("%Y-%m"), []).append(message)
    return {month: saving_versus_sms(messages, table) for month, messages in sorted(by_month.items())}
