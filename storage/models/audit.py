from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow


class AuditEntry(Base):
    """Who did what, when, from where. Never personal data in ``detail``: ids and counts only."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("clinics.id", ondelete="CASCADE"), index=True, nullable=True
    )
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(120))  # "user:3", "token:7", "system", "cli"
    action: Mapped[str] = mapped_column(String(60))  # "workflow.publish", "patient.read", …
    target: Mapped[str | None] = mapped_column(String(120), nullable=True)  # "workflow:5", "patient:9"
    ip: Mapped[str | None] = mapped_column(String(64), nullable=True)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
