"""The one channel table: what each delivery channel is, read by nodes, lint, send-time policy, costs and providers.

A channel is what a send node chooses (``alimtalk``, ``friendtalk``, ``sms``); a message *kind* is what a
provider is asked to send and what a message costs (an ``sms`` channel message goes as ``sms`` or ``lms`` by
its EUC-KR length). Adding a channel is one entry in :data:`CHANNELS` and one member of :data:`ChannelName`;
a provider client that cannot send a new kind then fails type-checking (``assert_never``), it never
silently sends it as something else.

Limits follow the providers' documentation: SMS ≤ 90 EUC-KR bytes, LMS ≤ 2,000 bytes, AlimTalk and FriendTalk
≤ 1,000 characters; :func:`message_kind` applies them (the outbox, billing and the providers all ask it). Night windows (Network Act art. 50; Kakao's FriendTalk rule) are clinic settings: the
table names the setting and its default, and every reader takes the clinic's value through
:func:`night_window`.
"""

from __future__ import annotations

import codecs
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, get_args

ChannelName = Literal["alimtalk", "friendtalk", "sms"]
MessageKind = Literal["sms", "lms", "alimtalk", "friendtalk"]
Purpose = Literal["informational", "advertising"]

PURPOSES: tuple[Purpose, ...] = get_args(Purpose)
KINDS: tuple[MessageKind, ...] = get_args(MessageKind)

# What a message kind is called (costs ledger, run history); a kind is also the unit a provider bills.
KIND_LABELS: dict[MessageKind, Mapping[str, str]] = {
    "sms": {"ko": "SMS", "en": "SMS"},
    "lms": {"ko": "LMS", "en": "LMS"},
    "alimtalk": {"ko": "알림톡", "en": "AlimTalk"},
    "friendtalk": {"ko": "친구톡", "en": "FriendTalk"},
}
assert set(KIND_LABELS) == set(KINDS), "every message kind needs a label"
_KIND_LABELS_BY_NAME: dict[str, Mapping[str, str]] = {str(kind): label for kind, label in KIND_LABELS.items()}

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
    # FriendTalk link buttons and image travel with the message (send node params "buttons", "image_url")
    rich: bool = False

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
        rich=True,
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


def kind_label(kind: str) -> str:
    """``"알림톡 AlimTalk"``: the Korean and English names of a message kind (the kind itself when unknown)."""
    label = _KIND_LABELS_BY_NAME.get(kind)
    if label is None:
        return kind
    return label["en"] if label["ko"] == label["en"] else f"{label['ko']} {label['en']}"


# --- length: which kind a text goes as ----------------------------------------------------------------------
# Carriers count in EUC-KR; we encode with cp949 (a superset that also holds the 8,822 Hangul syllables EUC-KR
# lacks, which carriers deliver as 2 bytes) and count anything cp949 cannot encode (emoji, rare Hanja) by its
# UTF-8 length, so a text is never judged shorter than it is.


class MessageTooLongError(ValueError):
    """The text does not fit the channel at all (not even as its longest kind, e.g. LMS)."""


def _count_as_utf8(error: UnicodeError) -> tuple[str, int]:
    """Encoding error handler: stand in one '?' per UTF-8 byte of what cp949 cannot encode."""
    assert isinstance(error, UnicodeEncodeError)
    chunk = error.object[error.start : error.end]
    return "?" * len(chunk.encode("utf-8", "surrogatepass")), error.end


codecs.register_error("doctorsflow_utf8_length", _count_as_utf8)


def euckr_len(text: str) -> int:
    """Bytes a carrier counts for ``text``: cp949 where possible, UTF-8 length for the rest."""
    return len(text.encode("cp949", errors="doctorsflow_utf8_length"))


def message_kind(channel: Channel, text: str) -> MessageKind:
    """The kind ``text`` is sent as on ``channel`` by the table's limits; raises MessageTooLongError beyond them.

    Byte-limited channels (SMS) go as their first kind up to ``short_max_bytes``, else as their last (LMS) up
    to ``max_bytes``; character-limited channels (Kakao) as their only kind up to ``max_chars``.
    """
    if channel.max_bytes is not None:
        size = euckr_len(text)
        if channel.short_max_bytes is not None and size <= channel.short_max_bytes:
            return channel.kinds[0]
        if size <= channel.max_bytes:
            return channel.kinds[-1]
        longest = channel.kinds[-1].upper()
        raise MessageTooLongError(
            f"문자 길이 {size}바이트가 {longest} 한도 {channel.max_bytes}바이트를 넘습니다"
            f" / text is {size} bytes, over the {channel.max_bytes}-byte {longest} limit"
        )
    if channel.max_chars is not None and len(text) > channel.max_chars:
        raise MessageTooLongError(
            f"{channel.label['ko']} 메시지는 {channel.max_chars}자까지입니다 (현재 {len(text)}자)"
            f" / {channel.label['en']} messages are limited to {channel.max_chars} characters (got {len(text)})"
        )
    return channel.kinds[0]
