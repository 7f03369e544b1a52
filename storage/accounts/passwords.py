"""Password hashing with argon2id (argon2-cffi) and the minimum password rule."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from storage.errors import ApiError, Problem

MIN_LENGTH = 10
MAX_LENGTH = 256  # argon2 takes any length; a bound keeps a log-in request cheap

# argon2id with OWASP's minimum (m=19 MiB, t=2, p=1): a log-in stays cheap on a small clinic server and
# many failed attempts cannot exhaust its memory. Stored hashes carry their parameters (needs_rehash).
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)

# Verified against when the e-mail is unknown, so a wrong e-mail costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("dummy-password-for-timing")


def hash_password(password: str) -> str:
    check_policy(password)
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    if len(password) > MAX_LENGTH:
        return False
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def check_policy(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise ApiError(
            400,
            [
                Problem(
                    "weak_password",
                    f"비밀번호는 {MIN_LENGTH}자 이상이어야 합니다 / password must have at least {MIN_LENGTH} characters",
                    path="/password",
                )
            ],
        )
    if len(password) > MAX_LENGTH:
        raise ApiError(
            400,
            [
                Problem(
                    "weak_password",
                    f"비밀번호는 {MAX_LENGTH}자 이하여야 합니다 / password must have at most {MAX_LENGTH} characters",
                    path="/password",
                )
            ],
        )
