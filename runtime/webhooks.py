"""Inbound webhooks: booking events, SOLAPI delivery reports and inbound SMS replies, per clinic.

No log-in: each route authenticates the clinic named in the path. Events and inbound replies carry our
HMAC signature (``storage.accounts.webhooks.signed_webhook``); SOLAPI cannot sign with our scheme, so its
reports may instead carry the clinic's webhook secret as a token: the ``X-DoctorsFlow-Token`` header, or
``?token=`` in the URL for consoles that cannot add headers (docs/webhooks.md). The work itself
is the runtime's: :func:`runtime.events.ingest`, :func:`runtime.outbox.process_reports` and
:func:`storage.patients.optout.handle_inbound_optout` — nothing is re-implemented here.
"""

from __future__ import annotations

import hmac
from datetime import datetime
from typing import Annotated, Any

from litestar import Controller, Request, Response, post
from litestar.connection import ASGIConnection
from litestar.datastructures import State
from litestar.handlers.base import BaseRouteHandler
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nodes.timeutil import parse_datetime
from runtime import outbox
from runtime.api import REPEATED_EVENT, _runtime, take_event
from runtime.channels.solapi import PROVIDER as SOLAPI
from runtime.channels.solapi import SolapiWebhookError, parse_solapi_webhook
from runtime.schemas import EventIn, EventIntake, InboundAnswer, InboundSms, ReportsAnswer, SolapiReport
from storage import audit
from storage.accounts.authenticate import Auth, client_ip, remember
from storage.accounts.guards import Requirement
from storage.accounts.webhooks import (
    SIGNATURE_HEADER,
    WEBHOOK_PERMISSIONS,
    AcceptedSignature,
    SignedWebhook,
    WebhookSignatureError,
    accepted_signature,
    clinic_secrets,
    consume_signature,
    refuse_late_replay,
    signed_webhook,
)
from storage.db import session_scope
from storage.errors import ApiError, Problem
from storage.models import OutboxMessage
from storage.openapi import BodyShape
from storage.patients.optout import handle_inbound_optout, is_optout_text
from storage.tenancy import Caller

TOKEN_HEADER = "X-DoctorsFlow-Token"
MAX_TEXT = 2000  # an SMS reply is short; anything longer is not a reply


def _refused(code: str, message: str) -> ApiError:
    return ApiError(401, [Problem(code, message)])


class SignedOrToken(Requirement):
    """Guard of the SOLAPI report route: our HMAC signature when present, else the clinic's webhook secret
    in ``X-DoctorsFlow-Token`` or ``?token=`` (compared in constant time with every active secret of the clinic)."""

    def __init__(self, slug_param: str = "clinic_slug") -> None:
        super().__init__(public=True)
        self.slug_param = slug_param
        self.signed = SignedWebhook(slug_param)

    async def __call__(self, connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler) -> None:
        if connection.headers.get(SIGNATURE_HEADER):
            await self.signed(connection, handler)
            return
        token = connection.headers.get(TOKEN_HEADER) or connection.query_params.get("token") or ""
        slug = str(connection.path_params.get(self.slug_param, ""))
        settings = connection.app.state.settings
        ip = client_ip(connection)
        refused: ApiError | None = None
        async with session_scope(settings, None) as db:
            clinic, secrets_ = await clinic_secrets(db, settings, slug)
            # Compare with every secret (no early exit) so the timing says nothing about which one matched.
            matched = False
            for secret in secrets_:
                matched |= hmac.compare_digest(token.encode(), secret.encode())
            if not token:
                refused = _refused(
                    "signature_missing",
                    f"서명 또는 토큰 헤더가 없습니다 / missing {SIGNATURE_HEADER} or {TOKEN_HEADER}",
                )
            elif not matched:
                refused = _refused("token_invalid", "웹훅 토큰이 맞지 않습니다 / webhook token does not match")
            if refused is not None:
                if clinic is not None:
                    code = refused.problems[0].code
                    audit.record_for(db, clinic.id, "webhook", "webhook.refused", f"clinic:{clinic.id}", ip, code=code)
            else:
                assert clinic is not None
                caller = Caller(clinic_id=clinic.id, actor=f"webhook:{clinic.slug}", role="webhook", ip=ip)
                remember(connection, Auth(caller, WEBHOOK_PERMISSIONS, "webhook_token"))
        if refused is not None:
            raise refused  # after the scope: the refusal's audit entry is committed


def _signature(request: Request[Any, Any, Any]) -> AcceptedSignature:
    signature = accepted_signature(request)
    if signature is None:  # the route's guard is signed_webhook(): it always leaves one
        raise _refused("signature_missing", f"서명 헤더가 없습니다 / missing {SIGNATURE_HEADER}")
    return signature


def _invalid(code: str, message: str, path: str = "") -> ApiError:
    return ApiError(422, [Problem(code, message, path=path)])


def _inbound_fields(data: Any) -> tuple[str, str, datetime | None]:
    """``{"from", "text", "received_at"?}`` → (phone, text, when) or a 422 naming the field."""
    if not isinstance(data, dict):
        raise _invalid("invalid_body", "JSON 객체가 필요합니다 / expected a JSON object")
    sender, text, received = data.get("from"), data.get("text"), data.get("received_at")
    if not isinstance(sender, str) or not sender.strip():
        raise _invalid("missing_field", "보낸 번호(from)가 필요합니다 / from is required", "/from")
    if not isinstance(text, str):
        raise _invalid("missing_field", "문자 내용(text)이 필요합니다 / text is required", "/text")
    if len(text) > MAX_TEXT:
        raise _invalid("invalid_field", f"text는 {MAX_TEXT}자 이하입니다 / text too long", "/text")
    at: datetime | None = None
    if received is not None:
        try:
            at = parse_datetime(received) if isinstance(received, str) else None
        except (TypeError, ValueError):
            at = None
        if at is None:
            raise _invalid(
                "invalid_field", "received_at은 ISO 8601 일시입니다 / received_at must be ISO 8601", "/received_at"
            )
    return sender, text, at


class WebhookController(Controller):
    path = "/api/webhooks/{clinic_slug:str}"
    tags = ["webhooks"]

    @post("/events", operation_id="WebhookEvent", guards=[signed_webhook()], status_code=201, responses=REPEATED_EVENT)
    async def receive_event(
        self,
        state: State,
        caller: Caller,
        clinic_slug: str,
        request: Request[Any, Any, Any],
        data: Annotated[Any, BodyShape(EventIn)],
    ) -> Response[EventIntake]:
        """A DESIGN.md event from a booking system: the same intake and answers as ``POST /api/events``. The
        signature is recorded in the event's transaction: a failed intake (503) can be retried as sent."""
        signature = _signature(request)

        async def consume(session: AsyncSession) -> None:
            await consume_signature(session, signature)

        try:
            return await take_event(state, caller.clinic_id, data, within=consume)
        except WebhookSignatureError as error:
            raise await refuse_late_replay(state.settings, caller.clinic_id, caller.ip, error) from None

    @post("/solapi/reports", operation_id="WebhookSolapiReports", guards=[SignedOrToken()], status_code=200)
    async def receive_solapi_reports(
        self,
        state: State,
        caller: Caller,
        clinic_slug: str,
        request: Request[Any, Any, Any],
        data: Annotated[Any, BodyShape(list[SolapiReport])],
    ) -> ReportsAnswer:
        """SOLAPI delivery reports: outbox rows of this clinic move sent → delivered | failed; an AlimTalk
        Kakao could not deliver gets its one failover SMS. A repeated report changes nothing and still
        answers 200, so SOLAPI stops retrying."""
        try:
            reports = parse_solapi_webhook(data)
        except SolapiWebhookError as exc:
            raise _invalid("invalid_body", str(exc)) from exc
        signature = accepted_signature(request)  # None: authenticated by token
        ids = sorted({r.provider_message_id for r in reports})
        async with session_scope(state.settings, caller.clinic_id) as db:  # only this clinic's messages
            query = select(OutboxMessage.provider_message_id).where(
                OutboxMessage.provider == SOLAPI, OutboxMessage.provider_message_id.in_(ids)
            )
            ours = set((await db.execute(query)).scalars()) if ids else set()
        mine = [r for r in reports if r.provider_message_id in ours]
        runtime, dispatches = _runtime(state)
        follow_ups = await outbox.process_reports(runtime, mine)
        if dispatches:
            for message_id in follow_ups:
                runtime.dispatcher.deliver(message_id)
        if signature is not None:  # applying reports is idempotent: record the signature once they are applied
            try:
                async with session_scope(state.settings, None) as db:
                    await consume_signature(db, signature)
            except WebhookSignatureError as error:
                raise await refuse_late_replay(state.settings, caller.clinic_id, caller.ip, error) from None
        return {"received": len(reports), "matched": len(mine), "failover_messages": follow_ups}

    @post("/inbound", operation_id="WebhookInbound", guards=[signed_webhook()], status_code=200)
    async def receive_inbound(
        self,
        state: State,
        caller: Caller,
        clinic_slug: str,
        request: Request[Any, Any, Any],
        db_session: AsyncSession,
        data: Annotated[Any, BodyShape(InboundSms)],
    ) -> InboundAnswer:
        """An inbound SMS reply; "수신거부" / "STOP" revokes marketing and night-ads consent at once. The
        signature is recorded in the same transaction as the opt-out."""
        sender, text, at = _inbound_fields(data)
        try:
            await consume_signature(db_session, _signature(request))
        except WebhookSignatureError as error:  # a concurrent replay won: no audit (one connection per request)
            raise _refused(error.code, error.message) from None
        runtime, _ = _runtime(state)
        patients = await handle_inbound_optout(db_session, sender, text, at or runtime.clock.now())
        for patient_id in patients:
            audit.record(db_session, caller, "patient.optout", f"patient:{patient_id}", via="inbound")
        return {"optout": is_optout_text(text), "patients": len(patients)}


ROUTES: list[Any] = [WebhookController]

# Every route declares its guard on the handler (signed_webhook / SignedOrToken), so nothing to add here.
ROUTE_PERMISSIONS: dict[str, str] = {}
