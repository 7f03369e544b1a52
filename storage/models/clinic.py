from __future__ import annotations

from typing import Any

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from nodes.channels import NIGHT_DEFAULTS
from storage.models.base import Base, Timestamps

DEFAULT_SETTINGS: dict[str, Any] = {
    "timezone": "Asia/Seoul",
    "phone": "",
    "address": "",
    "optout_number": "",
    "sender_number": "",
    "kakao_sender_key": "",
    "channel": "sandbox",
    # An attended appointment for a catalogue surgery/procedure also completes it (post-op workflows start).
    "attended_completes_procedure": True,
    # The clinic profile (storage/clinic_profile.py; GET|PUT /api/clinic).
    "sender_numbers": [],
    "business_hours": {},
    "holidays": [],
    "privacy_officer": {},
    "map_url": "",
    "kakao_channel": "",
    # A workflow with an advertising message publishes only after a reviewer signed off that exact document.
    "signoff_required_for_ads": True,
    # Night windows for advertising (DESIGN.md): SMS 21:00–08:00, FriendTalk 20:00–08:00 — the channel table's.
    **NIGHT_DEFAULTS,
    # Frequency rule (runtime/frequency.py): the same template/text, or a second ad, at most once per this many
    # hours per patient across runs; 0 turns it off.
    "frequency_hours": 24,
}


class Clinic(Base, Timestamps):
    __tablename__ = "clinics"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    settings: Mapped[dict[str, Any]] = mapped_column(default=lambda: dict(DEFAULT_SETTINGS))

    def setting(self, key: str) -> Any:
        return (self.settings or {}).get(key, DEFAULT_SETTINGS.get(key))
