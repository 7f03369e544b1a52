"""Shapes of the self-booking settings API (``api.py`` beside this)."""

from typing import TypedDict


class SelfBookingSettings(TypedDict):
    enabled: bool  # the public page /p/book/<clinic> takes bookings
    hours: dict[str, list[str] | None]  # mon … sun → [first slot, last slot] "HH:MM" (Seoul), None: closed
    step_minutes: int  # 15 | 20 | 30 | 60


class SelfBookingView(SelfBookingSettings):
    url: str  # the public page's address
