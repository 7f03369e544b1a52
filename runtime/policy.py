"""Send-time rules, decided at the moment of sending (not when the run started): consent, opt-out, night.

DESIGN.md: informational messages need no separate consent unless the patient opted out (or revoked the
treatment-messages consent); advertising needs marketing consent, and at night also night-ads consent,
otherwise it is held until the night ends. Which channels have a night, its clinic setting and whether
night-ads consent lifts it are the channel table's (nodes/channels.py): advertising SMS 21:00–08:00 unless
the patient consented to night ads (Network Act art. 50); FriendTalk never 20:00–08:00 whatever the consent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any, Literal

from nodes.channels import Channel, night_window
from runtime.clock import SEOUL


@dataclass(frozen=True)
class Decision:
    action: Literal["send", "skip", "hold"]
    reason: str | None = None
    until: datetime | None = None  # hold: when to try again


def _hhmm(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def night_end_after(now: datetime, start: time, end: time) -> datetime | None:
    """The end of the night window containing ``now`` (Seoul wall clock), or None when it is daytime."""
    local = now.astimezone(SEOUL)
    clock = local.time()
    in_window = (clock >= start or clock < end) if start > end else (start <= clock < end)
    if not in_window:
        return None
    day = local.date() + timedelta(days=1) if start > end and clock >= start else local.date()
    return datetime.combine(day, end, tzinfo=SEOUL)


def decide(
    *,
    channel: Channel,
    purpose: str,
    consents: Mapping[str, bool | None],
    opted_out: bool,
    has_phone: bool,
    now: datetime,
    clinic_settings: Mapping[str, Any],
) -> Decision:
    """Send now, skip (with the reason) or hold until the night ends.

    ``consents`` maps a purpose to True (granted), False (revoked) or None (never recorded).
    """
    if not has_phone:
        return Decision("skip", "휴대폰 번호가 없습니다 / no mobile number")
    if opted_out:
        return Decision("skip", "수신거부한 환자입니다 / the patient opted out of messages")
    if purpose != "advertising":
        if consents.get("treatment") is False:
            return Decision("skip", "진료 안내 수신 동의가 철회되었습니다 / treatment-message consent was revoked")
        return Decision("send")
    if not consents.get("marketing"):
        return Decision("skip", "마케팅 수신 동의가 없습니다 / no marketing consent")
    window = night_window(channel, clinic_settings)
    if window is None or channel.night is None:
        return Decision("send")
    until = night_end_after(now, _hhmm(window[0]), _hhmm(window[1]))
    if until is None:
        return Decision("send")
    if not channel.night.consent_lifts:
        label = channel.label
        return Decision("hold", f"{label['ko']} 야간 발송 금지 / no {label['en']} at night", until)
    if not consents.get("night_ads"):
        return Decision(
            "hold", "야간 광고 수신 동의가 없어 아침까지 보류 / held until morning: no night-ads consent", until
        )
    return Decision("send")
