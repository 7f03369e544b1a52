"""The "test connection" action: one cheap authenticated call per provider, explained in Korean.

SOLAPI: ``GET /cash/v1/balance``. NHN Cloud: ``GET …/sendNos`` (SMS) and ``GET …/senders`` (KakaoTalk
Bizmessage, when configured). Never raises; never includes a secret in the message.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from runtime.channels import nhncloud, solapi
from runtime.channels._results import bilingual, default_explanation
from runtime.channels.base import ChannelClient


@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    message: str  # Korean first, English after " / "


def _network(exc: httpx.HTTPError) -> ConnectionCheck:
    if isinstance(exc, httpx.TimeoutException):
        return ConnectionCheck(
            False,
            bilingual(
                "제공사 응답 시간이 초과되었습니다. 잠시 후 다시 시도하세요",
                "the provider did not answer in time",
                type(exc).__name__,
            ),
        )
    return ConnectionCheck(
        False,
        bilingual(
            "제공사 서버에 연결하지 못했습니다. 인터넷 연결과 주소(base URL)를 확인하세요",
            "could not reach the provider",
            type(exc).__name__,
        ),
    )


async def _check_solapi(client: solapi.SolapiClient) -> ConnectionCheck:
    try:
        response = await client.get_balance()
    except httpx.HTTPError as exc:
        return _network(exc)
    try:
        data = response.json()
    except ValueError:
        data = {}
    if response.status_code == 200 and isinstance(data, dict):
        balance = float(data.get("balance") or 0)
        return ConnectionCheck(
            True, f"SOLAPI 연결 성공: 잔액 {balance:,.0f}원 / SOLAPI connected: balance ₩{balance:,.0f}"
        )
    code = data.get("errorCode") if isinstance(data, dict) else None
    ko, en = solapi.ERROR_EXPLANATIONS.get(code or "", default_explanation(response.status_code))
    return ConnectionCheck(False, bilingual(ko, en, f"HTTP {response.status_code} {code or ''}".strip()))


def _nhn_failure(response: httpx.Response, what: str) -> ConnectionCheck | None:
    try:
        data = response.json()
    except ValueError:
        data = {}
    header = data.get("header") if isinstance(data, dict) else None
    if response.status_code == 200 and isinstance(header, dict) and header.get("isSuccessful"):
        return None
    code = str(header.get("resultCode")) if isinstance(header, dict) else None
    ko, en = nhncloud.ERROR_EXPLANATIONS.get(code or "", default_explanation(response.status_code))
    return ConnectionCheck(False, bilingual(f"{what}: {ko}", en, f"HTTP {response.status_code} {code or ''}".strip()))


async def _check_nhn(client: nhncloud.NhnCloudClient) -> ConnectionCheck:
    try:
        response = await client.list_sender_numbers()
        failure = _nhn_failure(response, "NHN Cloud SMS")
        if failure:
            return failure
        numbers = ((response.json().get("body") or {}).get("data")) or []
        usable = [n for n in numbers if n.get("useYn") == "Y" and n.get("blockYn") != "Y"]
        parts = [f"발신번호 {len(usable)}개 등록됨"]
        english = [f"{len(usable)} sender number(s) registered"]
        if client.settings.kakao_app_key:
            response = await client.list_sender_profiles()
            failure = _nhn_failure(response, "NHN Cloud 카카오톡 비즈메시지")
            if failure:
                return failure
            parts.append("카카오 발신프로필 확인")
            english.append("Kakao sender profiles reachable")
    except httpx.HTTPError as exc:
        return _network(exc)
    if not usable:
        return ConnectionCheck(
            False,
            "NHN Cloud 연결은 되었지만 사용 가능한 발신번호가 없습니다. 발신번호를 사전등록하세요"
            " / connected, but no usable sender number is registered",
        )
    return ConnectionCheck(True, f"NHN Cloud 연결 성공: {', '.join(parts)} / NHN Cloud connected: {', '.join(english)}")


async def test_connection(client: ChannelClient) -> ConnectionCheck:
    """Check credentials with the cheapest authenticated call of the client's provider."""
    if isinstance(client, solapi.SolapiClient):
        return await _check_solapi(client)
    if isinstance(client, nhncloud.NhnCloudClient):
        return await _check_nhn(client)
    return ConnectionCheck(True, f"{client.name}: 외부 연결이 필요 없는 채널입니다 / no external connection needed")


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test when imported
