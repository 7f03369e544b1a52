from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.crypto import EncryptedJSON
from storage.models.base import Base, ClinicScoped, utcnow


class Event(Base, ClinicScoped):
    """One received event. Unique per (clinic, type, external_id): a repeat returns the stored ``result``.

    ``payload`` keeps the appointment and consent blocks only (encrypted at rest: a booking id and a
    procedure are personal, health data even); the patient's personal data lives (encrypted) in
    ``patients``, this row points at it. ``type`` and ``external_id`` stay clear: duplicates are found by them.
    """

    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("clinic_id", "type", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(40))
    external_id: Mapped[str] = mapped_column(String(200))
    occurred_at: Mapped[datetime] = mapped_column()
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    patient_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("patients.id", ondelete="SET NULL"), nullable=True, index=True
    )
    appointment_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("appointments.id", ondelete="SET NULL"), nullable=True
    )
    payload: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON("events.payload"), default=dict)
    # the answer given (repeated for a duplicate): its warnings quote an unknown procedure's name
    result: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON("events.result"), default=dict)
