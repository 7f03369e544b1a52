"""Encryption at rest: a keyring, AES-GCM for personal fields, keyed HMAC blind indexes for lookups.

Keys. Every key is a 32-byte master secret; from it HKDF derives an AES-256-GCM key and an HMAC key for
blind indexes. The *active* key is ``DOCTORSFLOW_SECRET_KEY`` when set (any string, stretched by HKDF), else
the active key of the key file ``<data_dir>/keyring.json`` (created 0600 on first use). Older keys stay
readable: those in the key file and those in ``DOCTORSFLOW_PREVIOUS_SECRET_KEYS`` (comma separated), so a
key can be rotated: set the new one, keep the old one readable, run ``doctorsflow rotate-key``.

Ciphertexts are ``<key id>:<base64url(nonce ‖ ciphertext ‖ tag)>``; the field name is the associated data,
so a ciphertext moved to another column does not decrypt. JSON columns (``EncryptedJSON``) keep their JSON
DDL type and store ``{"enc": "<token>"}``. The runtime's columns (outbox texts, event payloads, step
details) were plaintext before migration ``0601_runtime_at_rest``: their types read a legacy plaintext
value unchanged (the migration and ``rotate-key`` encrypt such leftovers). Blind indexes are HMAC-SHA256 (truncated to
128 bits) over ``field ‖ normalised value``; lookups compute them under every known key (``IN``), so
rows written before a rotation are still found until ``rotate-key`` re-indexes them.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import JSON, Text
from sqlalchemy.types import TypeDecorator

from storage.config import Settings

KEYRING_FILE = "keyring.json"
PREVIOUS_KEYS_ENV = "DOCTORSFLOW_PREVIOUS_SECRET_KEYS"
_SALT = b"doctorsflow/v1"


class DecryptionError(Exception):
    """A ciphertext that no known key opens (wrong key, tampered or moved value). Never holds the value."""


def _hkdf(material: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=_SALT, info=info).derive(material)


@dataclass(frozen=True)
class DataKey:
    """One master key and what derives from it."""

    key_id: str
    aead: AESGCM
    index_key: bytes

    @classmethod
    def from_master(cls, master: bytes) -> DataKey:
        # The id is a fingerprint, so the same secret always has the same id, wherever it comes from.
        key_id = hashlib.sha256(_hkdf(master, b"key id")).hexdigest()[:10]
        return cls(key_id, AESGCM(_hkdf(master, b"aes-256-gcm")), _hkdf(master, b"blind index"))

    @classmethod
    def from_secret(cls, secret: str) -> DataKey:
        return cls.from_master(_hkdf(secret.encode("utf-8"), b"environment secret"))


@dataclass
class Keyring:
    active: DataKey
    keys: dict[str, DataKey] = field(default_factory=dict)
    source: str = "file"  # "env" | "file" | "memory"

    def __post_init__(self) -> None:
        self.keys.setdefault(self.active.key_id, self.active)

    # -- encryption -------------------------------------------------------------------------------------
    def encrypt(self, plaintext: str, context: str) -> str:
        nonce = os.urandom(12)
        sealed = self.active.aead.encrypt(nonce, plaintext.encode("utf-8"), context.encode())
        return f"{self.active.key_id}:{base64.urlsafe_b64encode(nonce + sealed).decode()}"

    def decrypt(self, token: str, context: str) -> str:
        key_id, _, body = token.partition(":")
        key = self.keys.get(key_id)
        if key is None:
            raise DecryptionError(f"알 수 없는 키 / unknown key id {key_id!r} (DOCTORSFLOW_PREVIOUS_SECRET_KEYS?)")
        raw = base64.urlsafe_b64decode(body)
        try:
            return key.aead.decrypt(raw[:12], raw[12:], context.encode()).decode("utf-8")
        except InvalidTag as exc:
            raise DecryptionError(f"복호화 실패 / cannot decrypt a value of {context} with key {key_id}") from exc

    @staticmethod
    def key_id_of(token: str) -> str:
        return token.partition(":")[0]

    # -- blind indexes ----------------------------------------------------------------------------------
    def blind_index(self, value: str, context: str) -> str:
        return _blind(self.active.index_key, value, context)

    def blind_indexes(self, value: str, context: str) -> list[str]:
        """The index of ``value`` under every known key (the active one first), for lookups."""
        ordered = [self.active, *(k for k in self.keys.values() if k is not self.active)]
        return [_blind(k.index_key, value, context) for k in ordered]

    # -- loading ----------------------------------------------------------------------------------------
    @classmethod
    def load(cls, settings: Settings) -> Keyring:
        file_keys = _read_keyfile(settings.data_dir / KEYRING_FILE)
        previous = [DataKey.from_secret(s) for s in os.environ.get(PREVIOUS_KEYS_ENV, "").split(",") if s.strip()]
        if settings.secret_key:
            active, source = DataKey.from_secret(settings.secret_key), "env"
        else:
            if file_keys is None:
                file_keys = _create_keyfile(settings.data_dir / KEYRING_FILE)
            active, source = file_keys[0], "file"
        keys = {k.key_id: k for k in [*(file_keys or []), *previous]}
        return cls(active=active, keys=keys, source=source)


def _blind(index_key: bytes, value: str, context: str) -> str:
    """HMAC-SHA256 of ``context NUL value``, its first 16 bytes in hex. Computed from the key's two padded
    SHA-256 states, prepared once per key: ``hmac.digest`` sets the key up on every call, three times per
    imported row (tests/patients/test_crypto.py checks the two agree)."""
    inner, outer = _hmac_states(index_key)
    digest = inner.copy()
    digest.update(f"{context}\x00{value}".encode())
    result = outer.copy()
    result.update(digest.digest())
    return result.digest()[:16].hex()


_HMAC_STATES: dict[bytes, tuple[Any, Any]] = {}


def _hmac_states(index_key: bytes) -> tuple[Any, Any]:
    states = _HMAC_STATES.get(index_key)
    if states is None:
        # RFC 2104: a key longer than SHA-256's 64-byte block is hashed first, a shorter one padded with zeros.
        key = (hashlib.sha256(index_key).digest() if len(index_key) > 64 else index_key).ljust(64, b"\0")
        states = (
            hashlib.sha256(bytes(b ^ 0x36 for b in key)),
            hashlib.sha256(bytes(b ^ 0x5C for b in key)),
        )
        _HMAC_STATES[index_key] = states
    return states


# -- the key file ---------------------------------------------------------------------------------------
def _read_keyfile(path: Path) -> list[DataKey] | None:
    """Keys of the file, the active one first; None when there is no file."""
    if not path.exists():
        return None
    data = json.loads(path.read_text("utf-8"))
    keys = {k["id"]: DataKey.from_master(base64.b64decode(k["key"])) for k in data["keys"]}
    active = keys[data["active"]]
    return [active, *(k for kid, k in keys.items() if kid != active.key_id)]


def _write_keyfile(path: Path, entries: list[dict[str, str]], active: str) -> None:
    """Write atomically with mode 0600 (the file is created with that mode, never widened)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump({"active": active, "keys": entries}, handle, indent=1)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def _new_entry() -> tuple[DataKey, dict[str, str]]:
    master = secrets.token_bytes(32)
    key = DataKey.from_master(master)
    entry = {"id": key.key_id, "key": base64.b64encode(master).decode(), "created_at": datetime.now(UTC).isoformat()}
    return key, entry


def _create_keyfile(path: Path) -> list[DataKey]:
    key, entry = _new_entry()
    _write_keyfile(path, [entry], key.key_id)
    return [key]


def add_file_key(settings: Settings) -> str:
    """Rotate the key file: add a new random key and make it active. Returns the new key id."""
    path = settings.data_dir / KEYRING_FILE
    data = json.loads(path.read_text("utf-8")) if path.exists() else {"keys": []}
    key, entry = _new_entry()
    _write_keyfile(path, [*data["keys"], entry], key.key_id)
    return key.key_id


# -- the process keyring (the column types use it) -------------------------------------------------------
_lock = threading.Lock()
_current: Keyring | None = None


def current() -> Keyring:
    """The keyring of this process: configured explicitly, else loaded from the environment once."""
    global _current
    keyring = _current
    if keyring is not None:  # the hot path: every encrypted value asks
        return keyring
    with _lock:
        if _current is None:
            _current = Keyring.load(Settings.from_env())
        return _current


def configure(settings: Settings) -> Keyring:
    """Load the keyring of ``settings`` and make it the process keyring."""
    global _current
    keyring = Keyring.load(settings)
    with _lock:
        _current = keyring
    return keyring


@contextmanager
def using(keyring: Keyring) -> Iterator[Keyring]:
    """Use ``keyring`` for a while (tests, key rotation), then restore the previous one."""
    global _current
    with _lock:
        previous, _current = _current, keyring
    try:
        yield keyring
    finally:
        with _lock:
            _current = previous


# -- column types ----------------------------------------------------------------------------------------
# ``<10 hex key id>:<base64url of nonce + ciphertext + tag>``: 28 bytes and more, ≥ 38 characters + padding
_TOKEN = re.compile(r"[0-9a-f]{10}:[A-Za-z0-9_-]{38,}={0,2}")
ENC = "enc"  # the one key of an encrypted JSON value


def is_token(value: object) -> bool:
    """Whether ``value`` has the form of a ciphertext (legacy plaintext almost never does)."""
    return isinstance(value, str) and _TOKEN.fullmatch(value) is not None


def seal_json(keyring: Keyring, value: Any, context: str) -> Any:
    """``{"enc": token}`` for a JSON value; None, {} and [] stay as they are (nothing to hide)."""
    if value is None or value == {} or value == []:
        return value
    plain = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return {ENC: keyring.encrypt(plain, context)}


def sealed_token(value: Any) -> str | None:
    """The token of an encrypted JSON value, None for a plaintext (legacy) one."""
    if isinstance(value, dict) and len(value) == 1 and is_token(value.get(ENC)):
        return str(value[ENC])
    return None


def open_json(keyring: Keyring, value: Any, context: str) -> Any:
    token = sealed_token(value)
    if token is None:
        return value  # legacy plaintext (written before 0601_runtime_at_rest), or an empty value
    return json.loads(keyring.decrypt(token, context))


class EncryptedText(TypeDecorator[str]):
    """A text column stored as AES-GCM ciphertext; the column's ``context`` is the associated data.

    Empty strings stay empty (nothing to hide, and erased rows keep a NOT NULL name). Equality in SQL
    cannot work on randomised ciphertexts: look rows up through their blind-index columns. With
    ``legacy_plaintext`` a stored value that is not a token is returned as it is (columns that held
    plaintext before; the patients' columns were all encrypted by their migration and stay strict).
    """

    impl = Text
    cache_ok = True

    def __init__(self, context: str, legacy_plaintext: bool = False) -> None:
        super().__init__()
        self.context = context
        self.legacy_plaintext = legacy_plaintext

    def process_bind_param(self, value: str | None, dialect: Any) -> str | None:
        if value is None or value == "":
            return value
        return current().encrypt(str(value), self.context)

    def process_result_value(self, value: str | None, dialect: Any) -> str | None:
        if value is None or value == "":
            return value
        if self.legacy_plaintext and not is_token(value):
            return value
        return current().decrypt(value, self.context)


class EncryptedJSON(TypeDecorator[Any]):
    """A JSON column whose value is stored as ``{"enc": "<token>"}`` (DDL type stays JSON).

    Reads return the original value; a stored value without the wrapper is legacy plaintext and is
    returned unchanged. SQL cannot look inside the value (no JSON path operators on these columns).
    """

    impl = JSON(none_as_null=True)
    cache_ok = True

    def __init__(self, context: str) -> None:
        super().__init__()
        self.context = context

    def process_bind_param(self, value: Any, dialect: Any) -> Any:
        return seal_json(current(), value, self.context)

    def process_result_value(self, value: Any, dialect: Any) -> Any:
        return open_json(current(), value, self.context)


class EncryptedDate(TypeDecorator[date]):
    """A date stored as the ciphertext of its ISO form."""

    impl = Text
    cache_ok = True

    def __init__(self, context: str) -> None:
        super().__init__()
        self.context = context

    def process_bind_param(self, value: date | None, dialect: Any) -> str | None:
        if value is None:
            return None
        return current().encrypt(value.isoformat(), self.context)

    def process_result_value(self, value: str | None, dialect: Any) -> date | None:
        if value is None or value == "":
            return None
        return date.fromisoformat(current().decrypt(value, self.context))
