from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, Timestamps

# What each role may do is data: storage/accounts/permissions.py (ROLE_PERMISSIONS).
ROLES = ("platform_admin", "manager", "staff", "reviewer")


class User(Base, Timestamps):
    """A person who logs in. Platform admins belong to no clinic, so this table is not clinic-scoped."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("clinics.id", ondelete="CASCADE"), index=True, nullable=True
    )
    email: Mapped[str] = mapped_column(String(254), unique=True)  # stored lower-case
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)  # None: not set yet
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_login_at: Mapped[datetime | None] = mapped_column(nullable=True)
