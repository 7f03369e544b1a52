from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.crypto import EncryptedJSON, EncryptedText
from storage.models.base import Base, ClinicScoped, Timestamps

# pending / held: to deliver when ``due_at`` has come (held: advertising kept until morning);
# sending: handed to the channel; sent, delivered, failed: provider states; skipped, cancelled: never sent.
OUTBOX_STATUSES = ("pending", "held", "sending", "sent", "delivered", "failed", "skipped", "cancelled")
# error_code of a pending row whose earlier attempt may have reached the provider (a lost answer, a 5xx, a worker
# killed mid-send): never cancelled, skipped or failed blindly — the provider is asked about its handle first.
UNCERTAIN = "UNCERTAIN"


class OutboxMessage(Base, ClinicScoped, Timestamps):
    """One message to send, at most once: ``key`` is ``run:<id>:node:<node>`` (``…:failover`` for the SMS)."""

    __tablename__ = "outbox"
    # (clinic_id, updated_at): the outcomes cache finds the days whose messages changed after it counted them
    # (runtime/outcomes); with the clinic first, as every tenant query filters on it.
    __table_args__ = (
        Index("ix_outbox_status_due_at", "status", "due_at"),
        Index("ix_outbox_clinic_id_updated_at", "clinic_id", "updated_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    run_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("runs.id", ondelete="CASCADE"), nullable=True, index=True
    )
    node_id: Mapped[str] = mapped_column(String(100))
    parent_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("outbox.id", ondelete="CASCADE"), nullable=True)
    patient_id: Mapped[int] = mapped_column(Integer, ForeignKey("patients.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(20))  # alimtalk | friendtalk | sms
    kind: Mapped[str | None] = mapped_column(String(20), nullable=True)  # sms | lms | alimtalk | friendtalk
    purpose: Mapped[str] = mapped_column(String(20))  # informational | advertising
    # The message, its variables (the patient's name …) and its failover text are encrypted at rest
    # (storage/crypto.py); rows written before 0601_runtime_at_rest read back as they were.
    text: Mapped[str] = mapped_column(EncryptedText("outbox.text", legacy_plaintext=True))
    subject: Mapped[str | None] = mapped_column(EncryptedText("outbox.subject", legacy_plaintext=True), nullable=True)
    template: Mapped[str | None] = mapped_column(String(100), nullable=True)
    variables: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON("outbox.variables"), default=dict)
    # {"channel": "sms", "text": …}
    failover: Mapped[dict[str, Any] | None] = mapped_column(EncryptedJSON("outbox.failover"), nullable=True)
    # FriendTalk / Brand Message: link buttons [{"name", "url"}] and an image address (the clinic's ad, no
    # personal data: the node renders neither with patient values).
    buttons: Mapped[list[Any] | None] = mapped_column(nullable=True)
    image_url: Mapped[str | None] = mapped_column(String(500), nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    due_at: Mapped[datetime] = mapped_column()
    claimed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    attempts: Mapped[int] = mapped_column(default=0)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    provider: Mapped[str | None] = mapped_column(String(20), nullable=True)
    provider_message_id: Mapped[str | None] = mapped_column(String(120), nullable=True, index=True)
    # The provider-side handle of this row's send (SOLAPI: its message group id), stored before any message
    # is added, so a retry after a crash or a lost answer asks the provider about it instead of sending again.
    # NULL for providers that take the outbox ``key`` itself (NHN Cloud idempotency key, the sandbox).
    provider_handle: Mapped[str | None] = mapped_column(String(120), nullable=True)
    cost_krw: Mapped[float] = mapped_column(Float, default=0.0)
    sent_at: Mapped[datetime | None] = mapped_column(nullable=True)
    delivered_at: Mapped[datetime | None] = mapped_column(nullable=True)
    error_code: Mapped[str | None] = mapped_column(String(60), nullable=True)
    # A provider's error text may quote the recipient's number.
    error_message: Mapped[str | None] = mapped_column(
        EncryptedText("outbox.error_message", legacy_plaintext=True), nullable=True
    )
