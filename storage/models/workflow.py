from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, String, Text
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, ClinicScoped, Timestamps

# draft: never published (or restored to a draft); active: its published version enrols patients;
# paused: enrols no one and its pending sends are held until resumed; archived: stopped for good, history kept.
WORKFLOW_STATUSES = ("draft", "active", "paused", "archived")


class Workflow(Base, ClinicScoped, Timestamps):
    """A workflow's editable draft. Published versions live in ``workflow_versions`` and never change."""

    __tablename__ = "workflows"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    document: Mapped[dict[str, Any]] = mapped_column()
    # The version that runs while the workflow is active (and resumes after a pause), if any.
    published_version: Mapped[int | None] = mapped_column(nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="draft", server_default="draft")

    @hybrid_property
    def archived(self) -> bool:
        """Kept for readers written before the status column (1100_workflow_status)."""
        return self.status == "archived"

    @archived.inplace.expression
    @classmethod
    def _archived_expression(cls) -> ColumnElement[bool]:
        return cls.status == "archived"
