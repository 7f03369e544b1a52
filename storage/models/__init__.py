"""All models, imported so that ``Base.metadata`` knows every table (alembic and tests rely on it)."""

from storage.models.alimtalk_template import AlimTalkTemplateRow
from storage.models.appointment import Appointment
from storage.models.audit import AuditEntry
from storage.models.base import Base, ClinicScoped
from storage.models.clinic import Clinic
from storage.models.consent import Consent
from storage.models.erasure import Erasure
from storage.models.event import Event
from storage.models.outbox import OutboxMessage
from storage.models.patient import Patient
from storage.models.run import Run
from storage.models.run_step import RunStep
from storage.models.signoff import ComplianceSignoff
from storage.models.user import User
from storage.models.workflow import Workflow
from storage.models.workflow_version import WorkflowVersion

__all__ = [
    "AlimTalkTemplateRow",
    "Appointment",
    "AuditEntry",
    "Base",
    "Clinic",
    "ClinicScoped",
    "ComplianceSignoff",
    "Consent",
    "Erasure",
    "Event",
    "OutboxMessage",
    "Patient",
    "Run",
    "RunStep",
    "User",
    "Workflow",
    "WorkflowVersion",
]
