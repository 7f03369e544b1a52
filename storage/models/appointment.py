from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.crypto import EncryptedText
from storage.models.base import Base, ClinicScoped, Timestamps

# 예약 → 확정 → 내원 → 시술 완료 / 미내원 / 취소 ("rescheduled" is an event type, not a status)
APPOINTMENT_STATUSES = ("booked", "confirmed", "attended", "completed", "no_show", "cancelled")


class Appointment(Base, ClinicScoped, Timestamps):
    __tablename__ = "appointments"
    __table_args__ = (UniqueConstraint("clinic_id", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str] = mapped_column(String(100))
    patient_id: Mapped[int] = mapped_column(Integer, ForeignKey("patients.id", ondelete="CASCADE"), index=True)
    starts_at: Mapped[datetime | None] = mapped_column(nullable=True, index=True)
    # Health information once tied to a patient (PIPA art. 23): the procedure, its spelling and the doctor are
    # AES-GCM ciphertexts (docs/privacy/at-rest.md); SQL cannot compare them — filter and count in Python on the
    # decrypted catalogue code. Rows from before 2301_appointments_at_rest may still read as plaintext.
    procedure: Mapped[str | None] = mapped_column(  # the catalogue code when known
        EncryptedText("appointments.procedure", legacy_plaintext=True), nullable=True
    )
    # as the event or export spelled it; ``procedure_unknown``: not in the clinic's catalogue (shown as a flag)
    procedure_text: Mapped[str | None] = mapped_column(
        EncryptedText("appointments.procedure_text", legacy_plaintext=True), nullable=True
    )
    procedure_unknown: Mapped[bool] = mapped_column(Boolean, default=False)
    doctor: Mapped[str | None] = mapped_column(
        EncryptedText("appointments.doctor", legacy_plaintext=True), nullable=True
    )
    status: Mapped[str] = mapped_column(String(20), default="booked")  # one of APPOINTMENT_STATUSES
