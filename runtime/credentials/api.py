"""HTTP action "test connection": check provider credentials before the clinic saves them.

``POST /api/channels/test-connection`` with the channel settings (``provider`` and its keys, as in
``registry.py``) → ``{"ok", "message"}``; a missing or malformed setting is a 422 naming it. The
credentials are used for one call and never stored or logged.

Stored credentials (secrets sealed, runtime/credentials/service.py):
- ``GET /api/channels/credentials`` → ``{"active_provider", "providers": [{"provider", "stored", "active",
  "updated_at", "updated_by", "fields": [{"key", "secret", "required", "choices", "set", "masked"|"value"}]}]}``
  — a secret shows as ``masked`` (``••••1234``), never its value
- ``PUT /api/channels/credentials/{provider}`` ``{"fields": {key: value}, "active"?: true, "clear"?: [key]}``
  → the same view; a blank secret keeps the stored one
- ``DELETE /api/channels/credentials/{provider}`` → 204
- ``POST /api/channels/credentials/{provider}/test`` → ``{"ok", "message", "provider"}`` with the stored keys
"""

from __future__ import annotations

from typing import Annotated, Any, cast

from litestar import Controller, delete, get, post, put
from sqlalchemy.ext.asyncio import AsyncSession

from runtime.channels.base import ChannelClient
from runtime.channels.connection import test_connection as check_connection
from runtime.channels.hosts import base_url_problem
from runtime.channels.registry import ChannelConfigError, build_channel
from runtime.credentials import service as credentials
from runtime.credentials.schemas import ChannelSettingsIn, ConnectionCheck, CredentialsView, SaveCredentialsIn
from storage import audit
from storage.errors import ApiError, Problem
from storage.openapi import BodyShape
from storage.tenancy import Caller


def _check_base_urls(data: dict[str, str]) -> None:
    for key, value in data.items():
        problem = base_url_problem(key, value) if key.endswith("_base_url") else None
        if problem:
            raise ApiError(422, [Problem("channel_config", problem, path=f"/{key}")])


async def _check(client: ChannelClient) -> ConnectionCheck:
    try:
        check = await check_connection(client)
    finally:
        await client.aclose()
    return {"ok": check.ok, "message": check.message, "provider": client.name}


class ChannelController(Controller):
    path = "/api/channels"
    tags = ["channels"]

    @post("/test-connection", operation_id="TestChannelConnection", status_code=200)
    async def test_connection(self, data: Annotated[dict[str, Any], BodyShape(ChannelSettingsIn)]) -> ConnectionCheck:
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise ApiError(
                422, [Problem("invalid_body", "설정 값은 모두 문자열이어야 합니다 / every setting must be a string")]
            )
        _check_base_urls(data)
        try:
            client = build_channel(data)
        except ChannelConfigError as exc:
            raise ApiError(422, [Problem("channel_config", str(exc))]) from None
        return await _check(client)

    # -- stored credentials (runtime/credentials/service.py) -----------------------------------------
    @get("/credentials", operation_id="GetChannelCredentials")
    async def get_credentials(self, db_session: AsyncSession) -> CredentialsView:
        return cast(CredentialsView, await credentials.describe(db_session))

    @put("/credentials/{provider:str}", operation_id="SaveChannelCredentials")
    async def save_credentials(
        self,
        db_session: AsyncSession,
        caller: Caller,
        provider: str,
        data: Annotated[dict[str, Any], BodyShape(SaveCredentialsIn)],
    ) -> CredentialsView:
        await credentials.save(db_session, caller, provider, data)
        return cast(CredentialsView, await credentials.describe(db_session))

    @delete("/credentials/{provider:str}", operation_id="DeleteChannelCredentials", status_code=204)
    async def delete_credentials(self, db_session: AsyncSession, caller: Caller, provider: str) -> None:
        await credentials.delete(db_session, caller, provider)

    @post("/credentials/{provider:str}/test", operation_id="TestStoredChannelCredentials", status_code=200)
    async def test_stored(self, db_session: AsyncSession, caller: Caller, provider: str) -> ConnectionCheck:
        settings = await credentials.stored_settings(db_session, provider)
        try:
            client = build_channel(settings)
        except ChannelConfigError as exc:
            raise ApiError(422, [Problem("channel_config", str(exc))]) from None
        result = await _check(client)
        audit.record(db_session, caller, "channel_credentials.test", f"provider:{provider}", ok=result["ok"])
        return result


ROUTES = [ChannelController]

# What each route needs (operation id → action); enforced by storage/accounts/guards.py.
ROUTE_PERMISSIONS = {
    "TestChannelConnection": "settings.write",
    # Reading shows which keys are set (masked): managers only, like writing.
    "GetChannelCredentials": "settings.write",
    "SaveChannelCredentials": "settings.write",
    "DeleteChannelCredentials": "settings.write",
    "TestStoredChannelCredentials": "settings.write",
}
