"""The clinic profile (병원 정보): what messages say about the clinic and the clinic-wide rules.

Stored in ``clinics.name`` and ``clinics.settings`` (the runtime reads the settings with every run, so the
profile needs no join of its own). ``GET|PUT /api/clinic`` (storage/clinic_api.py) and ``doctorsflow clinic``
read and write it here: every field is checked, and a bad value is a 422 naming the field and why, with
nothing saved.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from nodes.channels import NIGHT_DEFAULTS, NIGHT_END_SETTING
from nodes.phone_numbers import format_phone, normalise_phone, normalise_toll_free
from storage import audit
from storage.errors import ApiError, Problem
from storage.models import Clinic
from storage.models.clinic import DEFAULT_SETTINGS
from storage.tenancy import Caller

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# The profile's own fields (besides ``name``), as stored in ``clinics.settings``.
PROFILE_SETTINGS = (
    "phone",
    "address",
    "map_url",
    "optout_number",
    "sender_numbers",
    "kakao_channel",
    "business_hours",
    "holidays",
    "privacy_officer",
    "signoff_required_for_ads",
)
FIELDS = ("name", *PROFILE_SETTINGS, "night_windows")
# night_windows keys → the settings the channel table reads, and the latest start / earliest end the law allows
_NIGHT_KEYS = {"sms_start": "night_sms_start", "friendtalk_start": "night_friendtalk_start", "end": NIGHT_END_SETTING}
_NIGHT_LIMITS = {"sms_start": "21:00", "friendtalk_start": "20:00", "end": "08:00"}
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_HOURS = re.compile(r"^(?P<open>([01]?\d|2[0-3]):[0-5]\d)[-~](?P<close>([01]?\d|2[0-3]):[0-5]\d)$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s.]{1,63}$")
MAX_SENDER_NUMBERS = 10
MAX_HOLIDAYS = 366


def _problem(field: str, ko: str, en: str) -> Problem:
    return Problem(f"invalid_{field.split('/')[0]}", f"{field}: {ko} / {en}", path=f"/{field}")


def profile_view(clinic: Clinic) -> dict[str, Any]:
    """The profile as ``GET /api/clinic`` answers it (phone numbers written with hyphens)."""
    settings = {**DEFAULT_SETTINGS, **(clinic.settings or {})}
    view: dict[str, Any] = {"name": clinic.name}
    for key in PROFILE_SETTINGS:
        view[key] = settings.get(key)
    view["sender_numbers"] = list(settings.get("sender_numbers") or [])
    if not view["sender_numbers"] and settings.get("sender_number"):
        view["sender_numbers"] = [settings["sender_number"]]  # set by the messaging channel form before
    view["business_hours"] = dict(settings.get("business_hours") or {})
    view["holidays"] = list(settings.get("holidays") or [])
    view["privacy_officer"] = dict(settings.get("privacy_officer") or {})
    view["signoff_required_for_ads"] = bool(settings.get("signoff_required_for_ads", True))
    view["night_windows"] = {
        key: str(settings.get(setting) or NIGHT_DEFAULTS[setting]) for key, setting in _NIGHT_KEYS.items()
    }
    return view


def _text(value: Any, field: str, limit: int, problems: list[Problem], required: bool = False) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or len(value.strip()) > limit or (required and not value.strip()):
        need = f"1~{limit}자" if required else f"{limit}자 이하"
        problems.append(
            _problem(
                field,
                f"{need} 문자열이어야 합니다",
                f"must be a string of {'1–' if required else 'at most '}{limit} characters",
            )
        )
        return ""
    return value.strip()


def _phone(value: Any, field: str, problems: list[Problem]) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    digits = normalise_phone(value) if isinstance(value, str) else None
    if digits is None:
        problems.append(
            _problem(
                field,
                f"전화번호 형식이 아닙니다: {value!r} (예: 02-1234-5678, 031-123-4567, 1588-1234)",
                f"not a Korean phone number: {value!r} (e.g. 02-1234-5678)",
            )
        )
        return ""
    return format_phone(digits)


def _optout(value: Any, problems: list[Problem]) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    digits = normalise_toll_free(value) if isinstance(value, str) else None
    if digits is None:
        problems.append(
            _problem(
                "optout_number",
                f"무료수신거부 번호는 080으로 시작하는 수신자 부담 번호여야 합니다: {value!r} (예: 080-123-4567)",
                f"the free opt-out number must be an 080 toll-free number: {value!r} (e.g. 080-123-4567)",
            )
        )
        return ""
    return format_phone(digits)


def _sender_numbers(value: Any, problems: list[Problem]) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_SENDER_NUMBERS:
        problems.append(
            _problem(
                "sender_numbers",
                f"발신번호 목록(최대 {MAX_SENDER_NUMBERS}개)이어야 합니다",
                f"must be a list of at most {MAX_SENDER_NUMBERS} numbers",
            )
        )
        return []
    numbers: list[str] = []
    for index, item in enumerate(value):
        number = _phone(item, f"sender_numbers/{index}", problems)
        if not number:
            if isinstance(item, str) and not item.strip():
                problems.append(_problem(f"sender_numbers/{index}", "빈 번호입니다", "empty number"))
            continue
        if number in numbers:
            problems.append(_problem(f"sender_numbers/{index}", f"중복된 번호입니다: {number}", f"duplicate: {number}"))
            continue
        numbers.append(number)
    return numbers


def _business_hours(value: Any, problems: list[Problem]) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        problems.append(
            _problem(
                "business_hours", '요일별 "09:00-18:00" 객체여야 합니다', 'must be an object of weekday: "09:00-18:00"'
            )
        )
        return {}
    hours: dict[str, str] = {}
    for day, text in value.items():
        if day not in WEEKDAYS:
            problems.append(
                _problem(
                    f"business_hours/{day}",
                    f"요일은 {', '.join(WEEKDAYS)} 중 하나입니다",
                    f"weekday must be one of {', '.join(WEEKDAYS)}",
                )
            )
            continue
        if text is None or text == "":
            hours[day] = ""  # closed
            continue
        found = _HOURS.match(text.replace(" ", "")) if isinstance(text, str) else None
        opens, closes = (found["open"].zfill(5), found["close"].zfill(5)) if found else ("", "")
        if found is None or opens >= closes:
            problems.append(
                _problem(
                    f"business_hours/{day}",
                    f'"09:00-18:00"처럼 여는 시각-닫는 시각이어야 합니다 (휴진은 빈 값): {text!r}',
                    f'must be "open-close" like "09:00-18:00" (empty when closed): {text!r}',
                )
            )
            continue
        hours[day] = f"{opens}-{closes}"
    return hours


def _holidays(value: Any, problems: list[Problem]) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_HOLIDAYS:
        problems.append(
            _problem("holidays", "날짜(YYYY-MM-DD) 목록이어야 합니다", "must be a list of YYYY-MM-DD dates")
        )
        return []
    days: set[str] = set()
    for index, item in enumerate(value):
        try:
            days.add(date.fromisoformat(item).isoformat() if isinstance(item, str) and len(item) == 10 else "")
        except ValueError:
            days.add("")
        if "" in days:
            days.discard("")
            problems.append(
                _problem(
                    f"holidays/{index}", f"YYYY-MM-DD 날짜가 아닙니다: {item!r}", f"not a YYYY-MM-DD date: {item!r}"
                )
            )
    return sorted(days)


def _privacy_officer(value: Any, problems: list[Problem]) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        problems.append(
            _problem(
                "privacy_officer",
                '{"name", "phone", "email"} 객체여야 합니다',
                'must be an object {"name", "phone", "email"}',
            )
        )
        return {}
    unknown = sorted(set(value) - {"name", "phone", "email"})
    for key in unknown:
        problems.append(_problem(f"privacy_officer/{key}", "알 수 없는 항목입니다", "unknown field"))
    officer = {
        "name": _text(value.get("name"), "privacy_officer/name", 100, problems),
        "phone": _phone(value.get("phone"), "privacy_officer/phone", problems),
        "email": _text(value.get("email"), "privacy_officer/email", 254, problems),
    }
    if officer["email"] and not _EMAIL.match(officer["email"]):
        problems.append(_problem("privacy_officer/email", "이메일 주소가 올바르지 않습니다", "invalid e-mail address"))
    if (officer["phone"] or officer["email"]) and not officer["name"]:
        problems.append(
            _problem(
                "privacy_officer/name",
                "개인정보 보호책임자 이름이 필요합니다",
                "the privacy officer's name is required",
            )
        )
    return officer


def _night_windows(value: Any, problems: list[Problem]) -> dict[str, str]:
    """The clinic may widen the legal night windows (start earlier, end later), never narrow them."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        problems.append(
            _problem(
                "night_windows",
                '{"sms_start", "friendtalk_start", "end"} 객체여야 합니다',
                'must be an object {"sms_start", "friendtalk_start", "end"}',
            )
        )
        return {}
    windows: dict[str, str] = {}
    for key, text in value.items():
        field = f"night_windows/{key}"
        if key not in _NIGHT_KEYS:
            problems.append(
                _problem(
                    field,
                    "sms_start, friendtalk_start, end 중 하나입니다",
                    "must be sms_start, friendtalk_start or end",
                )
            )
            continue
        if not isinstance(text, str) or not _HHMM.match(text):
            problems.append(_problem(field, f"HH:MM 시각이어야 합니다: {text!r}", f"must be an HH:MM time: {text!r}"))
            continue
        limit = _NIGHT_LIMITS[key]
        if key == "end" and not (limit <= text < "12:00"):
            problems.append(
                _problem(
                    field,
                    f"야간은 {limit}보다 일찍 끝날 수 없습니다 (정보통신망법 제50조)",
                    f"night cannot end before {limit} (Network Act art. 50)",
                )
            )
            continue
        if key != "end" and not ("12:00" <= text <= limit):
            problems.append(
                _problem(
                    field,
                    f"야간은 {limit}보다 늦게 시작할 수 없습니다 (정보통신망법 제50조)",
                    f"night cannot start after {limit} (Network Act art. 50)",
                )
            )
            continue
        windows[_NIGHT_KEYS[key]] = text
    return windows


def parse_profile(body: Any) -> tuple[str | None, dict[str, Any]]:
    """(new name or None, settings to store) from a ``PUT /api/clinic`` body — only the fields it holds change.
    Raises a 422 listing every bad field."""
    if not isinstance(body, Mapping):
        raise ApiError(422, [Problem("not_an_object", "본문은 JSON 객체여야 합니다 / body must be a JSON object")])
    problems: list[Problem] = [
        _problem(key, "알 수 없는 항목입니다", f"unknown field (one of {', '.join(FIELDS)})")
        for key in body
        if key not in FIELDS
    ]
    name = _text(body["name"], "name", 200, problems, required=True) if "name" in body else None
    parsers = {
        "phone": lambda v: _phone(v, "phone", problems),
        "address": lambda v: _text(v, "address", 300, problems),
        "map_url": lambda v: _url(v, problems),
        "optout_number": lambda v: _optout(v, problems),
        "sender_numbers": lambda v: _sender_numbers(v, problems),
        "kakao_channel": lambda v: _text(v, "kakao_channel", 100, problems),
        "business_hours": lambda v: _business_hours(v, problems),
        "holidays": lambda v: _holidays(v, problems),
        "privacy_officer": lambda v: _privacy_officer(v, problems),
    }
    settings: dict[str, Any] = {key: parse(body[key]) for key, parse in parsers.items() if key in body}
    if "signoff_required_for_ads" in body:
        if not isinstance(body["signoff_required_for_ads"], bool):
            problems.append(_problem("signoff_required_for_ads", "true 또는 false여야 합니다", "must be true or false"))
        settings["signoff_required_for_ads"] = body["signoff_required_for_ads"] is True
    if "night_windows" in body:
        settings.update(_night_windows(body["night_windows"], problems))
    if "sender_numbers" in settings:  # the provider clients send from the first registered number
        numbers = settings["sender_numbers"]
        settings["sender_number"] = re.sub(r"\D", "", numbers[0]) if numbers else ""
    if problems:
        raise ApiError(422, problems)
    return name, settings


def _url(value: Any, problems: list[Problem]) -> str:
    text = _text(value, "map_url", 500, problems)
    if text and not _URL.match(text):
        problems.append(
            _problem("map_url", f"http(s):// 주소여야 합니다: {text!r}", f"must be an http(s):// address: {text!r}")
        )
        return ""
    return text


async def get_clinic(session: AsyncSession, caller: Caller) -> Clinic:
    clinic = await session.get(Clinic, caller.clinic_id)
    if clinic is None:
        raise ApiError(404, [Problem("not_found", "병원을 찾을 수 없습니다 / clinic not found")])
    return clinic


async def update_profile(session: AsyncSession, caller: Caller, body: Any) -> Clinic:
    """Change the fields ``body`` holds (all checked first: a bad field changes nothing); audited with the
    names of the changed fields (values may be personal: the privacy officer's contact)."""
    name, changes = parse_profile(body)
    clinic = await get_clinic(session, caller)
    before = profile_view(clinic)
    if name is not None:
        clinic.name = name
    clinic.settings = {**(clinic.settings or {}), **changes}  # a new dict: the JSON column sees the change
    await session.flush()
    after = profile_view(clinic)
    changed = sorted(key for key in after if after[key] != before[key])
    audit.record(session, caller, "clinic.update", f"clinic:{clinic.id}", fields=changed)
    return clinic


def clinic_values(clinic: Clinic | None) -> dict[str, str]:
    """``{{ clinic.* }}`` values as messages render them (``clinic.phone`` → ``"02-1234-5678"``)."""
    if clinic is None:
        return {}
    settings = {**DEFAULT_SETTINGS, **(clinic.settings or {})}
    values = {
        key: str(settings.get(key) or "") for key in ("phone", "address", "optout_number", "map_url", "kakao_channel")
    }
    return {"name": clinic.name, **values}
