from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, String, event, inspect
from sqlalchemy.orm import Mapped, mapped_column

from storage.crypto import EncryptedText
from storage.models.base import Base, ClinicScoped, utcnow

PURPOSES = ("treatment", "marketing", "night_ads")
METHODS = ("paper", "kiosk", "web", "import", "staff", "event", "optout")
# Erasure may blank the guardian's name; nothing else of a ledger entry ever changes.
ERASABLE = frozenset({"guardian_name"})


class Consent(Base, ClinicScoped):
    """One entry of a patient's consent ledger. Rows are appended, never changed: the latest wins."""

    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(Integer, ForeignKey("patients.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(20))
    granted: Mapped[bool] = mapped_column(Boolean)
    method: Mapped[str] = mapped_column(String(20))
    text_version: Mapped[str | None] = mapped_column(String(40), nullable=True)
    recorded_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    # A patient under 14 consents through a legal guardian (PIPA art. 22-2).
    guardian_name: Mapped[str | None] = mapped_column(EncryptedText("consents.guardian_name"), nullable=True)
    guardian_relationship: Mapped[str | None] = mapped_column(String(20), nullable=True)


class LedgerIsAppendOnly(Exception):
    pass


@event.listens_for(Consent, "before_update")
def _refuse_rewrite(_mapper: Any, _connection: Any, target: Consent) -> None:
    state = inspect(target)
    changed = {attr.key for attr in state.attrs if attr.history.has_changes()}
    if changed - ERASABLE:
        raise LedgerIsAppendOnly("동의 이력은 바꿀 수 없습니다 / consent ledger entries are never changed")
