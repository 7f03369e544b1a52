from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, ClinicScoped


class OutcomeDay(Base, ClinicScoped):
    """The outcome counts of one clinic's day (Asia/Seoul), cached by runtime/outcomes/cache.py.

    Counts only, no personal data. A row is used while its ``version`` (the counting code's) and
    ``rates_key`` (the clinic's ₩ rates, which price the "all by SMS" figure) still match and the day was
    already closed when it was counted; otherwise the day is counted again and the row replaced.
    """

    __tablename__ = "outcome_days"
    __table_args__ = (UniqueConstraint("clinic_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[str] = mapped_column(String(10))  # YYYY-MM-DD in Asia/Seoul
    version: Mapped[int] = mapped_column(Integer)
    rates_key: Mapped[str] = mapped_column(String(64))
    figures: Mapped[dict[str, Any]] = mapped_column()
    computed_at: Mapped[datetime] = mapped_column()
