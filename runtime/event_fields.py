"""The words a clinic uses for an event's fields, so a refusal says which field it is about and why
("환자 이름: 너무 깁니다 (최대 100자) / patient name: too long (at most 100 characters)") instead of
jsonschema's English with the value sent back.
"""

from __future__ import annotations

from collections.abc import Mapping

# JSON pointer in an event → (Korean label, English label)
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "/type": ("이벤트 종류", "event type"),
    "/external_id": ("외부 ID", "external id"),
    "/occurred_at": ("발생 일시", "occurred at"),
    "/patient": ("환자", "patient"),
    "/patient/chart_no": ("차트번호", "chart no."),
    "/patient/name": ("환자 이름", "patient name"),
    "/patient/phone": ("휴대폰 번호", "mobile number"),
    "/patient/birth_date": ("생년월일", "birth date"),
    "/patient/sex": ("성별", "sex"),
    "/appointment": ("예약", "appointment"),
    "/appointment/id": ("예약 ID", "appointment id"),
    "/appointment/external_id": ("예약 ID", "appointment id"),  # the book's body names the appointment's id so
    "/appointment/starts_at": ("예약 일시", "appointment date and time"),
    "/appointment/procedure": ("시술", "procedure"),
    "/appointment/doctor": ("담당의", "doctor"),
    "/consent": ("동의", "consent"),
    "/consent/purpose": ("동의 목적", "consent purpose"),
    "/consent/method": ("동의 방법", "consent method"),
}

REPLACEMENT = "\ufffd"  # what a garbled paste or a wrongly decoded file leaves in place of a character


def field_label(path: str) -> tuple[str, str]:
    """(Korean, English) name of the field at ``path``; an unknown pointer is named as itself."""
    return FIELD_LABELS.get(path) or (f"항목 {path or '/'}", f"field {path or '/'}")


def field_message(path: str, korean: str, english: str) -> str:
    """One bilingual sentence about the field at ``path``: "라벨: 이유 / label: reason"."""
    ko_label, en_label = field_label(path)
    return f"{ko_label}: {korean} / {en_label}: {english}"


def broken_text_message(path: str) -> str:
    return field_message(
        path,
        "깨진 글자(U+FFFD)가 있습니다. 원래 글자로 다시 입력해 주세요",
        "contains a broken character (U+FFFD); type the original text again",
    )


def replacement_path(payload: object, blocks: tuple[str, ...] = ("patient", "appointment")) -> str | None:
    """The pointer of the first text in these blocks of an event that holds U+FFFD, or None."""
    if not isinstance(payload, Mapping):
        return None
    for block in blocks:
        inner = payload.get(block)
        if not isinstance(inner, Mapping):
            continue
        for key, value in inner.items():
            if isinstance(value, str) and REPLACEMENT in value:
                return f"/{block}/{key}"
    return None
