"""Secrets we must read back (webhook secrets) are sealed with the server key (Fernet, AES-128-CBC + HMAC).

The server key is ``DOCTORSFLOW_SECRET_KEY`` or, in the embedded set-up, ``DATA_DIR/secret.key`` created
on first use with mode 0600. Until the shared ``storage/crypto.py`` lands, this module is the only user.
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from storage.config import Settings

__all__ = ["InvalidToken", "open_sealed", "seal", "server_key"]


def server_key(settings: Settings) -> str:
    if settings.secret_key:
        return settings.secret_key
    path = Path(settings.data_dir) / "secret.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    return path.read_text("utf-8").strip()


def _fernet(settings: Settings) -> Fernet:
    # A separate key per use: the server key itself never encrypts anything directly.
    raw = hashlib.sha256(b"doctorsflow/webhook-secrets/v1\x00" + server_key(settings).encode()).digest()
    return Fernet(base64.urlsafe_b64encode(raw))


def seal(settings: Settings, plain: str) -> str:
    return _fernet(settings).encrypt(plain.encode("utf-8")).decode("ascii")


def open_sealed(settings: Settings, sealed: str) -> str:
    return _fernet(settings).decrypt(sealed.encode("ascii")).decode("utf-8")
