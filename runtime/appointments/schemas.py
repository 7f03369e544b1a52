"""Shapes of the appointment book API (``api.py`` beside this); see ``nodes/schemas.py`` for why TypedDicts.
Requests are checked by ``changes.py``, which answers our own 4xx problems."""

from typing import Literal, NotRequired, TypedDict

from litestar.datastructures import UploadFile

from runtime.schemas import EventIntake, MessageView, RunSummary

AppointmentStatus = Literal["booked", "confirmed", "attended", "completed", "no_show", "cancelled"]


class BookPatient(TypedDict):
    """Masked like every list: the full name is on the patient page (audited)."""

    id: int
    chart_no: str | None
    name: str
    phone: str


class AppointmentView(TypedDict):
    id: int
    external_id: str
    patient: BookPatient
    starts_at: str | None  # ISO 8601, Asia/Seoul
    procedure: str | None  # the catalogue code; the text as received when unknown
    procedure_name: str | None  # the catalogue's Korean name
    procedure_unknown: bool  # not in the clinic's catalogue: no procedure filter matches it
    doctor: str | None
    status: AppointmentStatus
    runs: int  # runs this appointment started
    messages: int  # messages of those runs


class AppointmentList(TypedDict):
    appointments: list[AppointmentView]


class AppointmentDetail(AppointmentView):
    run_list: list[RunSummary]
    message_list: list[MessageView]
    events: list["AppointmentEvent"]
    next_statuses: list[AppointmentStatus]  # where the book's buttons may move it (a cancelled visit: booked again)


class AppointmentEvent(TypedDict):
    type: str
    occurred_at: str | None


class AppointmentChange(TypedDict):
    appointment: AppointmentView
    events: list[EventIntake]  # what the change sent through the ingest (empty: nothing changed)


class NewPatient(TypedDict, total=False):
    chart_no: str
    name: str
    phone: str


class AppointmentIn(TypedDict):
    patient_id: NotRequired[int]  # an existing patient, or
    patient: NotRequired[NewPatient]  # found (or created) by chart no. / phone
    starts_at: str  # ISO 8601; without an offset: Asia/Seoul
    procedure: NotRequired[str]  # a code, name or synonym of the catalogue
    doctor: NotRequired[str]
    external_id: NotRequired[str]  # the booking system's id; made up when absent


class AppointmentPatch(TypedDict, total=False):
    starts_at: str  # a new time → appointment.rescheduled
    procedure: str
    doctor: str
    status: AppointmentStatus  # → appointment.confirmed / attended / no_show / cancelled, procedure.completed


class AppointmentImportForm(TypedDict):
    """``multipart/form-data`` of ``POST /api/appointments/import`` (``dry_run`` also as query)."""

    file: UploadFile  # CSV or XLSX
    mapping: NotRequired[str]  # "column=field" pairs, comma- or line-separated
    dry_run: NotRequired[str]


class ImportFinding(TypedDict):
    row: int  # 1-based data row (0: the file as a whole)
    column: str
    code: str
    message: str


class AppointmentImportReport(TypedDict):
    """The JSON of ``doctorsflow import-appointments --format json``."""

    rows: int
    created: int
    rescheduled: int
    cancelled: int
    attended: int
    no_show: int
    unchanged: int
    errors: list[ImportFinding]
    warnings: list[ImportFinding]
