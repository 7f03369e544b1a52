"""Procedure codes that trigger filters and segments use, and how a trigger matches an event.

The schemas of the trigger nodes list these codes (with Korean titles for the editor); a test keeps
the schemas and this list equal. Events carry the code in ``appointment.procedure``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

PROCEDURES: dict[str, str] = {
    # ophthalmology / 안과
    "cataract": "백내장 수술 / Cataract surgery",
    "lasik": "라식 / LASIK",
    "lasek": "라섹 / LASEK",
    "smile": "스마일라식 / SMILE",
    "icl": "렌즈삽입술 / ICL",
    "presbyopia": "노안 교정 / Presbyopia correction",
    "glaucoma": "녹내장 / Glaucoma",
    "retina": "망막 / Retina",
    "dry_eye": "안구건조증 / Dry eye",
    "eye_exam": "안과 검진 / Eye examination",
    # plastic surgery and dermatology / 성형외과·피부과
    "rhinoplasty": "코 성형 / Rhinoplasty",
    "blepharoplasty": "쌍꺼풀 수술 / Blepharoplasty",
    "ptosis": "눈매 교정 / Ptosis correction",
    "facial_contouring": "안면윤곽 / Facial contouring",
    "breast": "가슴 성형 / Breast surgery",
    "liposuction": "지방흡입 / Liposuction",
    "lifting": "리프팅 / Lifting",
    "botox": "보톡스 / Botulinum toxin",
    "filler": "필러 / Filler",
    "skin_laser": "피부 레이저 / Skin laser",
    # general / 일반
    "consultation": "상담 / Consultation",
    "checkup": "정기 검진 / Check-up",
}


def procedure_schema() -> dict[str, Any]:
    """The JSON Schema of an optional procedure filter, as written in the trigger schemas."""
    return {
        "type": "array",
        "title": "시술 / Procedures",
        "description": "비워 두면 모든 시술에 적용됩니다. / Leave empty for any procedure.",
        "items": {
            "type": "string",
            "oneOf": [{"const": code, "title": title} for code, title in PROCEDURES.items()],
        },
        "uniqueItems": True,
        "default": [],
    }


def procedure_matches(params: Mapping[str, Any], event: Mapping[str, Any]) -> bool:
    """An event passes a ``procedures`` filter when the list is empty/absent or names its procedure."""
    wanted = params.get("procedures") or []
    if not wanted:
        return True
    appointment = event.get("appointment")
    procedure = appointment.get("procedure") if isinstance(appointment, Mapping) else None
    return procedure in wanted
