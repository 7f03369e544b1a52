from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.crypto import EncryptedText
from storage.models.base import Base, ClinicScoped, Timestamps


class ProviderCredential(Base, ClinicScoped, Timestamps):
    """A clinic's credentials for one messaging provider (solapi | nhncloud); at most one is ``active``.

    ``secrets`` is a JSON object of the secret fields (API keys and secrets) sealed as one AES-GCM value
    (storage/crypto.py); ``options`` holds what is not secret (sender number, Kakao sender key, base URLs).
    ``version`` grows with every save: the runtime rebuilds a clinic's channel when (id, version) changes.
    """

    __tablename__ = "provider_credentials"
    __table_args__ = (UniqueConstraint("clinic_id", "provider"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    provider: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    secrets: Mapped[str] = mapped_column(EncryptedText("provider_credentials.secrets"))
    options: Mapped[dict[str, Any]] = mapped_column(default=dict)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[str] = mapped_column(String(64), default="system")
