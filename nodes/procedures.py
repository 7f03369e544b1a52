"""Procedure codes that trigger filters and segments use, and how a trigger matches an event.

The schemas of the trigger nodes list the default codes (with Korean titles for the editor); a test keeps
the schemas and this list equal. A clinic's own codes are added where that clinic's workflows are edited and
checked: :func:`with_procedure_options` rewrites a schema's procedure lists for a catalogue, and
``nodes.registry.using_catalogue`` makes such node types (and the catalogue's titles) current for a block.
Events may carry a code or any name/synonym of the clinic's catalogue in ``appointment.procedure``; the
runtime resolves it to the code before trigger filters see the event.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

ProcedureKind = Literal["surgery", "procedure", "visit"]  # a surgery/procedure is completed by attending


@dataclass(frozen=True)
class ProcedureEntry:
    """One line of a clinic's procedure catalogue: the code trigger filters use, names and synonyms."""

    code: str
    name_ko: str
    name_en: str
    kind: ProcedureKind
    synonyms: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return f"{self.name_ko} / {self.name_en}" if self.name_en.strip() else self.name_ko

    def names(self) -> tuple[str, ...]:
        return (self.code, self.name_ko, self.name_en, *self.synonyms)


# Seeded into every clinic's catalogue; a clinic edits its own copy (storage/procedures/).
DEFAULT_CATALOGUE: tuple[ProcedureEntry, ...] = (
    # ophthalmology / 안과
    ProcedureEntry(
        "cataract",
        "백내장 수술",
        "Cataract surgery",
        "surgery",
        (
            "백내장",
            "백내장수술",
            "cataract",
            "cataract surgery",
            "인공수정체",
            "백내장 수술(단초점)",
            "백내장 수술(다초점)",
            "다초점 백내장",
        ),
    ),
    ProcedureEntry("lasik", "라식", "LASIK", "surgery", ("라식수술", "라식 수술", "lasik surgery")),
    ProcedureEntry("lasek", "라섹", "LASEK", "surgery", ("라섹수술", "라섹 수술", "lasek surgery", "prk")),
    ProcedureEntry(
        "smile",
        "스마일라식",
        "SMILE",
        "surgery",
        ("스마일 라식", "스마일", "smile lasik", "스마일프로", "스마일 프로", "smile pro"),
    ),
    ProcedureEntry(
        "icl", "렌즈삽입술", "ICL", "surgery", ("렌즈 삽입술", "안내렌즈삽입술", "icl 수술", "eye lens implant")
    ),
    ProcedureEntry("presbyopia", "노안 교정", "Presbyopia correction", "surgery", ("노안", "노안교정", "노안 수술")),
    ProcedureEntry("glaucoma", "녹내장", "Glaucoma", "visit", ("녹내장 검사", "녹내장 진료")),
    ProcedureEntry("retina", "망막", "Retina", "visit", ("망막 검사", "망막 진료", "망막주사", "안구주사")),
    ProcedureEntry("dry_eye", "안구건조증", "Dry eye", "procedure", ("안구 건조증", "건성안", "ipl", "안구건조 치료")),
    ProcedureEntry(
        "eye_exam",
        "안과 검진",
        "Eye examination",
        "visit",
        ("안과검진", "시력검사", "정밀검사", "수술 전 검사", "수술전검사", "eye exam"),
    ),
    # plastic surgery and dermatology / 성형외과·피부과
    ProcedureEntry("rhinoplasty", "코 성형", "Rhinoplasty", "surgery", ("코성형", "코 수술", "코수술", "nose job")),
    ProcedureEntry(
        "blepharoplasty",
        "쌍꺼풀 수술",
        "Blepharoplasty",
        "surgery",
        ("쌍꺼풀", "쌍꺼풀수술", "쌍커풀", "쌍커풀 수술", "눈성형", "눈 성형", "매몰법", "절개법", "double eyelid"),
    ),
    ProcedureEntry("ptosis", "눈매 교정", "Ptosis correction", "surgery", ("눈매교정", "안검하수", "ptosis")),
    ProcedureEntry(
        "facial_contouring",
        "안면윤곽",
        "Facial contouring",
        "surgery",
        ("안면 윤곽", "윤곽수술", "윤곽 수술", "사각턱", "광대축소"),
    ),
    ProcedureEntry(
        "breast", "가슴 성형", "Breast surgery", "surgery", ("가슴성형", "가슴 수술", "유방확대", "breast augmentation")
    ),
    ProcedureEntry("liposuction", "지방흡입", "Liposuction", "surgery", ("지방 흡입", "lipo")),
    ProcedureEntry("lifting", "리프팅", "Lifting", "procedure", ("실리프팅", "울쎄라", "써마지", "안면거상", "lift")),
    ProcedureEntry("botox", "보톡스", "Botulinum toxin", "procedure", ("보툴리눔", "보톡스 시술", "botox")),
    ProcedureEntry("filler", "필러", "Filler", "procedure", ("필러 시술", "filler injection")),
    ProcedureEntry(
        "skin_laser", "피부 레이저", "Skin laser", "procedure", ("피부레이저", "레이저", "레이저 토닝", "토닝")
    ),
    # general / 일반
    ProcedureEntry("consultation", "상담", "Consultation", "visit", ("상담 예약", "수술 상담", "초진 상담", "consult")),
    ProcedureEntry(
        "checkup", "정기 검진", "Check-up", "visit", ("정기검진", "경과 관찰", "경과관찰", "재진", "follow-up")
    ),
)

# code -> "한국어 / English": what the trigger schemas list (a test keeps them equal).
PROCEDURES: dict[str, str] = {entry.code: entry.title for entry in DEFAULT_CATALOGUE}


def procedure_key(text: str) -> str:
    """Names compare without case, spaces, punctuation or full-width forms: '백내장 수술' ~ '백내장수술'."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return re.sub(r"[\s_\-./:·,()\[\]]", "", text)


def name_index(catalogue: Iterable[ProcedureEntry]) -> dict[str, str]:
    """Normalised name/synonym/code -> code. Codes win over names, earlier entries over later ones."""
    entries = list(catalogue)
    index: dict[str, str] = {}
    for entry in entries:
        index.setdefault(procedure_key(entry.code), entry.code)
    for entry in entries:
        for name in entry.names():
            key = procedure_key(name)
            if key:
                index.setdefault(key, entry.code)
    return index


@lru_cache(maxsize=64)
def _cached_index(catalogue: tuple[ProcedureEntry, ...]) -> dict[str, str]:
    return name_index(catalogue)


def resolve_procedure(text: str, catalogue: Iterable[ProcedureEntry]) -> str | None:
    """The catalogue code for a code, name or synonym as an event or an export spells it; None if unknown."""
    return _cached_index(tuple(catalogue)).get(procedure_key(text))


# What a filter naming a code that is in no catalogue reads as ({value}: the code as written).
UNKNOWN_CODE = (
    "알 수 없는 시술 코드 {value}: 병원의 시술 목록에도 기본 목록에도 없습니다. 시술 목록(예약 → 시술 목록)에 "
    "추가하거나 목록의 시술을 고르세요 / unknown procedure code {value}: neither in the clinic's procedure "
    "catalogue nor in the defaults; add it to the catalogue (Appointments → Procedures) or pick a listed one"
)


def procedure_options(catalogue: Iterable[ProcedureEntry]) -> list[dict[str, str]]:
    """The codes a clinic's filters may name, as ``oneOf`` options: its catalogue first (its order and names),
    then the default codes it does not list, so workflows written for the defaults stay valid."""
    options = {entry.code: entry.title for entry in catalogue}
    for code, title in PROCEDURES.items():
        options.setdefault(code, title)
    return [{"const": code, "title": title} for code, title in options.items()]


def procedure_schema(options: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """The JSON Schema of an optional procedure filter, as written in the trigger schemas (default codes)."""
    return {
        "type": "array",
        "title": "시술 / Procedures",
        "description": "비워 두면 모든 시술에 적용됩니다. / Leave empty for any procedure.",
        "items": {
            "type": "string",
            "oneOf": options if options is not None else procedure_options(()),
            "x-error": UNKNOWN_CODE,
        },
        "uniqueItems": True,
        "default": [],
    }


def _is_procedure_list(schema: Any) -> bool:
    items = schema.get("items") if isinstance(schema, Mapping) else None
    return isinstance(items, Mapping) and isinstance(items.get("oneOf"), list) and schema.get("type") == "array"


def uses_procedures(schema: Mapping[str, Any]) -> bool:
    """Whether a params schema has a ``procedures`` list anywhere (a trigger filter, a campaign segment)."""
    properties = schema.get("properties")
    if not isinstance(properties, Mapping):
        return False
    return _is_procedure_list(properties.get("procedures")) or any(
        isinstance(child, Mapping) and uses_procedures(child) for child in properties.values()
    )


def with_procedure_options(schema: Mapping[str, Any], options: list[dict[str, str]]) -> dict[str, Any]:
    """A copy of ``schema`` whose ``procedures`` lists offer ``options`` (the rest of it shared, not copied)."""
    copied = dict(schema)
    properties = schema.get("properties")
    if not isinstance(properties, Mapping):
        return copied
    new_properties: dict[str, Any] = {}
    for key, child in properties.items():
        if key == "procedures" and _is_procedure_list(child):
            new_properties[key] = {**child, "items": {**child["items"], "oneOf": options, "x-error": UNKNOWN_CODE}}
        elif isinstance(child, Mapping) and uses_procedures(child):
            new_properties[key] = with_procedure_options(child, options)
        else:
            new_properties[key] = child
    copied["properties"] = new_properties
    return copied


_TITLES: ContextVar[Mapping[str, str]] = ContextVar("doctorsflow_procedure_titles", default=PROCEDURES)


def procedure_titles() -> Mapping[str, str]:
    """code → "한국어 / English" in force here: the defaults, or a clinic's (see ``nodes.registry.using_catalogue``)."""
    return _TITLES.get()


@contextmanager
def using_titles(catalogue: Iterable[ProcedureEntry]) -> Iterator[None]:
    """The catalogue's titles (then the defaults') current for the ``with`` block (cards and summaries)."""
    token = _TITLES.set({option["const"]: option["title"] for option in procedure_options(catalogue)})
    try:
        yield
    finally:
        _TITLES.reset(token)


def procedure_matches(params: Mapping[str, Any], event: Mapping[str, Any]) -> bool:
    """An event passes a ``procedures`` filter when the list is empty/absent or names its procedure."""
    wanted = params.get("procedures") or []
    if not wanted:
        return True
    appointment = event.get("appointment")
    procedure = appointment.get("procedure") if isinstance(appointment, Mapping) else None
    return procedure in wanted
