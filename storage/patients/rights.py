"""The patient's rights: export everything held about a patient, and erase it.

Other packages' tables plug in through a small registry: ``register_patient_table("messages", table,
personal=("text", "to_phone"))`` puts the table in exports and overwrites its personal columns on erasure;
``register_erasure_hook(fn)`` runs ``fn(session, patient_id) -> {name: count}`` on erasure (the runtime
cancels the patient's runs there). A table with a ``patient_id`` column that nobody registered is still
exported, and on erasure its free-text columns are blanked (see ``_generic_personal``), so a new table can
never leak what an erasure should have removed.
"""

from __future__ import annotations

import io
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, String, Table, Text, cast, func, literal, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.types import TypeDecorator, TypeEngine

from nodes.csv_safe import SafeCsvWriter
from storage import audit
from storage.models import Base, Erasure, Patient
from storage.models.base import utcnow
from storage.patients.consents import consent_history, entry_as_dict
from storage.tenancy import Caller

EXPORT_FORMAT = "doctorsflow.patient-export/v1"
ErasureHook = Callable[[AsyncSession, int], Awaitable[dict[str, int] | None]]


@dataclass(frozen=True)
class PatientTable:
    section: str  # the export's key ("appointments", "messages")
    table: Table
    personal: tuple[str, ...]  # overwritten (NULL, or "" when NOT NULL) on erasure; the rows stay for counts


_tables: dict[str, PatientTable] = {}
_hooks: list[ErasureHook] = []


def register_patient_table(section: str, table: Table, personal: tuple[str, ...] = ()) -> None:
    """Include ``table`` (which has a ``patient_id`` column) in exports and erasures."""
    if "patient_id" not in table.c:
        raise ValueError(f"table {table.name} has no patient_id column")
    unknown = [c for c in personal if c not in table.c]
    if unknown:
        raise ValueError(f"table {table.name} has no columns {unknown}")
    existing = _tables.get(section)
    if existing is not None and existing.table is not table:
        raise ValueError(f"export section {section!r} is already registered for {existing.table.name}")
    _tables[section] = PatientTable(section, table, personal)


def unregister_patient_table(section: str) -> None:
    _tables.pop(section, None)


def register_erasure_hook(hook: ErasureHook) -> None:
    """Run ``hook(session, patient_id)`` when a patient is erased (e.g. cancel their runs)."""
    if hook not in _hooks:
        _hooks.append(hook)


def unregister_erasure_hook(hook: ErasureHook) -> None:
    if hook in _hooks:
        _hooks.remove(hook)


def patient_tables() -> list[PatientTable]:
    """Registered tables, then any other table with a ``patient_id`` (generic rules)."""
    registered = {t.table.name for t in _tables.values()}
    found = list(_tables.values())
    for table in Base.metadata.sorted_tables:
        if table.name in registered or table.name == "consents" or "patient_id" not in table.c:
            continue
        found.append(PatientTable(table.name, table, _generic_personal(table)))
    return found


# Columns a generic erasure keeps: keys, times, and the few words that make counts useful.
_KEEP = {"status", "channel", "purpose", "kind", "type", "method", "reason", "procedure", "node", "node_id"}


def _stored_type(column: Any) -> TypeEngine[Any]:
    """What the database holds: the implementation of an encrypted (decorated) type."""
    kind: TypeEngine[Any] = column.type
    return kind.impl_instance if isinstance(kind, TypeDecorator) else kind


def _generic_personal(table: Table) -> tuple[str, ...]:
    return tuple(
        c.name
        for c in table.c
        if c.nullable
        and isinstance(_stored_type(c), String | Text | JSON)
        and not c.name.endswith(("_id", "_at", "_key"))
        and c.name not in _KEEP
        and not c.primary_key
    )


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def profile(patient: Patient) -> dict[str, Any]:
    return {
        "id": patient.id,
        "chart_no": patient.chart_no,
        "name": patient.name or None,
        "phone": patient.phone,
        "birth_date": _jsonable(patient.birth_date),
        "sex": patient.sex,
        "tags": list(patient.tags or []),
        "opted_out": patient.opted_out,
        "last_activity_at": _jsonable(patient.last_activity_at),
        "created_at": _jsonable(patient.created_at),
        "updated_at": _jsonable(patient.updated_at),
        "erased_at": _jsonable(patient.erased_at),
    }


async def _rows_of(session: AsyncSession, spec: PatientTable, patient: Patient) -> list[dict[str, Any]]:
    table = spec.table
    query = select(table).where(table.c.patient_id == patient.id)
    if "clinic_id" in table.c:
        query = query.where(table.c.clinic_id == patient.clinic_id)
    if "id" in table.c:
        query = query.order_by(table.c.id)
    rows = (await session.execute(query)).mappings().all()
    return [{k: _jsonable(v) for k, v in row.items()} for row in rows]


async def export_patient(session: AsyncSession, caller: Caller, patient: Patient) -> dict[str, Any]:
    """Everything held about a patient, as one JSON document (audit-logged)."""
    document: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "exported_at": utcnow().isoformat(),
        "patient": profile(patient),
        "consents": [entry_as_dict(e) for e in await consent_history(session, patient.id)],
    }
    for spec in patient_tables():
        document[spec.section] = await _rows_of(session, spec, patient)
    audit.record(session, caller, "patient.export", f"patient:{patient.id}", sections=len(document) - 3)
    return document


def export_as_csv(document: dict[str, Any]) -> str:
    """The export in one CSV (section, row, field, value), with a BOM so that Excel reads Korean right."""
    buffer = io.StringIO()
    writer = SafeCsvWriter(buffer)  # a name like "=HYPERLINK(…)" stays text in Excel
    writer.writerow(["section", "row", "field", "value"])
    for field_name, value in document["patient"].items():
        writer.writerow(["patient", 1, field_name, _cell(value)])
    for section, rows in document.items():
        if section in ("format", "exported_at", "patient"):
            continue
        for number, row in enumerate(rows, start=1):
            for field_name, value in row.items():
                writer.writerow([section, number, field_name, _cell(value)])
    return "\ufeff" + buffer.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list | bool):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


async def erase_patient(session: AsyncSession, caller: Caller, patient: Patient, reason: str = "request") -> Erasure:
    """Remove a patient's personal data; keep the rows (emptied) so statistics keep their counts; run the
    erasure hooks (cancel runs); keep an erasure record without personal data; write the audit log."""
    counts: dict[str, int] = {}
    for hook in _hooks:
        counts.update(await hook(session, patient.id) or {})
    consents = Base.metadata.tables["consents"]
    erased = await session.execute(
        update(consents)
        .where(consents.c.patient_id == patient.id, consents.c.clinic_id == patient.clinic_id)
        .values(guardian_name=None)
    )
    counts["consents"] = int(getattr(erased, "rowcount", 0) or 0)
    for spec in patient_tables():
        if spec.section == "erasures":
            continue
        table = spec.table
        where = [table.c.patient_id == patient.id]
        if "clinic_id" in table.c:
            where.append(table.c.clinic_id == patient.clinic_id)
        counts[spec.section] = int(
            (await session.execute(select(func.count()).select_from(table).where(*where))).scalar_one()
        )
        blanks = {c: _blank(table, c) for c in spec.personal}
        if blanks and counts[spec.section]:
            await session.execute(update(table).where(*where).values(blanks))
    patient.name = ""
    patient.chart_no = None
    patient.phone = None
    patient.birth_date = None
    patient.sex = None
    patient.tags = []
    patient.opted_out = True  # never message an erased patient, whatever the ledger says
    patient.erased_at = utcnow()
    await session.flush()
    record = Erasure(
        clinic_id=patient.clinic_id, patient_id=patient.id, reason=reason, actor=caller.actor, counts=counts
    )
    session.add(record)
    audit.record(session, caller, "patient.erase", f"patient:{patient.id}", reason=reason, **counts)
    await session.flush()
    return record


def _blank(table: Table, column: str) -> Any:
    """NULL; for a NOT NULL JSON column an empty object; for a NOT NULL text column a per-row placeholder
    (such columns may be unique, like external ids)."""
    if table.c[column].nullable:
        return None
    if isinstance(_stored_type(table.c[column]), JSON):
        return {}
    if "id" in table.c:
        return literal("erased:") + cast(table.c.id, String)
    return ""


# The runtime's open states (runtime/runs.py); storage does not import the runtime.
OPEN_RUN = ("running", "waiting")
OPEN_STEP = ("waiting", "firing")
OPEN_OUTBOX = ("pending", "held")


async def cancel_open_runs(session: AsyncSession, patient_id: int) -> dict[str, int]:
    """Erasure hook: the patient's open runs, their waits and unsent messages are cancelled."""
    tables = Base.metadata.tables
    if not {"runs", "run_steps", "outbox"} <= tables.keys():
        return {}
    runs, steps, outbox = tables["runs"], tables["run_steps"], tables["outbox"]
    open_runs = select(runs.c.id).where(runs.c.patient_id == patient_id, runs.c.status.in_(OPEN_RUN))
    run_ids = list((await session.execute(open_runs)).scalars())
    now = utcnow()
    if run_ids:
        await session.execute(
            update(runs).where(runs.c.id.in_(run_ids)).values(status="cancelled", finished_at=now, reason="erased")
        )
        await session.execute(
            update(steps)
            .where(steps.c.run_id.in_(run_ids), steps.c.status.in_(OPEN_STEP))
            .values(status="cancelled", finished_at=now, reason="erased")
        )
    await session.execute(
        update(outbox)
        .where(outbox.c.patient_id == patient_id, outbox.c.status.in_(OPEN_OUTBOX))
        .values(status="cancelled", reason="erased")
    )
    return {"runs_cancelled": len(run_ids)}


async def blank_step_details(session: AsyncSession, patient_id: int) -> dict[str, int]:
    """Erasure hook: the details of the patient's run steps (a staff notice's text names the patient).
    ``run_steps`` has no ``patient_id`` of its own, so the generic rules cannot reach it."""
    tables = Base.metadata.tables
    if not {"runs", "run_steps"} <= tables.keys():
        return {}
    runs, steps = tables["runs"], tables["run_steps"]
    of_patient = select(runs.c.id).where(runs.c.patient_id == patient_id)
    await session.execute(update(steps).where(steps.c.run_id.in_(of_patient)).values(detail={}))
    return {}


def _register_builtins() -> None:
    tables = Base.metadata.tables
    # A booking's external id (e.g. naver-8812) leads back to the patient at the booking site.
    register_patient_table("appointments", tables["appointments"], personal=("external_id",))
    register_patient_table("erasures", tables["erasures"])
    if "outbox" in tables:  # message texts and their variables hold the patient's name
        register_patient_table(
            "messages", tables["outbox"], personal=("text", "subject", "variables", "failover", "error_message")
        )
    if "events" in tables:
        register_patient_table("events", tables["events"], personal=("external_id", "payload"))
    if "runs" in tables:
        register_patient_table("runs", tables["runs"])
    register_erasure_hook(cancel_open_runs)
    register_erasure_hook(blank_step_details)


_register_builtins()
