"""EMR reservation import: rows of an export → the events that bring the stored appointments up to date.

Every row is parsed first (all bad rows reported, each by its 1-based data row and column); then, in one write
transaction, each good row is compared with the appointment stored under its key (the reservation number, or
chart no. + date + procedure when the export has none) and only differences become events, through the same
ingest as a webhook: new → ``appointment.booked``, moved → ``rescheduled``, 취소 → ``cancelled``, 내원(완료) →
``attended`` (a catalogue surgery/procedure is then also completed), 미내원/노쇼/부도 → ``no_show``. Rows absent
from a later export are left alone (exports cover date ranges). Importing the same file twice changes nothing the
second time. ``dry_run`` does all of it and rolls back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from nodes.procedures import procedure_key, resolve_procedure
from nodes.timeutil import SEOUL
from runtime.appointments.cells import parse_status, parse_time, split_date_time
from runtime.appointments.columns import map_columns
from runtime.context import Runtime
from runtime.events import TransactionMemo, apply_in, validate_event
from storage.db import write_scope
from storage.identity import chart_index
from storage.patients.columns import Column
from storage.patients.importer import encoding_error
from storage.patients.parsing import BadValue, cell_text, parse_phone
from storage.patients.readers import Table as FileTable

COUNTS = ("created", "rescheduled", "cancelled", "attended", "no_show", "unchanged")
MESSAGES: dict[str, str] = {
    "missing_value": "값이 비어 있습니다 / the value is empty",
    "invalid_date": "날짜를 읽을 수 없습니다 (예: 2026-12-08, 2026.12.08, 20261208) / cannot read the date",
    "invalid_time": "시간을 읽을 수 없습니다 (예: 14:30, 오후 3:00) / cannot read the time",
    "invalid_status": "알 수 없는 예약 상태입니다 (예약/확정/취소/내원완료/미내원/노쇼/부도) / unknown status",
    "invalid_phone": "휴대폰 번호가 아닙니다 / not a Korean mobile number",
    "landline_phone": "휴대폰이 아닌 일반 전화번호입니다 / a landline, not a mobile number",
    "missing_identity": "차트번호나 휴대폰 번호가 필요합니다 / the row needs a chart no. or a mobile number",
    "missing_time": "예약 시간이 없습니다 / the appointment time is missing",
    "invalid_event": "이 행을 예약으로 바꿀 수 없습니다 / the row cannot become an appointment",
}


@dataclass
class Finding:
    row: int
    column: str
    code: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "code": self.code, "message": self.message}


@dataclass
class AppointmentImport:
    rows: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    runs: list[int] = field(default_factory=list)  # runs started (not in the JSON contract: for dispatch)

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            **self.counts,
            "errors": [e.as_dict() for e in self.errors],
            "warnings": [w.as_dict() for w in self.warnings],
        }


@dataclass
class Reservation:
    row: int
    number: str | None
    starts_at: datetime
    chart_no: str | None
    name: str | None
    phone: str | None
    procedure_text: str | None
    doctor: str | None
    status: str
    columns: dict[str, str]  # field -> header, for warnings


def _cell(cells: Sequence[Any], column: Column | None) -> Any:
    if column is None or column.index >= len(cells):
        return None
    return cells[column.index]


def _header(columns: dict[str, Column], name: str) -> str:
    column = columns.get(name)
    return column.header if column else ""


def required_columns(columns: dict[str, Column]) -> list[Finding]:
    missing: list[Finding] = []
    if "date" not in columns and "datetime" not in columns:
        missing.append(
            Finding(
                0,
                "",
                "missing_column",
                "예약일(진료일) 열이 없습니다 — --map 열이름=date 로 지정하세요 / no appointment date column: "
                "map one with --map HEADER=date",
            )
        )
    if "chart_no" not in columns and "phone" not in columns:
        missing.append(
            Finding(
                0,
                "",
                "missing_column",
                "차트번호나 휴대폰 열이 없습니다 / no chart no. or mobile phone column: map one with --map",
            )
        )
    return missing


def parse_row(
    number: int, cells: Sequence[Any], columns: dict[str, Column]
) -> tuple[Reservation | None, list[Finding], list[Finding]]:
    """One data row → a reservation, or the row's errors (every one of them); plus warnings."""
    errors: list[Finding] = []
    warnings: list[Finding] = []

    def fail(name: str, code: str) -> None:
        errors.append(Finding(number, _header(columns, name), code, MESSAGES[code]))

    day: date | None = None
    at: time | None = None
    source = "datetime" if "datetime" in columns else "date"
    try:
        day, at = split_date_time(_cell(cells, columns.get(source)))
    except BadValue as exc:
        fail(source, exc.code)
    if "time" in columns and _cell(cells, columns["time"]) not in (None, ""):
        try:
            at = parse_time(_cell(cells, columns["time"]))
        except BadValue as exc:
            fail("time", exc.code)
    elif day is not None and at is None:
        fail("time" if "time" in columns else source, "missing_time")
    chart_no = cell_text(_cell(cells, columns.get("chart_no"))) or None
    phone: str | None = None
    try:
        phone = parse_phone(_cell(cells, columns.get("phone")))
    except BadValue as exc:
        if chart_no:  # the chart number identifies the patient: the number is left out, and said so
            warnings.append(
                Finding(number, _header(columns, "phone"), exc.code, MESSAGES[exc.code] + " — 건너뜀 / left out")
            )
        else:
            fail("phone", exc.code)
    if not chart_no and not phone and not any(e.column == _header(columns, "phone") for e in errors):
        fail("chart_no" if "chart_no" in columns else "phone", "missing_identity")
    status = "booked"
    try:
        status = parse_status(_cell(cells, columns.get("status")))
    except BadValue as exc:
        fail("status", exc.code)
    if errors or day is None or at is None:
        return None, errors, warnings
    reservation = Reservation(
        row=number,
        number=cell_text(_cell(cells, columns.get("reservation_no"))) or None,
        starts_at=datetime.combine(day, at, tzinfo=SEOUL),
        chart_no=chart_no,
        name=cell_text(_cell(cells, columns.get("name"))) or None,
        phone=phone,
        procedure_text=cell_text(_cell(cells, columns.get("procedure")))[:100] or None,
        doctor=cell_text(_cell(cells, columns.get("doctor")))[:100] or None,
        status=status,
        columns={name: column.header for name, column in columns.items()},
    )
    return reservation, errors, warnings


def appointment_key(reservation: Reservation, procedure: str | None) -> str:
    """The stored appointment's external id: the reservation number, else a keyed digest of chart no. + date +
    procedure (the chart number is personal data: never stored in the clear)."""
    if reservation.number:
        return f"emr:{reservation.number}"[:100]
    who = chart_index(reservation.chart_no) or reservation.phone or ""
    digest = hashlib.sha256(f"{who}|{reservation.starts_at.date().isoformat()}|{procedure or ''}".encode()).hexdigest()[
        :32
    ]
    return f"emr:k:{digest}"


def _patient(reservation: Reservation) -> dict[str, Any]:
    person: dict[str, Any] = {}
    if reservation.chart_no:
        person["chart_no"] = reservation.chart_no[:64]
    if reservation.phone:
        person["phone"] = reservation.phone
    if reservation.name:
        person["name"] = reservation.name[:100]
    return person


def _events_for(
    reservation: Reservation, external_id: str, stored: Any, code: str | None, now: datetime
) -> tuple[str, list[dict[str, Any]]]:
    """The bucket a row counts in and the events that bring the stored appointment up to date."""
    stamp = now.astimezone(SEOUL).strftime("%Y%m%dT%H%M%S")
    block: dict[str, Any] = {"id": external_id, "starts_at": reservation.starts_at.isoformat()}
    if reservation.procedure_text:
        block["procedure"] = reservation.procedure_text
    if reservation.doctor:
        block["doctor"] = reservation.doctor
    happened = min(reservation.starts_at, now).astimezone(SEOUL).isoformat()

    def event(kind: str, suffix: str, at: str, appointment: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": kind,
            "external_id": f"import:{external_id}:{suffix}:{stamp}"[:200],
            "occurred_at": at,
            "patient": _patient(reservation),
            "appointment": appointment,
        }

    status = reservation.status
    status_event = {
        "cancelled": "appointment.cancelled",
        "attended": "appointment.attended",
        "no_show": "appointment.no_show",
    }.get(status)
    if stored is None:
        if status_event is not None:
            return status, [event(status_event, status, happened, block)]
        if reservation.starts_at < now:
            return "unchanged", []  # a past booking never seen before: no reminders for it (warned by the caller)
        events = [event("appointment.booked", "booked", now.isoformat(), block)]
        if status == "confirmed":
            events.append(event("appointment.confirmed", "confirmed", now.isoformat(), {"id": external_id}))
        return "created", events
    events = []
    bucket = "unchanged"
    moved = stored.starts_at is None or stored.starts_at != reservation.starts_at
    changed_procedure = reservation.procedure_text is not None and (code or reservation.procedure_text) not in (
        stored.procedure,
        stored.procedure_text,
    )
    final = stored.status in ("cancelled", "attended", "completed", "no_show")
    if (moved or changed_procedure) and status in ("booked", "confirmed") and not final:
        events.append(event("appointment.rescheduled", "rescheduled", now.isoformat(), block))
        bucket = "rescheduled"
    if status == "confirmed" and stored.status == "booked":
        events.append(event("appointment.confirmed", "confirmed", now.isoformat(), {"id": external_id}))
    done = {"cancelled": ("cancelled",), "attended": ("attended", "completed"), "no_show": ("no_show",)}
    if status_event is not None and stored.status not in done[status]:
        events.append(event(status_event, status, happened, {"id": external_id}))
        bucket = status
    return bucket, events


async def import_reservations(
    runtime: Runtime,
    clinic_id: int,
    table: FileTable,
    mapping: dict[str, str] | None = None,
    *,
    dry_run: bool = False,
    dispatch: bool = False,
) -> AppointmentImport:
    """Import one export (see the module's docstring). Raises ``MappingError`` for a bad explicit mapping."""
    report = AppointmentImport()
    columns = map_columns(table.headers, mapping)
    report.errors.extend(required_columns(columns))
    if report.errors:
        report.rows = len(table.rows)
        return report
    parsed: list[Reservation] = []
    for number, (line, cells) in enumerate(table.rows, start=1):
        report.rows += 1
        if line in table.encoding_problems:  # a truncated or stray byte: never book a broken name
            broken = encoding_error(number, table.encoding_problems[line], table.encoding)
            report.errors.append(Finding(number, "", broken.code, broken.as_dict()["message"]))
            continue
        reservation, errors, warnings = parse_row(number, cells, columns)
        report.errors.extend(errors)
        report.warnings.extend(warnings)
        if reservation is not None:
            parsed.append(reservation)
    now = runtime.clock.now()
    try:
        async with write_scope(runtime.settings, clinic_id) as session:
            await _apply_rows(runtime, session, clinic_id, parsed, now, report, dispatch)
            if dry_run:
                raise _RollBack
    except _RollBack:
        report.runs = []
    report.warnings.sort(key=lambda finding: finding.row)  # row by row, as the file reads
    return report


class _RollBack(Exception):
    """Leaves the dry run's transaction without committing it."""


@dataclass
class _Planned:
    reservation: Reservation
    external_id: str
    code: str | None
    events: list[dict[str, Any]] | None = None  # None: invalid (reported), or not decided yet
    bucket: str = "unchanged"
    decided: bool = False  # a key that came up earlier in this file is decided when that row has been applied


async def _apply_rows(
    runtime: Runtime,
    session: AsyncSession,
    clinic_id: int,
    parsed: Sequence[Reservation],
    now: datetime,
    report: AppointmentImport,
    dispatch: bool,
) -> None:
    """Every good row in one transaction, in bulk where order does not matter: the stored appointments and
    patients are read a few hundred a query, new patients written in one batch, the catalogue, settings and
    published workflows read once (:class:`TransactionMemo`); then each row's events go through the ingest."""
    memo = TransactionMemo()
    connection = await session.connection()
    catalogue = await memo.load_catalogue(connection, clinic_id)
    plans: list[_Planned] = []
    for reservation in parsed:
        code = resolve_procedure(reservation.procedure_text, catalogue) if reservation.procedure_text else None
        if reservation.procedure_text and code is None:
            report.warnings.append(_unknown_procedure(reservation))
        key_procedure = code or (procedure_key(reservation.procedure_text) if reservation.procedure_text else None)
        plans.append(_Planned(reservation, appointment_key(reservation, key_procedure), code))
    await memo.prefetch_appointments(connection, clinic_id, [plan.external_id for plan in plans])
    seen: set[str] = set()
    for plan in plans:
        if plan.external_id not in seen:  # a repeated key depends on the earlier row: decided when applied
            seen.add(plan.external_id)
            _decide(plan, memo, now, report)
    await memo.patients.prefetch(session, [(r.chart_no, r.phone) for r in parsed])
    for plan in plans:  # the patients of every row that changes something, new ones inserted in one batch
        if plan.events:
            person = plan.events[0]["patient"]
            await memo.patients.upsert(session, need_id=False, **_person_args(person))
    await memo.patients.flush(session)
    for plan in plans:
        if not plan.decided:
            _decide(plan, memo, now, report)
        if plan.events is None:
            continue  # invalid: reported
        for payload in plan.events:
            intake = await apply_in(runtime, session, clinic_id, payload, dispatch, memo)
            report.runs.extend(intake.advance)
        report.counts[plan.bucket] += 1


def _person_args(person: dict[str, Any]) -> dict[str, Any]:
    return {"chart_no": person.get("chart_no"), "name": person.get("name"), "phone": person.get("phone")}


def _decide(plan: _Planned, memo: TransactionMemo, now: datetime, report: AppointmentImport) -> None:
    """The row's bucket and events against the appointment as stored (or as this file has left it)."""
    reservation = plan.reservation
    plan.decided = True
    stored = memo.appointments.get(plan.external_id)
    bucket, events = _events_for(reservation, plan.external_id, stored, plan.code, now)
    if stored is None and bucket == "unchanged":
        report.warnings.append(
            Finding(
                reservation.row,
                reservation.columns.get("date", reservation.columns.get("datetime", "")),
                "past_appointment",
                "지난 날짜의 새 예약은 만들지 않습니다 (알림이 늦게 나가지 않도록) / a new booking in the past is "
                "not created (no late reminders)",
            )
        )
    for payload in events:
        problems = validate_event(payload)
        if problems:
            report.errors.append(Finding(reservation.row, "", "invalid_event", "; ".join(p.message for p in problems)))
            plan.events = None
            return
    plan.bucket, plan.events = bucket, events


def _unknown_procedure(reservation: Reservation) -> Finding:
    return Finding(
        reservation.row,
        reservation.columns.get("procedure", ""),
        "unknown_procedure",
        f"시술 목록에 없는 시술입니다: {reservation.procedure_text!r} — 예약에 표시되고 시술 필터와 맞지 "
        f"않습니다 / unknown procedure {reservation.procedure_text!r}: flagged on the appointment, no "
        "procedure filter matches it",
    )
