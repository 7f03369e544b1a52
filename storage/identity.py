"""How patients are identified: normalised phone, chart number and name, and their blind indexes."""

from __future__ import annotations

import re
import unicodedata

from storage import crypto

MOBILE = re.compile(r"01[016789]\d{7,8}")
_NOT_DIGIT = re.compile(r"\D")
_SPACES = re.compile(r"\s+")


def normalize_mobile(raw: str | None) -> str | None:
    """Korean mobile number as digits (``01012345678``), or None when it is not a mobile number."""
    digits = _NOT_DIGIT.sub("", raw or "")
    if digits.startswith("82"):
        digits = "0" + digits[2:].lstrip("0")
    return digits if MOBILE.fullmatch(digits) else None


def normalize_chart(raw: str | None) -> str | None:
    text = unicodedata.normalize("NFKC", raw or "").strip()
    return text or None


def normalize_name(raw: str | None) -> str:
    """Names compare without spaces and in one Unicode form (EMRs differ in both)."""
    return _SPACES.sub("", unicodedata.normalize("NFC", raw or ""))


def phone_index(phone: str | None) -> str | None:
    digits = normalize_mobile(phone)
    return crypto.current().blind_index(digits, "phone") if digits else None


def chart_index(chart_no: str | None) -> str | None:
    chart = normalize_chart(chart_no)
    return crypto.current().blind_index(chart, "chart") if chart else None


def name_index(name: str | None) -> str | None:
    key = normalize_name(name)
    return crypto.current().blind_index(key, "name") if key else None


def phone_lookups(phone: str | None) -> list[str]:
    """Blind indexes of a phone under every known key (rows indexed before a key rotation are found too)."""
    digits = normalize_mobile(phone)
    return crypto.current().blind_indexes(digits, "phone") if digits else []


def chart_lookups(chart_no: str | None) -> list[str]:
    chart = normalize_chart(chart_no)
    return crypto.current().blind_indexes(chart, "chart") if chart else []


def name_lookups(name: str | None) -> list[str]:
    key = normalize_name(name)
    return crypto.current().blind_indexes(key, "name") if key else []


def mask_name(name: str | None) -> str:
    """김민지 → 김*지, 이솔 → 이*: enough for staff to recognise, not to identify."""
    text = (name or "").strip()
    if len(text) <= 1:
        return "*" if text else ""
    if len(text) == 2:
        return text[0] + "*"
    return text[0] + "*" * (len(text) - 2) + text[-1]


def mask_phone(phone: str | None) -> str:
    digits = normalize_mobile(phone)
    if not digits:
        return ""
    return f"{digits[:3]}-****-{digits[-4:]}"


# The token of a patient link in a message text (runtime/patient_links/tokens.py: 20–64 URL-safe characters
# after /p/). The self-booking page, /p/book/<slug>, is no token (a slash follows) and names nobody.
_LINK_TOKEN = re.compile(r"(?<=/p/)[A-Za-z0-9_-]{20,64}(?![A-Za-z0-9_/-])")


def hide_link_tokens(text: str) -> str:
    """``https://clinic/p/<token>`` → ``https://clinic/p/…``: staff screens show that a message carried the
    patient's confirm/cancel link, never its token (whoever holds it can confirm or cancel her appointment)."""
    return _LINK_TOKEN.sub("…", text) if "/p/" in text else text


def format_phone(phone: str | None) -> str:
    digits = normalize_mobile(phone) or ""
    if len(digits) == 11:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if len(digits) == 10:
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return digits
