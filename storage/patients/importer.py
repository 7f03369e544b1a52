"""Import patients from an EMR export (CSV or .xlsx) in one transaction.

Every row is parsed and checked before anything is written. Rows with errors are skipped and listed (row
as a spreadsheet shows it, the file's column header, a code, a Korean / English message); with ``strict``
nothing is written when any row has an error; with ``dry_run`` nothing is written at all. Duplicates merge by
chart number, then by phone — within the file and against the database — but a phone shared by a family
(different chart number or name) stays two patients.

Writes are bulk core statements (executemany) and database lookups go through the blind indexes in
batches, so 100,000 rows take seconds, not minutes.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Row, Select, bindparam, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit, crypto, identity
from storage.models import Base, Patient
from storage.models.base import utcnow
from storage.patients import page_cache, stored_values
from storage.patients.columns import CONSENT_FIELDS, Column, map_columns
from storage.patients.consents import GUARDIAN_AGE, SEOUL, age_on, current_consents_many
from storage.patients.parsing import (
    BadValue,
    cell_text,
    parse_birth_date,
    parse_flag,
    parse_phone,
    parse_plain_date,
    parse_sex,
    rrn_sex_digit,
    sex_digit,
)
from storage.patients.readers import StreamedTable, Table
from storage.patients.seen_indexes import SeenIndexes
from storage.tenancy import Caller

BATCH = 2500  # rows per lookup (IN) and write: fewer round trips to the database thread
PATIENTS = Base.metadata.tables["patients"]
CONSENTS = Base.metadata.tables[
    "consents"
]  # values per IN (...) and rows per INSERT: under every database's parameter limit

MESSAGES: dict[str, str] = {
    "missing_column": "필수 열이 없습니다: 이름, 그리고 휴대폰 또는 차트번호 / required columns missing: name, and phone or chart number",
    "missing_name": "이름이 비어 있습니다 / the name is empty",
    "missing_identifier": "휴대폰 번호와 차트번호가 모두 비어 있습니다 / neither a phone number nor a chart number",
    "invalid_phone": "휴대폰 번호가 올바르지 않습니다 / not a valid mobile phone number",
    "landline_phone": "휴대폰 번호가 아닙니다 (유선·대표번호는 문자를 받을 수 없습니다) / not a mobile number (landline or service number)",
    "invalid_birth_date": "생년월일을 읽을 수 없습니다 (예: 1985-03-02, 19850302, 850302) / unreadable birth date (e.g. 1985-03-02)",
    "invalid_sex": "성별은 남/여, M/F, 1/2 중 하나여야 합니다 / sex must be 남/여, M/F or 1/2",
    "invalid_consent": "동의 여부는 Y/N, 동의/미동의, O/X 중 하나여야 합니다 / consent must be Y/N, 동의/미동의 or O/X",
    "invalid_date": "날짜를 읽을 수 없습니다 / unreadable date",
    "name_too_long": "이름이 너무 깁니다 (100자 이하) / the name is too long (100 characters at most)",
    "chart_too_long": "차트번호가 너무 깁니다 (64자 이하) / the chart number is too long (64 characters at most)",
    "encoding_error": "읽을 수 없는 바이트가 있어 건너뜁니다 / undecodable bytes: row skipped",
    "broken_name": "이름에 깨진 글자(U+FFFD)가 있습니다. 파일에서 원래 글자로 고쳐 주세요 / "
    "the name contains a broken character (U+FFFD): correct it in the file",
    "guardian_required": "만 14세 미만은 보호자(법정대리인) 동의가 필요합니다: 보호자 열을 채워 주세요 / "
    "a patient under 14 needs a guardian's consent: fill in the guardian column",
}


@dataclass
class RowError:
    row: int
    column: str
    code: str
    message: str | None = None  # None: MESSAGES[code]

    def as_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "code": self.code,
            "message": self.message or MESSAGES[self.code],
        }


def encoding_error(row: int, offsets: list[int], encoding: str | None) -> RowError:
    """A row with bytes its file's encoding cannot decode: where they are, so the user can fix the file."""
    where = ", ".join(str(offset) for offset in offsets[:5])
    name = (encoding or "?").upper()
    return RowError(
        row,
        "",
        "encoding_error",
        f"{row}행에 {name}로 읽을 수 없는 바이트가 있어 건너뜁니다 (파일의 {where}바이트째) / "
        f"row {row} has bytes that are not valid {name} (byte offset {where} in the file): skipped",
    )


@dataclass
class ImportReport:
    rows: int = 0
    imported: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Exactly DESIGN.md's shape: ``{"rows", "imported", "updated", "skipped", "errors"}``."""
        return {
            "rows": self.rows,
            "imported": self.imported,
            "updated": self.updated,
            "skipped": self.skipped,
            "errors": [e.as_dict() for e in self.errors],
        }


@dataclass
class Record:
    """One patient as the file describes it (several rows may merge into one record)."""

    row: int
    name: str
    chart_no: str | None
    phone: str | None
    birth_date: date | None
    sex: str | None
    consents: dict[str, bool]
    consent_at: datetime | None
    last_visit: datetime | None
    guardian_name: str | None
    guardian_relationship: str | None
    rows: list[int] = field(default_factory=list)
    patient_id: int | None = None  # the existing patient it updates
    indexes: tuple[str | None, str | None, str | None] = (None, None, None)  # chart, phone, name (active key)
    existing_has_chart: bool = False
    existing_name_index: str | None = None
    existing_phone_index: str | None = None

    def merge(self, later: Record) -> None:
        """A later row of the same patient: its non-empty values win."""
        for attr in ("name", "chart_no", "phone", "birth_date", "sex", "consent_at", "last_visit", "guardian_name",
                     "guardian_relationship"):  # fmt: skip
            value = getattr(later, attr)
            if value not in (None, ""):
                setattr(self, attr, value)
        self.consents.update(later.consents)
        self.rows.extend(later.rows)


@dataclass
class ImportOptions:
    dry_run: bool = False
    strict: bool = False
    mapping: dict[str, str] = field(default_factory=dict)


# -- parsing rows ------------------------------------------------------------------------------------------
def _cell(cells: Sequence[Any], column: Column | None) -> Any:
    if column is None or column.index >= len(cells):
        return None
    return cells[column.index]


def parse_row(number: int, cells: Sequence[Any], columns: dict[str, Column], today: date) -> Record | list[RowError]:
    errors: list[RowError] = []

    def err(field_name: str, code: str) -> None:
        column = columns.get(field_name)
        errors.append(RowError(number, column.header if column else "", code))

    def parse(field_name: str, parser: Any, *args: Any) -> Any:
        column = columns.get(field_name)
        if column is None:
            return None  # every parser reads a missing cell as empty: skip the call (most exports lack most fields)
        try:
            return parser(_cell(cells, column), *args)
        except BadValue as exc:
            err(field_name, exc.code)
            return None

    name = cell_text(_cell(cells, columns.get("name")))
    if not name:
        err("name", "missing_name")
    elif len(name) > 100:
        err("name", "name_too_long")
    elif "\ufffd" in name:  # garbled before it reached the file: refused like undecodable bytes
        err("name", "broken_name")
    chart_no = identity.normalize_chart(cell_text(_cell(cells, columns.get("chart_no"))))
    if chart_no and len(chart_no) > 64:
        err("chart_no", "chart_too_long")
    phone = parse("phone", parse_phone)
    sex = parse("sex", parse_sex)
    rrn = _cell(cells, columns.get("rrn"))
    birth_cell = _cell(cells, columns.get("birth_date"))
    digit = sex_digit(_cell(cells, columns.get("sex"))) or rrn_sex_digit(rrn) or rrn_sex_digit(birth_cell)
    birth = parse("birth_date", parse_birth_date, digit, today)
    if sex is None and digit and not cell_text(_cell(cells, columns.get("sex"))):
        sex = "M" if digit in "1357" else "F"
    if birth is None and cell_text(rrn):
        # Only the birth date and sex are taken from a 주민번호; the number itself is never stored.
        birth = parse("rrn", parse_birth_date, digit, today)
    consents = {}
    for purpose in CONSENT_FIELDS:
        flag = parse(purpose, parse_flag)
        if flag is not None:
            consents[purpose] = flag
    consent_on = parse("consent_date", parse_plain_date)
    last_visit = parse("last_visit", parse_plain_date)
    guardian = cell_text(_cell(cells, columns.get("guardian_name"))) or None
    relationship = cell_text(_cell(cells, columns.get("guardian_relationship")))[:20] or None
    if not errors and phone is None and chart_no is None:
        err("phone", "missing_identifier")
    if not errors and birth and guardian is None and any(consents.values()) and age_on(birth, today) < GUARDIAN_AGE:
        granted = next(p for p in CONSENT_FIELDS if consents.get(p))
        err(granted, "guardian_required")
    if errors:
        return errors
    return Record(
        row=number,
        name=name,
        chart_no=chart_no,
        phone=phone,
        birth_date=birth,
        sex=sex,
        consents=consents,
        consent_at=_seoul_midnight(consent_on),
        last_visit=_seoul_midnight(last_visit),
        guardian_name=guardian,
        guardian_relationship=relationship or ("guardian" if guardian else None),
        rows=[number],
    )


def _seoul_midnight(day: date | None) -> datetime | None:
    return datetime.combine(day, time(), SEOUL).astimezone(UTC) if day else None


# -- merging duplicates -------------------------------------------------------------------------------------
def _same_person(a: Record, chart_no: str | None, name: str) -> bool:
    if a.chart_no and chart_no and a.chart_no != chart_no:
        return False
    return not (a.name and name and identity.normalize_name(a.name) != identity.normalize_name(name))


def merge_duplicates(records: Iterable[Record]) -> tuple[list[Record], int]:
    """Records of the same patient merged (by chart number, then phone); also the number of merged rows."""
    merged: list[Record] = []
    by_chart: dict[str, Record] = {}
    by_phone: dict[str, list[Record]] = {}
    duplicates = 0
    for record in records:
        target = by_chart.get(record.chart_no) if record.chart_no else None
        if target is None and record.phone:
            target = next(
                (r for r in by_phone.get(record.phone, []) if _same_person(r, record.chart_no, record.name)), None
            )
        if target is None:
            merged.append(record)
            target = record
        else:
            duplicates += 1
            had_phone = target.phone
            target.merge(record)
            if target.phone and target.phone != had_phone:
                by_phone.setdefault(target.phone, []).append(target)
        if target.chart_no:
            by_chart.setdefault(target.chart_no, target)
        if record is target and target.phone:
            by_phone.setdefault(target.phone, []).append(target)
    return merged, duplicates


# -- matching against the database ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Existing:
    id: int
    chart_index: str | None
    phone_index: str | None
    name_index: str | None


Lookup = Select[int, str | None, str | None, str | None]  # id and the three blind indexes


def lookup_query(clinic_id: int, column: Any, values: Sequence[str]) -> Lookup:
    """The patients of ``clinic_id`` whose ``column`` (a blind index) is one of ``values``."""
    return select(Patient.id, Patient.chart_index, Patient.phone_index, Patient.name_index).where(
        Patient.clinic_id == clinic_id, column.in_(values)
    )


async def _lookup(session: AsyncSession, query: Lookup) -> Sequence[Row[int, str | None, str | None, str | None]]:
    """Run a lookup on the session's connection, past the ORM's clinic scoping (tenancy.py): its second
    ``clinic_id = ?`` made SQLite walk the clinic's ``ix_patients_clinic_id`` and read every patient's row
    for a phone lookup, instead of seeking (clinic_id, phone_index). That was most of a 50 MB import's page
    reads (15.6 million). The query names the clinic itself (tests/patients/test_import_ids.py checks the plan)."""
    return (await (await session.connection()).execute(query)).all()


async def _existing_by(session: AsyncSession, clinic_id: int, column: Any, values: set[str]) -> list[Existing]:
    found: list[Existing] = []
    ordered = sorted(values)
    for start in range(0, len(ordered), BATCH):
        rows = await _lookup(session, lookup_query(clinic_id, column, ordered[start : start + BATCH]))
        found.extend(Existing(*row) for row in rows)
    # Sorted here, not by ORDER BY: SQLite would walk the clinic's index for the order instead of the lookup's.
    return sorted(found, key=lambda row: row.id)


async def match_existing(
    session: AsyncSession, clinic_id: int, records: list[Record], seen: SeenIndexes | None = None
) -> None:
    """Set ``patient_id`` of every record that describes a patient already in the database. With ``seen``
    only indexes the clinic may hold are looked up (the others certainly match nothing)."""
    charts = {r.chart_no: identity.chart_lookups(r.chart_no) for r in records if r.chart_no}
    phones = {r.phone: identity.phone_lookups(r.phone) for r in records if r.phone}
    chart_keys = {i for v in charts.values() for i in v if seen is None or i in seen}
    phone_keys = {i for v in phones.values() for i in v if seen is None or i in seen}
    by_chart: dict[str, Existing] = {}
    for row in await _existing_by(session, clinic_id, Patient.chart_index, chart_keys):
        by_chart.setdefault(row.chart_index or "", row)
    by_phone: dict[str, list[Existing]] = {}
    for row in await _existing_by(session, clinic_id, Patient.phone_index, phone_keys):
        by_phone.setdefault(row.phone_index or "", []).append(row)
    claimed: set[int] = set()
    several_keys = len(crypto.current().keys) > 1
    for record in records:
        chart_ids = charts.get(record.chart_no or "", [])
        phone_ids = phones.get(record.phone or "", [])
        # Lookups list the active key's index first: computed once, reused for the writes.
        record.indexes = (
            chart_ids[0] if chart_ids else None,
            phone_ids[0] if phone_ids else None,
            identity.name_index(record.name),
        )
        found = next((by_chart[i] for i in chart_ids if i in by_chart), None)
        if found is None and record.phone:
            names = set(identity.name_lookups(record.name)) if several_keys else {record.indexes[2]}
            candidates = [c for i in phones[record.phone] for c in by_phone.get(i, [])]
            found = next(
                (
                    c
                    for c in candidates
                    if c.id not in claimed
                    and not (record.chart_no and c.chart_index)  # both have chart numbers, and they differ
                    and not (c.name_index and names and c.name_index not in names)
                ),
                None,
            )
        if found is not None:
            record.patient_id = found.id
            record.existing_has_chart = found.chart_index is not None
            record.existing_name_index = found.name_index
            record.existing_phone_index = found.phone_index
            claimed.add(found.id)


# -- writing ------------------------------------------------------------------------------------------------
async def _insert_new(session: AsyncSession, clinic_id: int, records: list[Record], now: datetime) -> None:
    if not records:
        return
    process = stored_values.processors(PATIENTS, session.get_bind().dialect)
    chart_no, name, phone = process["chart_no"], process["name"], process["phone"]
    birth_date, last_activity = process["birth_date"], process["last_activity_at"]
    stored_now = process["created_at"](now)
    constant = {
        "clinic_id": clinic_id,
        "sex": None,
        "tags": process["tags"]([]),
        "opted_out": process["opted_out"](False),
        "last_activity_at": last_activity(now),
        "created_at": stored_now,
        "updated_at": stored_now,
    }
    table = stored_values.untyped(PATIENTS)
    sqlite = session.get_bind().dialect.name == "sqlite"
    for start in range(0, len(records), BATCH):
        chunk = records[start : start + BATCH]
        rows: list[dict[str, Any]] = []
        for r in chunk:
            row = constant.copy()
            row["chart_no"] = chart_no(r.chart_no)
            row["name"] = name(r.name)
            row["phone"] = phone(r.phone)
            row["birth_date"] = birth_date(r.birth_date)
            if r.sex is not None:
                row["sex"] = r.sex
            if r.last_visit is not None:
                row["last_activity_at"] = last_activity(r.last_visit)
            row["chart_index"], row["phone_index"], row["name_index"] = r.indexes
            rows.append(row)
        if sqlite:
            await _insert_numbered(session, table, clinic_id, chunk, rows)
            continue
        # (chart, phone, name) indexes tell the new rows apart (merge_duplicates made them unique), so the
        # ids come back from one multi-row INSERT … RETURNING without asking for parameter order.
        statement = insert(table).returning(table.c.id, table.c.chart_index, table.c.phone_index, table.c.name_index)
        returned = {tuple(row[1:]): row[0] for row in (await session.execute(statement, rows)).all()}
        for record in chunk:
            record.patient_id = returned[record.indexes]


async def _insert_numbered(
    session: AsyncSession, table: Any, clinic_id: int, chunk: list[Record], rows: list[dict[str, Any]]
) -> None:
    """SQLite: a plain executemany, the ids read off the rowids. Inside one write transaction SQLite numbers
    new rows max(id)+1, +2, … so the rows got before+1 … last exactly when last - before is their count.
    Anything else — another writer between the two reads, or a table already holding the largest rowid, where
    SQLite picks free ids at random — and the rows are found by their indexes instead. A multi-row
    INSERT … RETURNING of 2,500 rows cost SQLite ~40 % more."""
    before = (await session.execute(text("SELECT coalesce(max(id), 0) FROM patients"))).scalar_one()
    await _sqlite_executemany(session, "patients", rows)
    last = (await session.execute(text("SELECT last_insert_rowid()"))).scalar_one()
    if last - before == len(rows):
        for offset, record in enumerate(chunk, start=before + 1):
            record.patient_id = offset
        return
    await _find_inserted(session, clinic_id, chunk)


async def _find_inserted(session: AsyncSession, clinic_id: int, chunk: list[Record]) -> None:
    """The ids of just-inserted records, by their (chart, phone, name) indexes: merge_duplicates and
    match_existing leave no other patient of the clinic with a record's three indexes (every record has a
    chart number or a phone, and one with neither is refused)."""
    charts = [r.indexes[0] for r in chunk if r.indexes[0] is not None]
    phones = [r.indexes[1] for r in chunk if r.indexes[1] is not None]
    found: dict[tuple[str | None, ...], int] = {}
    for column, values in ((Patient.chart_index, charts), (Patient.phone_index, phones)):
        for start in range(0, len(values), BATCH):
            rows = await _lookup(session, lookup_query(clinic_id, column, values[start : start + BATCH]))
            found.update((tuple(row[1:]), row[0]) for row in rows)
    for record in chunk:
        record.patient_id = found[record.indexes]


async def _sqlite_executemany(session: AsyncSession, table_name: str, rows: list[dict[str, Any]]) -> None:
    """Rows (same keys, stored values) straight to the driver's executemany as tuples: SQLAlchemy would build
    each row's parameters again. The column names are this module's own keys, never the file's."""
    columns = list(rows[0])
    values = operator.itemgetter(*columns)
    statement = f"INSERT INTO {table_name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    connection = await session.connection()
    await connection.exec_driver_sql(statement, [values(row) for row in rows])


async def _update_existing(session: AsyncSession, clinic_id: int, records: list[Record], now: datetime) -> None:
    """Update what each row gives; rows giving the same fields go in one executemany."""
    table = PATIENTS
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for r in records:
        values: dict[str, Any] = {"last_activity_at": r.last_visit or now, "updated_at": now}
        chart_idx, phone_idx, name_idx = r.indexes
        if r.name and name_idx != r.existing_name_index:
            values |= {"name": r.name, "name_index": name_idx}
        if r.chart_no and not r.existing_has_chart:
            values |= {"chart_no": r.chart_no, "chart_index": chart_idx}
        if r.phone and phone_idx != r.existing_phone_index:
            values |= {"phone": r.phone, "phone_index": phone_idx}
        for attr in ("birth_date", "sex"):
            if getattr(r, attr) is not None:
                values[attr] = getattr(r, attr)
        groups.setdefault(tuple(sorted(values)), []).append(
            {"b_id": r.patient_id, **{f"b_{k}": v for k, v in values.items()}}
        )
    for fields, rows in groups.items():
        statement = (
            update(table)
            .where(table.c.id == bindparam("b_id"), table.c.clinic_id == clinic_id)
            .values({f: bindparam(f"b_{f}", type_=table.c[f].type) for f in fields})
        )
        for start in range(0, len(rows), BATCH):
            await session.execute(statement, rows[start : start + BATCH])


async def _record_consents(
    session: AsyncSession, clinic_id: int, records: list[Record], before: dict[tuple[int, str], bool], actor: str,
    now: datetime,
) -> None:  # fmt: skip
    """A ledger entry where the file changes a patient's consent (a re-import adds nothing)."""
    process = stored_values.processors(CONSENTS, session.get_bind().dialect)
    granted_value, occurred_at, guardian_name = process["granted"], process["occurred_at"], process["guardian_name"]
    stored_now = process["recorded_at"](now)
    constant = {
        "clinic_id": clinic_id,
        "method": "import",
        "text_version": None,
        "recorded_by": actor,
        "occurred_at": stored_now,
        "recorded_at": stored_now,
        "guardian_name": None,
        "guardian_relationship": None,
    }
    stored_flags = {True: granted_value(True), False: granted_value(False)}
    rows: list[dict[str, Any]] = []
    for r in records:
        for purpose, granted in r.consents.items():
            assert r.patient_id is not None
            if before.get((r.patient_id, purpose), False) == granted:
                continue
            row = constant.copy()
            row["patient_id"], row["purpose"], row["granted"] = r.patient_id, purpose, stored_flags[granted]
            if r.consent_at is not None:
                row["occurred_at"] = occurred_at(r.consent_at)
            if r.guardian_name and granted:
                row["guardian_name"] = guardian_name(r.guardian_name)
                row["guardian_relationship"] = r.guardian_relationship
            rows.append(row)
    table = stored_values.untyped(CONSENTS)
    sqlite = session.get_bind().dialect.name == "sqlite"
    for start in range(0, len(rows), BATCH):
        if sqlite:
            await _sqlite_executemany(session, "consents", rows[start : start + BATCH])
        else:
            await session.execute(insert(table), rows[start : start + BATCH])


# -- the whole file ----------------------------------------------------------------------------------------------
async def import_table(
    session: AsyncSession, caller: Caller, table: Table, options: ImportOptions | None = None
) -> ImportReport:
    """Import a read table into the caller's clinic (in the session's transaction). Raises
    ``columns.MappingError`` for an explicit mapping that does not fit the file."""
    options = options or ImportOptions()
    report = ImportReport()
    now = utcnow()
    today = now.astimezone(SEOUL).date()
    columns = map_columns(table.headers, options.mapping)
    report.rows = len(table.rows)
    broken = table.encoding_problems
    if "name" not in columns or ("phone" not in columns and "chart_no" not in columns):
        report.errors.extend(encoding_error(row, broken[row], table.encoding) for row in sorted(broken)[:1])
        report.errors.append(RowError(1, "", "missing_column"))
        report.skipped = report.rows
        return report

    records: list[Record] = []
    for number, cells in table.rows:
        if number in broken:
            report.errors.append(encoding_error(number, broken[number], table.encoding))
            report.skipped += 1
            continue
        parsed = parse_row(number, cells, columns, today)
        if isinstance(parsed, list):
            report.errors.extend(parsed)
            report.skipped += 1
        else:
            records.append(parsed)
    if options.strict and report.errors:
        report.skipped = report.rows
        return report

    merged, duplicates = merge_duplicates(records)
    if session.get_bind().dialect.name == "sqlite" and len(records) > 10_000:
        # A big file touches more pages than SQLite's default 2 MB cache holds (per connection, harmless after).
        await session.execute(text("PRAGMA cache_size = -65536"))
    await match_existing(session, caller.clinic_id, merged)
    new = [r for r in merged if r.patient_id is None]
    existing = [r for r in merged if r.patient_id is not None]
    report.imported = len(new)
    report.updated = len(existing) + duplicates

    if not options.dry_run:
        state = await current_consents_many(session, [r.patient_id for r in existing if r.patient_id is not None])
        before = {(pid, purpose): granted for pid, row in state.items() for purpose, granted in row.items()}
        await _insert_new(session, caller.clinic_id, new, now)
        await _update_existing(session, caller.clinic_id, existing, now)
        await _record_consents(session, caller.clinic_id, merged, before, caller.actor, now)
        _audit(session, caller, report)
    return report


# -- a file streamed from disk -----------------------------------------------------------------------------------
CHUNK_ROWS = 5_000  # rows parsed, merged, matched and written together: memory stays flat however big the file


async def import_stream(
    session: AsyncSession,
    caller: Caller,
    table: StreamedTable,
    options: ImportOptions | None = None,
    chunk_rows: int = CHUNK_ROWS,
    on_chunk: Callable[[ImportReport], None] | None = None,
    big_file_bytes: int = 1_000_000,
) -> ImportReport:
    """:func:`import_table` for a file read as it goes (``readers.open_table``): the same report, written in
    chunks of CHUNK_ROWS inside the session's one transaction. A row repeating a patient of an earlier chunk
    finds it in the database and counts as updated, as a duplicate in the same chunk does (in a dry run, where
    nothing is written, it counts as imported). ``strict`` reads the file twice: check everything, then write.
    ``on_chunk`` hears the counts so far after every chunk (the browser's progress, import_jobs.py). From
    ``big_file_bytes`` on, SQLite gets the big-file measures (a bigger page cache, lookups filtered)."""
    options = options or ImportOptions()
    report = ImportReport()
    now = utcnow()
    today = now.astimezone(SEOUL).date()
    columns = map_columns(table.headers, options.mapping)
    if "name" not in columns or ("phone" not in columns and "chart_no" not in columns):
        report.rows = sum(1 for _ in table.rows())
        broken = table.encoding_problems
        report.errors.extend(encoding_error(row, broken[row], table.encoding) for row in sorted(broken)[:1])
        report.errors.append(RowError(1, "", "missing_column"))
        report.skipped = report.rows
        return report
    if options.strict:
        for number, cells in table.rows():
            report.rows += 1
            parsed = _checked_row(table, number, cells, columns, today)
            if isinstance(parsed, list):
                report.errors.extend(parsed)
        if report.errors:
            report.skipped = report.rows
            return report
        report = ImportReport()
    seen: SeenIndexes | None = None
    if session.get_bind().dialect.name == "sqlite" and table.size >= big_file_bytes:
        # Lookups only where the clinic may hold the index (seen_indexes.py), and more pages than SQLite's 2 MB
        # default: as many as the memory budget leaves once the filter is allocated (page_cache.py).
        seen = await SeenIndexes.of_clinic(session, caller.clinic_id)
        await session.execute(text(f"PRAGMA cache_size = -{page_cache.import_cache_kb()}"))
    chunk: list[Record] = []
    for number, cells in table.rows():
        report.rows += 1
        parsed = _checked_row(table, number, cells, columns, today)
        if isinstance(parsed, list):
            report.errors.extend(parsed)
            report.skipped += 1
            continue
        chunk.append(parsed)
        if len(chunk) >= chunk_rows:
            await _write_chunk(session, caller, chunk, options, report, now, seen)
            chunk = []
            if on_chunk is not None:
                on_chunk(report)
    if chunk:
        await _write_chunk(session, caller, chunk, options, report, now, seen)
    if not options.dry_run:
        _audit(session, caller, report)
    return report


def _audit(session: AsyncSession, caller: Caller, report: ImportReport) -> None:
    """One audit entry per import (not per chunk): the counts, never the rows."""
    audit.record(
        session,
        caller,
        "patient.import",
        None,
        rows=report.rows,
        imported=report.imported,
        updated=report.updated,
        skipped=report.skipped,
    )


def _checked_row(
    table: StreamedTable, number: int, cells: Sequence[Any], columns: dict[str, Column], today: date
) -> Record | list[RowError]:
    if number in table.encoding_problems:
        return [encoding_error(number, table.encoding_problems[number], table.encoding)]
    return parse_row(number, cells, columns, today)


async def _write_chunk(
    session: AsyncSession,
    caller: Caller,
    records: list[Record],
    options: ImportOptions,
    report: ImportReport,
    now: datetime,
    seen: SeenIndexes | None = None,
) -> None:
    merged, duplicates = merge_duplicates(records)
    await match_existing(session, caller.clinic_id, merged, seen)
    new = [r for r in merged if r.patient_id is None]
    existing = [r for r in merged if r.patient_id is not None]
    report.imported += len(new)
    report.updated += len(existing) + duplicates
    if options.dry_run:
        return
    state = await current_consents_many(session, [r.patient_id for r in existing if r.patient_id is not None])
    before = {(pid, purpose): granted for pid, row in state.items() for purpose, granted in row.items()}
    await _insert_new(session, caller.clinic_id, new, now)
    await _update_existing(session, caller.clinic_id, existing, now)
    await _record_consents(session, caller.clinic_id, merged, before, caller.actor, now)
    if seen is not None:  # what later chunks must find: the indexes these rows now hold
        for record in merged:
            seen.add(record.indexes[0])
            seen.add(record.indexes[1])
