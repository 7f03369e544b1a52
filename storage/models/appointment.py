from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, ClinicScoped, Timestamps


class Appointment(Base, ClinicScoped, Timestamps):
    __tablename__ = "appointments"
    __table_args__ = (UniqueConstraint("clinic_id", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str] = mapped_column(String(100))
    patient_id: Mapped[int] = mapped_column(Integer, ForeignKey("patients.id", ondelete="CASCADE"), index=True)
    starts_at: Mapped[datetime | None] = mapped_column(nullable=True)
    procedure: Mapped[str | None] = mapped_column(String(64), nullable=True)
    doctor: Mapped[str | None] = mapped_column(String(100), nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="booked")  # booked | cancelled | completed
