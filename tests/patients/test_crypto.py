"""The keyring: AES-GCM with the key id in the ciphertext, blind indexes, key files and rotation."""

from __future__ import annotations

import hmac
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage import crypto
from storage.config import Settings


def settings_at(data_dir: Path, secret: str | None) -> Settings:
    return Settings(data_dir=data_dir, database_url="sqlite+aiosqlite://", redis_url=None, secret_key=secret)


def test_values_round_trip_and_carry_the_key_id(tmp_path: Path) -> None:
    keyring = crypto.Keyring.load(settings_at(tmp_path, "a secret"))
    token = keyring.encrypt("김민지", "patients.name")
    assert token.startswith(keyring.active.key_id + ":")
    assert "김민지" not in token
    assert keyring.encrypt("김민지", "patients.name") != token  # a fresh nonce every time
    assert keyring.decrypt(token, "patients.name") == "김민지"


def test_a_ciphertext_moved_to_another_column_does_not_decrypt(tmp_path: Path) -> None:
    keyring = crypto.Keyring.load(settings_at(tmp_path, "a secret"))
    token = keyring.encrypt("01012345678", "patients.phone")
    with pytest.raises(crypto.DecryptionError):
        keyring.decrypt(token, "patients.name")


def test_another_secret_cannot_read_and_indexes_differ(tmp_path: Path) -> None:
    first = crypto.Keyring.load(settings_at(tmp_path, "one"))
    second = crypto.Keyring.load(settings_at(tmp_path, "two"))
    with pytest.raises(crypto.DecryptionError):
        second.decrypt(first.encrypt("x", "c"), "c")
    assert first.blind_index("01012345678", "phone") != second.blind_index("01012345678", "phone")
    assert first.blind_index("01012345678", "phone") == first.blind_index("01012345678", "phone")
    assert first.blind_index("A-1", "phone") != first.blind_index("A-1", "chart")


def test_without_a_secret_a_key_file_is_created_once_with_mode_0600(tmp_path: Path) -> None:
    first = crypto.Keyring.load(settings_at(tmp_path, None))
    path = tmp_path / crypto.KEYRING_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = crypto.Keyring.load(settings_at(tmp_path, None))
    assert again.active.key_id == first.active.key_id
    assert again.decrypt(first.encrypt("이준호", "c"), "c") == "이준호"


def test_a_rotated_key_file_keeps_old_keys_readable(tmp_path: Path) -> None:
    old = crypto.Keyring.load(settings_at(tmp_path, None))
    token = old.encrypt("박서연", "c")
    new_id = crypto.add_file_key(settings_at(tmp_path, None))
    rotated = crypto.Keyring.load(settings_at(tmp_path, None))
    assert rotated.active.key_id == new_id != old.active.key_id
    assert rotated.decrypt(token, "c") == "박서연"
    # Lookups try every key, the active one first.
    assert rotated.blind_indexes("x", "phone") == [
        rotated.blind_index("x", "phone"),
        old.blind_index("x", "phone"),
    ]


def test_previous_environment_secrets_stay_readable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    token = crypto.Keyring.load(settings_at(tmp_path, "old secret")).encrypt("v", "c")
    monkeypatch.setenv(crypto.PREVIOUS_KEYS_ENV, "old secret")
    keyring = crypto.Keyring.load(settings_at(tmp_path, "new secret"))
    assert keyring.decrypt(token, "c") == "v"
    monkeypatch.delenv(crypto.PREVIOUS_KEYS_ENV)
    with pytest.raises(crypto.DecryptionError):
        crypto.Keyring.load(settings_at(tmp_path, "new secret")).decrypt(token, "c")


@settings(max_examples=300, deadline=None)
@given(key=st.binary(min_size=1, max_size=100), value=st.text(), context=st.sampled_from(["phone", "chart", "name"]))
def test_blind_indexes_are_the_standard_hmac_sha256(key: bytes, value: str, context: str) -> None:
    # Indexes written before the precomputed-state HMAC must still be found: the same 16 bytes as hmac.digest.
    expected = hmac.digest(key, f"{context}\x00{value}".encode(), "sha256")[:16].hex()
    assert crypto._blind(key, value, context) == expected
