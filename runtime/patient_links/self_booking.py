"""The clinic's self-booking settings: on/off, opening hours per weekday and the slot length, kept in the
clinic's settings under ``self_booking`` = ``{"enabled": bool, "hours": {"mon": ["09:00", "17:30"], …},
"step_minutes": 30}``. A weekday without hours is closed. The public page reads them (``slots.py``); staff edit
them on the clinic settings page through ``GET|PUT /api/self-booking``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, cast

from runtime.patient_links.schemas import SelfBookingSettings
from runtime.patient_links.slots import DEFAULT_HOURS, STEP_MINUTES, STEPS, WEEKDAY_KEYS
from storage.errors import ApiError, Problem

SETTING = "self_booking"
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def current(settings: Mapping[str, Any]) -> SelfBookingSettings:
    """The stored settings with the defaults filled in (on, Mon–Fri 09:00–17:30, Sat 09:00–12:30, 30 minutes)."""
    stored = settings.get(SETTING)
    stored = stored if isinstance(stored, Mapping) else {}
    configured = stored.get("hours")
    hours: Mapping[str, Any] = configured if isinstance(configured, Mapping) else DEFAULT_HOURS
    step = stored.get("step_minutes")
    return {
        "enabled": bool(stored.get("enabled", True)),
        "hours": {day: _window(hours.get(day)) for day in WEEKDAY_KEYS},
        "step_minutes": step if isinstance(step, int) and step in STEPS else STEP_MINUTES,
    }


def _window(value: Any) -> list[str] | None:
    return [str(value[0]), str(value[1])] if isinstance(value, list) and len(value) == 2 else None


def _bad(path: str, ko: str, en: str) -> Problem:
    return Problem("invalid_field", f"{ko} / {en}", path=path)


def parse(body: Any) -> SelfBookingSettings:
    """A PUT body checked whole: every bad field named (422), nothing saved."""
    if not isinstance(body, Mapping):
        raise ApiError(422, [Problem("invalid_body", "JSON 객체를 보내 주세요 / send a JSON object")])
    problems: list[Problem] = []
    unknown = sorted(set(body) - {"enabled", "hours", "step_minutes"})
    for key in unknown:
        problems.append(Problem("unknown_field", "알 수 없는 항목입니다 / unknown field", path=f"/{key}"))
    enabled = body.get("enabled", True)
    if not isinstance(enabled, bool):
        problems.append(_bad("/enabled", "참/거짓 값이어야 합니다", "must be true or false"))
    step = body.get("step_minutes", STEP_MINUTES)
    if isinstance(step, bool) or step not in STEPS:
        steps = ", ".join(str(s) for s in STEPS)
        problems.append(
            _bad("/step_minutes", f"예약 간격은 {steps}분 중 하나입니다", f"must be one of {steps} minutes")
        )
    hours_in = body.get("hours", {})
    hours: dict[str, list[str] | None] = {}
    if not isinstance(hours_in, Mapping):
        problems.append(_bad("/hours", "요일별 시간 객체여야 합니다", "must be an object of weekdays"))
        hours_in = {}
    for key in sorted(set(hours_in) - set(WEEKDAY_KEYS)):
        problems.append(
            _bad(f"/hours/{key}", "요일은 mon, tue, wed, thu, fri, sat, sun입니다", "weekdays are mon … sun")
        )
    for day in WEEKDAY_KEYS:
        window = hours_in.get(day)
        if window is None or window == []:
            hours[day] = None  # closed
            continue
        if not (isinstance(window, list) and len(window) == 2 and all(isinstance(t, str) for t in window)):
            problems.append(_bad(f"/hours/{day}", '["09:00", "17:30"] 형식이어야 합니다', 'must be ["HH:MM", "HH:MM"]'))
            continue
        first, last = window
        if not (_TIME.fullmatch(first) and _TIME.fullmatch(last)):
            problems.append(_bad(f"/hours/{day}", "시각은 HH:MM (00:00–23:59)입니다", "times are HH:MM (00:00–23:59)"))
        elif first >= last:
            problems.append(
                _bad(
                    f"/hours/{day}",
                    "마지막 예약 시각이 첫 시각보다 늦어야 합니다",
                    "the last slot must be after the first",
                )
            )
        else:
            hours[day] = [first, last]
    if problems:
        raise ApiError(422, problems)
    return {"enabled": cast(bool, enabled), "hours": hours, "step_minutes": cast(int, step)}
