"""HTTP action "test connection": check provider credentials before the clinic saves them.

``POST /api/channels/test-connection`` with the channel settings (``provider`` and its keys, as in
``registry.py``) → ``{"ok", "message"}``; a missing or malformed setting is a 422 naming it. The
credentials are used for one call and never stored or logged here (encrypted storage comes with the
clinic-settings work).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from litestar import Controller, post

from runtime.channels.connection import test_connection as check_connection
from runtime.channels.registry import ChannelConfigError, build_channel
from storage.errors import ApiError, Problem

# Base URLs a caller may point the check at: the providers' own hosts, or this machine (fakes, tests).
# Anything else would let the action probe arbitrary hosts from the server (SSRF).
PROVIDER_HOSTS = {
    "api.solapi.com",
    "sms.api.nhncloudservice.com",
    "kakaotalk-bizmessage.api.nhncloudservice.com",
    "api-sms.cloud.toast.com",
    "api-alimtalk.cloud.toast.com",
}
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def _check_base_urls(data: dict[str, str]) -> None:
    for key, value in data.items():
        if not key.endswith("_base_url"):
            continue
        parts = urlsplit(value)
        allowed = (parts.scheme == "https" and parts.hostname in PROVIDER_HOSTS) or (
            parts.scheme in ("http", "https") and parts.hostname in LOCAL_HOSTS
        )
        if not allowed:
            raise ApiError(
                422,
                [
                    Problem(
                        "channel_config",
                        f"{key}: 제공사 주소만 쓸 수 있습니다 ({value}) / {key} must be the provider's own address",
                        path=f"/{key}",
                    )
                ],
            )


class ChannelController(Controller):
    path = "/api/channels"
    tags = ["channels"]

    @post("/test-connection", operation_id="TestChannelConnection", status_code=200)
    async def test_connection(self, data: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise ApiError(
                422, [Problem("invalid_body", "설정 값은 모두 문자열이어야 합니다 / every setting must be a string")]
            )
        _check_base_urls(data)
        try:
            client = build_channel(data)
        except ChannelConfigError as exc:
            raise ApiError(422, [Problem("channel_config", str(exc))]) from None
        try:
            check = await check_connection(client)
        finally:
            await client.aclose()
        return {"ok": check.ok, "message": check.message, "provider": client.name}


ROUTES = [ChannelController]

# What each route needs (operation id → action); enforced by storage/accounts/guards.py.
ROUTE_PERMISSIONS = {
    "TestChannelConnection": "settings.write",
}
