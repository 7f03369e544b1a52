"""Cell values of EMR exports: phone numbers, birth dates, sex and yes/no flags, in their Korean spellings.

Each parser takes what a CSV or Excel cell holds (text, a number, a date) and returns the value or raises
``BadValue`` with an error code; the importer turns codes into row errors.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any

from storage.identity import MOBILE


class BadValue(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def cell_text(value: Any) -> str:
    """A cell as text: Excel numbers without their ``.0``, everything NFKC-normalised and stripped."""
    if value is None:
        return ""
    if type(value) is str and value.isascii():  # NFKC leaves ASCII as it is (most cells: digits, dates, Y/N)
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()


# -- phone numbers ----------------------------------------------------------------------------------------
LANDLINE = re.compile(r"0(2\d{7,8}|[3-6][1-5]\d{7,8}|70\d{8}|50\d{8,9})|1[5-9]\d{6}|080\d{7}")


_NOT_DIGIT = re.compile(r"\D")
_SEVERAL_NUMBERS = re.compile(r"[,/;|]|\s{2,}")
_SPACE = re.compile(r"\s")
_SEX_NOISE = re.compile(r"\s|\(.*\)")


def _digits(part: str) -> str:
    digits = _NOT_DIGIT.sub("", part)
    if digits.startswith("82"):
        digits = "0" + digits[2:].lstrip("0")
    # Excel stores 01012345678 as the number 1012345678: the leading zero is lost.
    if len(digits) in (9, 10) and digits.startswith("1") and digits[1] in "016789":
        digits = "0" + digits
    return digits


def parse_phone(value: Any) -> str | None:
    """A Korean mobile number as digits; None for an empty cell. A cell may list several numbers
    (``02-123-4567 / 010-1234-5678``): the first mobile one is taken."""
    text = cell_text(value)
    if not text or text in {"-", "없음", "none", "None"}:
        return None
    parts = [p for p in _SEVERAL_NUMBERS.split(text) if p.strip()]
    found_landline = False
    for part in parts:
        digits = _digits(part)
        if MOBILE.fullmatch(digits):
            return digits
        found_landline = found_landline or bool(LANDLINE.fullmatch(digits))
    raise BadValue("landline_phone" if found_landline else "invalid_phone")


# -- birth dates -------------------------------------------------------------------------------------------
_KOREAN = re.compile(r"(\d{2}|\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일?")
_SEPARATED = re.compile(r"(\d{4}|\d{2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\.?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
_COMPACT8 = re.compile(r"(\d{4})(\d{2})(\d{2})")
# 주민등록번호 앞자리: 850302, 850302-1, 8503021, 850302-1******, 850302-1234567 (only 7 digits are used).
_RRN = re.compile(r"(\d{2})(\d{2})(\d{2})(?:\s*-?\s*(\d)[\d*]{0,6})?")
CENTURY_OF_DIGIT = {"1": 1900, "2": 1900, "5": 1900, "6": 1900, "3": 2000, "4": 2000, "7": 2000, "8": 2000}
CENTURY_OF_DIGIT |= {"9": 1800, "0": 1800}


def _century(yy: int, digit: str | None, today: date) -> int:
    if digit is not None and digit in CENTURY_OF_DIGIT:
        return CENTURY_OF_DIGIT[digit] + yy
    # No 성별 digit: the most recent year that is not in the future.
    return 2000 + yy if 2000 + yy <= today.year else 1900 + yy


def parse_birth_date(value: Any, sex_digit: str | None = None, today: date | None = None) -> date | None:
    """A birth date from the usual Korean spellings; ``sex_digit`` (주민번호 7th digit) fixes the century of
    six-digit dates. None for an empty cell; ``BadValue("invalid_birth_date")`` otherwise."""
    today = today or date.today()
    if isinstance(value, datetime):
        return _checked(value.date(), today)
    if isinstance(value, date):
        return _checked(value, today)
    text = cell_text(value)
    if not text:
        return None
    if isinstance(value, int | float) and len(text) == 5:
        text = "0" + text  # 050302 stored as a number
    for pattern in (_KOREAN, _SEPARATED):
        match = pattern.fullmatch(text)
        if match:
            year, month, day = (int(g) for g in match.groups()[:3])
            if len(match.group(1)) == 2:
                year = _century(year, sex_digit, today)
            return _checked(_make(year, month, day), today)
    match = _COMPACT8.fullmatch(text)
    if match:
        return _checked(_make(*(int(g) for g in match.groups())), today)
    match = _RRN.fullmatch(text)
    if match:
        yy, mm, dd, digit = match.groups()
        digit = digit or sex_digit
        if digit is None or digit not in CENTURY_OF_DIGIT:
            return _most_recent(int(yy), int(mm), int(dd), today)
        return _checked(_make(_century(int(yy), digit, today), int(mm), int(dd)), today)
    raise BadValue("invalid_birth_date")


def rrn_sex_digit(value: Any) -> str | None:
    """The 7th digit of a 주민번호 cell (``850302-1…``), if the cell has one."""
    text = cell_text(value)
    match = _RRN.fullmatch(text)
    if not match or _COMPACT8.fullmatch(text):
        return None
    digit = match.group(4)
    return digit if digit and digit in "12345678" else None


def _most_recent(yy: int, month: int, day: int, today: date) -> date:
    """No 성별 digit: the most recent such date that is not in the future (this century, else the last)."""
    try:
        recent = date(2000 + yy, month, day)
    except ValueError:
        recent = None
    if recent is not None and recent <= today:
        return recent
    return _checked(_make(1900 + yy, month, day), today)


def _make(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise BadValue("invalid_birth_date") from exc


def _checked(day: date, today: date) -> date:
    if day.year < 1900 or day > today:
        raise BadValue("invalid_birth_date")
    return day


# -- sex -----------------------------------------------------------------------------------------------------
_MALE = {"남", "남자", "남성", "m", "male", "man", "1", "3", "5", "7"}
_FEMALE = {"여", "여자", "여성", "f", "female", "woman", "2", "4", "6", "8"}


def parse_sex(value: Any) -> str | None:
    """ "M" or "F" from 남/여/M/F/1/2 (and the 주민번호 digits 3–8); None for an empty cell."""
    text = _SEX_NOISE.sub("", cell_text(value)).lower()
    if not text:
        return None
    if text in _MALE:
        return "M"
    if text in _FEMALE:
        return "F"
    raise BadValue("invalid_sex")


def sex_digit(value: Any) -> str | None:
    """A 성별 cell holding a 주민번호 digit (1–8) also tells the century of a six-digit birth date."""
    text = cell_text(value)
    return text if len(text) == 1 and text in "12345678" else None


# -- yes / no ----------------------------------------------------------------------------------------------
_YES = {
    "y",
    "yes",
    "예",
    "네",
    "o",
    "○",
    "◯",
    "●",
    "v",
    "✓",
    "✔",
    "동의",
    "동의함",
    "수신",
    "수신동의",
    "1",
    "true",
    "t",
}
_NO = {"n", "no", "아니오", "아니요", "x", "×", "✗", "미동의", "비동의", "거부", "수신거부", "동의안함", "0", "false"}


def parse_flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    text = _SPACE.sub("", cell_text(value)).lower()
    if not text or text == "-":
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise BadValue("invalid_consent")


def parse_plain_date(value: Any) -> date | None:
    """A date that is not a birth date (consent date, last visit): any form of ``parse_birth_date``."""
    try:
        return parse_birth_date(value)
    except BadValue as exc:
        raise BadValue("invalid_date") from exc
