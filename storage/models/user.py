from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, Timestamps


class User(Base, Timestamps):
    """A person who logs in. Platform admins belong to no clinic, so this table is not clinic-scoped.

    An e-mail address is unique per clinic, not across clinics: the same person may hold independent accounts
    in two clinics, and a clinic adding an address learns nothing about other clinics (docs/security.md).
    """

    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("clinic_id", "email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("clinics.id", ondelete="CASCADE"), index=True, nullable=True
    )
    email: Mapped[str] = mapped_column(String(254), index=True)  # stored lower-case
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)  # None: not set yet
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_login_at: Mapped[datetime | None] = mapped_column(nullable=True)
