"""Where a provider base URL may point: the providers' own hosts, or this machine (fakes, tests).

Anything else would let a clinic setting make the server call arbitrary hosts (SSRF). Used by the raw
"test connection" action and by stored credentials alike.
"""

from __future__ import annotations

from urllib.parse import urlsplit

PROVIDER_HOSTS = frozenset(
    {
        "api.solapi.com",
        "sms.api.nhncloudservice.com",
        "kakaotalk-bizmessage.api.nhncloudservice.com",
        "api-sms.cloud.toast.com",
        "api-alimtalk.cloud.toast.com",
    }
)
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def base_url_problem(key: str, value: str) -> str | None:
    """Why ``value`` may not be used as ``key`` (a ``*_base_url`` setting), or None when it may."""
    try:
        parts = urlsplit(value)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except ValueError:
        host = None
    allowed = host is not None and (
        (parts.scheme == "https" and host in PROVIDER_HOSTS)
        or (parts.scheme in ("http", "https") and host in LOCAL_HOSTS)
    )
    if allowed:
        return None
    return f"{key}: 제공사 주소만 쓸 수 있습니다 ({value}) / {key} must be the provider's own address"
