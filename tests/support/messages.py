"""Outbound messages for the provider-client tests: one typed base message, varied with ``dataclasses.replace``."""

from __future__ import annotations

from runtime.channels.base import OutboundMessage

# An informational SMS from the clinic's registered number to a patient (digits only, as the runtime sends them).
SMS = OutboundMessage(
    key="run:1:node:a",
    kind="sms",
    purpose="informational",
    to="01012345678",
    sender="0212345678",
    text="내일 오전 10시 진료 예약이 있습니다.",
)
# The variables of the fakes' TPL_CONFIRM AlimTalk template.
CONFIRM_VARIABLES = {"이름": "김민지", "날짜": "12월 3일"}
