from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, ClinicScoped, utcnow


class WorkflowVersion(Base, ClinicScoped):
    """An immutable published version: the runtime only ever runs these."""

    __tablename__ = "workflow_versions"
    __table_args__ = (UniqueConstraint("workflow_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workflow_id: Mapped[int] = mapped_column(Integer, ForeignKey("workflows.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column()
    document: Mapped[dict[str, Any]] = mapped_column()
    checksum: Mapped[str] = mapped_column(String(64))  # sha256 of the canonical JSON document
    trigger_type: Mapped[str] = mapped_column(String(64), index=True)
    published_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_by: Mapped[str | None] = mapped_column(String(100), nullable=True)


class ImmutableVersionError(Exception):
    pass


@event.listens_for(WorkflowVersion, "before_update")
def _refuse_update(mapper: Any, connection: Any, target: WorkflowVersion) -> None:
    raise ImmutableVersionError(f"게시된 버전은 바꿀 수 없습니다 / published version {target.version} is immutable")
