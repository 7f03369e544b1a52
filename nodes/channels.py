"""The one channel table: what each delivery channel is, read by nodes, lint, send-time policy, costs and providers.

A channel is what a send node chooses (``alimtalk``, ``friendtalk``, ``sms``); a message *kind* is what a
provider is asked to send and what a message costs (an ``sms`` channel message goes as ``sms`` or ``lms`` by
its EUC-KR length). Adding a channel is one entry in :data:`CHANNELS` and one member of :data:`ChannelName`;
a provider client that cannot send a new kind then fails type-checking (``assert_never``), it never
silently sends it as something else.

Limits follow the providers' documentation: SMS ≤ 90 EUC-KR bytes, LMS ≤ 2,000 bytes, AlimTalk and FriendTalk
≤ 1,000 characters. Night windows (Network Act art. 50; Kakao's FriendTalk rule) are clinic settings: the
table names the setting and its default, and every reader takes the clinic's value through
:func:`night_window`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, get_args

ChannelName = Literal["alimtalk", "friendtalk", "sms"]
MessageKind = Literal["sms", "lms", "alimtalk", "friendtalk"]
Purpose = Literal["informational", "advertising"]

PURPOSES: tuple[Purpose, ...] = get_args(Purpose)
KINDS: tuple[MessageKind, ...] = get_args(MessageKind)

# Clinic settings that hold the night windows, with the defaults of DESIGN.md.
NIGHT_END_SETTING = "night_end"
NIGHT_DEFAULTS: dict[str, str] = {
    "night_sms_start": "21:00",
    "night_friendtalk_start": "20:00",
    NIGHT_END_SETTING: "08:00",
}


@dataclass(frozen=True)
class NightRule:
    """When advertising on this channel is restricted: from the clinic setting ``start_setting`` to ``night_end``."""

    start_setting: str  # clinic setting key, e.g. "night_sms_start"
    consent_lifts: bool  # True: night-ads consent allows sending at night (SMS); False: never at night (FriendTalk)


@dataclass(frozen=True)
class Channel:
    name: ChannelName
    label: Mapping[str, str]  # {"ko": …, "en": …}
    kinds: tuple[MessageKind, ...]  # kinds a message of this channel may be sent as, shortest first
    max_chars: int | None = None  # Kakao: characters
    max_bytes: int | None = None  # SMS/LMS: EUC-KR bytes of the longest kind
    short_max_bytes: int | None = None  # SMS: above this the message goes as the second kind (LMS)
    purposes: tuple[Purpose, ...] = PURPOSES  # purposes a message on this channel may have
    night: NightRule | None = None  # advertising night rule (None: informational only, no night rule)
    failover: ChannelName | None = None  # where an undelivered message falls back to (AlimTalk → SMS)
    kakao: bool = False  # needs the clinic's Kakao sender key

    @property
    def advertising_only(self) -> bool:
        return self.purposes == ("advertising",)

    @property
    def informational_only(self) -> bool:
        return self.purposes == ("informational",)


CHANNELS: dict[str, Channel] = {
    "alimtalk": Channel(
        name="alimtalk",
        label={"ko": "알림톡", "en": "AlimTalk"},
        kinds=("alimtalk",),
        max_chars=1000,
        purposes=("informational",),
        failover="sms",
        kakao=True,
    ),
    "friendtalk": Channel(
        name="friendtalk",
        label={"ko": "친구톡", "en": "FriendTalk"},
        kinds=("friendtalk",),
        max_chars=1000,
        purposes=("advertising",),
        night=NightRule("night_friendtalk_start", consent_lifts=False),
        kakao=True,
    ),
    "sms": Channel(
        name="sms",
        label={"ko": "문자", "en": "SMS"},
        kinds=("sms", "lms"),
        max_bytes=2000,
        short_max_bytes=90,
        night=NightRule("night_sms_start", consent_lifts=True),
    ),
}
assert set(CHANNELS) == set(get_args(ChannelName)), "CHANNELS and ChannelName must name the same channels"


class UnknownChannelError(ValueError):
    """A channel name that is not in the table."""


def get_channel(name: str) -> Channel:
    """The channel called ``name``; raises :class:`UnknownChannelError` with a bilingual message."""
    channel = CHANNELS.get(name)
    if channel is None:
        known = ", ".join(CHANNELS)
        raise UnknownChannelError(f"알 수 없는 채널입니다: {name!r} ({known}) / unknown channel {name!r} ({known})")
    return channel


def night_window(channel: Channel, settings: Mapping[str, Any]) -> tuple[str, str] | None:
    """(start, end) as "HH:MM" of the channel's advertising night in the clinic's ``settings``, or None."""
    if channel.night is None:
        return None
    start = settings.get(channel.night.start_setting) or NIGHT_DEFAULTS[channel.night.start_setting]
    end = settings.get(NIGHT_END_SETTING) or NIGHT_DEFAULTS[NIGHT_END_SETTING]
    return str(start), str(end)
