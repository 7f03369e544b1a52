"""Send-time rules, decided at the moment of sending (not when the run started): consent, opt-out, night.

DESIGN.md: informational messages need no separate consent unless the patient opted out (or revoked the
treatment-messages consent); advertising needs marketing consent, and at night also night-ads consent,
otherwise it is held until the night ends. Night for advertising SMS is 21:00–08:00 (Network Act art. 50);
FriendTalk is never sent 20:00–08:00 whatever the consent. Both windows are clinic settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any, Literal

from runtime.clock import SEOUL

DEFAULT_WINDOWS = {"night_sms_start": "21:00", "night_friendtalk_start": "20:00", "night_end": "08:00"}


@dataclass(frozen=True)
class Decision:
    action: Literal["send", "skip", "hold"]
    reason: str | None = None
    until: datetime | None = None  # hold: when to try again


def _hhmm(settings: Mapping[str, Any], key: str) -> time:
    text = str(settings.get(key) or DEFAULT_WINDOWS[key])
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
    channel: str,
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
    end = _hhmm(clinic_settings, "night_end")
    if channel == "friendtalk":
        until = night_end_after(now, _hhmm(clinic_settings, "night_friendtalk_start"), end)
        if until is not None:
            return Decision("hold", "친구톡 야간 발송 금지 / no FriendTalk at night", until)
        return Decision("send")
    until = night_end_after(now, _hhmm(clinic_settings, "night_sms_start"), end)
    if until is not None and not consents.get("night_ads"):
        return Decision(
            "hold", "야간 광고 수신 동의가 없어 아침까지 보류 / held until morning: no night-ads consent", until
        )
    return Decision("send")
