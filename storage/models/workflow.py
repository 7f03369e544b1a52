from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, ClinicScoped, Timestamps


class Workflow(Base, ClinicScoped, Timestamps):
    """A workflow's editable draft. Published versions live in ``workflow_versions`` and never change."""

    __tablename__ = "workflows"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    document: Mapped[dict[str, Any]] = mapped_column()
    published_version: Mapped[int | None] = mapped_column(nullable=True)  # the live version, if any
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
