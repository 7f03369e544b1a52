"""A fake NHN Cloud Notification server: SMS API v3.0 and KakaoTalk Bizmessage AlimTalk v2.3.

One server answers both domains (give its URL as sms_base_url and kakao_base_url).
- SMS: ``POST /sms/v3.0/appKeys/{appKey}/sender/{sms|mms|ad-sms|ad-mms}``, results by
  ``GET …/sender/{sms|mms}?requestId=``, sender numbers by ``GET …/sendNos``.
- AlimTalk: ``POST /alimtalk/v2.3/appkeys/{appkey}/messages``, results by ``GET …/messages?requestId=``,
  sender profiles by ``GET …/senders``.
- Wrong ``X-Secret-Key`` → HTTP 401 with ``header.isSuccessful: false``; business refusals come back as
  HTTP 200 with ``isSuccessful: false`` (unknown appkey -1000, unregistered SMS sender, failover sender
  -1003, unknown sender key, unknown template -3017, template variables mismatch -3016), the same
  ``X-NC-API-IDEMPOTENCY-KEY`` within 10 minutes → -1005.
- Per-recipient failures (a malformed number) are reported in the recipient's ``resultCode``.
- Result searches without a ``requestId`` take a ``startRequestDate``/``endRequestDate`` range and our keys:
  ``senderGroupingKey`` (SMS) or ``recipientGroupingKey`` (AlimTalk), as NHN's list APIs do; never a phone.
- :meth:`NhnCloudFake.accepted_counts` counts what was accepted per (recipient, text).
- :meth:`NhnCloudFake.settle` finishes messages: ``outcomes[to]`` is the final Kakao/SMS result code
  (default 1000 = delivered); a failed AlimTalk with ``resendParameter.isResend`` goes out as SMS/LMS
  (resendStatus RSC04, or RSC05 when ``resend_outcomes[to]`` is not 1000).
Codes the public documentation leaves open are the fake's choice and named in ``runtime/channels/nhncloud.py``.
"""

from __future__ import annotations

import itertools
import re
import time
from collections import Counter
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from runtime.channels.nhncloud import NhnCloudSettings
from tests.support.fakes._http import FakeHttpServer, Reply, Request

KST = ZoneInfo("Asia/Seoul")
PLACEHOLDER_RE = re.compile(r"#\{([^{}]+)\}")
PHONE_RE = re.compile(r"^01\d{8,9}$")
SMS_SEND_RE = re.compile(r"^/sms/v3\.0/appKeys/(?P<app>[^/]+)/sender/(?P<api>sms|mms|ad-sms|ad-mms)$")
SMS_SENDNOS_RE = re.compile(r"^/sms/v3\.0/appKeys/(?P<app>[^/]+)/sendNos$")
FRIENDTALK_RE = re.compile(r"^/friendtalk/v2\.4/appkeys/(?P<app>[^/]+)/messages$")
KAKAO_RE = re.compile(r"^/alimtalk/v2\.3/appkeys/(?P<app>[^/]+)/(?P<what>messages|senders)$")
UNREGISTERED_SMS_SENDER = "-1006"


def _header(ok: bool, code: int | str = 0, message: str = "SUCCESS") -> dict[str, Any]:
    return {"isSuccessful": ok, "resultCode": code, "resultMessage": message}


def _refused(code: str, message: str, status: int = 200) -> Reply:
    return Reply(status, {"header": _header(False, int(code), message)})


def _now() -> str:
    return datetime.now(KST).strftime("%Y-%m-%d %H:%M:%S.0")


def _filled(text: str, parameters: dict[str, Any]) -> str:
    return PLACEHOLDER_RE.sub(lambda m: str(parameters.get(m.group(1), "")), text)


class NhnCloudFake(FakeHttpServer):
    def __init__(
        self,
        sms_app_key: str = "SMSAPPKEY0001",
        sms_secret_key: str = "smsSecret01",
        kakao_app_key: str = "KAKAOAPPKEY01",
        kakao_secret_key: str = "kakaoSecret01",
        senders: set[str] | None = None,
        sender_keys: dict[str, dict[str, str]] | None = None,
    ) -> None:
        super().__init__()
        self.sms_app_key, self.sms_secret_key = sms_app_key, sms_secret_key
        self.kakao_app_key, self.kakao_secret_key = kakao_app_key, kakao_secret_key
        self.senders = senders if senders is not None else {"0212345678"}
        self.sender_keys = (
            sender_keys
            if sender_keys is not None
            else {"SENDERKEY_FAKE": {"TPL_CONFIRM": "#{이름}님, #{날짜} 예약이 확정되었습니다."}}
        )
        self.outcomes: dict[str, str] = {}
        self.resend_outcomes: dict[str, str] = {}
        self.idempotency: dict[str, float] = {}
        self.messages: dict[tuple[str, str], list[dict[str, Any]]] = {}  # (api, requestId) → recipients
        self._ids = itertools.count(1)

    def settings(self, **overrides: Any) -> NhnCloudSettings:
        values: dict[str, Any] = {
            "sms_app_key": self.sms_app_key,
            "sms_secret_key": self.sms_secret_key,
            "kakao_app_key": self.kakao_app_key,
            "kakao_secret_key": self.kakao_secret_key,
            "sms_base_url": self.url,
            "kakao_base_url": self.url,
        }
        values.update(overrides)
        return NhnCloudSettings(**values)

    def failure_reply(self, status: int) -> Reply:
        return Reply(status, {"header": _header(False, -9999, f"scripted failure {status}")})

    # --- routing ----------------------------------------------------------------------------------

    def handle(self, request: Request) -> Reply:
        if match := SMS_SEND_RE.match(request.path):
            return self._guard(request, match["app"], "sms") or (
                self._sms_query(request, match["api"])
                if request.method == "GET"
                else self._sms_send(request, match["api"])
            )
        if match := SMS_SENDNOS_RE.match(request.path):
            return self._guard(request, match["app"], "sms") or Reply(
                200,
                {
                    "header": _header(True),
                    "body": {"data": [{"sendNo": n, "useYn": "Y", "blockYn": "N"} for n in sorted(self.senders)]},
                },
            )
        if match := KAKAO_RE.match(request.path):
            refusal = self._guard(request, match["app"], "kakao")
            if refusal:
                return refusal
            if match["what"] == "senders":
                return Reply(
                    200,
                    {
                        "header": _header(True),
                        "senders": [{"senderKey": k, "status": "YSC03"} for k in self.sender_keys],
                    },
                )
            return self._alimtalk_query(request) if request.method == "GET" else self._alimtalk_send(request)
        if (match := FRIENDTALK_RE.match(request.path)) and request.method == "POST":
            return self._guard(request, match["app"], "kakao") or self._friendtalk_send(request)
        return Reply(404, {"header": _header(False, -9998, "Not exist API.")})

    def _guard(self, request: Request, app: str, product: str) -> Reply | None:
        app_key, secret = (
            (self.sms_app_key, self.sms_secret_key) if product == "sms" else (self.kakao_app_key, self.kakao_secret_key)
        )
        if request.headers.get("x-secret-key") != secret:
            return _refused("-1001", "Invalid secret key.", status=401)
        if app != app_key:
            return _refused("-1000", "Invalid appKey.")
        key = request.headers.get("x-nc-api-idempotency-key")
        if request.method == "POST" and key:
            seen = self.idempotency.get(key)
            if seen is not None and time.monotonic() - seen < 600:
                return _refused("-1005", "Request with the same key within 10 minutes.")
            self.idempotency[key] = time.monotonic()
        return None

    # --- SMS --------------------------------------------------------------------------------------

    def _sms_send(self, request: Request, api: str) -> Reply:
        body = request.json() or {}
        if body.get("sendNo") not in self.senders:
            return _refused(UNREGISTERED_SMS_SENDER, "Send number is not registered.")
        if api.startswith("ad-") and not str(body.get("body", "")).startswith("(광고)"):
            return _refused("-2016", "Advertising message must start with (광고).")
        if api.endswith("mms") and not body.get("title"):
            return _refused("4", "Parameter validation failed: title")
        request_id = f"{datetime.now(KST):%Y%m%d%H%M%S}{next(self._ids):06d}"
        stored, results = [], []
        for seq, recipient in enumerate(body.get("recipientList") or [], start=1):
            number = str(recipient.get("recipientNo", ""))
            ok = bool(PHONE_RE.match(number))
            results.append(
                {
                    "recipientNo": number,
                    "resultCode": 0 if ok else -2019,
                    "resultMessage": "SUCCESS" if ok else "Invalid recipient number.",
                    "recipientSeq": seq,
                    "recipientGroupingKey": recipient.get("recipientGroupingKey"),
                }
            )
            if ok:
                stored.append(
                    {
                        "requestId": request_id,
                        "recipientSeq": seq,
                        "recipientNo": number,
                        "sendNo": body["sendNo"],
                        "body": body.get("body"),
                        "msgStatus": "2",
                        "msgStatusName": "처리중",
                        "resultCode": "",
                        "requestDate": _now(),
                        "senderGroupingKey": body.get("senderGroupingKey"),
                    }
                )
        query_api = "sms" if api.endswith("sms") else "mms"
        self.messages[(query_api, request_id)] = stored
        return self.sent(
            Reply(
                200,
                {
                    "header": _header(True),
                    "body": {
                        "data": {
                            "requestId": request_id,
                            "statusCode": "2",
                            "senderGroupingKey": body.get("senderGroupingKey"),
                            "sendResultList": results,
                        }
                    },
                },
            )
        )

    def _search(self, request: Request, api: str, key_field: str) -> list[dict[str, Any]] | Reply:
        """By ``requestId``, or by our grouping key within a request date range (required without a requestId)."""
        request_id = request.arg("requestId")
        if request_id:
            return self.messages.get((api, request_id), [])
        if not (request.arg("startRequestDate") and request.arg("endRequestDate")):
            return _refused("-1", "requestId or startRequestDate and endRequestDate are required.")
        key = request.arg(key_field)
        return [
            item
            for (item_api, _), items in self.messages.items()
            if item_api == api
            for item in items
            if key is None or item.get(key_field) == key
        ]

    def _sms_query(self, request: Request, api: str) -> Reply:
        found = self._search(request, api, "senderGroupingKey")
        if isinstance(found, Reply):
            return found
        items = found
        return Reply(
            200,
            {"header": _header(True), "body": {"pageNum": 1, "pageSize": 15, "totalCount": len(items), "data": items}},
        )

    # --- AlimTalk ---------------------------------------------------------------------------------

    def _alimtalk_send(self, request: Request) -> Reply:
        body = request.json() or {}
        templates = self.sender_keys.get(body.get("senderKey", ""))
        if templates is None:
            return _refused("-1014", "Sender profile is not active.")
        text = templates.get(body.get("templateCode", ""))
        if text is None:
            return _refused("-3017", "Template not found.")
        wanted = set(PLACEHOLDER_RE.findall(text))
        request_id = f"{datetime.now(KST):%Y%m%d%H%M%S}{next(self._ids):06d}A"
        stored, results = [], []
        for seq, recipient in enumerate(body.get("recipientList") or [], start=1):
            parameters = recipient.get("templateParameter") or {}
            if set(parameters) != wanted:
                return _refused("-3016", "Template parameters do not match the template.")
            resend = recipient.get("resendParameter") or {}
            if resend.get("isResend") and resend.get("resendSendNo") not in self.senders:
                return _refused("-1003", "Invalid SMS sender number.")
            number = str(recipient.get("recipientNo", ""))
            ok = bool(PHONE_RE.match(number))
            results.append(
                {
                    "recipientSeq": seq,
                    "recipientNo": number,
                    "resultCode": 0 if ok else -2019,
                    "resultMessage": "SUCCESS" if ok else "Invalid recipient number.",
                    "recipientGroupingKey": recipient.get("recipientGroupingKey"),
                }
            )
            if ok:
                content = _filled(text, parameters)
                stored.append(
                    {
                        "requestId": request_id,
                        "recipientSeq": seq,
                        "recipientNo": number,
                        "templateCode": body["templateCode"],
                        "content": content,
                        "requestDate": _now(),
                        "messageStatus": "IN_PROGRESS",
                        "resultCode": "",
                        "resendStatus": "RSC02" if resend.get("isResend") else "RSC01",
                        "recipientGroupingKey": recipient.get("recipientGroupingKey"),
                        "resend": resend,
                    }
                )
        self.messages[("alimtalk", request_id)] = stored
        return self.sent(
            Reply(
                200,
                {
                    "header": _header(True),
                    "message": {"requestId": request_id, "senderGroupingKey": None, "sendResults": results},
                },
            )
        )

    # --- FriendTalk v2.4 (legacy: end of support 2025-12-31) -----------------------------------------

    def _friendtalk_send(self, request: Request) -> Reply:
        """Records each recipient with its buttons (at most 5; WL: name ≤ 14 characters and linkMo)."""
        body = request.json() or {}
        if body.get("senderKey") not in self.sender_keys:
            return _refused("-1014", "Sender profile is not active.")
        request_id = f"{datetime.now(KST):%Y%m%d%H%M%S}{next(self._ids):06d}F"
        stored, results = [], []
        for seq, recipient in enumerate(body.get("recipientList") or [], start=1):
            buttons = recipient.get("buttons") or []
            bad = len(buttons) > 5 or any(
                not 1 <= len(str(b.get("name") or "")) <= 14 or (b.get("type") == "WL" and not b.get("linkMo"))
                for b in buttons
            )
            if bad:
                return _refused("4", "Parameter validation failed: buttons")
            results.append({"recipientSeq": seq, "recipientNo": recipient.get("recipientNo"), "resultCode": 0})
            stored.append({"requestId": request_id, "recipientSeq": seq, **recipient, "messageStatus": "IN_PROGRESS"})
        self.messages[("friendtalk", request_id)] = stored
        return self.sent(
            Reply(
                200,
                {"header": _header(True), "message": {"requestId": request_id, "sendResults": results}},
            )
        )

    def _alimtalk_query(self, request: Request) -> Reply:
        found = self._search(request, "alimtalk", "recipientGroupingKey")
        if isinstance(found, Reply):
            return found
        items = found
        public = [{k: v for k, v in item.items() if k != "resend"} for item in items]
        return Reply(
            200,
            {"header": _header(True), "messageSearchResultResponse": {"messages": public, "totalCount": len(public)}},
        )

    # --- delivery ---------------------------------------------------------------------------------

    def settle(self) -> int:
        """Finish every message still in progress, per ``outcomes`` and ``resend_outcomes``."""
        settled = 0
        with self.lock:
            for (api, _), items in self.messages.items():
                for item in items:
                    final = self.outcomes.get(item["recipientNo"], "1000")
                    if api == "alimtalk" and item["messageStatus"] == "IN_PROGRESS":
                        settled += 1
                        item["receiveDate"] = _now()
                        item["resultCode"] = final
                        item["messageStatus"] = "COMPLETED" if final == "1000" else "FAILED"
                        item["resultCodeName"] = "성공" if final == "1000" else "실패"
                        if final == "1000":
                            item["resendStatus"] = "RSC01"
                        elif item["resendStatus"] == "RSC02":
                            ok = self.resend_outcomes.get(item["recipientNo"], "1000") == "1000"
                            item["resendStatus"] = "RSC04" if ok else "RSC05"
                    elif api != "alimtalk" and item["msgStatus"] == "2":
                        settled += 1
                        item.update(
                            msgStatus="3",
                            msgStatusName="성공" if final == "1000" else "실패",
                            resultCode=final,
                            resultDate=_now(),
                        )
        return settled

    def accepted_counts(self) -> Counter[tuple[str, str]]:
        """How many messages the fake accepted, per (recipient, text): exactly-once checks that do not trust our
        own keys."""
        with self.lock:
            return Counter(
                (str(item.get("recipientNo")), str(item.get("body") or item.get("content") or ""))
                for items in self.messages.values()
                for item in items
            )

    def count_by_grouping_key(self, key: str) -> int:
        """Messages accepted under an outbox key (SMS senderGroupingKey / AlimTalk idempotency)."""
        total = 0
        for items in self.messages.values():
            for item in items:
                if key in (item.get("senderGroupingKey"), item.get("recipientGroupingKey")):
                    total += 1
        return total
