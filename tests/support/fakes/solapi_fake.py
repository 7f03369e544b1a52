"""A fake SOLAPI server implementing the documented endpoints our client and the official SDK use.

- ``POST /messages/v4/send-many/detail``; ``GET /messages/v4/list`` and ``/list-old`` (``messageId``);
  ``GET /cash/v1/balance``.
- The group lifecycle (SOLAPI API reference, messages/groups): ``POST /messages/v4/groups`` (empty group,
  ``PENDING``), ``PUT …/groups/{groupId}/messages`` (``{"errorCount", "resultList"}`` in request order; with
  ``allowDuplicates: false`` a recipient already in the group is refused with statusCode 1022, the fake's
  choice), ``POST …/groups/{groupId}/send`` (``SENDING``; a group no longer PENDING → 400 ``AlreadySent``),
  ``GET …/groups/{groupId}`` (status and counts) and ``GET …/groups/{groupId}/messages`` (``messageList`` by
  message id). Only a sent group's messages count as accepted (:meth:`SolapiFake.accepted_counts`).
- Authorization ``HMAC-SHA256 apiKey|ApiKey=…, date|Date=…, salt=…, signature=…`` checked like SOLAPI:
  unknown key or wrong signature → 401; clock skew over 15 minutes or a reused signature → 403.
- Refusals as 400 ``{errorCode, errorMessage}``: unregistered sender (SenderNumberNotRegistered), unknown
  Kakao channel (InvalidPfId), template mismatch (TemplateMismatch), empty balance (NotEnoughBalance).
- Partial success: a badly formed recipient goes to ``failedMessageList`` (statusCode 1010), others pass.
- Outcomes per recipient (``outcomes[to] = "3019"``): final status codes; a failed AlimTalk with
  ``disableSms: false`` is resent by SMS/LMS (``replacement: true``).
- :meth:`SolapiFake.settle` finishes every pending message; :meth:`SolapiFake.post_webhooks` posts the
  reports to a URL as JSON arrays, shuffled and each twice, as SOLAPI's retries can.
Error code names are the fake's choice where SOLAPI's documentation does not fix them.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import random
import re
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from runtime.billing.rates import euckr_len
from runtime.channels.solapi import SolapiSettings
from tests.support.fakes._http import FakeHttpServer, Reply, Request

AUTH_RE = re.compile(r"^HMAC-SHA256\s+(?P<params>.+)$")
PLACEHOLDER_RE = re.compile(r"#\{([^{}]+)\}")
PHONE_RE = re.compile(r"^01\d{8,9}$")
GROUP_RE = re.compile(r"^/messages/v4/groups/(?P<group>[^/]+)(?P<what>/messages|/send)?$")
# Fields of one entry of the add-messages answer, as SOLAPI's reference shows them.
PUBLIC_ADD_FIELDS = ("to", "from", "type", "statusMessage", "country", "messageId", "statusCode", "accountId")


def _error(status: int, code: str, message: str) -> Reply:
    return Reply(status, {"errorCode": code, "errorMessage": message})


def _button_problem(kind: object, options: dict[str, Any]) -> str | None:
    """Kakao's button rules as the SDK models them (solapi 5.0.3): at most 5, a name of at most 14 characters;
    a web link (WL) needs its mobile address — ``KakaoButton`` (buttonName, buttonType, linkMo) for CTA,
    ``BmsWebButton`` (linkType, name, linkMobile) under ``kakaoOptions.bms`` for Brand Message."""
    if kind == "CTA":
        buttons, name, link_type, link = options.get("buttons") or [], "buttonName", "buttonType", "linkMo"
    elif str(kind).startswith("BMS_"):
        buttons, name, link_type, link = (
            (options.get("bms") or {}).get("buttons") or [],
            "name",
            "linkType",
            "linkMobile",
        )
    else:
        return "buttons" if options.get("buttons") else None
    if len(buttons) > 5:
        return "at most 5 buttons"
    for button in buttons:
        if not 1 <= len(str(button.get(name) or "")) <= 14:
            return f"button {name} must be 1-14 characters"
        if button.get(link_type) == "WL" and not str(button.get(link) or "").startswith(("https://", "http://")):
            return f"a WL button needs {link}"
    return None


class SolapiFake(FakeHttpServer):
    def __init__(
        self,
        api_key: str = "NCSFAKEKEY000001",
        api_secret: str = "FAKESECRET0123456789ABCDEFGHIJKL",
        senders: set[str] | None = None,
        channels: dict[str, dict[str, str]] | None = None,
        *,
        check_replay: bool = True,
    ) -> None:
        super().__init__()
        self.api_key, self.api_secret = api_key, api_secret
        self.senders = senders if senders is not None else {"0212345678"}
        # pfId → {templateId: approved text with #{변수}}
        self.channels = (
            channels
            if channels is not None
            else {"KA01PF_FAKE": {"TPL_CONFIRM": "#{이름}님, #{날짜} 예약이 확정되었습니다."}}
        )
        self.check_replay = check_replay
        self.balance = 100_000.0
        self.outcomes: dict[str, str] = {}  # recipient → final statusCode (default 4000)
        self.replacement_outcomes: dict[str, str] = {}  # recipient → statusCode of the failover SMS
        self.messages: dict[str, dict[str, Any]] = {}  # accepted for sending (send-many, or a sent group)
        self.groups: dict[str, dict[str, Any]] = {}  # groupId → {"status", "allowDuplicates", "messages": […]}
        self.pending_reports: list[dict[str, Any]] = []
        self.used_signatures: set[str] = set()
        self._ids = itertools.count(1)

    def settings(self, **overrides: Any) -> SolapiSettings:
        """Client settings pointing at this fake."""
        values: dict[str, Any] = {"api_key": self.api_key, "api_secret": self.api_secret, "base_url": self.url}
        values.update(overrides)
        return SolapiSettings(**values)

    # --- authentication -------------------------------------------------------------------------------

    def _authenticate(self, request: Request) -> Reply | None:
        match = AUTH_RE.match(request.headers.get("authorization", ""))
        if not match:
            return _error(401, "InvalidApiKey", "Authorization header missing or malformed")
        params: dict[str, str] = {}
        for part in match.group("params").split(","):
            name, _, value = part.strip().partition("=")
            params[name.strip().lower()] = value.strip()
        if params.get("apikey") != self.api_key:
            return _error(401, "InvalidApiKey", "unknown API key")
        date, salt, signature = params.get("date", ""), params.get("salt", ""), params.get("signature", "")
        expected = hmac.new(self.api_secret.encode(), (date + salt).encode(), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, signature):
            return _error(401, "SignatureDoesNotMatch", "signature does not match")
        try:
            when = datetime.fromisoformat(date)
        except ValueError:
            return _error(401, "SignatureDoesNotMatch", "date is not ISO 8601")
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        if abs(datetime.now(UTC) - when) > timedelta(minutes=15):
            return _error(403, "RequestTimeTooSkewed", "date is more than 15 minutes off")
        if self.check_replay:
            if signature in self.used_signatures:
                return _error(403, "DuplicatedSignature", "signature already used")
            self.used_signatures.add(signature)
        return None

    # --- routes ---------------------------------------------------------------------------------------

    def handle(self, request: Request) -> Reply:
        refusal = self._authenticate(request)
        if refusal:
            return refusal
        if request.method == "POST" and request.path == "/messages/v4/send-many/detail":
            return self._send_many(request)
        if request.method == "GET" and request.path in ("/messages/v4/list", "/messages/v4/list-old"):
            wanted = request.arg("messageId")  # our client never searches by recipient: no ``to`` filter here
            if wanted:
                found = {wanted: self._public(self.messages[wanted])} if wanted in self.messages else {}
            else:
                found = {k: self._public(r) for k, r in self.messages.items()}
            return Reply(200, {"limit": 20, "messageList": found, "startKey": None, "nextKey": None})
        if request.method == "GET" and request.path == "/cash/v1/balance":
            return Reply(200, {"balance": self.balance, "point": 0.0})
        if request.path == "/messages/v4/groups" and request.method == "POST":
            return self._create_group(request)
        if match := GROUP_RE.match(request.path):
            group = self.groups.get(match["group"])
            if group is None:
                return _error(404, "ResourceNotFound", "no such group")
            what = match["what"]
            if what is None and request.method == "GET":
                return Reply(200, self._group_info(group))
            if what == "/messages" and request.method == "GET":
                listed = {r["messageId"]: self._public(r) for r in group["messages"]}
                return Reply(200, {"startKey": None, "nextKey": None, "limit": len(listed), "messageList": listed})
            if what == "/messages" and request.method == "PUT":
                return self._add_messages(group, request)
            if what == "/send" and request.method == "POST":
                return self._send_group(group)
        return _error(404, "NotFound", f"no route {request.method} {request.path}")

    # --- groups -------------------------------------------------------------------------------------

    def _create_group(self, request: Request) -> Reply:
        body = request.json() or {}
        group_id = f"G4V{datetime.now(UTC):%Y%m%d%H%M%S}{uuid.uuid4().hex[:15].upper()}"
        group: dict[str, Any] = {
            "groupId": group_id,
            "status": "PENDING",
            "allowDuplicates": bool(body.get("allowDuplicates", False)),
            "customFields": body.get("customFields") or {},
            "messages": [],
            "dateCreated": datetime.now(UTC).isoformat(),
            "dateSent": None,
        }
        self.groups[group_id] = group
        return Reply(200, self._group_info(group))

    def _add_messages(self, group: dict[str, Any], request: Request) -> Reply:
        if group["status"] != "PENDING":
            return _error(400, "InvalidStatus", "the group is not PENDING")
        body = request.json()
        if not isinstance(body, dict) or not isinstance(body.get("messages"), list) or not body["messages"]:
            return _error(400, "ValidationError", "messages must be a non-empty array")
        for message in body["messages"]:
            refusal = self._refuse_message(message)
            if refusal:
                return refusal
        results = []
        for message in body["messages"]:
            record = {
                "messageId": f"M4V{next(self._ids):06d}{uuid.uuid4().hex[:11].upper()}",
                "groupId": group["groupId"],
                "to": message.get("to"),
                "from": message.get("from"),
                "type": message.get("type"),
                "country": message.get("country", "82"),
                "customFields": message.get("customFields") or {},
                "accountId": "FAKEACCOUNT",
                "text": message.get("text"),
                "kakaoOptions": message.get("kakaoOptions"),
            }
            taken = {r["to"] for r in group["messages"] if r["statusCode"] == "2000"}
            if not PHONE_RE.match(str(message.get("to", ""))):
                record.update(statusCode="1010", statusMessage="수신번호 형식 오류")
            elif not group["allowDuplicates"] and record["to"] in taken:
                record.update(statusCode="1022", statusMessage="중복 수신번호")
            else:
                record.update(statusCode="2000", statusMessage="정상 접수(이통사로 접수 예정)")
            group["messages"].append(record)
            results.append({k: record[k] for k in PUBLIC_ADD_FIELDS})
        errors = sum(1 for r in results if r["statusCode"] != "2000")
        return Reply(200, {"errorCount": errors, "resultList": results})

    def _send_group(self, group: dict[str, Any]) -> Reply:
        if group["status"] != "PENDING":
            return _error(400, "AlreadySent", "the group was already sent")
        registered = [r for r in group["messages"] if r["statusCode"] == "2000"]
        if not registered:
            return _error(400, "ValidationError", "no message to send in the group")
        if self.balance <= 0:
            return _error(402, "NotEnoughBalance", "balance is empty")
        group["status"], group["dateSent"] = "SENDING", datetime.now(UTC).isoformat()
        for record in registered:
            self.messages[record["messageId"]] = record
        self.balance -= 10 * len(registered)
        return self.sent(Reply(200, self._group_info(group)))

    def _group_info(self, group: dict[str, Any]) -> dict[str, Any]:
        records = group["messages"]
        ok = sum(1 for r in records if r["statusCode"] not in ("1010", "1022"))
        info = self._group(group["groupId"], len(records), ok, len(records) - ok)
        sent = group["status"] != "PENDING"
        done = [r for r in records if r["statusCode"] not in ("1010", "1022", "2000")] if sent else []
        info["count"].update(
            sentTotal=len(done),
            sentSuccess=sum(1 for r in done if r["statusCode"] == "4000"),
            sentFailed=sum(1 for r in done if r["statusCode"] != "4000"),
            sentPending=ok - len(done) if sent else 0,
        )
        info.update(
            status=group["status"],
            allowDuplicates=group["allowDuplicates"],
            customFields=group["customFields"],
            dateCreated=group["dateCreated"],
            dateSent=group["dateSent"],
        )
        return info

    def _refuse_message(self, message: dict[str, Any]) -> Reply | None:
        if message.get("from") not in self.senders:
            return _error(400, "SenderNumberNotRegistered", f"sender {message.get('from')} is not registered")
        if message.get("type") in ("ATA", "CTA", "CTI") or str(message.get("type", "")).startswith("BMS_"):
            options = message.get("kakaoOptions") or {}
            templates = self.channels.get(options.get("pfId", ""))
            if templates is None:
                return _error(400, "InvalidPfId", f"pfId {options.get('pfId')} is not linked")
            if message.get("type") == "ATA":
                text = templates.get(options.get("templateId", ""))
                wanted = {f"#{{{name}}}" for name in PLACEHOLDER_RE.findall(text or "")}
                if text is None or set((options.get("variables") or {}).keys()) != wanted:
                    return _error(400, "TemplateMismatch", "template or variables do not match")
            problem = _button_problem(message.get("type"), options)
            if problem:
                return _error(400, "ValidationError", problem)
        return None

    def _send_many(self, request: Request) -> Reply:
        body = request.json()
        if not isinstance(body, dict) or not isinstance(body.get("messages"), list) or not body["messages"]:
            return _error(400, "ValidationError", "messages must be a non-empty array")
        for message in body["messages"]:
            refusal = self._refuse_message(message)
            if refusal:
                return refusal
        if self.balance <= 0:
            return _error(400, "NotEnoughBalance", "balance is empty")
        group_id = f"G4V{uuid.uuid4().hex[:20].upper()}"
        accepted, failed = [], []
        for message in body["messages"]:
            message_id = f"M4V{next(self._ids):06d}{uuid.uuid4().hex[:11].upper()}"
            record = {
                "messageId": message_id,
                "groupId": group_id,
                "to": message.get("to"),
                "from": message.get("from"),
                "type": message.get("type"),
                "country": message.get("country", "82"),
                "customFields": message.get("customFields") or {},
                "accountId": "FAKEACCOUNT",
            }
            if not PHONE_RE.match(str(message.get("to", ""))):
                failed.append({**record, "statusCode": "1010", "statusMessage": "수신번호 형식 오류"})
                continue
            record.update(
                statusCode="2000",
                statusMessage="정상 접수(이통사로 접수 예정)",
                text=message.get("text"),
                kakaoOptions=message.get("kakaoOptions"),
            )
            self.messages[message_id] = record
            accepted.append(record)
        self.balance -= 10 * len(accepted)
        return self.sent(
            Reply(
                200,
                {
                    "failedMessageList": failed,
                    "groupInfo": self._group(group_id, len(body["messages"]), len(accepted), len(failed)),
                    "messageList": [
                        {
                            "messageId": r["messageId"],
                            "statusCode": r["statusCode"],
                            "statusMessage": r["statusMessage"],
                            "customFields": r["customFields"],
                            "to": r["to"],
                            "from": r["from"],
                            "type": r["type"],
                            "country": r["country"],
                        }
                        for r in accepted
                    ],
                },
            )
        )

    def _group(self, group_id: str, total: int, ok: int, failed: int) -> dict[str, Any]:
        now = datetime.now(UTC).isoformat()
        cash = {"requested": 0, "replacement": 0, "refund": 0, "sum": 0}
        return {
            "count": {
                "total": total,
                "sentTotal": 0,
                "sentFailed": 0,
                "sentSuccess": 0,
                "sentPending": ok,
                "sentReplacement": 0,
                "refund": 0,
                "registeredFailed": failed,
                "registeredSuccess": ok,
            },
            "countForCharge": {},
            "balance": cash,
            "point": cash,
            "app": {"profit": {}, "appId": None},
            "log": [],
            "status": "SENDING",
            "allowDuplicates": False,
            "isRefunded": False,
            "accountId": "FAKEACCOUNT",
            "masterAccountId": None,
            "apiVersion": "4",
            "groupId": group_id,
            "price": {},
            "dateCreated": now,
            "dateUpdated": now,
        }

    @staticmethod
    def _public(record: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in record.items() if k != "kakaoOptions"}

    # --- delivery ---------------------------------------------------------------------------------

    def settle(self) -> int:
        """Finish every pending message (final status per ``outcomes``) and queue its reports."""
        settled = 0
        with self.lock:
            for record in self.messages.values():
                if record["statusCode"] != "2000":
                    continue
                settled += 1
                final = self.outcomes.get(record["to"], "4000")
                self._queue_report(record, "3000")
                options = record.get("kakaoOptions") or {}
                if record["type"] == "ATA" and final != "4000" and options.get("disableSms") is False:
                    record["type"] = "SMS" if euckr_len(record.get("text") or "") <= 90 else "LMS"
                    record["replacement"] = True
                    final = self.replacement_outcomes.get(record["to"], "4000")
                record["statusCode"] = final
                record["statusMessage"] = "수신 완료" if final == "4000" else "전송 실패"
                self._queue_report(record, final)
            for group in self.groups.values():
                if group["status"] == "SENDING":
                    group["status"] = "COMPLETE"
        return settled

    def _queue_report(self, record: dict[str, Any], code: str) -> None:
        now = datetime.now(UTC).isoformat()
        data = {
            **self._public(record),
            "statusCode": code,
            "dateProcessed": now,
            "dateReported": now,
            "dateReceived": now,
            "networkCode": "SKT",
        }
        self.pending_reports.append({"eventDataId": uuid.uuid4().hex, "retryCount": 0, "data": data})

    def post_webhooks(self, url: str, *, shuffle: bool = True, twice: bool = True, seed: int = 7) -> int:
        """POST the queued reports to ``url``, one JSON array per report: out of order and each twice."""
        with self.lock:
            reports, self.pending_reports = self.pending_reports, []
        calls = [json.dumps([r], ensure_ascii=False) for r in reports]
        if twice:
            calls = calls + calls
        if shuffle:
            random.Random(seed).shuffle(calls)
        with httpx.Client(timeout=5.0) as client:
            for call in calls:
                client.post(url, content=call, headers={"Content-Type": "application/json"})
        return len(calls)

    def last_added(self) -> dict[str, Any]:
        """The first message of the last request that carried messages (group add or send-many)."""
        with self.lock:
            carrying = [r for r in self.requests if r.method in ("PUT", "POST") and b'"messages"' in r.body]
        body: dict[str, Any] = carrying[-1].json()
        return dict(body["messages"][0])

    def accepted_counts(self) -> Counter[tuple[str, str]]:
        """How many messages the fake accepted for sending, per (recipient, text): exactly-once checks that do
        not trust our own keys."""
        with self.lock:
            return Counter((str(r["to"]), str(r.get("text") or "")) for r in self.messages.values())

    def delivered_count(self, outbox_key: str) -> int:
        """How many accepted messages carry this outbox key (exactly-once checks)."""
        return sum(1 for r in self.messages.values() if r["customFields"].get("outboxKey") == outbox_key)
