"""SOLAPI (Coolsms) client: SMS, LMS, AlimTalk (ATA) and FriendTalk / Brand Message over httpx.

Request format and signature follow the official Python SDK ``solapi`` 5.0.3 (``lib/authenticator.py``,
``services/message_service.py``, ``model/request/*``): ``POST /messages/v4/send-many/detail`` with the
SDK's field names and order, so ``tests/providers/test_solapi_sdk_equality.py`` can prove byte equality.
Delivery reports: the console webhook (a JSON array, :func:`parse_solapi_webhook`) or
``GET /messages/v4/list`` polling. Status codes: 2000 accepted, 3000 sent to the carrier, 4000 delivered,
anything else failed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import platform
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, assert_never

import httpx

from nodes.json_limits import TOO_DEEP_MESSAGE, too_deep
from runtime.billing.rates import CostTable
from runtime.channels._results import bilingual, default_explanation, http_failure, transport_failure, uncertain
from runtime.channels.base import (
    Button,
    ChannelClient,
    DeliveryReport,
    DeliveryState,
    OutboundMessage,
    SendResult,
)

PROVIDER = "solapi"
SEND_PATH = "/messages/v4/send-many/detail"  # the SDK's one-shot send (its body: build_send_body)
GROUPS_PATH = "/messages/v4/groups"  # the group lifecycle the client sends with: a durable handle per row
SENT_CODES = ("2000", "3000", "4000")  # accepted, sent to the carrier, delivered
# errorCode of ``POST …/groups/{id}/send`` for a group that is no longer PENDING (SOLAPI's group send reference)
ALREADY_SENT = ("AlreadySent", "InvalidStatus", "MessagesInProcessing")

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


def _not_sent(detail: str) -> SendResult:
    """A failure before any message could have gone (creating an empty group): a plain retry."""
    return SendResult(
        accepted=False,
        provider=PROVIDER,
        state="queued",
        error_code="GROUP_NOT_CREATED",
        error_message=bilingual("발송 그룹을 만들지 못했습니다", "could not create the message group", detail),
        retriable=True,
    )


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


def _config_refusal(problem: str) -> SendResult:
    return SendResult(accepted=False, provider=PROVIDER, state="failed", error_code="CONFIG", error_message=problem)


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

    # --- the group lifecycle: create → (store the group id) → add → send; recovery asks the group -----------

    async def open_handle(self, message: OutboundMessage) -> str | SendResult:
        """Create an empty group for this outbox row (``POST /messages/v4/groups``): its id, stored on the row
        before any message is added, is what recovery asks SOLAPI about. An empty group sends nothing."""
        problem = _missing_config(message)
        if problem:
            return SendResult(
                accepted=False, provider=PROVIDER, state="failed", error_code="CONFIG", error_message=problem
            )
        return await self._create_group({"outboxKey": message.key[:100]})

    async def _create_group(self, custom_fields: Mapping[str, str], *, duplicates: bool = False) -> str | SendResult:
        """A new PENDING group. ``allowDuplicates`` false (one outbox row's group): a second add of the same
        recipient by a racing attempt is refused, so the group holds the message once."""
        body = {"allowDuplicates": duplicates, "customFields": dict(custom_fields), "agent": self._agent()}
        try:
            response = await self._request("POST", GROUPS_PATH, body)
        except Exception as exc:  # nothing is sent by creating a group: any failure is a plain retry
            return dataclasses.replace(transport_failure(PROVIDER, exc), uncertain=False)
        if response.status_code != 200:
            return dataclasses.replace(self._refusal(response), uncertain=False)
        try:
            group_id = response.json().get("groupId")
        except (ValueError, AttributeError):
            group_id = None
        if not isinstance(group_id, str) or not group_id:
            return _not_sent("no groupId in the answer")
        return group_id

    def _agent(self) -> dict[str, str]:
        return {
            "sdkVersion": self.settings.sdk_version,
            "osPlatform": f"{platform.platform()} | {platform.python_version()}",
        }

    async def send(self, message: OutboundMessage) -> SendResult:
        """Send one message in its group (``message.handle``; a new group when there is none). With
        ``message.resume`` the group is asked first (``GET /messages/v4/groups/{id}``): a group already sent is
        reconciled from its messages and never sent again. Never looks a message up by phone number."""
        problem = _missing_config(message)
        if problem:
            return SendResult(
                accepted=False, provider=PROVIDER, state="failed", error_code="CONFIG", error_message=problem
            )
        group_id = message.handle
        if group_id is None:  # a caller without durable storage (tests, benchmarks): a group of its own
            opened = await self.open_handle(message)
            if isinstance(opened, SendResult):
                return opened
            group_id = opened
        elif message.resume:
            return await self._resume(group_id, message)
        return (await self._add_and_send(group_id, [message]))[0]

    async def send_in_handle(self, messages: Sequence[OutboundMessage]) -> list[SendResult]:
        """First attempts of several rows that all hold one group id (``open_handle``, stored on each row): one
        add request for all, one send. Messages to the same recipient must not share a group (the caller keeps
        them apart: ``allowDuplicates`` is false)."""
        results: dict[int, SendResult] = {}
        to_send: list[tuple[int, OutboundMessage]] = []
        for index, message in enumerate(messages):
            problem = _missing_config(message)
            if problem or message.handle is None or message.handle != messages[0].handle:
                results[index] = await self.send(message) if not problem else _config_refusal(problem)
            else:
                to_send.append((index, message))
        if to_send:
            sent = await self._add_and_send(str(to_send[0][1].handle), [m for _, m in to_send])
            results.update({index: result for (index, _), result in zip(to_send, sent, strict=True)})
        return [results[i] for i in range(len(messages))]

    async def send_batch(self, messages: Sequence[OutboundMessage]) -> list[SendResult]:
        """Send several messages in one new group (one add request); results in the same order (partial
        success allowed). Not resumable: the runtime sends outbox rows with :meth:`send`."""
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
            opened = await self._create_group({}, duplicates=True)  # two rows may go to one patient
            if isinstance(opened, SendResult):
                sent = [opened] * len(to_send)
            else:
                sent = await self._add_and_send(opened, [m for _, m in to_send])
            results.update({index: result for (index, _), result in zip(to_send, sent, strict=True)})
        return [results[i] for i in range(len(messages))]

    async def _add_and_send(self, group_id: str, messages: list[OutboundMessage]) -> list[SendResult]:
        """``PUT …/groups/{id}/messages`` then ``POST …/groups/{id}/send``. Any exception or 5xx after a request
        left is *uncertain*: the next attempt resumes with the group id."""
        body = {"messages": [build_message(m, self.settings) for m in messages]}
        try:
            response = await self._request("PUT", f"{GROUPS_PATH}/{group_id}/messages", body)
        except Exception as exc:  # RuntimeError (another loop's connection), a broken answer …
            return [transport_failure(PROVIDER, exc)] * len(messages)
        if response.status_code != 200:
            refused = self._refusal(response)
            if refused.error_code in ALREADY_SENT:  # another attempt sent the group meanwhile
                return [await self._reconcile(group_id, m) for m in messages]
            return [refused] * len(messages)
        try:
            added = self._map_add_response(messages, response.json())
        except (ValueError, AttributeError, TypeError):
            return [uncertain(PROVIDER, "unreadable answer to adding messages")] * len(messages)
        if len(messages) == 1 and not added[0].accepted:
            # Refused as a duplicate of a message another attempt added first? Then that one is ours.
            found = await self._find_in_group(group_id, messages[0])
            if isinstance(found, SendResult) and found.accepted:
                added = [found]
        if not any(r.accepted for r in added):
            return added  # nothing registered: the group is left unsent
        sent = await self._send_group(group_id)
        if sent is None:
            return added
        if sent.error_code in ALREADY_SENT:
            return [await self._reconcile(group_id, m) for m in messages]  # another attempt sent it
        return [sent if r.accepted else r for r in added]  # the group did not go (or may have: uncertain)

    async def _send_group(self, group_id: str) -> SendResult | None:
        """None when SOLAPI took the group for sending; else why not (uncertain after any exception)."""
        try:
            response = await self._request("POST", f"{GROUPS_PATH}/{group_id}/send")
        except Exception as exc:  # the send may have been taken: uncertain, resumed later
            return transport_failure(PROVIDER, exc)
        if response.status_code != 200:
            return self._refusal(response)
        return None

    async def lookup(self, message: OutboundMessage) -> SendResult | None:
        """Ask about the row's group, sending nothing: a group never sent (``PENDING``) or none at all means the
        message never went (None); a sent group gives the message's result, or None when it does not hold it."""
        if message.handle is None:
            return None  # no group was stored, so nothing was added or sent (runtime/outbox.py stores it first)
        group = await self._get_json(f"{GROUPS_PATH}/{message.handle}")
        if isinstance(group, SendResult):
            return group
        if group.get("status") == "PENDING":
            return None
        return await self._find_in_group(message.handle, message)

    async def _resume(self, group_id: str, message: OutboundMessage) -> SendResult:
        """An earlier attempt stored this group id: ask SOLAPI what became of it before sending anything."""
        group = await self._get_json(f"{GROUPS_PATH}/{group_id}")
        if isinstance(group, SendResult):
            return group
        if group.get("status") != "PENDING":  # SENDING, COMPLETE …: it went; never send it again
            return await self._reconcile(group_id, message)
        found = await self._find_in_group(group_id, message)
        if isinstance(found, SendResult) and found.uncertain:
            return found
        if found is None:  # not registered yet: add it (the group is still unsent)
            return (await self._add_and_send(group_id, [message]))[0]
        if not found.accepted:
            return found  # registered, but refused (bad number …): final
        sent = await self._send_group(group_id)
        if sent is not None and sent.error_code not in ALREADY_SENT:
            return sent
        return found if sent is None else await self._reconcile(group_id, message)

    async def _reconcile(self, group_id: str, message: OutboundMessage) -> SendResult:
        """The group was sent: this message's result from the group's messages (by our outbox key)."""
        found = await self._find_in_group(group_id, message)
        if found is None:
            return SendResult(
                accepted=False,
                provider=PROVIDER,
                state="failed",
                error_code="NOT_IN_GROUP",
                error_message="발송된 그룹에 이 메시지가 없습니다 / the sent group does not hold this message",
            )
        return found

    async def _find_in_group(self, group_id: str, message: OutboundMessage) -> SendResult | None:
        """This message in the group (``GET …/groups/{id}/messages``, matched on ``customFields.outboxKey``):
        its result, None when the group does not hold it, or an uncertain result when SOLAPI could not say."""
        listed = await self._get_json(f"{GROUPS_PATH}/{group_id}/messages", {"limit": "1000"})
        if isinstance(listed, SendResult):
            return listed
        items = listed.get("messageList") or {}
        for message_id, item in items.items() if isinstance(items, dict) else enumerate(items):
            if isinstance(item, dict) and (item.get("customFields") or {}).get("outboxKey") == message.key:
                code = str(item.get("statusCode"))
                ok = code in SENT_CODES
                return SendResult(
                    accepted=ok,
                    provider=PROVIDER,
                    provider_message_id=str(item.get("messageId") or message_id),
                    state=status_state(code) if ok else "failed",
                    error_code=None if ok else code,
                    error_message=None if ok else _status_message(code, item.get("statusMessage")),
                    cost_krw=self._costs.rate(PROVIDER, message.kind) if ok else 0.0,
                )
        return None

    async def _get_json(self, path: str, params: Mapping[str, str] | None = None) -> dict[str, Any] | SendResult:
        try:
            response = await self._request("GET", path, params=params)
            data = response.json() if response.status_code == 200 else None
        except Exception as exc:  # could not ask: stay uncertain, ask again later
            return uncertain(PROVIDER, type(exc).__name__)
        if not isinstance(data, dict):
            return uncertain(PROVIDER, f"HTTP {response.status_code}")
        return data

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

    def _map_add_response(self, messages: list[OutboundMessage], data: Mapping[str, Any]) -> list[SendResult]:
        """``{"errorCount", "resultList": [{messageId, statusCode, statusMessage, …}]}``, one entry per message
        in request order (matched on ``customFields.outboxKey`` when SOLAPI echoes it)."""
        items = [i for i in data.get("resultList") or [] if isinstance(i, dict)]
        by_key = {(i.get("customFields") or {}).get("outboxKey"): i for i in items}
        results: list[SendResult] = []
        for position, message in enumerate(messages):
            item = by_key.get(message.key) or (items[position] if position < len(items) else None)
            if item is None:
                results.append(
                    SendResult(
                        accepted=False,
                        provider=PROVIDER,
                        state="failed",
                        error_code="NO_RESULT",
                        error_message="제공사 응답에 이 메시지의 결과가 없습니다 / no result for this message in the answer",
                    )
                )
                continue
            code = str(item.get("statusCode"))
            ok = code in SENT_CODES
            results.append(
                SendResult(
                    accepted=ok,
                    provider=PROVIDER,
                    provider_message_id=item.get("messageId"),
                    state=status_state(code) if ok else "failed",
                    error_code=None if ok else code,
                    error_message=_status_message(code, item.get("statusMessage")),
                    cost_krw=self._costs.rate(PROVIDER, message.kind) if ok else 0.0,
                )
            )
        return results

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
            except Exception:  # unreadable answers, any transport error: asked again on the next poll
                continue
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
        if too_deep(body):  # before the parser recurses (a 2 KB body of 1,000 brackets)
            raise SolapiWebhookError(TOO_DEEP_MESSAGE)
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
