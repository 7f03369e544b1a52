from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, ClinicScoped, utcnow


class Erasure(Base, ClinicScoped):
    """The record that a patient's personal data was erased: when, why, by whom and how much — nothing
    personal (the patient row itself stays, emptied, so statistics keep their counts)."""

    __tablename__ = "erasures"

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int | None] = mapped_column(nullable=True, index=True)
    erased_at: Mapped[datetime] = mapped_column(default=utcnow)
    reason: Mapped[str] = mapped_column(String(20))  # "request" | "retention"
    actor: Mapped[str] = mapped_column(String(120))
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)
