"""Build a clinic's ChannelClient from its settings (a flat mapping, from the database or environment).

Keys (clinic settings, or environment variables ``DOCTORSFLOW_`` + upper-case key):
``provider`` = sandbox | solapi | nhncloud;
SOLAPI: ``solapi_api_key``, ``solapi_api_secret``, ``solapi_base_url``?, ``solapi_friendtalk_type``? (CTA |
BMS_TEXT); NHN Cloud: ``nhn_sms_app_key``, ``nhn_sms_secret_key``, ``nhn_kakao_app_key``?,
``nhn_kakao_secret_key``?, ``nhn_sms_base_url``?, ``nhn_kakao_base_url``?; both: ``timeout_s``?.
Sender number and Kakao sender key are per message (OutboundMessage.sender / sender_key).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import httpx

from runtime.billing.rates import CostTable
from runtime.channels.base import ChannelClient
from runtime.channels.nhncloud import NhnCloudClient, NhnCloudSettings
from runtime.channels.sandbox import SandboxChannel
from runtime.channels.solapi import FriendTalkType, SolapiClient, SolapiSettings

PROVIDERS = ("sandbox", "solapi", "nhncloud")
FRIENDTALK_TYPES: dict[str, FriendTalkType] = {"CTA": "CTA", "BMS_TEXT": "BMS_TEXT"}


class ChannelConfigError(ValueError):
    """A setting the chosen provider needs is missing or wrong; the message names it."""


def _required(settings: Mapping[str, str], key: str, provider: str) -> str:
    value = settings.get(key)
    if not value:
        raise ChannelConfigError(f"{provider} 설정에 {key} 값이 없습니다 / {provider} setting {key} is missing")
    return value


def settings_from_env(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """Channel settings from ``DOCTORSFLOW_*`` variables (e.g. DOCTORSFLOW_SOLAPI_API_KEY)."""
    env = os.environ if environ is None else environ
    prefix = "DOCTORSFLOW_"
    keys = (
        "provider",
        "solapi_api_key",
        "solapi_api_secret",
        "solapi_base_url",
        "solapi_friendtalk_type",
        "nhn_sms_app_key",
        "nhn_sms_secret_key",
        "nhn_kakao_app_key",
        "nhn_kakao_secret_key",
        "nhn_sms_base_url",
        "nhn_kakao_base_url",
        "timeout_s",
    )
    return {k: env[prefix + k.upper()] for k in keys if env.get(prefix + k.upper())}


def _timeout(value: str | None) -> float:
    """``timeout_s``: seconds, more than 0 and at most 120 (10 when unset)."""
    if not value:
        return 10.0
    try:
        seconds = float(value)
    except ValueError:
        seconds = float("nan")
    if not 0 < seconds <= 120:  # also refuses nan and inf
        raise ChannelConfigError(
            f"timeout_s는 0보다 크고 120 이하의 초입니다: {value!r} / timeout_s must be 0–120 seconds"
        )
    return seconds


def build_channel(
    settings: Mapping[str, str], *, http: httpx.AsyncClient | None = None, costs: CostTable | None = None
) -> ChannelClient:
    """The ChannelClient for ``settings['provider']`` (default sandbox)."""
    provider = settings.get("provider") or "sandbox"
    timeout = _timeout(settings.get("timeout_s"))
    if provider == "solapi":
        friendtalk = settings.get("solapi_friendtalk_type") or "BMS_TEXT"
        friendtalk_type = FRIENDTALK_TYPES.get(friendtalk)
        if friendtalk_type is None:
            raise ChannelConfigError(
                f"solapi_friendtalk_type은 CTA 또는 BMS_TEXT입니다: {friendtalk!r}"
                f" / solapi_friendtalk_type must be CTA or BMS_TEXT"
            )
        return SolapiClient(
            SolapiSettings(
                api_key=_required(settings, "solapi_api_key", "SOLAPI"),
                api_secret=_required(settings, "solapi_api_secret", "SOLAPI"),
                base_url=settings.get("solapi_base_url") or "https://api.solapi.com",
                timeout_s=timeout,
                friendtalk_type=friendtalk_type,
            ),
            http=http,
            costs=costs,
        )
    if provider == "nhncloud":
        nhn = NhnCloudSettings(
            sms_app_key=_required(settings, "nhn_sms_app_key", "NHN Cloud"),
            sms_secret_key=_required(settings, "nhn_sms_secret_key", "NHN Cloud"),
            kakao_app_key=settings.get("nhn_kakao_app_key") or None,
            kakao_secret_key=settings.get("nhn_kakao_secret_key") or None,
            sms_base_url=settings.get("nhn_sms_base_url") or "https://sms.api.nhncloudservice.com",
            kakao_base_url=settings.get("nhn_kakao_base_url") or "https://kakaotalk-bizmessage.api.nhncloudservice.com",
            timeout_s=timeout,
        )
        if bool(nhn.kakao_app_key) != bool(nhn.kakao_secret_key):
            raise ChannelConfigError(
                "카카오톡 비즈메시지 앱키와 시크릿 키는 함께 입력해야 합니다"
                " / KakaoTalk Bizmessage appkey and secret key go together"
            )
        return NhnCloudClient(nhn, http=http, costs=costs)
    if provider == "sandbox":
        return SandboxChannel()
    raise ChannelConfigError(
        f"알 수 없는 발송 제공사입니다: {provider!r} (sandbox, solapi, nhncloud 중 하나)"
        f" / unknown provider {provider!r}: use sandbox, solapi or nhncloud"
    )
