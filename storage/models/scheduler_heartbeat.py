from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow


class SchedulerHeartbeat(Base):
    """One running scheduler loop (a process's ``slot``), written by the loop at most every few seconds.

    The watchdog of the same process restarts a loop that stopped ticking (a new thread takes over the row,
    ``restarts`` + 1); ``doctorsflow health`` and ``GET /api/health/runtime`` report rows whose ``last_tick_at``
    is stale. A clean stop deletes the row; rows of processes that died are removed by the next scheduler
    started on the same host (its pid is gone) or, from other hosts, once silent for ten minutes.
    """

    __tablename__ = "scheduler_heartbeats"
    __table_args__ = (UniqueConstraint("host", "pid", "slot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    host: Mapped[str] = mapped_column(String(255))
    pid: Mapped[int] = mapped_column(Integer)
    slot: Mapped[str] = mapped_column(String(100), default="scheduler")
    thread: Mapped[str] = mapped_column(String(100))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_tick_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    ticks: Mapped[int] = mapped_column(Integer, default=0)
    restarts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    last_error_at: Mapped[datetime | None] = mapped_column(nullable=True)
