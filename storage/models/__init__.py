"""All models, imported so that ``Base.metadata`` knows every table (alembic and tests rely on it)."""

from storage.models.alimtalk_template import AlimTalkTemplateRow
from storage.models.api_token import ApiToken
from storage.models.appointment import Appointment
from storage.models.audit import AuditEntry
from storage.models.base import Base, ClinicScoped
from storage.models.clinic import Clinic
from storage.models.consent import Consent
from storage.models.erasure import Erasure
from storage.models.event import Event
from storage.models.login_session import LoginSession
from storage.models.login_throttle import LoginThrottle
from storage.models.one_time_token import OneTimeToken
from storage.models.outbox import OutboxMessage
from storage.models.outcome_day import OutcomeDay
from storage.models.patient import Patient
from storage.models.procedure import Procedure
from storage.models.provider_credential import ProviderCredential
from storage.models.reschedule_request import RescheduleRequest
from storage.models.run import Run
from storage.models.run_step import RunStep
from storage.models.scheduler_heartbeat import SchedulerHeartbeat
from storage.models.signoff import ComplianceSignoff
from storage.models.user import User
from storage.models.webhook_secret import SeenSignature, WebhookSecret
from storage.models.workflow import Workflow
from storage.models.workflow_version import WorkflowVersion

__all__ = [
    "AlimTalkTemplateRow",
    "ApiToken",
    "Appointment",
    "AuditEntry",
    "Base",
    "Clinic",
    "ClinicScoped",
    "ComplianceSignoff",
    "Consent",
    "Erasure",
    "Event",
    "LoginSession",
    "LoginThrottle",
    "OneTimeToken",
    "OutboxMessage",
    "OutcomeDay",
    "Patient",
    "Procedure",
    "ProviderCredential",
    "RescheduleRequest",
    "Run",
    "RunStep",
    "SchedulerHeartbeat",
    "SeenSignature",
    "User",
    "WebhookSecret",
    "Workflow",
    "WorkflowVersion",
]
