from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, ClinicScoped, utcnow


class ComplianceSignoff(Base, ClinicScoped):
    """A reviewer's sign-off of a workflow document (by checksum), kept with the version published from it."""

    __tablename__ = "compliance_signoffs"

    id: Mapped[int] = mapped_column(primary_key=True)
    workflow_id: Mapped[int] = mapped_column(Integer, ForeignKey("workflows.id", ondelete="CASCADE"), index=True)
    checksum: Mapped[str] = mapped_column(String(64), index=True)  # canonical checksum of the signed document
    reviewer_name: Mapped[str] = mapped_column(String(100))
    approval_number: Mapped[str | None] = mapped_column(String(100), nullable=True)  # 의료광고 심의번호
    note: Mapped[str] = mapped_column(Text, default="")
    warnings: Mapped[int] = mapped_column(default=0)  # open warnings the reviewer accepted
    suppressions: Mapped[list[Any]] = mapped_column(default=list)  # [{rule, node, reason}] accepted warnings
    signed_at: Mapped[datetime] = mapped_column(default=utcnow)
    signed_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
