"""Settings of log-in and sessions, from the environment (defaults are the secure choice)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class AuthSettings:
    # "auto": Secure cookies when the request came over https (directly or X-Forwarded-Proto from a proxy
    # in DOCTORSFLOW_TRUSTED_PROXIES, storage/proxies.py); "always" / "never" force it.
    cookie_secure: str = "auto"
    idle_timeout: timedelta = timedelta(minutes=30)
    absolute_timeout: timedelta = timedelta(hours=12)
    # Lock-out: this many failures inside the window lock the account (or address) for lock_time.
    max_failures_per_account: int = 5
    max_failures_per_ip: int = 20  # a clinic's staff share one address behind NAT: looser than per account
    failure_window: timedelta = timedelta(minutes=15)
    lock_time: timedelta = timedelta(minutes=15)
    one_time_link_ttl: timedelta = timedelta(hours=24)

    @classmethod
    def from_env(cls) -> AuthSettings:
        secure = os.environ.get("DOCTORSFLOW_COOKIE_SECURE", "auto").lower()
        if secure not in ("auto", "always", "never"):
            secure = "auto"
        return cls(
            cookie_secure=secure,
        )
