"""A clinic's procedure catalogue: the shipped defaults until the clinic edits it, then its own rows.

Readers take a session or a connection of the clinic's transaction (the event ingest reads it on its hot
path with one small query). ``replace_catalogue`` writes the whole list at once, checked first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from nodes.particles import with_particle
from nodes.procedures import DEFAULT_CATALOGUE, ProcedureEntry, ProcedureKind, procedure_key
from storage import fast_sql
from storage.errors import ApiError, Problem
from storage.models import Clinic, Procedure
from storage.models.clinic import DEFAULT_SETTINGS
from storage.models.procedure import PROCEDURE_KINDS

PROCEDURES = cast(Table, Procedure.__table__)
CLINICS = cast(Table, Clinic.__table__)
_ROWS = (
    select(PROCEDURES.c.code, PROCEDURES.c.name_ko, PROCEDURES.c.name_en, PROCEDURES.c.kind, PROCEDURES.c.synonyms)
    .where(PROCEDURES.c.clinic_id == bindparam("clinic"))
    .order_by(PROCEDURES.c.position, PROCEDURES.c.id)
)
_SETTINGS = select(CLINICS.c.settings).where(CLINICS.c.id == bindparam("clinic"))
CODE = re.compile(r"[a-z0-9][a-z0-9_]{0,63}")
SETTING = "attended_completes_procedure"


async def load_catalogue(connection: AsyncConnection | AsyncSession, clinic_id: int) -> tuple[ProcedureEntry, ...]:
    rows = (await fast_sql.execute(connection, _ROWS, {"clinic": clinic_id})).all()
    if not rows:
        return DEFAULT_CATALOGUE
    return tuple(
        ProcedureEntry(r.code, r.name_ko, r.name_en or "", cast(ProcedureKind, r.kind), tuple(r.synonyms or ()))
        for r in rows
    )


async def attended_completes(connection: AsyncConnection | AsyncSession, clinic_id: int) -> bool:
    """The clinic setting "an attended surgery/procedure is completed" (default on)."""
    settings = (await fast_sql.execute(connection, _SETTINGS, {"clinic": clinic_id})).scalar_one_or_none() or {}
    return bool(settings.get(SETTING, DEFAULT_SETTINGS[SETTING]))


async def set_attended_completes(session: AsyncSession, clinic_id: int, value: bool) -> None:
    clinic = await session.get(Clinic, clinic_id)
    if clinic is not None:
        clinic.settings = {**(clinic.settings or {}), SETTING: value}


def entry_view(entry: ProcedureEntry) -> dict[str, Any]:
    return {
        "code": entry.code,
        "name_ko": entry.name_ko,
        "name_en": entry.name_en,
        "kind": entry.kind,
        "synonyms": list(entry.synonyms),
    }


def _text(item: Mapping[str, Any], key: str, path: str, problems: list[Problem], required: bool = True) -> str:
    value = item.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()) or len(value) > 100:
        problems.append(
            Problem(
                "invalid_field", f"{key}: 1~100자 글자여야 합니다 / {key} must be text of 1–100 characters", path=path
            )
        )
        return ""
    return value.strip()


def parse_catalogue(items: Any) -> tuple[ProcedureEntry, ...]:
    """A catalogue as sent (a list of ``{code, name_ko, name_en, kind, synonyms}``), every problem at once."""
    if not isinstance(items, list) or not items:
        raise ApiError(
            422,
            [
                Problem(
                    "invalid_field",
                    "시술 목록이 비어 있습니다 / procedures must be a non-empty list",
                    path="/procedures",
                )
            ],
        )
    problems: list[Problem] = []
    entries: list[ProcedureEntry] = []
    owners: dict[str, str] = {}
    for i, item in enumerate(items):
        base = f"/procedures/{i}"
        if not isinstance(item, Mapping):
            problems.append(Problem("invalid_field", "시술은 객체입니다 / a procedure is an object", path=base))
            continue
        code = item.get("code")
        if not isinstance(code, str) or not CODE.fullmatch(code):
            problems.append(
                Problem(
                    "invalid_code",
                    "코드는 영문 소문자·숫자·_ (64자 이내)입니다 / code: lowercase letters, digits and _ (≤ 64)",
                    path=f"{base}/code",
                )
            )
            continue
        name_ko = _text(item, "name_ko", f"{base}/name_ko", problems)
        name_en = _text(item, "name_en", f"{base}/name_en", problems, required=False)
        kind = item.get("kind", "visit")
        if kind not in PROCEDURE_KINDS:
            problems.append(
                Problem(
                    "invalid_field",
                    f"종류는 {', '.join(PROCEDURE_KINDS)} 중 하나입니다 / kind must be one of {', '.join(PROCEDURE_KINDS)}",
                    path=f"{base}/kind",
                )
            )
        synonyms = item.get("synonyms", [])
        if not isinstance(synonyms, list) or not all(
            isinstance(s, str) and 0 < len(s.strip()) <= 100 for s in synonyms
        ):
            problems.append(
                Problem(
                    "invalid_field",
                    "동의어는 글자 목록입니다 / synonyms must be a list of texts",
                    path=f"{base}/synonyms",
                )
            )
            synonyms = []
        entry = ProcedureEntry(code, name_ko, name_en, cast(ProcedureKind, kind), tuple(s.strip() for s in synonyms))
        for name in entry.names():
            key = procedure_key(name)
            if key and owners.get(key, code) != code:
                quoted = with_particle(f"'{name}'", "은")
                problems.append(
                    Problem(
                        "duplicate_name",
                        f"{quoted} 이미 {owners[key]}의 이름입니다 / {name!r} already names {owners[key]}",
                        path=base,
                    )
                )
            owners.setdefault(key, code)
        entries.append(entry)
    if problems:
        raise ApiError(422, problems)
    return tuple(entries)


async def replace_catalogue(session: AsyncSession, clinic_id: int, entries: Sequence[ProcedureEntry]) -> None:
    await session.execute(delete(Procedure).where(Procedure.clinic_id == clinic_id))
    for position, entry in enumerate(entries):
        session.add(
            Procedure(
                clinic_id=clinic_id,
                code=entry.code,
                name_ko=entry.name_ko,
                name_en=entry.name_en,
                kind=entry.kind,
                synonyms=list(entry.synonyms),
                position=position,
            )
        )
    await session.flush()
