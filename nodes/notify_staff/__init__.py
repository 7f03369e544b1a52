"""Action `notify.staff`: tell the clinic's staff something about this run's patient."""

from collections.abc import Mapping
from typing import Any

from nodes.base import ExecutionContext, NodeType, NotifyStaff, Outcome, load_schema
from nodes.summary import Summary, both, clip


def notify_staff(ctx: ExecutionContext) -> Outcome:
    recipients = tuple(str(r) for r in ctx.params.get("recipients") or ())
    return Outcome(effects=(NotifyStaff(text=ctx.render(str(ctx.params["text"])), recipients=recipients),))


def staff_summary(params: Mapping[str, Any]) -> Summary:
    recipients = params.get("recipients") or []
    who_ko = f"직원 {len(recipients)}명에게" if recipients else "대시보드에"
    who_en = f"{len(recipients)} staff" if recipients else "the dashboard"
    text = clip(params.get("text") or "")
    return both(f"{who_ko} 알림 · {text}".rstrip(" ·"), f"Notify {who_en} · {text}".rstrip(" ·"))


NODE = NodeType(
    type="notify.staff",
    category="action",
    label={"ko": "직원 알림", "en": "Notify staff"},
    description={
        "ko": "병원 직원에게 알립니다(대시보드, 번호를 적으면 문자).",
        "en": "Notifies clinic staff (dashboard; SMS to the listed numbers).",
    },
    icon="🔔",
    schema=load_schema(__file__),
    execute=notify_staff,
    summary=staff_summary,
    text_fields=("/text",),
)
