"""Random bearer secrets and their stored form: only a SHA-256 digest ever reaches the database."""

from __future__ import annotations

import hashlib
import hmac
import secrets

API_TOKEN_PREFIX = "df_"


def new_secret() -> str:
    """256 random bits, URL-safe (session cookies, CSRF tokens, one-time links)."""
    return secrets.token_urlsafe(32)


def new_api_token() -> str:
    return API_TOKEN_PREFIX + secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """The stored form. A fast hash is right here: the secret has 256 bits, nothing to brute-force."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def same(a: str | None, b: str | None) -> bool:
    """Constant-time comparison of two secrets (False when either is missing)."""
    if not a or not b:
        return False
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))
