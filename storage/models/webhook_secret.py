from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow


class WebhookSecret(Base):
    """A clinic's shared secret for signed webhooks (booking systems, provider delivery reports).

    ``secret`` is sealed with the server key (storage/accounts/sealing.py, Fernet) before it is stored.
    Several may be active during a rotation; any active one verifies.
    """

    __tablename__ = "webhook_secrets"

    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int] = mapped_column(Integer, ForeignKey("clinics.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100), default="default")
    secret: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(nullable=True)


class SeenSignature(Base):
    """A webhook signature already accepted: refused if it comes again before ``expires_at`` (replay)."""

    __tablename__ = "webhook_seen_signatures"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(index=True)
