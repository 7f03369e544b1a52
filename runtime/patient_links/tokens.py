"""Signed, expiring appointment links: ``{DOCTORSFLOW_PUBLIC_URL}/p/{token}``.

The token is opaque and carries no personal data: version, clinic id, appointment row id and expiry, and a
truncated HMAC-SHA256 under a key of that clinic alone (HKDF from the server's data key, so nothing new to
store, and a key rotation keeps older links working while the previous key is still configured). Anything
altered, truncated or expired is refused without saying which.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import os
import struct
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from hashlib import sha256

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from storage import crypto

PUBLIC_URL_ENV = "DOCTORSFLOW_PUBLIC_URL"
DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"
PATH = "/p/"
VERSION = 1
_LAYOUT = struct.Struct(">BIQI")  # version, clinic id, appointment id, expires (unix seconds)
MAC_BYTES = 16
NO_APPOINTMENT_TIME = timedelta(days=14)  # lifetime of a link to an appointment without a time


class InvalidLink(ValueError):
    """Altered, unknown or expired (``expired`` tells the page which message to show)."""

    def __init__(self, expired: bool = False) -> None:
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


@dataclass(frozen=True)
class LinkClaims:
    clinic_id: int
    appointment_id: int
    expires_at: datetime


def _clinic_key(master: bytes, clinic_id: int) -> bytes:
    info = f"doctorsflow/patient-links/v{VERSION}/clinic:{clinic_id}".encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(master)


def _mac(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, sha256).digest()[:MAC_BYTES]


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def make_token(
    clinic_id: int, appointment_id: int, expires_at: datetime, data_key: crypto.DataKey | None = None
) -> str:
    """``data_key``: the server's active key (default: this process's; a test of another process passes its)."""
    payload = _LAYOUT.pack(VERSION, clinic_id, appointment_id, int(expires_at.timestamp()))
    key = _clinic_key((data_key or crypto.current().active).index_key, clinic_id)
    return _b64(payload + _mac(key, payload))


def read_token(token: str, now: datetime) -> LinkClaims:
    """The claims of a genuine, unexpired token, else :class:`InvalidLink`."""
    if not 20 <= len(token) <= 64:
        raise InvalidLink()
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError):
        raise InvalidLink() from None
    if len(raw) != _LAYOUT.size + MAC_BYTES:
        raise InvalidLink()
    payload, given = raw[: _LAYOUT.size], raw[_LAYOUT.size :]
    version, clinic_id, appointment_id, expires = _LAYOUT.unpack(payload)
    if version != VERSION:
        raise InvalidLink()
    keys = crypto.current().keys.values()
    if not any(hmac.compare_digest(_mac(_clinic_key(k.index_key, clinic_id), payload), given) for k in keys):
        raise InvalidLink()
    expires_at = datetime.fromtimestamp(expires, UTC)
    if now >= expires_at:
        raise InvalidLink(expired=True)
    return LinkClaims(clinic_id, appointment_id, expires_at)


def link_expiry(starts_at: datetime | None, now: datetime) -> datetime:
    """A link lives until the appointment starts (no time: two weeks)."""
    return starts_at if starts_at is not None else now + NO_APPOINTMENT_TIME


def public_url() -> str:
    return (os.environ.get(PUBLIC_URL_ENV) or DEFAULT_PUBLIC_URL).rstrip("/")


def sample_link() -> str:
    """A link as long as a real one on this server, for previews (its byte count decides SMS or LMS); it opens
    nothing (the token is not signed)."""
    length = len(_b64(bytes(_LAYOUT.size + MAC_BYTES)))
    return public_url() + PATH + ("SampleLink" * 5)[:length]


def confirm_link(clinic_id: int, appointment_id: int, starts_at: datetime | None, now: datetime) -> str:
    """The ``{{ appointment.confirm_link }}`` of a message."""
    return public_url() + PATH + make_token(clinic_id, appointment_id, link_expiry(starts_at, now))
