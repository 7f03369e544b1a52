"""Shapes of the runtime API's bodies (``runtime/api.py``, ``runtime/webhooks.py``); see ``nodes/schemas.py``
for why TypedDicts. The status literals equal ``storage.models``' tuples (``tests/test_api_schemas.py``)."""

from typing import Any, Literal, NotRequired, TypedDict

from nodes.channels import ChannelName, MessageKind, Purpose
from nodes.schemas import WorkflowDocument
from storage.patients.schemas import ConsentPurpose

RunStatus = Literal["running", "waiting", "completed", "cancelled", "failed"]
StepStatus = Literal["waiting", "firing", "done", "stopped", "failed", "cancelled"]
MessageStatus = Literal["pending", "held", "sending", "sent", "delivered", "failed", "skipped", "cancelled"]
EventType = Literal[
    "appointment.booked",
    "appointment.rescheduled",
    "appointment.cancelled",
    "appointment.confirmed",
    "appointment.attended",
    "appointment.no_show",
    "procedure.completed",
    "consent.granted",
    "consent.revoked",
    "patient.created",
]
# What a run's or appointment's history may name besides the events above: rows the server records itself.
RecordedEventType = Literal[
    EventType,
    "manual.started",  # a staff member started a manual workflow (runtime/manual_start.py)
    "schedule.fired",  # a campaign's schedule enrolled the patient (runtime/campaigns.py)
    "appointment.reschedule_requested",  # the patient asked from their link (runtime/patient_links/)
]


# -- events in (runtime/event.schema.json checks them and names every bad field) ---------------------------
class EventPatient(TypedDict, total=False):
    """At least ``chart_no`` or ``phone``."""

    chart_no: str
    name: str
    phone: str
    birth_date: str  # YYYY-MM-DD
    sex: Literal["M", "F"]


class EventAppointment(TypedDict):
    id: str
    starts_at: NotRequired[str]  # ISO 8601; required for booked / rescheduled
    procedure: NotRequired[str]
    doctor: NotRequired[str]


class EventConsent(TypedDict):
    purpose: ConsentPurpose
    method: Literal["paper", "kiosk", "web", "import", "staff"]


class EventIn(TypedDict):
    """A DESIGN.md event from a booking system or the EMR."""

    type: EventType
    external_id: str
    occurred_at: str  # ISO 8601
    patient: EventPatient
    appointment: NotRequired[EventAppointment]
    consent: NotRequired[EventConsent]


class StartedRun(TypedDict):
    id: int
    workflow_id: int
    version: int


class EventWarning(TypedDict):
    code: str
    path: str
    message: str


class ImpliedCompletion(TypedDict):
    event_id: int
    type: EventType
    external_id: str
    runs: list[StartedRun]


class EventIntake(TypedDict):
    """``POST /api/events``: 201 when new, 200 with the stored answer (``duplicate: true``) for a repeat."""

    event_id: int
    type: EventType
    external_id: str
    patient_id: int
    runs: list[StartedRun]
    cancelled_runs: list[int]
    moved_waits: int
    duplicate: bool
    # e.g. unknown_procedure: the procedure is not in the clinic's catalogue (no procedure filter matches it)
    warnings: NotRequired[list[EventWarning]]
    appointment_id: NotRequired[int]
    completed: NotRequired[ImpliedCompletion]  # an attended surgery/procedure also completed it


# -- simulate ---------------------------------------------------------------------------------------------
class SimulatedPatient(TypedDict, total=False):
    chart_no: str
    name: str
    phone: str
    birth_date: str
    opted_out: bool
    consents: dict[str, bool] | list[Any]  # {"marketing": true} or [{"purpose", "granted"}] or ["marketing"]


class SimulateRequest(TypedDict):
    workflow: WorkflowDocument
    event: EventIn
    patient: NotRequired[SimulatedPatient | None]
    days: NotRequired[int]


class SimulatedMessage(TypedDict):
    at: str  # Asia/Seoul ISO 8601
    node: str
    channel: ChannelName
    to: str
    text: str


class SkippedNode(TypedDict):
    node: str
    reason: str


class SimulationResult(TypedDict):
    messages: list[SimulatedMessage]
    skipped: list[SkippedNode]


# -- runs and messages (runtime/views.py) -------------------------------------------------------------------
class MaskedPatient(TypedDict):
    id: int
    name: str  # masked: 김*지
    phone: str  # masked: 010-****-5678


class CampaignPreviewRequest(TypedDict):
    workflow: WorkflowDocument
    after: NotRequired[str]  # ISO 8601: the preview is of the first firing after it (default: now)
    days: NotRequired[int]  # how long after the firing to follow each run (1–366, default 30)
    limit: NotRequired[int]  # how many enrolled patients to simulate (1–50, default 10)


class FailoverPreview(TypedDict):
    channel: Literal["sms"]
    text: str | None  # the SMS as it would go (masked); null: the AlimTalk's own text


class EnrolmentMessage(SimulatedMessage):
    failover: NotRequired[FailoverPreview | None]  # an AlimTalk's SMS fallback; null: none


class CampaignEnrolment(TypedDict):
    patient: MaskedPatient
    messages: list[EnrolmentMessage]  # names and numbers masked, as in every list of many patients
    skipped: list[SkippedNode]


class CampaignPreview(TypedDict):
    fires_at: str  # Asia/Seoul ISO 8601: the campaign's next firing after ``after``
    enrolled: int  # how many of the clinic's patients that firing would enrol
    patients: list[CampaignEnrolment]  # the first ``limit`` of them, each with what they would receive


class RunSummary(TypedDict):
    id: int
    workflow_id: int
    version: int
    status: RunStatus
    event_type: RecordedEventType | None
    patient: MaskedPatient | None
    trigger_at: str | None
    started_at: str | None
    finished_at: str | None
    reason: str | None
    workflow_name: str | None
    workflow_status: Literal["draft", "active", "paused", "archived"] | None
    next_at: str | None  # the next send or wait that is due (held while the workflow is paused)


class MessageView(TypedDict):
    id: int
    run_id: int | None
    node: str
    failover_of: int | None
    channel: ChannelName
    kind: MessageKind | None
    purpose: Purpose
    status: MessageStatus
    to: str | None
    text: str
    reason: str | None
    provider: str | None
    cost_krw: float
    attempts: int
    due_at: str | None
    created_at: str | None
    sent_at: str | None
    delivered_at: str | None
    error_code: str | None
    error_message: str | None


class StepView(TypedDict):
    node: str
    type: str
    status: StepStatus
    ports: list[str]
    started_at: str | None
    finished_at: str | None
    duration_s: float | None
    due_at: str | None
    reason: str | None
    detail: dict[str, Any]
    messages: list[MessageView]


class RunDetail(RunSummary):
    steps: list[StepView]


class RunList(TypedDict):
    runs: list[RunSummary]


class MessageList(TypedDict):
    messages: list[MessageView]


# -- webhooks (runtime/webhooks.py) ----------------------------------------------------------------------
InboundSms = TypedDict("InboundSms", {"from": str, "text": str, "received_at": NotRequired[str]})


class InboundAnswer(TypedDict):
    optout: bool
    patients: int


class SolapiReportData(TypedDict):
    """One SOLAPI delivery report (its webhook's ``data``); the fields we read, others are ignored."""

    messageId: str
    statusCode: NotRequired[str]
    statusMessage: NotRequired[str]
    type: NotRequired[str]
    replacement: NotRequired[bool]  # an AlimTalk Kakao could not deliver, resent as SMS/LMS
    dateReceived: NotRequired[str]
    dateReported: NotRequired[str]
    dateProcessed: NotRequired[str]
    dateUpdated: NotRequired[str]


class SolapiReport(TypedDict):
    eventDataId: NotRequired[str]  # SOLAPI retries a call until it gets 200: a repeated id changes nothing
    data: SolapiReportData


class ReportsAnswer(TypedDict):
    received: int
    matched: int
    failover_messages: list[int]


# -- runtime health (runtime/health.py) ------------------------------------------------------------------
class HealthProblem(TypedDict):
    code: Literal["overdue_waits", "stuck_sending", "scheduler_stale", "no_scheduler"]
    message: str  # Korean, then " / " and English


class HealthThresholds(TypedDict):
    overdue_after_s: float
    sending_after_s: float
    heartbeat_after_s: float


class OverdueWaits(TypedDict):
    count: int
    oldest_due_at: str | None
    run_ids: list[int]


class StuckSending(TypedDict):
    count: int
    oldest_claimed_at: str | None
    message_ids: list[int]


class SchedulerBeat(TypedDict):
    host: str
    pid: int
    slot: str
    thread: str
    started_at: str | None
    last_tick_at: str | None
    age_s: float
    stale: bool
    passes: int
    restarts: int
    last_error: str | None
    last_error_at: str | None


class RuntimeHealth(TypedDict):
    healthy: bool
    checked_at: str | None
    problems: list[HealthProblem]
    thresholds: HealthThresholds
    overdue_waits: OverdueWaits
    stuck_sending: StuckSending
    schedulers: list[SchedulerBeat]


# -- manual starts (runtime/manual_start.py) -----------------------------------------------------------------
class StartFilter(TypedDict, total=False):
    """Patients to enrol: every given condition must hold."""

    procedure: str  # a procedure code or name the patient had an appointment for
    tag: str
    last_visit_before: str  # YYYY-MM-DD (Asia/Seoul), last attended/completed appointment before this day
    last_visit_after: str  # YYYY-MM-DD, on or after this day
    consent: ConsentPurpose  # granted


class StartRequestBody(TypedDict):
    """Exactly one of ``patient_ids`` or ``filter``; ``dry_run`` previews without starting anything."""

    patient_ids: NotRequired[list[int]]
    filter: NotRequired[StartFilter]
    dry_run: NotRequired[bool]


class StartFirstMessage(TypedDict, total=False):
    at: str  # Asia/Seoul ISO 8601
    node: str
    channel: str
    text: str
    decision: Literal["send", "skip", "hold"]  # what the send-time policy would decide now
    reason: str | None  # why skipped or held; alone: why no message would go out


class StartPreviewRow(TypedDict):
    patient: MaskedPatient
    enrol: bool  # False: already running this workflow from a manual start
    reason: NotRequired[str]
    first: NotRequired[StartFirstMessage]  # dry runs only


class StartAnswer(TypedDict):
    workflow_id: int
    version: int
    dry_run: bool
    patients: int  # enrolled (or, dry, that would be)
    runs: list[int]  # empty when dry
    already_running: int
    preview: list[StartPreviewRow]


# -- publish impact (runtime/impact.py) ----------------------------------------------------------------------
class ImpactTrigger(TypedDict):
    node: str
    type: str
    label: dict[str, str]
    params: dict[str, Any]
    filter: dict[str, str]  # {"ko", "en"}: the filter as people read it ("" when none)


class FirstMessage(TypedDict):
    node: str
    name: str  # the node's own name, else its type's Korean label
    label: dict[str, str]  # its type's label {"ko", "en"}: the dialog shows it in the editor's language when unnamed
    channel: ChannelName
    purpose: Purpose
    text: str
    template: str | None
    after: list[str]  # the wait nodes on the way from the trigger
    after_labels: list[str]  # their names ("한국어 / English" type labels when unnamed)


class OverlappingWorkflow(TypedDict):
    id: int
    name: str
    status: Literal["draft", "active", "paused", "archived"]
    same_filter: bool


# how to read enrol_next_7_days: "estimate" (about this many), "maximum" (at most this many: only the patients
# whose appointment is cancelled, missed, attended or completed enrol), "none" (no stored forecast: shown as "-")
EnrolBound = Literal["estimate", "maximum", "none"]


class PublishImpact(TypedDict):
    trigger: ImpactTrigger | None
    enrol_next_7_days: int
    enrol_bound: EnrolBound
    basis: str
    first_messages: list[FirstMessage]
    overlapping: list[OverlappingWorkflow]
    warnings: list[str]
