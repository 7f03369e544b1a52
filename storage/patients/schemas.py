"""Shapes of the patient API's bodies (``storage/patients/api.py``).

Requests are dataclasses (the framework checks them: a missing or mistyped field is a 400 ``bad_request``);
answers are TypedDicts, see ``nodes/schemas.py`` for why.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, NotRequired, TypedDict

from litestar.datastructures import UploadFile

ConsentPurpose = Literal["treatment", "marketing", "night_ads"]  # = storage.models.consent.PURPOSES
ConsentMethod = Literal["paper", "kiosk", "web", "import", "staff", "event", "optout"]  # = consent.METHODS


# -- requests ---------------------------------------------------------------------------------------------
@dataclass
class SearchIn:
    q: str = ""
    limit: int = 50
    offset: int = 0


@dataclass
class GuardianIn:
    name: str
    relationship: str


@dataclass
class ConsentIn:
    purpose: ConsentPurpose
    granted: bool
    method: ConsentMethod = "staff"
    text_version: str | None = None
    occurred_at: datetime | None = None  # without a zone: Asia/Seoul
    guardian: GuardianIn | None = None


@dataclass
class OptOutIn:
    all_messages: bool = False  # also stop informational messages, not only advertising


class PatientImportForm(TypedDict):
    """``multipart/form-data`` of ``POST /api/patients/import`` (``dry_run``/``strict`` also as query)."""

    file: UploadFile  # CSV or XLSX
    mapping: NotRequired[str]  # "column=field" pairs, comma- or line-separated
    dry_run: NotRequired[str]
    strict: NotRequired[str]


# -- answers ----------------------------------------------------------------------------------------------
class ConsentState(TypedDict):
    """Purpose → granted now (no ledger entry: not granted)."""

    treatment: bool
    marketing: bool
    night_ads: bool


class PatientSummary(TypedDict):
    """What a list shows: masked name and phone, never the full values."""

    id: int
    chart_no: str | None
    name: str
    phone: str
    sex: str | None
    opted_out: bool
    erased: bool
    consents: ConsentState


class PatientPage(TypedDict):
    patients: list[PatientSummary]
    total: int
    limit: int
    offset: int


class PatientList(TypedDict):
    patients: list[PatientSummary]


class PatientDetail(TypedDict):
    """One patient in full (audit-logged)."""

    id: int
    chart_no: str | None
    name: str | None
    phone: str | None
    birth_date: str | None
    sex: str | None
    tags: list[str]
    opted_out: bool
    last_activity_at: str | None
    created_at: str | None
    updated_at: str | None
    erased_at: str | None
    phone_display: str | None
    minor: bool
    consents: ConsentState
    reconfirm_marketing: bool


class Guardian(TypedDict):
    name: str | None
    relationship: str | None


class ConsentEntry(TypedDict):
    id: int
    purpose: ConsentPurpose
    granted: bool
    method: ConsentMethod
    text_version: str | None
    recorded_by: str | None
    recorded_by_name: NotRequired[str | None]  # the person behind recorded_by (consent history), not user:1
    occurred_at: str
    recorded_at: str
    guardian: Guardian | None


class ConsentHistory(TypedDict):
    consents: list[ConsentEntry]  # newest first
    current: ConsentState
    reconfirm_marketing: bool


class OptOutAnswer(TypedDict):
    revoked: list[str]
    opted_out: bool
    consents: ConsentState


class PatientRun(TypedDict):
    id: int
    workflow_id: int
    workflow_name: str | None
    version: int
    status: str
    trigger_at: str | None
    started_at: str | None
    finished_at: str | None
    reason: str | None


class PatientMessage(TypedDict):
    id: int
    run_id: int | None
    node: str
    channel: str
    purpose: str
    status: str
    text: str
    reason: str | None
    due_at: str | None
    sent_at: str | None
    delivered_at: str | None
    error_code: str | None  # UNCERTAIN: may have reached the provider, so it cannot be cancelled


class PatientActivity(TypedDict):
    runs: list[PatientRun]  # newest first
    messages: list[PatientMessage]


class ImportRowError(TypedDict):
    row: int
    column: str
    code: str
    message: str


class ImportReport(TypedDict):
    """DESIGN.md's import report."""

    rows: int
    imported: int
    updated: int
    skipped: int
    errors: list[ImportRowError]


class ImportJobView(TypedDict):
    """``POST|GET /api/patients/import-jobs[/{id}]``: how far a browser import got, and its report at the end."""

    id: str
    status: Literal["running", "done", "failed"]
    dry_run: bool
    bytes_total: int
    bytes_done: int
    percent: int  # 0–99 while running, 100 once finished
    rows: int  # rows read and written so far (per chunk of 5,000)
    imported: int
    updated: int
    skipped: int
    report: ImportReport | None  # DESIGN.md's report, once done
    errors: list[dict[str, Any]]  # the problem that stopped a failed job


class ImportColumn(TypedDict):
    header: str
    field: str | None  # None: not recognised (the mapping step asks)


class ImportField(TypedDict):
    name: str
    label: str  # Korean / English


class ImportPreviewRow(TypedDict):
    row: int  # the spreadsheet row number
    cells: list[str]  # decoded text, in the order of ``headers``


class ImportBadValue(TypedDict):
    row: int
    column: str
    code: str
    value: str  # what the cell holds ("" for a hidden 주민번호 column)


class ImportWarning(TypedDict):
    code: str
    message: str


class ImportPreview(TypedDict):
    """``POST /api/patients/import/preview``: what the file will be read as, before any dry run or import."""

    encoding: str | None  # of a CSV file
    headers: list[str]  # the columns the rows show (a 주민번호 column is never echoed)
    columns: list[ImportColumn]  # every header of the file and the field it goes to
    unknown_headers: list[str]
    fields: list[ImportField]
    rows: list[ImportPreviewRow]  # the first rows
    total_rows: int
    bad_values: list[ImportBadValue]
    warnings: list[ImportWarning]


class RetentionAnswer(TypedDict):
    retention_days: int | None  # None: the clinic keeps records without a limit
    erased: int
    dry_run: bool


class ErasureAnswer(TypedDict):
    erased: bool
    patient_id: int
    erasure_id: int
    counts: dict[str, int]  # section → rows emptied


# The export document (``format``, ``exported_at``, ``patient``, ``consents`` and every table holding the
# patient's rows) grows with the schema: a free-form object.
PatientExport = dict[str, Any]
