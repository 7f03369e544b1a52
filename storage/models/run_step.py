from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.crypto import EncryptedJSON
from storage.models.base import Base, ClinicScoped, utcnow

# waiting: acted, follows ``ports`` once ``due_at`` has come; firing: claimed by a scheduler or the event
# that created it (``claimed_at``), an advance is on its way; done / stopped / failed / cancelled: final.
STEP_STATUSES = ("waiting", "firing", "done", "stopped", "failed", "cancelled")


class RunStep(Base, ClinicScoped):
    """A node's one action in a run. Unique (run, node): a node acts at most once per run."""

    __tablename__ = "run_steps"
    __table_args__ = (
        UniqueConstraint("run_id", "node_id"),
        Index("ix_run_steps_status_due_at", "status", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(Integer, ForeignKey("runs.id", ondelete="CASCADE"), index=True)
    node_id: Mapped[str] = mapped_column(String(100))
    node_type: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20))
    ports: Mapped[list[Any]] = mapped_column(default=list)
    due_at: Mapped[datetime | None] = mapped_column(nullable=True)
    claimed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    # A staff notice's rendered text may name the patient: encrypted at rest.
    detail: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON("run_steps.detail"), default=dict)
