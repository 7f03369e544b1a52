"""SOLAPI (Coolsms) client: SMS, LMS, AlimTalk (ATA) and FriendTalk / Brand Message over httpx.

Request format and signature follow the official Python SDK ``solapi`` 5.0.3 (``lib/authenticator.py``,
``services/message_service.py``, ``model/request/*``): ``POST /messages/v4/send-many/detail`` with the
SDK's field names and order, so ``tests/providers/test_solapi_sdk_equality.py`` can prove byte equality.
Delivery reports: the console webhook (a JSON array, :func:`parse_solapi_webhook`) or
``GET /messages/v4/list`` polling. Status codes: 2000 accepted, 3000 sent to the carrier, 4000 delivered,
anything else failed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import platform
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal, assert_never

import httpx

from runtime.billing.rates import CostTable
from runtime.channels._results import bilingual, default_explanation, http_failure, transport_failure
from runtime.channels.base import (
    Button,
    ChannelClient,
    DeliveryReport,
    DeliveryState,
    OutboundMessage,
    SendResult,
)

PROVIDER = "solapi"
SEND_PATH = "/messages/v4/send-many/detail"

# errorCode of a refused request → (Korean, English). Names as SOLAPI documents them; unknown codes fall
# back to an explanation by HTTP status.
ERROR_EXPLANATIONS: dict[str, tuple[str, str]] = {
    "InvalidApiKey": ("API 키가 올바르지 않습니다. SOLAPI 콘솔의 API Key를 확인하세요", "invalid API key"),
    "SignatureDoesNotMatch": (
        "API Secret이 올바르지 않아 서명이 맞지 않습니다",
        "signature mismatch: check the API secret",
    ),
    "RequestTimeTooSkewed": (
        "서버 시각이 15분 이상 어긋났습니다. 서버 시계를 맞추세요",
        "server clock is more than 15 minutes off",
    ),
    "DuplicatedSignature": ("같은 서명이 다시 사용되었습니다", "a signature was reused"),
    "NotEnoughBalance": ("SOLAPI 잔액이 부족합니다. 충전 후 다시 보내세요", "insufficient SOLAPI balance"),
    "SenderNumberNotRegistered": (
        "등록되지 않은 발신번호입니다. SOLAPI 콘솔에서 발신번호를 사전등록하세요",
        "sender number not pre-registered",
    ),
    "TemplateMismatch": (
        "알림톡 템플릿과 내용 또는 변수가 일치하지 않습니다",
        "AlimTalk text or variables do not match the approved template",
    ),
    "InvalidPfId": (
        "카카오 채널(pfId)이 연동되어 있지 않습니다",
        "the Kakao channel (pfId) is not linked to this account",
    ),
    "ValidationError": ("요청 형식이 올바르지 않습니다", "the request failed validation"),
    "TooManyRequests": ("요청이 너무 많습니다. 잠시 후 다시 보냅니다", "rate limited; will retry"),
}

# Per-message status codes (delivery reports, failedMessageList) with a known meaning.
STATUS_EXPLANATIONS: dict[str, tuple[str, str]] = {
    "1010": ("수신번호 형식이 올바르지 않습니다", "invalid recipient number"),
    "1062": ("발신번호가 등록되지 않았습니다", "sender number not registered"),
    "3016": ("알림톡 내용이 템플릿과 일치하지 않습니다", "AlimTalk text does not match the template"),
    "3019": ("카카오톡을 사용하지 않는 수신자입니다", "recipient is not a KakaoTalk user"),
    "3020": ("수신자가 카카오 채널을 차단했습니다", "recipient blocked the Kakao channel"),
    "3022": ("친구톡 발송 가능 시간(08:00–20:50)이 아닙니다", "FriendTalk outside 08:00–20:50"),
    "3040": ("수신자가 통신사 단말 문제로 받지 못했습니다", "handset or carrier could not receive"),
}

FriendTalkType = Literal["CTA", "BMS_TEXT"]


@dataclass(frozen=True)
class SolapiSettings:
    """One clinic's SOLAPI connection. The secret never appears in repr or logs."""

    api_key: str
    api_secret: str = field(repr=False)
    base_url: str = "https://api.solapi.com"
    timeout_s: float = 10.0
    connect_timeout_s: float = 5.0
    # FriendTalk (CTA) ended with Kakao's move to Brand Message; BMS_TEXT to channel friends replaces it.
    friendtalk_type: FriendTalkType = "BMS_TEXT"
    sdk_version: str = "doctorsflow/0.1.0"  # the SDK sends "python/5.0.3"; reported in the body's agent


def authorization_header(api_key: str, api_secret: str, date: str, salt: str) -> str:
    """``Authorization`` exactly as the SDK's ``Authenticator.get_auth_info`` writes it."""
    signature = hmac.new(api_secret.encode(), (date + salt).encode(), hashlib.sha256).hexdigest()
    return f"HMAC-SHA256 ApiKey={api_key}, Date={date}, salt={salt}, signature={signature}"


def now_iso() -> str:
    """Local time with its UTC offset, as the SDK formats the date."""
    return datetime.now().astimezone().isoformat()


def new_salt() -> str:
    """32 hex characters (the SDK uses uuid1().hex, which leaks the MAC address; we use random bytes)."""
    return secrets.token_hex(16)


def _digits(number: str) -> str:
    return number.replace("-", "")


def _wrap_variables(variables: Mapping[str, object]) -> dict[str, str]:
    """``{"이름": "김"}`` → ``{"#{이름}": "김"}``; values become strings (the SDK's ``stringify_values``)."""
    return {
        (key if key.startswith("#{") and key.endswith("}") else f"#{{{key}}}"): str(value)
        for key, value in variables.items()
    }


def _friendtalk_options(message: OutboundMessage, kind: FriendTalkType) -> dict[str, Any]:
    """``kakaoOptions`` of a FriendTalk: link buttons as the SDK's models write them (solapi 5.0.3:
    ``KakaoButton`` for CTA, ``BmsWebButton`` in ``kakaoOptions.bms`` for Brand Message). PROVIDERS.md does not
    document these fields; they follow the SDK. Images need a SOLAPI file id (upload), see _missing_config."""
    kakao: dict[str, Any] = {"pfId": message.sender_key, "disableSms": True}
    if kind == "CTA":
        if message.buttons:
            kakao["buttons"] = [_cta_button(b) for b in message.buttons]
    elif kind == "BMS_TEXT":
        bms: dict[str, Any] = {"targeting": "I", "chatBubbleType": "TEXT"}  # I: the channel's friends only
        if message.buttons:
            bms["buttons"] = [_bms_button(b) for b in message.buttons]
        kakao["bms"] = bms
    else:
        assert_never(kind)
    return kakao


def _cta_button(button: Button) -> dict[str, str]:
    return {"linkMo": button.url, "linkPc": button.url, "buttonName": button.name, "buttonType": "WL"}


def _bms_button(button: Button) -> dict[str, str]:
    return {"linkType": "WL", "name": button.name, "linkMobile": button.url, "linkPc": button.url}


def build_message(message: OutboundMessage, settings: SolapiSettings) -> dict[str, Any]:
    """One entry of ``messages``, keys in the SDK's model order (from, to, text, country, type, …)."""
    body: dict[str, Any] = {"from": _digits(message.sender), "to": _digits(message.to)}
    kakao: dict[str, Any] | None = None
    text: str | None
    kind: str
    match message.kind:
        case "sms":
            kind, text = "SMS", message.text
        case "lms":
            kind, text = "LMS", message.text
        case "alimtalk":
            # Text is only the provider-side failover; the AlimTalk itself is template + variables.
            kind, text = "ATA", message.failover_text
            kakao = {
                "pfId": message.sender_key,
                "templateId": message.template_code,
                "variables": _wrap_variables(message.variables),
                "disableSms": message.failover_text is None,
            }
        case "friendtalk":
            kind, text = settings.friendtalk_type, message.text
            kakao = _friendtalk_options(message, settings.friendtalk_type)
        case unknown:  # a kind added to the channel table that this client cannot send: a type error
            assert_never(unknown)
    if text is not None:
        body["text"] = text
    body["country"] = "82"
    body["type"] = kind
    body["autoTypeDetect"] = True
    if message.kind == "lms" and message.subject:
        body["subject"] = message.subject
    body["customFields"] = {"outboxKey": message.key}
    if kakao is not None:
        body["kakaoOptions"] = kakao
    return body


def build_send_body(messages: Sequence[OutboundMessage], settings: SolapiSettings) -> dict[str, Any]:
    """The whole ``send-many/detail`` body, as ``SendMessageRequest.model_dump(by_alias, exclude_none)``."""
    return {
        "messages": [build_message(m, settings) for m in messages],
        "allowDuplicates": False,
        "agent": {
            "sdkVersion": settings.sdk_version,
            "osPlatform": f"{platform.platform()} | {platform.python_version()}",
        },
    }


def status_state(code: str | None) -> DeliveryState:
    if code == "4000":
        return "delivered"
    if code in ("2000", "3000"):
        return "sent"
    return "failed"


def _status_message(code: str | None, provider_text: str | None) -> str | None:
    if code in ("2000", "3000", "4000"):
        return None
    ko, en = STATUS_EXPLANATIONS.get(code or "", ("메시지가 전달되지 않았습니다", "message not delivered"))
    return bilingual(ko, en, provider_text)


def _missing_config(message: OutboundMessage) -> str | None:
    if message.image_url:
        # SOLAPI sends an image by the id of a file uploaded to its storage (``POST /storage/v1/files``), not by
        # address; until the client uploads, an image message is refused here rather than sent without it.
        return (
            "SOLAPI로 이미지 메시지를 보내려면 이미지 업로드가 필요하며 아직 지원하지 않습니다. 이미지를 빼고 보내세요"
            " / SOLAPI needs the image uploaded first, which is not supported yet: remove the image"
        )
    if message.kind in ("alimtalk", "friendtalk") and not message.sender_key:
        return "카카오 채널 키(pfId)가 설정되지 않았습니다 / Kakao channel key (pfId) is not set"
    if message.kind == "alimtalk" and not message.template_code:
        return "알림톡 템플릿 코드가 없습니다 / AlimTalk template code is missing"
    if not message.sender:
        return "발신번호가 설정되지 않았습니다 / sender number is not set"
    return None


class SolapiClient(ChannelClient):
    """SOLAPI for one clinic; reuses one HTTP connection pool until :meth:`aclose`."""

    name = PROVIDER

    def __init__(
        self,
        settings: SolapiSettings,
        *,
        http: httpx.AsyncClient | None = None,
        costs: CostTable | None = None,
        clock: Callable[[], str] = now_iso,
        salt: Callable[[], str] = new_salt,
    ) -> None:
        self.settings = settings
        self._costs = costs or CostTable()
        self._clock, self._salt = clock, salt
        # Keys whose last attempt may have reached SOLAPI without us seeing the answer (time-out, 5xx).
        self._uncertain: set[str] = set()
        self._owns_http = http is None
        self._http = http or httpx.AsyncClient(
            base_url=settings.base_url,
            timeout=httpx.Timeout(settings.timeout_s, connect=settings.connect_timeout_s),
            limits=httpx.Limits(max_connections=20, max_keepalive_connections=10),
        )

    def _headers(self) -> dict[str, str]:
        auth = authorization_header(self.settings.api_key, self.settings.api_secret, self._clock(), self._salt())
        return {"Authorization": auth, "Content-Type": "application/json"}

    async def _request(
        self, method: str, path: str, body: Any = None, params: Mapping[str, str] | None = None
    ) -> httpx.Response:
        url = self.settings.base_url.rstrip("/") + path
        # Serialised as httpx's ``json=`` does (compact, UTF-8), so the bytes equal the SDK's.
        content = None if body is None else json.dumps(body, ensure_ascii=False, separators=(",", ":"))
        return await self._http.request(method, url, content=content, params=params, headers=self._headers())

    async def send(self, message: OutboundMessage) -> SendResult:
        """Send one message; a retry after an uncertain attempt first asks SOLAPI whether it got through."""
        if message.key in self._uncertain:
            known, found = await self._lookup(message)
            if not known:  # neither confirmed nor ruled out: sending now could duplicate
                return SendResult(
                    accepted=False,
                    provider=PROVIDER,
                    state="queued",
                    error_code="UNCONFIRMED",
                    error_message="이전 발송이 접수되었는지 확인하지 못해 아직 다시 보내지 않았습니다"
                    " / could not confirm the earlier attempt; not resent yet",
                    retriable=True,
                )
            if found is not None:
                self._uncertain.discard(message.key)
                return found
        result = (await self.send_batch([message]))[0]
        if result.retriable and result.error_code != "TooManyRequests":
            self._uncertain.add(message.key)
        else:
            self._uncertain.discard(message.key)
        return result

    async def find_sent(self, message: OutboundMessage, within: timedelta = timedelta(hours=24)) -> SendResult | None:
        """The message SOLAPI already holds for this outbox key (``customFields.outboxKey``), if any.

        SOLAPI has no idempotency header, so after a time-out or 5xx the runtime (or :meth:`send` itself,
        in the same process) calls this before sending again. None: not found, or SOLAPI did not answer.
        """
        return (await self._lookup(message, within))[1]

    async def _lookup(
        self, message: OutboundMessage, within: timedelta = timedelta(hours=24)
    ) -> tuple[bool, SendResult | None]:
        """(answered, result): answered is False when SOLAPI could not be asked."""
        since = (datetime.now(UTC) - within).isoformat()
        params = {"to": _digits(message.to), "startDate": since, "limit": "100"}
        try:
            response = await self._request("GET", "/messages/v4/list", params=params)
            if response.status_code != 200:
                return False, None
            found = response.json().get("messageList") or {}
        except (httpx.HTTPError, ValueError, AttributeError):
            return False, None
        for message_id, item in found.items():
            if isinstance(item, dict) and (item.get("customFields") or {}).get("outboxKey") == message.key:
                code = str(item.get("statusCode"))
                ok = code in ("2000", "3000", "4000")
                return True, SendResult(
                    accepted=True,
                    provider=PROVIDER,
                    provider_message_id=str(item.get("messageId") or message_id),
                    state=status_state(code) if ok else "failed",
                    error_code=None if ok else code,
                    cost_krw=self._costs.rate(PROVIDER, message.kind),
                )
        return True, None

    async def send_batch(self, messages: Sequence[OutboundMessage]) -> list[SendResult]:
        """Send several messages in one request; results in the same order (partial success allowed)."""
        results: dict[int, SendResult] = {}
        to_send: list[tuple[int, OutboundMessage]] = []
        for index, message in enumerate(messages):
            problem = _missing_config(message)
            if problem:
                results[index] = SendResult(
                    accepted=False, provider=PROVIDER, state="failed", error_code="CONFIG", error_message=problem
                )
            else:
                to_send.append((index, message))
        if to_send:
            sent = await self._send_now([m for _, m in to_send])
            results.update({index: result for (index, _), result in zip(to_send, sent, strict=True)})
        return [results[i] for i in range(len(messages))]

    async def _send_now(self, messages: list[OutboundMessage]) -> list[SendResult]:
        try:
            response = await self._request("POST", SEND_PATH, build_send_body(messages, self.settings))
        except httpx.HTTPError as exc:
            return [transport_failure(PROVIDER, exc)] * len(messages)
        if response.status_code != 200:
            return [self._refusal(response)] * len(messages)
        try:
            data = response.json()
        except ValueError:
            failure = http_failure(
                PROVIDER,
                502,
                "BAD_RESPONSE",
                "제공사 응답을 읽을 수 없습니다",
                "unreadable provider response",
                response.text[:200],
            )
            return [failure] * len(messages)
        return self._map_send_response(messages, data)

    def _refusal(self, response: httpx.Response) -> SendResult:
        code: str | None = None
        detail: str | None = None
        try:
            data = response.json()
            code, detail = data.get("errorCode"), data.get("errorMessage")
        except (ValueError, AttributeError):
            detail = response.text[:200] or None
        ko, en = ERROR_EXPLANATIONS.get(code or "", default_explanation(response.status_code))
        return http_failure(PROVIDER, response.status_code, code, ko, en, detail)

    def _map_send_response(self, messages: list[OutboundMessage], data: Mapping[str, Any]) -> list[SendResult]:
        by_key: dict[str, SendResult] = {}
        ordered: list[SendResult] = []
        kinds = {m.key: m.kind for m in messages}
        for item in data.get("messageList") or []:
            key = (item.get("customFields") or {}).get("outboxKey")
            code = str(item.get("statusCode"))
            ok = code in ("2000", "3000", "4000")
            kind = kinds.get(key or "", messages[0].kind)
            result = SendResult(
                accepted=ok,
                provider=PROVIDER,
                provider_message_id=item.get("messageId"),
                state=status_state(code) if ok else "failed",
                error_code=None if ok else code,
                error_message=_status_message(code, item.get("statusMessage")),
                cost_krw=self._costs.rate(PROVIDER, kind) if ok else 0.0,
            )
            ordered.append(result)
            if key:
                by_key[key] = result
        for item in data.get("failedMessageList") or []:
            key = (item.get("customFields") or {}).get("outboxKey")
            code = str(item.get("statusCode"))
            result = SendResult(
                accepted=False,
                provider=PROVIDER,
                provider_message_id=item.get("messageId"),
                state="failed",
                error_code=code,
                error_message=_status_message(code, item.get("statusMessage")),
            )
            ordered.append(result)
            if key:
                by_key[key] = result
        if len(by_key) == len(messages):
            return [by_key[m.key] for m in messages]
        if len(ordered) == len(messages) == 1:
            return ordered
        missing = SendResult(
            accepted=False,
            provider=PROVIDER,
            state="failed",
            error_code="NO_RESULT",
            error_message="제공사 응답에 이 메시지의 결과가 없습니다 / no result for this message in the answer",
        )
        return [by_key.get(m.key, missing) for m in messages]

    async def poll_reports(self, provider_message_ids: list[str]) -> list[DeliveryReport]:
        """Current state of each message (``GET /messages/v4/list``); skips ids the provider cannot answer."""
        reports: list[DeliveryReport] = []
        for message_id in provider_message_ids:
            try:
                response = await self._request("GET", "/messages/v4/list", params={"messageId": message_id})
                if response.status_code != 200:
                    continue
                found = (response.json().get("messageList") or {}).get(message_id)
                if isinstance(found, dict):
                    reports.append(_report_from(found, report_id=None))
            except (httpx.HTTPError, ValueError, AttributeError):
                continue  # unreadable answers are retried on the next poll
        return reports

    async def get_balance(self) -> httpx.Response:
        """``GET /cash/v1/balance`` — the cheapest authenticated call; used by the connection check."""
        return await self._request("GET", "/cash/v1/balance")

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()


class SolapiWebhookError(ValueError):
    """The webhook body is not SOLAPI's report array."""


def _parse_time(data: Mapping[str, Any]) -> datetime:
    for name in ("dateReceived", "dateReported", "dateProcessed", "dateUpdated"):
        value = data.get(name)
        if isinstance(value, str) and value:
            try:
                parsed = datetime.fromisoformat(value)
            except ValueError:
                continue
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return datetime.now(UTC)


def _report_from(data: Mapping[str, Any], report_id: str | None) -> DeliveryReport:
    message_id = data.get("messageId")
    if not isinstance(message_id, str) or not message_id:
        raise SolapiWebhookError("보고서에 messageId가 없습니다 / report without messageId")
    code = None if data.get("statusCode") is None else str(data.get("statusCode"))
    state = status_state(code)
    # A resent AlimTalk carries ``replacement: true`` (and the SMS/LMS type it went out as).
    failover = bool(data.get("replacement"))
    return DeliveryReport(
        provider=PROVIDER,
        provider_message_id=message_id,
        state=state,
        at=_parse_time(data),
        error_code=code if state == "failed" else None,
        error_message=_status_message(code, data.get("statusMessage")) if state == "failed" else None,
        report_id=report_id,
        failover_sent=failover,
    )


def parse_solapi_webhook(body: bytes | str | list[Any]) -> list[DeliveryReport]:
    """Reports in a webhook call: a JSON array of ``{eventDataId, data: {messageId, statusCode, …}}``.

    Repeated ``eventDataId`` within one call are dropped; across calls the outbox skips a report_id it has
    stored (SOLAPI retries a webhook until it gets 200). Signature checking is the accounts package's job.
    """
    if isinstance(body, bytes | str):
        try:
            items = json.loads(body)
        except ValueError as exc:
            raise SolapiWebhookError(f"JSON이 아닙니다 / not JSON: {exc}") from None
    else:
        items = body
    if not isinstance(items, list):
        raise SolapiWebhookError("보고서 배열이 아닙니다 / expected a JSON array of reports")
    reports: list[DeliveryReport] = []
    seen: set[str] = set()
    for position, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("data"), dict):
            raise SolapiWebhookError(f"{position}번째 항목에 data가 없습니다 / item {position} has no data object")
        event_id = item.get("eventDataId")
        if event_id is not None and not isinstance(event_id, str):
            raise SolapiWebhookError(
                f"{position}번째 eventDataId가 문자열이 아닙니다 / item {position}: bad eventDataId"
            )
        if event_id and event_id in seen:
            continue
        if event_id:
            seen.add(event_id)
        reports.append(_report_from(item["data"], report_id=event_id))
    return reports
