"""Which column of an EMR export holds which field: Korean and English header names, or an explicit map."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Field -> header spellings, most specific first (a file with both 휴대폰 and 전화번호 uses 휴대폰).
ALIASES: dict[str, tuple[str, ...]] = {
    "chart_no": (
        "차트번호",
        "챠트번호",
        "환자번호",
        "등록번호",
        "차트",
        "챠트",
        "chartno",
        "chartnumber",
        "chart",
        "patientno",
        "patientnumber",
        "patientid",
        "mrn",
    ),
    "name": ("이름", "성명", "환자명", "환자이름", "환자성명", "수진자명", "고객명", "name", "patientname", "fullname"),
    "phone": (
        "휴대폰",
        "휴대폰번호",
        "핸드폰",
        "핸드폰번호",
        "휴대전화",
        "휴대전화번호",
        "휴대번호",
        "모바일",
        "mobile",
        "mobilephone",
        "cellphone",
        "phone",
        "phonenumber",
        "연락처",
        "연락처1",
        "전화번호",
        "전화",
        "tel",
    ),
    "birth_date": ("생년월일", "생일", "출생일", "출생일자", "birthdate", "birth", "dateofbirth", "dob", "birthday"),
    "sex": ("성별", "sex", "gender"),
    "rrn": ("주민번호앞자리", "주민번호", "주민등록번호", "rrn"),
    "marketing": (
        "마케팅동의",
        "광고수신동의",
        "마케팅수신동의",
        "광고동의",
        "광고성정보수신동의",
        "수신동의",
        "sms수신동의",
        "문자수신동의",
        "동의",
        "마케팅",
        "marketing",
        "marketingconsent",
        "adconsent",
        "consent",
    ),
    "treatment": (
        "진료안내동의",
        "치료안내동의",
        "안내문자동의",
        "진료동의",
        "치료동의",
        "treatment",
        "treatmentconsent",
    ),
    "night_ads": ("야간광고동의", "야간광고수신동의", "야간수신동의", "야간동의", "nightads", "nightconsent"),
    "consent_date": ("동의일", "동의일자", "동의날짜", "동의일시", "consentdate", "consentedat"),
    "last_visit": (
        "최종내원일",
        "최근내원일",
        "마지막내원일",
        "최종방문일",
        "최근방문일",
        "lastvisit",
        "lastvisitdate",
    ),
    "guardian_name": ("보호자", "보호자명", "보호자이름", "보호자성명", "법정대리인", "guardian", "guardianname"),
    "guardian_relationship": ("보호자관계", "관계", "guardianrelationship", "relationship"),
}
FIELDS = (*ALIASES, "ignore")
FIELD_SYNONYMS = {"chart": "chart_no", "birth": "birth_date", "mobile": "phone", "gender": "sex", "-": "ignore"}
CONSENT_FIELDS = ("treatment", "marketing", "night_ads")


class MappingError(Exception):
    """An explicit mapping that names an unknown field or a header the file does not have (exit 2)."""


def header_key(text: str) -> str:
    """Headers compare without case, spaces, punctuation or full-width forms: '휴대폰 번호(필수)' ~ '휴대폰번호'."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = re.sub(r"\(.*?\)|\[.*?\]|\*", "", text)
    return re.sub(r"[\s_\-./:·]", "", text)


@dataclass(frozen=True)
class Column:
    index: int
    header: str  # as the file spells it (row errors name it)


def parse_mapping(
    items: list[str], fields: Sequence[str] = FIELDS, synonyms: Mapping[str, str] = FIELD_SYNONYMS
) -> dict[str, str]:
    """``["이름=name", "HP=phone"]`` -> ``{"이름": "name", "HP": "phone"}`` (header -> field). ``fields`` and
    ``synonyms``: another import's vocabulary (runtime/appointments/columns.py)."""
    mapping: dict[str, str] = {}
    for item in items:
        header, sep, target = item.rpartition("=")
        target = synonyms.get(target.strip(), target.strip())
        if not sep or not header.strip():
            raise MappingError(f"매핑은 '열이름=필드' 형식입니다 / a mapping is 'HEADER=field': {item!r}")
        if target not in fields:
            raise MappingError(f"알 수 없는 필드 {target!r} / unknown field {target!r} (one of: {', '.join(fields)})")
        mapping[header.strip()] = target
    return mapping


def map_columns(
    headers: list[str], explicit: dict[str, str] | None = None, aliases: Mapping[str, Sequence[str]] = ALIASES
) -> dict[str, Column]:
    """Field -> column. Explicit mappings win; other headers are recognised by their names (``aliases``)."""
    explicit = explicit or {}
    found: dict[str, Column] = {}
    taken: set[int] = set()
    keys = [header_key(h) for h in headers]
    for header, target in explicit.items():
        matches = [i for i, h in enumerate(headers) if h == header] or [
            i for i, k in enumerate(keys) if k == header_key(header)
        ]
        if not matches:
            raise MappingError(f"파일에 '{header}' 열이 없습니다 / the file has no column {header!r}")
        taken.add(matches[0])
        if target != "ignore":
            found[target] = Column(matches[0], headers[matches[0]])
    for target, names in aliases.items():
        if target in found:
            continue
        for alias in names:
            index = next((i for i, k in enumerate(keys) if k == alias and i not in taken), None)
            if index is not None:
                found[target] = Column(index, headers[index])
                taken.add(index)
                break
    return found
