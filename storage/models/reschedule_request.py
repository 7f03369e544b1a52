"""A patient's request, from their appointment link, to move an appointment: open until staff reschedule the
appointment through the book (an ``appointment.rescheduled`` event) or dismiss it (logic:
``runtime/reschedule_requests/``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, ClinicScoped, Timestamps

REQUEST_STATUSES = ("open", "rescheduled", "dismissed")


class RescheduleRequest(Base, ClinicScoped, Timestamps):
    __tablename__ = "reschedule_requests"
    __table_args__ = (Index("ix_reschedule_requests_clinic_id_status", "clinic_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointments.id", ondelete="CASCADE"), index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"))
    requested_at: Mapped[datetime]
    original_starts_at: Mapped[datetime | None] = mapped_column(nullable=True)  # the appointment's time when asked
    status: Mapped[str] = mapped_column(String(20), default="open")  # open | rescheduled | dismissed
    resolved_at: Mapped[datetime | None] = mapped_column(nullable=True)
    resolved_by: Mapped[str | None] = mapped_column(String(100), nullable=True)  # the staff actor
