"""Requests signed the way a clinic's booking system signs them (storage/accounts/webhooks.py)."""

from __future__ import annotations

import json
from typing import Any

from storage.accounts.webhooks import SIGNATURE_HEADER, sign


def signed(payload: Any, secret: str, timestamp: int | None = None) -> tuple[bytes, dict[str, str]]:
    """The body and headers a booking system sends."""
    body = json.dumps(payload, ensure_ascii=False).encode()
    return body, {SIGNATURE_HEADER: sign(body, secret, timestamp), "content-type": "application/json"}
