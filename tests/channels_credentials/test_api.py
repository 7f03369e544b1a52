"""Stored provider credentials through the HTTP API: masked, sealed, audited, validated, per clinic."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import String, select, type_coerce

from storage import crypto
from storage.config import Settings
from storage.db import session_scope
from storage.models import AuditEntry, ProviderCredential
from storage.patients.rotation import rotate
from tests.conftest import ClientAs
from tests.support.fakes import NhnCloudFake, SolapiFake
from tests.support.solapi import KAKAO_SENDER_KEY, solapi_keys

URL = "/api/channels/credentials"


def solapi_body(fake: SolapiFake, **fields: str) -> dict[str, Any]:
    values = {**solapi_keys(fake), "sender_number": "02-1234-5678", "kakao_sender_key": KAKAO_SENDER_KEY}
    return {"fields": {**values, **fields}}


def field(view: dict[str, Any], provider: str, key: str) -> dict[str, Any]:
    entry = next(p for p in view["providers"] if p["provider"] == provider)
    found: dict[str, Any] = next(f for f in entry["fields"] if f["key"] == key)
    return found


async def raw_secrets(settings: Settings) -> list[str]:
    """The stored ciphertexts as they are in the column (not decrypted)."""
    async with session_scope(settings, None) as db:
        column = type_coerce(ProviderCredential.__table__.c.secrets, String)
        return [str(v) for v in (await db.execute(select(column))).scalars()]


async def test_saved_credentials_come_back_masked_and_sealed(
    client: AsyncTestClient[Litestar], settings: Settings, solapi_fake: SolapiFake, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    # Given nothing stored
    empty = (await client.get(URL)).json()
    assert empty["active_provider"] is None and all(not p["stored"] for p in empty["providers"])
    # When the manager saves SOLAPI credentials
    saved = await client.put(f"{URL}/solapi", json=solapi_body(solapi_fake))
    assert saved.status_code == 200, saved.text
    view = (await client.get(URL)).json()
    # Then SOLAPI is active, the secrets show as their last 4 characters only, the rest as stored
    assert view["active_provider"] == "solapi"
    assert field(view, "solapi", "solapi_api_secret") | {} == {
        "key": "solapi_api_secret",
        "secret": True,
        "required": True,
        "choices": [],
        "set": True,
        "masked": "••••" + solapi_fake.api_secret[-4:],
    }
    assert field(view, "solapi", "sender_number")["value"] == "0212345678"
    # And no response, audit entry, log line or database column holds a secret
    audit = (await client.get("/api/audit")).text
    for secret in (solapi_fake.api_key, solapi_fake.api_secret):
        assert secret not in saved.text and secret not in str(view) and secret not in audit
        assert secret not in caplog.text
        assert all(secret not in raw for raw in await raw_secrets(settings))
    async with session_scope(settings, None) as db:
        entry = (
            await db.execute(select(AuditEntry).where(AuditEntry.action == "channel_credentials.save"))
        ).scalar_one()
    assert entry.target == "provider:solapi" and "solapi_api_secret" in entry.detail["fields_changed"]


async def test_a_blank_secret_keeps_the_stored_one(
    client: AsyncTestClient[Litestar], settings: Settings, solapi_fake: SolapiFake
) -> None:
    # Given stored credentials
    assert (await client.put(f"{URL}/solapi", json=solapi_body(solapi_fake))).status_code == 200
    before = await raw_secrets(settings)
    # When the form is saved again with blank secrets and a new sender number
    again = solapi_body(solapi_fake, solapi_api_key="", solapi_api_secret="", sender_number="010-9876-5432")
    response = await client.put(f"{URL}/solapi", json=again)
    # Then the secrets are unchanged and the sender number is the new one
    assert response.status_code == 200, response.text
    assert field(response.json(), "solapi", "solapi_api_key")["masked"] == "••••" + solapi_fake.api_key[-4:]
    assert field(response.json(), "solapi", "sender_number")["value"] == "01098765432"
    async with session_scope(settings, 1) as db:
        row = (await db.execute(select(ProviderCredential))).scalar_one()
        assert row.version == 2 and '"solapi_api_secret": "' + solapi_fake.api_secret + '"' in row.secrets
    assert before == await raw_secrets(settings)  # the sealed value was not rewritten


async def test_test_connection_uses_the_stored_credentials(
    client: AsyncTestClient[Litestar], solapi_fake: SolapiFake
) -> None:
    # Given no stored credentials, When tested, Then 404 explains to save first
    assert (await client.post(f"{URL}/solapi/test")).status_code == 404
    # Given stored credentials, When tested, Then the fake's balance comes back in Korean
    await client.put(f"{URL}/solapi", json=solapi_body(solapi_fake))
    ok = await client.post(f"{URL}/solapi/test")
    assert ok.status_code == 200 and ok.json()["ok"] is True and "잔액" in ok.json()["message"]
    # Given a wrong secret stored, Then the provider's refusal is explained, without the secret
    await client.put(f"{URL}/solapi", json=solapi_body(solapi_fake, solapi_api_secret="WRONGSECRET123"))
    bad = await client.post(f"{URL}/solapi/test")
    assert bad.json()["ok"] is False and "API Secret" in bad.json()["message"]
    assert "WRONGSECRET123" not in bad.text and solapi_fake.api_key not in bad.text


@pytest.mark.parametrize(
    ("fields", "path", "needle"),
    [
        ({"sender_number": "123"}, "/fields/sender_number", "발신번호"),
        ({"solapi_base_url": "http://169.254.169.254/x"}, "/fields/solapi_base_url", "제공사 주소"),
        ({"solapi_api_secret": "has space"}, "/fields/solapi_api_secret", "공백"),
        ({"kakao_sender_key": "키"}, "/fields/kakao_sender_key", "발신프로필"),
        ({"solapi_friendtalk_type": "X"}, "/fields/solapi_friendtalk_type", "BMS_TEXT"),
        ({"nope": "1"}, "/fields/nope", "nope"),
        ({"sender_number": 1234}, "/fields/sender_number", "문자열"),
    ],
)
async def test_bad_input_is_a_422_naming_the_field_and_stores_nothing(
    client: AsyncTestClient[Litestar],
    settings: Settings,
    solapi_fake: SolapiFake,
    fields: dict[str, Any],
    path: str,
    needle: str,
) -> None:
    body = solapi_body(solapi_fake)
    body["fields"].update(fields)
    response = await client.put(f"{URL}/solapi", json=body)
    assert response.status_code == 422
    problem = next(p for p in response.json()["errors"] if p["path"] == path)
    assert needle in problem["message"] and " / " in problem["message"]
    assert await raw_secrets(settings) == []
    async with session_scope(settings, None) as db:
        assert (await db.execute(select(AuditEntry).where(AuditEntry.action.like("channel_%")))).first() is None


async def test_required_fields_and_nhn_kakao_pair_are_checked(
    client: AsyncTestClient[Litestar], nhncloud_fake: NhnCloudFake
) -> None:
    missing = await client.put(f"{URL}/nhncloud", json={"fields": {"sender_number": "02-1234-5678"}})
    assert missing.status_code == 422
    assert {p["path"] for p in missing.json()["errors"]} == {"/fields/nhn_sms_app_key", "/fields/nhn_sms_secret_key"}
    half = {
        "nhn_sms_app_key": nhncloud_fake.sms_app_key,
        "nhn_sms_secret_key": nhncloud_fake.sms_secret_key,
        "nhn_kakao_app_key": "KAKAOAPP1",
        "sender_number": "02-1234-5678",
    }
    paired = await client.put(f"{URL}/nhncloud", json={"fields": half})
    assert paired.status_code == 422 and "함께" in paired.json()["errors"][0]["message"]
    assert (await client.put(f"{URL}/kakao", json={"fields": {}})).status_code == 404


async def test_switching_provider_deactivates_the_other_and_delete_falls_back(
    client: AsyncTestClient[Litestar], solapi_fake: SolapiFake, nhncloud_fake: NhnCloudFake
) -> None:
    await client.put(f"{URL}/solapi", json=solapi_body(solapi_fake))
    nhn = {
        "nhn_sms_app_key": nhncloud_fake.sms_app_key,
        "nhn_sms_secret_key": nhncloud_fake.sms_secret_key,
        "sender_number": "02-1234-5678",
        "nhn_sms_base_url": nhncloud_fake.url,
    }
    view = (await client.put(f"{URL}/nhncloud", json={"fields": nhn})).json()
    assert view["active_provider"] == "nhncloud"
    assert [p["active"] for p in view["providers"]] == [False, True]
    test = await client.post(f"{URL}/nhncloud/test")
    assert test.json()["ok"] is True, test.text
    assert (await client.delete(f"{URL}/nhncloud")).status_code == 204
    after = (await client.get(URL)).json()
    assert after["active_provider"] is None and [p["stored"] for p in after["providers"]] == [True, False]
    assert (await client.delete(f"{URL}/nhncloud")).status_code == 404


async def test_other_clinics_and_staff_cannot_read_or_use_them(
    client: AsyncTestClient[Litestar], client_as: ClientAs, solapi_fake: SolapiFake
) -> None:
    await client.put(f"{URL}/solapi", json=solapi_body(solapi_fake))
    other = await client_as("manager", clinic="clinic-b")
    view = (await other.get(URL)).json()
    assert view["active_provider"] is None and not any(p["stored"] for p in view["providers"])
    assert (await other.post(f"{URL}/solapi/test")).status_code == 404
    assert (await other.delete(f"{URL}/solapi")).status_code == 404
    staff = await client_as("staff")
    assert (await staff.get(URL)).status_code == 403
    assert (await client.get(URL)).json()["active_provider"] == "solapi"


async def test_rotation_re_encrypts_stored_secrets(
    client: AsyncTestClient[Litestar], settings: Settings, solapi_fake: SolapiFake
) -> None:
    # Given credentials sealed under the test key
    old = crypto.current()
    await client.put(f"{URL}/solapi", json=solapi_body(solapi_fake))
    new = crypto.DataKey.from_secret("a new secret for rotation")
    # When the key rotates
    with crypto.using(crypto.Keyring(active=new, keys=dict(old.keys))):
        async with session_scope(settings, None) as db:
            result = await rotate(db)
        assert result["provider_credentials"] == 1
        assert all(raw.startswith(new.key_id + ":") for raw in await raw_secrets(settings))
    # Then the new key alone reads them
    with crypto.using(crypto.Keyring(active=new)):
        ok = await client.post(f"{URL}/solapi/test")
        assert ok.json()["ok"] is True


async def test_keys_sealed_under_a_lost_server_key_are_reported_and_can_be_deleted(
    client: AsyncTestClient[Litestar], solapi_fake: SolapiFake
) -> None:
    # Given credentials sealed under the test key, and a server that lost it
    await client.put(f"{URL}/solapi", json=solapi_body(solapi_fake))
    with crypto.using(crypto.Keyring(active=crypto.DataKey.from_secret("another server key"))):
        # When the page loads, Then a 409 says which keys to check (no 500)
        response = await client.get(URL)
        assert response.status_code == 409 and "DOCTORSFLOW_SECRET_KEY" in response.json()["errors"][0]["message"]
        assert (await client.post(f"{URL}/solapi/test")).status_code == 409
        # And the keys can still be deleted and entered again
        assert (await client.delete(f"{URL}/solapi")).status_code == 204
        assert (await client.put(f"{URL}/solapi", json=solapi_body(solapi_fake))).status_code == 200
        assert (await client.get(URL)).json()["active_provider"] == "solapi"
