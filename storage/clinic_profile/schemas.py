"""Bodies of ``GET|PUT /api/clinic`` (the clinic profile)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypedDict


class PrivacyOfficer(TypedDict, total=False):
    name: str
    phone: str
    email: str


class NightWindows(TypedDict):
    sms_start: str  # HH:MM, advertising SMS night starts (at most 21:00)
    friendtalk_start: str  # HH:MM, FriendTalk night starts (at most 20:00)
    end: str  # HH:MM, night ends (at least 08:00)


class ClinicProfile(TypedDict):
    name: str
    phone: str
    address: str
    map_url: str
    optout_number: str
    sender_numbers: list[str]
    kakao_channel: str
    business_hours: dict[str, str]  # mon…sun → "09:00-18:00" ("" when closed)
    holidays: list[str]  # YYYY-MM-DD
    privacy_officer: PrivacyOfficer
    night_windows: NightWindows
    signoff_required_for_ads: bool


@dataclass
class ClinicProfileIn:
    """Any subset of the profile's fields; only those change."""

    name: str | None = None
    phone: str | None = None
    address: str | None = None
    map_url: str | None = None
    optout_number: str | None = None
    sender_numbers: list[str] = field(default_factory=list)
    kakao_channel: str | None = None
    business_hours: dict[str, str] = field(default_factory=dict)
    holidays: list[str] = field(default_factory=list)
    privacy_officer: dict[str, str] = field(default_factory=dict)
    night_windows: dict[str, str] = field(default_factory=dict)
    signoff_required_for_ads: bool = True
