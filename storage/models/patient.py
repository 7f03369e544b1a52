from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, ClinicScoped, Timestamps


class Patient(Base, ClinicScoped, Timestamps):
    __tablename__ = "patients"
    __table_args__ = (UniqueConstraint("clinic_id", "chart_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    chart_no: Mapped[str | None] = mapped_column(String(64), nullable=True)
    name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(20), nullable=True, index=True)  # digits only
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    sex: Mapped[str | None] = mapped_column(String(1), nullable=True)  # "M" | "F"
    tags: Mapped[list[Any]] = mapped_column(default=list)
    opted_out: Mapped[bool] = mapped_column(Boolean, default=False)  # 수신거부: no messages at all
    last_activity_at: Mapped[datetime | None] = mapped_column(nullable=True)
