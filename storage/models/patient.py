from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Index, String, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column

from storage import identity
from storage.crypto import EncryptedDate, EncryptedText
from storage.models.base import Base, ClinicScoped, Timestamps


class Patient(Base, ClinicScoped, Timestamps):
    """A patient. Name, phone, birth date and chart number are AES-GCM ciphertexts at rest (read and
    written as plain Python values); ``*_index`` columns are keyed HMAC blind indexes for lookups."""

    __tablename__ = "patients"
    # Lookups go by clinic and blind index together (the unique constraint serves the chart number).
    __table_args__ = (
        UniqueConstraint("clinic_id", "chart_index"),
        Index("ix_patients_clinic_id_phone_index", "clinic_id", "phone_index"),
        Index("ix_patients_clinic_id_name_index", "clinic_id", "name_index"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    chart_no: Mapped[str | None] = mapped_column(EncryptedText("patients.chart_no"), nullable=True)
    name: Mapped[str] = mapped_column(EncryptedText("patients.name"))
    phone: Mapped[str | None] = mapped_column(EncryptedText("patients.phone"), nullable=True)  # digits only
    birth_date: Mapped[date | None] = mapped_column(EncryptedDate("patients.birth_date"), nullable=True)
    sex: Mapped[str | None] = mapped_column(String(1), nullable=True)  # "M" | "F"
    tags: Mapped[list[Any]] = mapped_column(default=list)
    opted_out: Mapped[bool] = mapped_column(Boolean, default=False)  # 수신거부: no messages at all
    last_activity_at: Mapped[datetime | None] = mapped_column(nullable=True)
    chart_index: Mapped[str | None] = mapped_column(String(32), nullable=True)
    phone_index: Mapped[str | None] = mapped_column(String(32), nullable=True)
    name_index: Mapped[str | None] = mapped_column(String(32), nullable=True)
    erased_at: Mapped[datetime | None] = mapped_column(nullable=True)  # personal data removed; counts kept


@event.listens_for(Patient, "before_insert")
@event.listens_for(Patient, "before_update")
def _index_identifiers(_mapper: Any, _connection: Any, target: Patient) -> None:
    # Blind indexes always follow the values they index, whichever code path changed them.
    target.chart_index = identity.chart_index(target.chart_no)
    target.phone_index = identity.phone_index(target.phone)
    target.name_index = identity.name_index(target.name)
