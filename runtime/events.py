"""Events start, cancel and move runs: validation, idempotent intake, patient/appointment/consent upserts.

``ingest`` is one transaction (``apply_in`` the same inside a caller's transaction): the event row (unique per clinic, type and external id), the patient, the
appointment, the consent ledger entry, cancellations and moved waits, and the new runs. Only after it
commits does the caller dispatch the runs' first advance. A repeated event returns the stored result.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, cast

import jsonschema_rs
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from nodes.json_limits import SURROGATE_MESSAGE, lone_surrogate_path
from nodes.procedures import ProcedureEntry, resolve_procedure
from nodes.registry import get_node_type, node_types
from nodes.schema_messages import leaf, reason
from nodes.timeutil import MAX_YEAR, MIN_YEAR, parse_datetime
from runtime.context import Runtime
from runtime.event_fields import broken_text_message, field_message, replacement_path
from runtime.runs import cancel_appointment_runs, insert_run, move_appointment_waits
from storage import fast_sql
from storage.db import read_scope, write_scope
from storage.errors import Problem
from storage.models import Appointment, Event, Workflow, WorkflowVersion
from storage.patients.book import PatientBook
from storage.patients.service import normalize_mobile, record_consent, upsert_patient, upsert_patient_id
from storage.procedures.catalogue import attended_completes, load_catalogue

Within = Callable[[AsyncSession], Awaitable[None]]  # extra work inside the event's transaction


class InvalidEvent(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


@dataclass
class Intake:
    created: bool  # False: a repeat of an event already received (same clinic, type, external_id)
    result: dict[str, Any]
    advance: list[int] = field(default_factory=list)  # runs to dispatch after commit


@dataclass(frozen=True)
class AppointmentState:
    """An appointment as the intake compares it (the columns of ``_FIND_APPOINTMENT``)."""

    id: int
    starts_at: Any
    procedure: str | None
    procedure_text: str | None
    procedure_unknown: bool
    doctor: str | None
    status: str


@dataclass
class TransactionMemo:
    """What many events applied in one write transaction (an import) read once instead of once per event:
    the clinic's procedure catalogue and setting, the published versions per event type, and the appointments
    and patients the caller looked up in bulk. ``apply_in`` keeps it up to date with what it writes, so it is
    only valid inside that one transaction."""

    catalogue: tuple[ProcedureEntry, ...] | None = None
    completes: bool | None = None
    published: dict[str, list[PublishedVersion]] = field(default_factory=dict)
    appointments: dict[str, AppointmentState | None] = field(default_factory=dict)  # external id → row (None: none)
    patients: PatientBook = field(default_factory=PatientBook)

    async def load_catalogue(self, connection: AsyncConnection, clinic_id: int) -> tuple[ProcedureEntry, ...]:
        if self.catalogue is None:
            self.catalogue = await load_catalogue(connection, clinic_id)
        return self.catalogue

    async def prefetch_appointments(self, connection: AsyncConnection, clinic_id: int, external_ids: list[str]) -> None:
        """Read the stored appointments with these external ids, a few hundred a query."""
        wanted = sorted(set(external_ids) - set(self.appointments))
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            self.appointments.update(dict.fromkeys(part))
            rows = (await fast_sql.execute(connection, _FIND_APPOINTMENTS, {"clinic": clinic_id, "ids": part})).all()
            for row in rows:
                self.appointments[row.external_id] = _state(row)


def _state(row: Any) -> AppointmentState:
    return AppointmentState(
        int(row.id),
        row.starts_at,
        row.procedure,
        row.procedure_text,
        bool(row.procedure_unknown),
        row.doctor,
        row.status,
    )


async def _catalogue(
    connection: AsyncConnection, clinic_id: int, memo: TransactionMemo | None
) -> tuple[ProcedureEntry, ...]:
    return await (memo.load_catalogue(connection, clinic_id) if memo else load_catalogue(connection, clinic_id))


def _schema() -> dict[str, Any]:
    return cast(dict[str, Any], json.loads((Path(__file__).parent / "event.schema.json").read_text("utf-8")))


@cache
def _validator() -> Draft202012Validator:
    """Names every problem of an invalid event (a pointer and a message each)."""
    return Draft202012Validator(_schema())


@cache
def _fast_validator() -> jsonschema_rs.Draft202012Validator:
    """Says only whether an event is valid, ~100× faster than :func:`_validator` (which the hot path then runs
    only for invalid events, to name their problems). tests/runtime/test_event_validation.py checks both agree."""
    return jsonschema_rs.Draft202012Validator(_schema())


def _pointer(parts: Any) -> str:
    return "".join(f"/{p}" for p in parts)


def _problem(error: ValidationError) -> Problem:
    path = _pointer(error.absolute_path)
    if error.validator == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else ""
        where = f"{path}/{missing}"
        return Problem("missing_field", field_message(where, "필수 항목이 없습니다", "missing field"), path=where)
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        where = f"{path}/{extra[0]}" if extra else path
        return Problem("unknown_field", f"알 수 없는 항목입니다: {', '.join(extra)} / unknown field", path=where)
    if error.validator == "anyOf" and path == "/patient":
        return Problem(
            "missing_field", "환자에 차트번호나 휴대폰 번호가 필요합니다 / patient needs chart_no or phone", path=path
        )
    korean, english = reason(leaf(error))  # the clinic's words, never the whole value sent back
    return Problem("invalid_field", field_message(path, korean, english), path=path)


def validate_event(payload: Any) -> list[Problem]:
    """Every problem of an event document (empty when it can be ingested), each with a JSON pointer."""
    if not isinstance(payload, Mapping):
        return [Problem("invalid_event", "이벤트는 JSON 객체여야 합니다 / an event must be a JSON object")]
    surrogate = lone_surrogate_path(payload)
    if surrogate is not None:
        return [Problem("invalid_field", SURROGATE_MESSAGE, path=surrogate)]
    broken = replacement_path(payload)
    if broken is not None:  # a garbled paste: refused like the import refuses undecodable bytes
        return [Problem("invalid_field", broken_text_message(broken), path=broken)]
    schema_problems: list[Problem] = []
    if not _fast_validator().is_valid(payload):
        errors = sorted(_validator().iter_errors(payload), key=lambda e: list(e.absolute_path))
        # One missing part can break two rules (the appointment's own and its type's): say it once
        schema_problems = list({(p.path, p.code, p.message): p for p in map(_problem, errors)}.values())
    # The value checks too, so one answer names every wrong field; a field the schema refused is said once
    said = {p.path for p in schema_problems}
    return schema_problems + [p for p in _value_problems(payload) if p.path not in said]


def _value_problems(payload: Mapping[str, Any]) -> list[Problem]:
    """What the schema cannot say: dates that do not parse, phone numbers that are not mobiles, birth dates."""
    problems = []
    for path, value in (
        ("/occurred_at", payload.get("occurred_at")),
        ("/appointment/starts_at", _get(payload, "appointment", "starts_at")),
    ):
        if not isinstance(value, str):
            continue  # absent, or not text: the schema says so
        try:
            parse_datetime(value)
        except (TypeError, ValueError):
            problems.append(
                Problem(
                    "invalid_field",
                    field_message(
                        path,
                        f"{MIN_YEAR}–{MAX_YEAR}년의 ISO 8601 일시가 아닙니다 (지금: {value!r})",
                        f"not an ISO 8601 date-time in {MIN_YEAR}–{MAX_YEAR} (got {value!r})",
                    ),
                    path=path,
                )
            )
    phone = _get(payload, "patient", "phone")
    if isinstance(phone, str) and normalize_mobile(phone) is None:
        problems.append(
            Problem(
                "invalid_field",
                field_message(
                    "/patient/phone",
                    f"형식이 맞지 않습니다 (예: 010-1234-5678, 지금: {phone!r})",
                    f"not a Korean mobile number (e.g. 010-1234-5678, got {phone!r})",
                ),
                path="/patient/phone",
            )
        )
    birth = _get(payload, "patient", "birth_date")
    if birth is not None:
        try:
            born = date.fromisoformat(str(birth))
            if born.year < MIN_YEAR or born > date.today():
                raise ValueError("not a birth date")
        except ValueError:
            problems.append(
                Problem(
                    "invalid_field",
                    field_message(  # not echoed: the schema sets no length limit on it
                        "/patient/birth_date",
                        "YYYY-MM-DD 형식의 지난 날짜여야 합니다",
                        "must be a past YYYY-MM-DD date",
                    ),
                    path="/patient/birth_date",
                )
            )
    return problems


def _get(payload: Mapping[str, Any], block: str, key: str) -> Any:
    inner = payload.get(block)
    return inner.get(key) if isinstance(inner, Mapping) else None


def trigger_types_for(event_type: str) -> list[str]:
    return [t.type for t in node_types() if event_type in t.events]


def trigger_matches(document: Mapping[str, Any], event: Mapping[str, Any]) -> bool:
    for node in document.get("nodes", []):
        node_type = get_node_type(str(node.get("type")))
        if node_type is not None and node_type.category == "trigger":
            return node_type.matches is None or bool(node_type.matches(node.get("params") or {}, event))
    return False


async def ingest(
    runtime: Runtime, clinic_id: int, payload: Any, *, dispatch: bool = True, within: Within | None = None
) -> Intake:
    """Validate and apply one event. Raises :class:`InvalidEvent` (nothing written) for bad input.

    ``dispatch``: the caller will dispatch ``Intake.advance`` after this returns; without it the new runs
    wait for the scheduler's next poll. ``within``: called first inside the event's write transaction (a
    signed webhook records its signature there, so it counts as used only if the event is applied); what
    it raises rolls everything back and propagates.
    """
    problems = validate_event(payload)
    if problems:
        raise InvalidEvent(problems)
    try:
        return await _apply(runtime, clinic_id, payload, dispatch, within)
    except IntegrityError:  # the same event raced in and committed first: answer with its result
        existing = await _existing(runtime, clinic_id, payload)
        if existing is None:
            raise
        return existing


async def _existing(runtime: Runtime, clinic_id: int, payload: Mapping[str, Any]) -> Intake | None:
    async with read_scope(runtime.settings, clinic_id) as session:
        query = select(Event).where(Event.type == payload["type"], Event.external_id == payload["external_id"])
        event = (await session.execute(query)).scalar_one_or_none()
        return Intake(False, {**event.result, "duplicate": True}) if event else None


async def _apply(
    runtime: Runtime, clinic_id: int, payload: Mapping[str, Any], dispatch: bool, within: Within | None = None
) -> Intake:
    async with write_scope(runtime.settings, clinic_id) as session:
        if within is not None:
            await within(session)
        return await apply_in(runtime, session, clinic_id, payload, dispatch)


# appointment.* / procedure.completed -> the appointment's status ("rescheduled" asks for a new confirmation)
STATUS_AFTER = {
    "appointment.booked": "booked",
    "appointment.rescheduled": "booked",
    "appointment.confirmed": "confirmed",
    "appointment.attended": "attended",
    "appointment.no_show": "no_show",
    "appointment.cancelled": "cancelled",
    "procedure.completed": "completed",
}
COMPLETED_BY_ATTENDING = ("surgery", "procedure")  # catalogue kinds an attended appointment completes


@dataclass
class Procedure:
    """``appointment.procedure`` as resolved against the clinic's catalogue."""

    code: str | None  # the catalogue code (None: not given, or unknown)
    text: str | None  # as the event spelled it
    kind: str | None = None

    @property
    def unknown(self) -> bool:
        return self.text is not None and self.code is None


async def _resolve(
    connection: AsyncConnection, clinic_id: int, block: Mapping[str, Any] | None, memo: TransactionMemo | None
) -> Procedure:
    text = block.get("procedure") if block else None
    if not isinstance(text, str) or not text.strip():
        return Procedure(None, None)
    catalogue = await _catalogue(connection, clinic_id, memo)
    code = resolve_procedure(text, catalogue)
    kind = next((e.kind for e in catalogue if e.code == code), None)
    return Procedure(code, text.strip(), kind)


def unknown_procedure_warning(text: str) -> dict[str, str]:
    return {
        "code": "unknown_procedure",
        "path": "/appointment/procedure",
        "message": f"시술 목록에 없는 시술입니다: {text!r} — 시작 조건의 시술 필터와 맞지 않습니다. 시술 목록에 "
        f"이름이나 동의어로 추가해 주세요 / unknown procedure {text!r}: no procedure filter matches it; add it "
        "to the procedure catalogue as a name or synonym",
    }


async def apply_in(
    runtime: Runtime,
    session: AsyncSession,
    clinic_id: int,
    payload: Mapping[str, Any],
    dispatch: bool,
    memo: TransactionMemo | None = None,
) -> Intake:
    """Apply one validated event inside the caller's write transaction (the import applies many in one,
    sharing a :class:`TransactionMemo`). The hot path of every event: prebuilt Core statements on the
    transaction's connection, clinic filters explicit (a new patient too: its column types encrypt,
    ``upsert_patient_id`` computes the blind indexes; a known patient and a consent event's go through the ORM;
    an import's patients through its memo's book)."""
    now = runtime.clock.now()
    event_type = str(payload["type"])
    external_id = str(payload["external_id"])
    connection = await session.connection()
    known = (
        await fast_sql.execute(
            connection, _KNOWN_EVENT, {"clinic": clinic_id, "type": event_type, "external_id": external_id}
        )
    ).first()
    if known is not None:
        return Intake(False, {**known.result, "duplicate": True})
    person = payload["patient"]
    birth = person.get("birth_date")
    identity = {
        "chart_no": person.get("chart_no"),
        "name": person.get("name"),
        "phone": person.get("phone"),
        "birth_date": date.fromisoformat(birth) if birth else None,
        "sex": person.get("sex"),
    }
    consent_event = event_type in ("consent.granted", "consent.revoked")
    # A consent event records on the ORM patient; every other event needs only the id (Core statements).
    patient = None
    if memo is not None:
        patient = await memo.patients.upsert(session, **identity)
        patient_id = patient.id
    elif consent_event:
        patient = await upsert_patient(session, **identity)
        patient_id = patient.id
    else:
        patient_id = await upsert_patient_id(session, clinic_id, **identity)
    block = payload.get("appointment")
    procedure = await _resolve(connection, clinic_id, block, memo)
    if block and procedure.text is not None:
        block = {**block, "procedure": procedure.code or procedure.text}
        if procedure.code != procedure.text:
            block["procedure_text"] = procedure.text
    appointment = await _upsert_appointment(connection, clinic_id, patient_id, event_type, block, procedure, memo)
    appointment_id = appointment.id if appointment else None
    if block and appointment is not None and procedure.text is None and appointment.procedure:
        # a status event names only the appointment: trigger filters see the procedure it was booked for
        block = {**block, "procedure": appointment.procedure}
    stored: dict[str, Any] = {k: payload[k] for k in ("consent",) if k in payload}
    if block:
        stored["appointment"] = block
    occurred_at = parse_datetime(payload["occurred_at"])
    event_row = {
        "clinic_id": clinic_id,
        "type": event_type,
        "external_id": external_id,
        "occurred_at": occurred_at,
        "received_at": now,
        "patient_id": patient_id,
        "appointment_id": appointment_id,
        "payload": stored,
        "result": {},
    }
    # the unique constraint answers a concurrent duplicate here
    event_id = int((await fast_sql.execute(connection, _INSERT_EVENT, event_row)).scalar_one())
    result: dict[str, Any] = {
        "event_id": event_id,
        "type": event_type,
        "external_id": external_id,
        "patient_id": patient_id,
        "runs": [],
        "cancelled_runs": [],
        "moved_waits": 0,
        "warnings": [unknown_procedure_warning(procedure.text)] if procedure.unknown and procedure.text else [],
    }
    if appointment_id is not None:
        result["appointment_id"] = appointment_id
    if consent_event and patient is not None:  # consent.granted / consent.revoked
        consent = payload["consent"]
        await record_consent(
            session,
            patient,
            purpose=consent["purpose"],
            granted=event_type == "consent.granted",
            method=consent["method"],
            occurred_at=occurred_at,
            recorded_by=f"event:{event_id}",
        )
    if appointment_id is not None and event_type == "appointment.cancelled":
        reason = "예약이 취소되었습니다 / the appointment was cancelled"
        result["cancelled_runs"] = await cancel_appointment_runs(session, appointment_id, now, reason)
    if appointment_id is not None and event_type == "appointment.rescheduled":
        view = {"type": event_type, "external_id": external_id, **stored}
        result["moved_waits"] = await move_appointment_waits(session, appointment_id, now, view)
    matching = {"type": event_type, **payload, **stored}
    if memo is None:
        published = await _published_versions(connection, clinic_id, event_type)
    elif event_type in memo.published:
        published = memo.published[event_type]
    else:
        published = memo.published[event_type] = await _published_versions(connection, clinic_id, event_type)
    for version in published:
        if not trigger_matches(version.document, matching):
            continue
        run_id = await insert_run(
            connection,
            runtime,
            version,
            patient_id=patient_id,
            appointment_id=appointment_id,
            event_id=event_id,
            trigger_at=occurred_at,
            claim=dispatch,
        )
        result["runs"].append({"id": run_id, "workflow_id": version.workflow_id, "version": version.version})
    advance = [r["id"] for r in result["runs"]] if dispatch else []
    if (
        event_type == "appointment.attended"
        and appointment is not None
        and appointment.kind in COMPLETED_BY_ATTENDING
        and appointment.previous_status != "completed"  # completed once: attending again starts no second post-op
        and await _completes(connection, clinic_id, memo)
    ):
        completion = await apply_in(runtime, session, clinic_id, _completion(payload, appointment), dispatch, memo)
        result["completed"] = {k: completion.result[k] for k in ("event_id", "type", "external_id", "runs")}
        advance += completion.advance
    await fast_sql.execute(connection, _SET_RESULT, {"event": event_id, "new_result": result})
    return Intake(True, {**result, "duplicate": False}, advance)


async def _completes(connection: AsyncConnection, clinic_id: int, memo: TransactionMemo | None) -> bool:
    if memo is None:
        return await attended_completes(connection, clinic_id)
    if memo.completes is None:
        memo.completes = await attended_completes(connection, clinic_id)
    return memo.completes


def _completion(attended: Mapping[str, Any], appointment: StoredAppointment) -> dict[str, Any]:
    """The ``procedure.completed`` an attended surgery/procedure implies (its own idempotent event)."""
    return {
        "type": "procedure.completed",
        "external_id": f"{attended['external_id']}:completed",
        "occurred_at": attended["occurred_at"],
        "patient": attended["patient"],
        "appointment": {"id": appointment.external_id, "procedure": appointment.procedure},
    }


# Tables and statements built once (Core, no ORM unit of work): building one costs more than SQLite running it.
EVENTS = cast(Table, Event.__table__)
APPOINTMENTS = cast(Table, Appointment.__table__)
VERSIONS = cast(Table, WorkflowVersion.__table__)
WORKFLOWS = cast(Table, Workflow.__table__)
_KNOWN_EVENT = select(EVENTS.c.result).where(
    EVENTS.c.clinic_id == bindparam("clinic"),
    EVENTS.c.type == bindparam("type"),
    EVENTS.c.external_id == bindparam("external_id"),
)
_INSERT_EVENT = insert(EVENTS).returning(EVENTS.c.id)
_SET_RESULT = update(EVENTS).where(EVENTS.c.id == bindparam("event")).values(result=bindparam("new_result"))
_FIND_APPOINTMENT = select(
    APPOINTMENTS.c.id,
    APPOINTMENTS.c.starts_at,
    APPOINTMENTS.c.procedure,
    APPOINTMENTS.c.procedure_text,
    APPOINTMENTS.c.procedure_unknown,
    APPOINTMENTS.c.doctor,
    APPOINTMENTS.c.status,
).where(APPOINTMENTS.c.clinic_id == bindparam("clinic"), APPOINTMENTS.c.external_id == bindparam("external_id"))
_FIND_APPOINTMENTS = select(APPOINTMENTS.c.external_id, *_FIND_APPOINTMENT.selected_columns).where(
    APPOINTMENTS.c.clinic_id == bindparam("clinic"), APPOINTMENTS.c.external_id.in_(bindparam("ids", expanding=True))
)
_INSERT_APPOINTMENT = insert(APPOINTMENTS).returning(APPOINTMENTS.c.id)
_UPDATE_APPOINTMENT = (
    update(APPOINTMENTS)
    .where(APPOINTMENTS.c.id == bindparam("appointment"))
    .values(
        starts_at=bindparam("new_starts_at"),
        procedure=bindparam("new_procedure"),
        procedure_text=bindparam("new_procedure_text"),
        procedure_unknown=bindparam("new_procedure_unknown"),
        doctor=bindparam("new_doctor"),
        status=bindparam("new_status"),
    )
)
_PUBLISHED = (
    select(VERSIONS.c.id, VERSIONS.c.clinic_id, VERSIONS.c.workflow_id, VERSIONS.c.version)
    .join(WORKFLOWS, WORKFLOWS.c.id == VERSIONS.c.workflow_id)
    .where(
        WORKFLOWS.c.clinic_id == bindparam("clinic"),
        WORKFLOWS.c.published_version == VERSIONS.c.version,
        WORKFLOWS.c.status == "active",  # only active workflows enrol (paused, archived, draft: none)
        VERSIONS.c.trigger_type.in_(bindparam("triggers", expanding=True)),
    )
    .order_by(VERSIONS.c.id)
)
_DOCUMENTS_OF = select(VERSIONS.c.id, VERSIONS.c.document).where(VERSIONS.c.id.in_(bindparam("ids", expanding=True)))


@dataclass(frozen=True)
class StoredAppointment:
    id: int
    external_id: str
    procedure: str | None
    kind: str | None  # the catalogue kind of its procedure (None: unknown or none)
    previous_status: str | None = None  # before this event (None: new)


async def _upsert_appointment(
    connection: AsyncConnection,
    clinic_id: int,
    patient_id: int,
    event_type: str,
    block: Mapping[str, Any] | None,
    procedure: Procedure,
    memo: TransactionMemo | None = None,
) -> StoredAppointment | None:
    if not block:
        return None
    external_id = str(block["id"])
    found: Any
    if memo is not None and external_id in memo.appointments:
        found = memo.appointments[external_id]
    else:
        found = (
            await fast_sql.execute(connection, _FIND_APPOINTMENT, {"clinic": clinic_id, "external_id": external_id})
        ).first()
    starts_at = parse_datetime(block["starts_at"]) if block.get("starts_at") else None
    status = STATUS_AFTER.get(event_type)
    new_procedure = procedure.code  # an unknown name stays in procedure_text, flagged
    if found is None:
        row = {
            "clinic_id": clinic_id,
            "external_id": external_id,
            "patient_id": patient_id,
            "starts_at": starts_at,
            "procedure": new_procedure,
            "procedure_text": procedure.text,
            "procedure_unknown": procedure.unknown,
            "doctor": block.get("doctor") or None,
            "status": status or "booked",
        }
        new_id = int((await fast_sql.execute(connection, _INSERT_APPOINTMENT, row)).scalar_one())
        if memo is not None:
            doctor = block.get("doctor") or None
            memo.appointments[external_id] = AppointmentState(
                new_id, starts_at, new_procedure, procedure.text, procedure.unknown, doctor, status or "booked"
            )
        return StoredAppointment(new_id, external_id, new_procedure, procedure.kind)
    values = {
        "appointment": found.id,
        "new_starts_at": starts_at or found.starts_at,
        "new_procedure": new_procedure if procedure.text is not None else found.procedure,
        "new_procedure_text": procedure.text if procedure.text is not None else found.procedure_text,
        "new_procedure_unknown": procedure.unknown if procedure.text is not None else found.procedure_unknown,
        "new_doctor": block.get("doctor") or found.doctor,
        "new_status": status or found.status,
    }
    if status == "attended" and found.status == "completed":
        values["new_status"] = "completed"  # attended after the procedure was completed: it stays completed
    await fast_sql.execute(connection, _UPDATE_APPOINTMENT, values)
    if memo is not None:
        memo.appointments[external_id] = AppointmentState(
            int(found.id),
            values["new_starts_at"],
            values["new_procedure"],
            values["new_procedure_text"],
            bool(values["new_procedure_unknown"]),
            values["new_doctor"],
            values["new_status"],
        )
    kind = procedure.kind
    if procedure.text is None and found.procedure and not found.procedure_unknown:
        catalogue = await _catalogue(connection, clinic_id, memo)
        kind = next((e.kind for e in catalogue if e.code == found.procedure), None)
    return StoredAppointment(int(found.id), external_id, values["new_procedure"], kind, found.status)


@dataclass(frozen=True)
class PublishedVersion:
    """What starting a run needs of a published version (its document is immutable, so cached)."""

    id: int
    clinic_id: int
    workflow_id: int
    version: int
    document: Mapping[str, Any]


_DOCUMENTS: dict[tuple[str, int], Mapping[str, Any]] = {}


async def _published_versions(connection: AsyncConnection, clinic_id: int, event_type: str) -> list[PublishedVersion]:
    """The clinic's published versions this event may trigger; documents read once per process."""
    triggers = trigger_types_for(event_type)
    if not triggers:
        return []
    rows = (await fast_sql.execute(connection, _PUBLISHED, {"clinic": clinic_id, "triggers": triggers})).all()
    url = str(connection.engine.url)
    missing = [row.id for row in rows if (url, row.id) not in _DOCUMENTS]
    if missing:
        for version_id, document in (await fast_sql.execute(connection, _DOCUMENTS_OF, {"ids": missing})).all():
            _DOCUMENTS[(url, version_id)] = document
    return [
        PublishedVersion(row.id, row.clinic_id, row.workflow_id, row.version, _DOCUMENTS[(url, row.id)]) for row in rows
    ]
