"""The "test connection" action and building a clinic's channel from settings."""

from __future__ import annotations

import pytest

from runtime.channels.connection import ConnectionCheck
from runtime.channels.connection import test_connection as check_connection
from runtime.channels.nhncloud import NhnCloudClient
from runtime.channels.registry import ChannelConfigError, build_channel, settings_from_env
from runtime.channels.solapi import SolapiClient
from tests.support.fakes import NhnCloudFake, SolapiFake


async def test_solapi_connection_reports_the_balance(solapi_fake: SolapiFake) -> None:
    client = SolapiClient(solapi_fake.settings())
    check = await check_connection(client)
    await client.aclose()
    assert check == ConnectionCheck(True, "SOLAPI 연결 성공: 잔액 100,000원 / SOLAPI connected: balance ₩100,000")
    assert solapi_fake.requests[-1].path == "/cash/v1/balance"


@pytest.mark.parametrize(
    "overrides,expected",
    [({"api_key": "NCSNOPE"}, "API 키가 올바르지 않습니다"), ({"api_secret": "x"}, "API Secret이 올바르지 않아")],
)
async def test_solapi_connection_explains_refusals_in_korean(
    solapi_fake: SolapiFake, overrides: dict[str, str], expected: str
) -> None:
    client = SolapiClient(solapi_fake.settings(**overrides))
    check = await check_connection(client)
    await client.aclose()
    assert not check.ok and check.message.startswith(expected) and "HTTP 401" in check.message
    assert "FAKESECRET" not in check.message


async def test_connection_explains_an_unreachable_server() -> None:
    with SolapiFake() as fake:
        settings = fake.settings()
    client = SolapiClient(settings)  # the fake has stopped: nothing listens on that port
    check = await check_connection(client)
    await client.aclose()
    assert not check.ok and "연결하지 못했습니다" in check.message


async def test_nhn_connection_checks_sender_numbers_and_kakao(nhncloud_fake: NhnCloudFake) -> None:
    good = NhnCloudClient(nhncloud_fake.settings())
    bad_kakao = NhnCloudClient(nhncloud_fake.settings(kakao_secret_key="nope"))
    ok, refused = await check_connection(good), await check_connection(bad_kakao)
    await good.aclose()
    await bad_kakao.aclose()
    assert ok.ok and "발신번호 1개" in ok.message
    assert not refused.ok and "카카오톡 비즈메시지" in refused.message and "시크릿 키" in refused.message


async def test_nhn_connection_without_sender_numbers_is_not_ok() -> None:
    with NhnCloudFake(senders=set()) as fake:
        client = NhnCloudClient(fake.settings(kakao_app_key=None, kakao_secret_key=None))
        check = await check_connection(client)
        await client.aclose()
    assert not check.ok and "발신번호를 사전등록" in check.message


def test_build_channel_from_settings_and_environment() -> None:
    env = {
        "DOCTORSFLOW_PROVIDER": "solapi",
        "DOCTORSFLOW_SOLAPI_API_KEY": "K",
        "DOCTORSFLOW_SOLAPI_API_SECRET": "sekrit-value",
    }
    client = build_channel(settings_from_env(env))
    assert isinstance(client, SolapiClient) and client.settings.friendtalk_type == "BMS_TEXT"
    assert "sekrit-value" not in repr(client.settings)
    nhn = build_channel(
        {
            "provider": "nhncloud",
            "nhn_sms_app_key": "A",
            "nhn_sms_secret_key": "B",
            "nhn_sms_base_url": "http://127.0.0.1:1",
        }
    )
    assert isinstance(nhn, NhnCloudClient) and nhn.settings.sms_base_url == "http://127.0.0.1:1"


@pytest.mark.parametrize(
    "settings,message",
    [
        ({"provider": "solapi", "solapi_api_key": "K"}, "solapi_api_secret"),
        ({"provider": "nhncloud", "nhn_sms_app_key": "A"}, "nhn_sms_secret_key"),
        (
            {"provider": "nhncloud", "nhn_sms_app_key": "A", "nhn_sms_secret_key": "B", "nhn_kakao_app_key": "C"},
            "go together",
        ),
        (
            {"provider": "solapi", "solapi_api_key": "K", "solapi_api_secret": "S", "solapi_friendtalk_type": "X"},
            "CTA or BMS_TEXT",
        ),
        ({"provider": "kakao"}, "unknown provider"),
    ],
)
def test_bad_channel_settings_name_the_problem(settings: dict[str, str], message: str) -> None:
    with pytest.raises(ChannelConfigError, match=message):
        build_channel(settings)
