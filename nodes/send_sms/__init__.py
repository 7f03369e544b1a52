"""Action `send.sms`: an SMS (LMS when over 90 EUC-KR bytes), informational or advertising."""

from collections.abc import Mapping
from typing import Any

from nodes.base import ExecutionContext, NodeType, Outcome, SendMessage, load_schema
from nodes.summary import Summary, both, choice_title, clip


def send_sms(ctx: ExecutionContext) -> Outcome:
    subject = ctx.params.get("subject")
    message = SendMessage(
        channel="sms",
        purpose="advertising" if ctx.params.get("purpose") == "advertising" else "informational",
        text=ctx.render(str(ctx.params["text"])),
        subject=ctx.render(str(subject)) if subject else None,
    )
    return Outcome(effects=(message,))


SCHEMA = load_schema(__file__)


def sms_summary(params: Mapping[str, Any]) -> Summary:
    ko, en = choice_title(SCHEMA, "purpose", params.get("purpose", "informational"))
    ko_kind, en_kind = ko.split("(")[0], en
    text = clip(params.get("subject") or params.get("text") or "")
    return both(f"문자({ko_kind}) · {text}", f"SMS ({en_kind.lower()}) · {text}")


NODE = NodeType(
    type="send.sms",
    category="action",
    label={"ko": "문자 보내기", "en": "Send SMS"},
    description={
        "ko": (
            "문자를 보냅니다. 90바이트(한글 45자)를 넘으면 장문(LMS)으로 갑니다. "
            "광고는 동의·(광고)·수신거부가 필요합니다."
        ),
        "en": 'Sends an SMS (LMS over 90 EUC-KR bytes); advertising needs consent, "(광고)" and an opt-out.',
    },
    icon="✉️",
    schema=SCHEMA,
    execute=send_sms,
    summary=sms_summary,
    text_fields=("/text", "/subject"),
    channel="sms",
)
