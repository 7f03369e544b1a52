from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class LoginThrottle(Base):
    """Failed log-ins per account or per address; ``key`` is a digest ("email:…" / "ip:…"), never the e-mail."""

    __tablename__ = "login_throttles"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    window_start: Mapped[datetime] = mapped_column()
    locked_until: Mapped[datetime | None] = mapped_column(nullable=True)
