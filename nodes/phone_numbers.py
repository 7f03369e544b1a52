"""Korean telephone numbers a clinic registers: its phone, sender numbers and the 080 free opt-out number.

One rule for every form that takes a number (messaging channels, the clinic profile): digits only after
removing spaces, hyphens, dots and brackets; mobile, Seoul and regional landlines, 070 internet phones, 050x
personal numbers, 080 toll-free and the 8-digit representative numbers (1588-xxxx …).
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s\-().]")
_PHONE_RE = re.compile(
    r"^(010\d{8}|01[16789]\d{7,8}|02\d{7,8}|0[3-6][1-5]\d{7,8}|070\d{8}|050\d{8,9}|080\d{7,8}|1[5-9]\d{6})$"
)
_TOLL_FREE_RE = re.compile(r"^080\d{7,8}$")


def normalise_phone(value: str) -> str | None:
    """Digits of a Korean phone number ("02-1234-5678" → "0212345678"), or None when it is not one."""
    digits = _SEPARATORS.sub("", value)
    return digits if _PHONE_RE.match(digits) else None


def normalise_toll_free(value: str) -> str | None:
    """Digits of an 080 toll-free number (the free opt-out line, Network Act art. 50(4)), or None."""
    digits = _SEPARATORS.sub("", value)
    return digits if _TOLL_FREE_RE.match(digits) else None


def format_phone(digits: str) -> str:
    """Digits as people write them: 02-123-4567, 031-123-4567, 010-1234-5678, 080-123-4567, 1588-1234."""
    if len(digits) == 8:
        return f"{digits[:4]}-{digits[4:]}"
    head = 2 if digits.startswith("02") else 4 if digits.startswith("050") and len(digits) == 12 else 3
    rest = digits[head:]
    middle = len(rest) - 4
    return f"{digits[:head]}-{rest[:middle]}-{rest[middle:]}"
