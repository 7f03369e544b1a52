"""Message kind by content, and what each message costs (₩) — for the sender and the cost ledger.

Limits follow ../shared/providers/PROVIDERS.md: SMS ≤ 90 EUC-KR bytes, LMS ≤ 2,000 bytes, AlimTalk and
FriendTalk ≤ 1,000 characters. Carriers count in EUC-KR; we encode with cp949 (a superset that also holds
the 8,822 Hangul syllables EUC-KR lacks, which carriers deliver as 2 bytes) and count anything cp949
cannot encode (emoji, rare Hanja) by its UTF-8 length, so a text is never judged shorter than it is.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from runtime.channels.base import MessageKind

Channel = Literal["sms", "alimtalk", "friendtalk"]

SMS_MAX_BYTES = 90
LMS_MAX_BYTES = 2000
KAKAO_MAX_CHARS = 1000
LMS_SUBJECT_MAX_BYTES = 40


class MessageTooLongError(ValueError):
    """The text does not fit the channel at all (not even as LMS)."""


def _count_as_utf8(error: UnicodeError) -> tuple[str, int]:
    """Encoding error handler: stand in one '?' per UTF-8 byte of what cp949 cannot encode."""
    assert isinstance(error, UnicodeEncodeError)
    chunk = error.object[error.start : error.end]
    return "?" * len(chunk.encode("utf-8", "surrogatepass")), error.end


codecs.register_error("doctorsflow_utf8_length", _count_as_utf8)


def euckr_len(text: str) -> int:
    """Bytes a carrier counts for ``text``: cp949 where possible, UTF-8 length for the rest."""
    return len(text.encode("cp949", errors="doctorsflow_utf8_length"))


def sms_or_lms(text: str) -> MessageKind:
    """SMS when it fits 90 bytes, else LMS; longer than 2,000 bytes is an error."""
    size = euckr_len(text)
    if size <= SMS_MAX_BYTES:
        return "sms"
    if size <= LMS_MAX_BYTES:
        return "lms"
    raise MessageTooLongError(
        f"문자 길이 {size}바이트가 LMS 한도 {LMS_MAX_BYTES}바이트를 넘습니다"
        f" / text is {size} bytes, over the {LMS_MAX_BYTES}-byte LMS limit"
    )


def choose_kind(channel: Channel, text: str) -> MessageKind:
    """The message kind a text is sent as on ``channel``; raises MessageTooLongError when it cannot fit."""
    if channel == "sms":
        return sms_or_lms(text)
    if channel in ("alimtalk", "friendtalk"):
        if len(text) > KAKAO_MAX_CHARS:
            raise MessageTooLongError(
                f"카카오 메시지는 {KAKAO_MAX_CHARS}자까지입니다 (현재 {len(text)}자)"
                f" / Kakao messages are limited to {KAKAO_MAX_CHARS} characters (got {len(text)})"
            )
        return channel
    raise ValueError(f"알 수 없는 채널입니다: {channel!r} / unknown channel: {channel!r}")


# ₩ per message, VAT excluded; the market ranges of PROVIDERS.md. A clinic's contract rates override them.
DEFAULT_RATES: dict[str, dict[MessageKind, float]] = {
    "solapi": {"sms": 8.4, "lms": 27.0, "alimtalk": 7.5, "friendtalk": 13.0},
    "nhncloud": {"sms": 9.9, "lms": 30.0, "alimtalk": 7.0, "friendtalk": 15.0},
    "sandbox": {"sms": 0.0, "lms": 0.0, "alimtalk": 0.0, "friendtalk": 0.0},
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
                if kind not in ("sms", "lms", "alimtalk", "friendtalk"):
                    raise ValueError(f"알 수 없는 메시지 종류입니다: {kind!r} / unknown message kind: {kind!r}")
                if value < 0:
                    raise ValueError(f"요금은 0 이상이어야 합니다: {value} / a rate cannot be negative: {value}")
                merged.setdefault(provider, {})[kind] = float(value)  # type: ignore[index]
        return CostTable(merged)


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
        baseline += table.rate(message.provider, "sms" if size <= SMS_MAX_BYTES else "lms")
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
