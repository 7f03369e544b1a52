"""NHN Cloud Notification client: SMS/LMS (SMS API v3.0) and AlimTalk (KakaoTalk Bizmessage v2.3).

Follows NHN Cloud's API guides (SMS v3.0; KakaoTalk Bizmessage AlimTalk v2.3) (summary: docs/providers/README.md).
Authentication is the ``X-Secret-Key`` header; our outbox key goes in
``X-NC-API-IDEMPOTENCY-KEY``, so a retry after a lost answer is refused (-1005) instead of sent twice —
which we read as "already accepted". NHN often answers HTTP 200 with ``header.isSuccessful: false``:
the body decides, not the status. No webhook here: :meth:`NhnCloudClient.poll_reports` asks for results.

Our ``provider_message_id`` is ``"{api}|{requestId}|{recipientSeq}"`` (api: sms, mms or alimtalk) because
NHN identifies a message by request id and recipient sequence, and polling needs to know the API.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, assert_never
from zoneinfo import ZoneInfo

import httpx

from runtime.billing.rates import CostTable, sms_or_lms
from runtime.channels._results import bilingual, default_explanation, http_failure, transport_failure, uncertain
from runtime.channels.base import ChannelClient, DeliveryReport, DeliveryState, OutboundMessage, SendResult

PROVIDER = "nhncloud"
IDEMPOTENCY_HEADER = "X-NC-API-IDEMPOTENCY-KEY"
DUPLICATE_REQUEST = "-1005"  # KakaoTalk Bizmessage: same idempotency key within 10 minutes
LOOKUP_DAYS = 7  # how far back a message is searched by our outbox key (a row retries for hours, not days)
KST = ZoneInfo("Asia/Seoul")

# resultCode (header or per recipient) → (Korean, English). Unknown codes fall back to a generic sentence.
ERROR_EXPLANATIONS: dict[str, tuple[str, str]] = {
    "-1000": ("앱키가 올바르지 않습니다. NHN Cloud 콘솔의 Appkey를 확인하세요", "invalid appkey"),
    "-1001": ("시크릿 키가 올바르지 않습니다", "invalid secret key"),
    "-1003": (
        "대체 발송 발신번호가 등록되지 않았습니다. SMS 상품에 발신번호를 사전등록하세요",
        "failover sender number not registered",
    ),
    "-1005": ("같은 요청이 이미 접수되었습니다", "the same request was already accepted"),
    "-1006": ("등록되지 않은 발신번호입니다. 발신번호를 사전등록하세요", "sender number not pre-registered"),
    "-1027": ("카카오 발신프로필이 차단 상태입니다", "the Kakao sender profile is blocked"),
    "-3016": ("알림톡 내용이 승인된 템플릿과 일치하지 않습니다", "text does not match the approved template"),
    "-3017": ("승인되지 않았거나 없는 템플릿입니다", "template not found or not approved"),
    "-1014": ("활성화되지 않은 카카오 발신프로필입니다", "the Kakao sender profile is not active"),
    "-2016": ("광고 문자는 (광고)로 시작해야 합니다", "advertising must start with (광고)"),
    "-2019": ("수신번호 형식이 올바르지 않습니다", "invalid recipient number"),
    "3015": ("통신사에서 전달하지 못했습니다", "the carrier could not deliver"),
    "3016": ("알림톡 내용이 템플릿과 일치하지 않습니다", "AlimTalk text does not match the template"),
    "3019": ("카카오톡을 사용하지 않는 수신자입니다", "recipient is not a KakaoTalk user"),
    "3020": ("수신자가 카카오 채널을 차단했습니다", "recipient blocked the Kakao channel"),
    "-9999": ("NHN Cloud 시스템 오류입니다. 잠시 후 다시 보냅니다", "NHN Cloud system error; will retry"),
}
RETRIABLE_CODES = {"-9999"}

# AlimTalk resend (SMS failover) states: RSC01 not a target, RSC02 will resend, RSC03 resending,
# RSC04 resent, RSC05 resend failed.
FAILOVER_UNDER_WAY = {"RSC02", "RSC03", "RSC04"}


@dataclass(frozen=True)
class NhnCloudSettings:
    """One clinic's NHN Cloud projects. Secrets never appear in repr or logs."""

    sms_app_key: str
    sms_secret_key: str = field(repr=False)
    kakao_app_key: str | None = None
    kakao_secret_key: str | None = field(default=None, repr=False)
    sms_base_url: str = "https://sms.api.nhncloudservice.com"
    kakao_base_url: str = "https://kakaotalk-bizmessage.api.nhncloudservice.com"
    timeout_s: float = 10.0
    connect_timeout_s: float = 5.0
    # FriendTalk v2.4 reached end of support on 2025-12-31; only accounts still on it may turn it on.
    legacy_friendtalk: bool = False


def _digits(number: str) -> str:
    return number.replace("-", "")


def _explain(code: str | None, detail: str | None) -> str:
    ko, en = ERROR_EXPLANATIONS.get(code or "", ("NHN Cloud가 요청을 거절했습니다", "NHN Cloud refused the request"))
    return bilingual(ko, en, detail)


def _nhn_time(value: Any) -> datetime:
    """NHN writes ``yyyy-MM-dd HH:mm:ss[.S]`` in KST."""
    if isinstance(value, str) and value:
        for candidate in (value, value.replace(" ", "T")):
            try:
                parsed = datetime.fromisoformat(candidate)
            except ValueError:
                continue
            if parsed.tzinfo is None:
                from zoneinfo import ZoneInfo

                parsed = parsed.replace(tzinfo=ZoneInfo("Asia/Seoul"))
            return parsed
    return datetime.now(UTC)


class NhnCloudClient(ChannelClient):
    """NHN Cloud SMS + KakaoTalk Bizmessage for one clinic; one connection pool per client."""

    name = PROVIDER

    def __init__(
        self, settings: NhnCloudSettings, *, http: httpx.AsyncClient | None = None, costs: CostTable | None = None
    ) -> None:
        self.settings = settings
        self._costs = costs or CostTable()
        self._owns_http = http is None
        self._http = http or httpx.AsyncClient(
            timeout=httpx.Timeout(settings.timeout_s, connect=settings.connect_timeout_s),
            limits=httpx.Limits(max_connections=20, max_keepalive_connections=10),
        )

    # --- requests -----------------------------------------------------------------------------------

    def _sms_url(self, path: str) -> str:
        return f"{self.settings.sms_base_url.rstrip('/')}/sms/v3.0/appKeys/{self.settings.sms_app_key}{path}"

    def _kakao_url(self, path: str) -> str:
        return f"{self.settings.kakao_base_url.rstrip('/')}/alimtalk/v2.3/appkeys/{self.settings.kakao_app_key}{path}"

    async def _call(
        self,
        method: str,
        url: str,
        secret: str,
        body: Any = None,
        key: str | None = None,
        params: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        headers = {"X-Secret-Key": secret, "Content-Type": "application/json;charset=UTF-8"}
        if key:
            headers[IDEMPOTENCY_HEADER] = key
        return await self._http.request(method, url, json=body, headers=headers, params=params)

    # --- sending ------------------------------------------------------------------------------------

    async def send(self, message: OutboundMessage) -> SendResult:
        """Send with our outbox key as NHN's idempotency key. With ``message.resume`` (an earlier attempt may
        have got through) NHN is first asked for a message carrying our key (grouping key), never by phone;
        a repeat NHN refuses (-1005: accepted earlier) is looked up the same way for its request id."""
        problem = self._missing_config(message)
        if problem:
            return SendResult(
                accepted=False, provider=PROVIDER, state="failed", error_code="CONFIG", error_message=problem
            )
        if message.resume:
            found = await self.find_by_key(message)
            if found is not None:
                return found  # sent earlier (or NHN could not say: uncertain, asked again next time)
        result = await self._send(message)
        if result.accepted and result.error_code == DUPLICATE_REQUEST:
            found = await self.find_by_key(message)
            if found is not None and found.accepted:
                return found
        return result

    async def _send(self, message: OutboundMessage) -> SendResult:
        match message.kind:
            case "sms" | "lms":
                return await self._send_sms(message)
            case "alimtalk":
                return await self._send_alimtalk(message)
            case "friendtalk":
                return await self._send_friendtalk(message)
            case unknown:  # a kind added to the channel table that this client cannot send: a type error
                assert_never(unknown)

    async def lookup(self, message: OutboundMessage) -> SendResult | None:
        """Sending nothing: the message NHN holds under our key (:meth:`find_by_key`)."""
        return await self.find_by_key(message)

    async def find_by_key(self, message: OutboundMessage) -> SendResult | None:
        """The message NHN accepted under our outbox key (SMS ``senderGroupingKey``, AlimTalk
        ``recipientGroupingKey``, searched over the last ``LOOKUP_DAYS``): accepted with its id; None when NHN
        holds none; uncertain when NHN could not be asked. FriendTalk (retired) cannot be searched: None."""
        if message.kind == "friendtalk":
            return None
        api = {"sms": "sms", "lms": "mms", "alimtalk": "alimtalk"}[message.kind]
        now = datetime.now(KST)
        field = "senderGroupingKey" if api != "alimtalk" else "recipientGroupingKey"
        params = {
            "startRequestDate": (now - timedelta(days=LOOKUP_DAYS)).strftime("%Y-%m-%d %H:%M:%S"),
            "endRequestDate": (now + timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M:%S"),
            field: message.key,
            "pageSize": "10",
        }
        try:
            items = await self._query_items(api, params)
        except Exception as exc:  # could not ask: stay uncertain
            return uncertain(PROVIDER, type(exc).__name__)
        if items is None:
            return uncertain(PROVIDER, "search refused")
        for item in items:  # only a message carrying our key is ours (never trust the filter alone)
            if item.get("requestId") and item.get(field) == message.key:
                return SendResult(
                    accepted=True,
                    provider=PROVIDER,
                    provider_message_id=f"{api}|{item['requestId']}|{item.get('recipientSeq', 1)}",
                    state="sent",
                    cost_krw=self._costs.rate(PROVIDER, message.kind),
                )
        return None

    def _missing_config(self, message: OutboundMessage) -> str | None:
        if not message.sender:
            return "발신번호가 설정되지 않았습니다 / sender number is not set"
        if message.kind in ("alimtalk", "friendtalk"):
            if not (self.settings.kakao_app_key and self.settings.kakao_secret_key):
                return (
                    "NHN Cloud 카카오톡 비즈메시지 앱키/시크릿 키가 없습니다"
                    " / KakaoTalk Bizmessage appkey or secret key is not set"
                )
            if not message.sender_key:
                return "카카오 발신 키(senderKey)가 설정되지 않았습니다 / Kakao sender key is not set"
        if message.kind == "alimtalk" and not message.template_code:
            return "알림톡 템플릿 코드가 없습니다 / AlimTalk template code is missing"
        if message.kind == "friendtalk" and not self.settings.legacy_friendtalk:
            return (
                "NHN Cloud 친구톡은 2025-12-31에 지원이 끝났습니다. 광고 메시지는 SOLAPI 브랜드 메시지로 보내세요"
                " / NHN Cloud FriendTalk reached end of support on 2025-12-31; use SOLAPI Brand Message"
            )
        if message.image_url:
            # NHN takes an image by the URL its own image upload returned, not any address; no upload here yet.
            return (
                "NHN Cloud로 이미지 메시지를 보내려면 이미지 업로드가 필요하며 아직 지원하지 않습니다. 이미지를 빼고 보내세요"
                " / NHN Cloud needs the image uploaded first, which is not supported yet: remove the image"
            )
        return None

    async def _send_sms(self, message: OutboundMessage) -> SendResult:
        ad = message.purpose == "advertising"
        api = "sms" if message.kind == "sms" else "mms"
        body: dict[str, Any] = {
            "body": message.text,
            "sendNo": _digits(message.sender),
            "recipientList": [{"recipientNo": _digits(message.to), "countryCode": "82"}],
            "senderGroupingKey": message.key,
        }
        if api == "mms":
            body["title"] = message.subject or message.text[:20]
        url = self._sms_url(f"/sender/{'ad-' if ad else ''}{api}")
        try:
            response = await self._call("POST", url, self.settings.sms_secret_key, body, message.key)
        except Exception as exc:  # any exception once the request may have left: uncertain
            return transport_failure(PROVIDER, exc)
        data = self._checked(response)
        if isinstance(data, SendResult):
            return data
        payload = (data.get("body") or {}).get("data") or {}
        return self._recipient_result(api, payload.get("requestId"), payload.get("sendResultList"), message)

    async def _send_alimtalk(self, message: OutboundMessage) -> SendResult:
        recipient: dict[str, Any] = {
            "recipientNo": _digits(message.to),
            "templateParameter": {k: str(v) for k, v in message.variables.items()},
            "recipientGroupingKey": message.key,
        }
        if message.failover_text is not None:
            kind = sms_or_lms(message.failover_text)
            resend: dict[str, Any] = {
                "isResend": True,
                "resendType": kind.upper(),
                "resendContent": message.failover_text,
                "resendSendNo": _digits(message.sender),
            }
            if kind == "lms":
                resend["resendTitle"] = message.subject or message.failover_text[:20]
            recipient["resendParameter"] = resend
        else:
            recipient["resendParameter"] = {"isResend": False}
        body = {"senderKey": message.sender_key, "templateCode": message.template_code, "recipientList": [recipient]}
        return await self._send_kakao("/messages", "alimtalk", body, message)

    async def _send_friendtalk(self, message: OutboundMessage) -> SendResult:
        recipient: dict[str, Any] = {
            "recipientNo": _digits(message.to),
            "content": message.text,
            "isAd": message.purpose == "advertising",
            "recipientGroupingKey": message.key,
        }
        if message.buttons:
            # PROVIDERS.md names "buttons" for FriendTalk v2.4 but not their fields; these are the fields of NHN's
            # KakaoTalk Bizmessage button (ordering from 1, type WL = web link, linkMo / linkPc).
            recipient["buttons"] = [
                {"ordering": n, "type": "WL", "name": b.name, "linkMo": b.url, "linkPc": b.url}
                for n, b in enumerate(message.buttons, start=1)
            ]
        body = {"senderKey": message.sender_key, "recipientList": [recipient]}
        url_base = self.settings.kakao_base_url.rstrip("/")
        url = f"{url_base}/friendtalk/v2.4/appkeys/{self.settings.kakao_app_key}/messages"
        return await self._send_kakao_url(url, "friendtalk", body, message)

    async def _send_kakao(self, path: str, api: str, body: Any, message: OutboundMessage) -> SendResult:
        return await self._send_kakao_url(self._kakao_url(path), api, body, message)

    async def _send_kakao_url(self, url: str, api: str, body: Any, message: OutboundMessage) -> SendResult:
        assert self.settings.kakao_secret_key is not None
        try:
            response = await self._call("POST", url, self.settings.kakao_secret_key, body, message.key)
        except Exception as exc:  # any exception once the request may have left: uncertain
            return transport_failure(PROVIDER, exc)
        data = self._checked(response)
        if isinstance(data, SendResult):
            return data
        payload = data.get("message") or {}
        return self._recipient_result(api, payload.get("requestId"), payload.get("sendResults"), message)

    def _checked(self, response: httpx.Response) -> dict[str, Any] | SendResult:
        """The body when NHN accepted the request; else the failure (HTTP status or header.isSuccessful)."""
        try:
            data = response.json()
        except ValueError:
            data = None
        header = (data or {}).get("header") if isinstance(data, dict) else None
        if response.status_code != 200:
            code = str(header.get("resultCode")) if isinstance(header, dict) else None
            detail = header.get("resultMessage") if isinstance(header, dict) else response.text[:200] or None
            ko, en = ERROR_EXPLANATIONS.get(code or "", default_explanation(response.status_code))
            return http_failure(PROVIDER, response.status_code, code, ko, en, detail)
        if not isinstance(header, dict):
            return http_failure(
                PROVIDER,
                502,
                "BAD_RESPONSE",
                "NHN Cloud 응답을 읽을 수 없습니다",
                "unreadable NHN Cloud response",
                response.text[:200],
            )
        if not header.get("isSuccessful"):
            code = str(header.get("resultCode"))
            if code == DUPLICATE_REQUEST:
                # Our earlier attempt with this outbox key got through; its answer was lost.
                return SendResult(
                    accepted=True,
                    provider=PROVIDER,
                    state="sent",
                    error_code=code,
                    error_message=_explain(code, header.get("resultMessage")),
                )
            retriable = code in RETRIABLE_CODES
            return SendResult(
                accepted=False,
                provider=PROVIDER,
                state="queued" if retriable else "failed",
                error_code=code,
                error_message=_explain(code, header.get("resultMessage")),
                retriable=retriable,
            )
        return data

    def _recipient_result(self, api: str, request_id: Any, results: Any, message: OutboundMessage) -> SendResult:
        if not request_id or not isinstance(results, list) or not results:
            return SendResult(
                accepted=False,
                provider=PROVIDER,
                state="failed",
                error_code="NO_RESULT",
                error_message="응답에 수신자 결과가 없습니다 / no recipient result in the answer",
            )
        mine = next((r for r in results if _digits(str(r.get("recipientNo", ""))) == _digits(message.to)), results[0])
        code = str(mine.get("resultCode"))
        if code != "0":
            return SendResult(
                accepted=False,
                provider=PROVIDER,
                state="failed",
                error_code=code,
                error_message=_explain(code, mine.get("resultMessage")),
            )
        return SendResult(
            accepted=True,
            provider=PROVIDER,
            provider_message_id=f"{api}|{request_id}|{mine.get('recipientSeq', 1)}",
            state="sent",
            cost_krw=self._costs.rate(PROVIDER, message.kind),
        )

    # --- delivery reports ---------------------------------------------------------------------------

    async def poll_reports(self, provider_message_ids: list[str]) -> list[DeliveryReport]:
        """Ask NHN for each request's results; one call per request id, unfinished messages stay 'sent'."""
        by_request: dict[tuple[str, str], set[str]] = {}
        for message_id in provider_message_ids:
            parts = message_id.split("|")
            if len(parts) == 3:
                by_request.setdefault((parts[0], parts[1]), set()).add(parts[2])
        reports: list[DeliveryReport] = []
        for (api, request_id), sequences in by_request.items():
            try:
                items = await self._query(api, request_id)
            except Exception:  # unreadable answers, any transport error: asked again on the next poll
                continue
            for item in items:
                seq = str(item.get("recipientSeq", ""))
                if seq in sequences:
                    reports.append(
                        _sms_report(api, request_id, item)
                        if api in ("sms", "mms")
                        else _alimtalk_report(api, request_id, item)
                    )
        return reports

    async def _query(self, api: str, request_id: str) -> list[Mapping[str, Any]]:
        return await self._query_items(api, {"requestId": request_id}) or []

    async def _query_items(self, api: str, params: Mapping[str, str]) -> list[Mapping[str, Any]] | None:
        """Messages of one result search; None when NHN refused it (HTTP or ``isSuccessful: false``)."""
        if api in ("sms", "mms"):
            url = self._sms_url(f"/sender/{api}")
            response = await self._call("GET", url, self.settings.sms_secret_key, params=params)
            data = response.json() if response.status_code == 200 else {}
            items = ((data.get("body") or {}).get("data")) if isinstance(data, dict) else None
        else:
            url = self._kakao_url("/messages")
            response = await self._call("GET", url, self.settings.kakao_secret_key or "", params=params)
            data = response.json() if response.status_code == 200 else {}
            items = (
                ((data.get("messageSearchResultResponse") or {}).get("messages")) if isinstance(data, dict) else None
            )
        if not isinstance(data, dict) or not (data.get("header") or {}).get("isSuccessful"):
            return None
        return [i for i in items or [] if isinstance(i, dict)]

    # --- connection check ---------------------------------------------------------------------------

    async def list_sender_numbers(self) -> httpx.Response:
        """``GET /sendNos`` — registered sender numbers; a cheap authenticated SMS call."""
        return await self._call("GET", self._sms_url("/sendNos"), self.settings.sms_secret_key)

    async def list_sender_profiles(self) -> httpx.Response:
        """``GET /senders`` — Kakao sender profiles of the Bizmessage project."""
        return await self._call("GET", self._kakao_url("/senders"), self.settings.kakao_secret_key or "")

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()


def _sms_report(api: str, request_id: str, item: Mapping[str, Any]) -> DeliveryReport:
    """msgStatus 1 requested, 2 in progress, 3 done (resultCode 1000 = delivered), 0/4/5 failed."""
    status, code = str(item.get("msgStatus", "")), str(item.get("resultCode", "") or "")
    state: DeliveryState
    if status in ("1", "2"):
        state = "sent"
    elif status == "3" and code == "1000":
        state = "delivered"
    else:
        state = "failed"
    return DeliveryReport(
        provider=PROVIDER,
        provider_message_id=f"{api}|{request_id}|{item.get('recipientSeq')}",
        state=state,
        at=_nhn_time(item.get("resultDate") or item.get("requestDate")),
        error_code=(code or status) if state == "failed" else None,
        error_message=_explain(code, item.get("resultCodeName")) if state == "failed" else None,
        report_id=f"{request_id}|{item.get('recipientSeq')}|{status}|{code}",
    )


def _alimtalk_report(api: str, request_id: str, item: Mapping[str, Any]) -> DeliveryReport:
    """messageStatus COMPLETED/FAILED/READY/IN_PROGRESS; resendStatus says whether NHN resent by SMS."""
    status = str(item.get("messageStatus", ""))
    code = str(item.get("resultCode", "") or "")
    resend = str(item.get("resendStatus", "") or "")
    failover = status == "FAILED" and resend in FAILOVER_UNDER_WAY
    state: DeliveryState
    if status == "COMPLETED":
        state = "delivered"
    elif status == "FAILED" and resend == "RSC04":
        state = "delivered"  # the SMS failover reached the patient
    elif status == "FAILED" and resend in ("RSC02", "RSC03"):
        state = "sent"
    elif status == "FAILED":
        state = "failed"
    else:
        state = "sent"
    detail = item.get("resultCodeName")
    if resend == "RSC05":
        detail = f"{detail or ''} 대체 발송 실패 / failover SMS failed".strip()
    return DeliveryReport(
        provider=PROVIDER,
        provider_message_id=f"{api}|{request_id}|{item.get('recipientSeq')}",
        state=state,
        at=_nhn_time(item.get("receiveDate") or item.get("requestDate")),
        error_code=code if status == "FAILED" else None,
        error_message=_explain(code, detail) if status == "FAILED" else None,
        report_id=f"{request_id}|{item.get('recipientSeq')}|{status}|{resend}",
        failover_sent=failover,
    )
