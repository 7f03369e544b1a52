"""The "test connection" HTTP action against the fake providers."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.support.fakes import NhnCloudFake, SolapiFake
from tests.support.solapi import solapi_keys

URL = "/api/channels/test-connection"


async def test_solapi_credentials_are_checked_and_explained(
    client: AsyncTestClient[Litestar], solapi_fake: SolapiFake
) -> None:
    good = {"provider": "solapi", **solapi_keys(solapi_fake)}
    ok = await client.post(URL, json=good)
    assert ok.status_code == 200 and ok.json()["ok"] is True and "잔액" in ok.json()["message"]
    bad = await client.post(URL, json={**good, "solapi_api_secret": "wrong"})
    assert bad.status_code == 200 and bad.json()["ok"] is False and "API Secret" in bad.json()["message"]
    assert "wrong" not in bad.text


async def test_nhn_credentials_are_checked(client: AsyncTestClient[Litestar], nhncloud_fake: NhnCloudFake) -> None:
    body = {
        "provider": "nhncloud",
        "nhn_sms_app_key": nhncloud_fake.sms_app_key,
        "nhn_sms_secret_key": nhncloud_fake.sms_secret_key,
        "nhn_sms_base_url": nhncloud_fake.url,
    }
    response = await client.post(URL, json=body)
    assert response.json() == {
        "ok": True,
        "provider": "nhncloud",
        "message": "NHN Cloud 연결 성공: 발신번호 1개 등록됨 / NHN Cloud connected: 1 sender number(s) registered",
    }


async def test_missing_settings_are_a_422_naming_the_key(client: AsyncTestClient[Litestar]) -> None:
    response = await client.post(URL, json={"provider": "solapi", "solapi_api_key": "K"})
    assert response.status_code == 422
    assert "solapi_api_secret" in response.json()["errors"][0]["message"]
    assert (await client.post(URL, json={"provider": "solapi", "timeout_s": 3})).status_code == 422


async def test_base_url_must_be_the_provider_or_this_machine(client: AsyncTestClient[Litestar]) -> None:
    body = {
        "provider": "solapi",
        "solapi_api_key": "K",
        "solapi_api_secret": "S",
        "solapi_base_url": "http://169.254.169.254/latest",
    }
    response = await client.post(URL, json=body)
    assert response.status_code == 422 and response.json()["errors"][0]["path"] == "/solapi_base_url"
