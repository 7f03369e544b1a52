"""Action `notify.staff`: tell the clinic's staff something about this run's patient."""

from nodes.base import ExecutionContext, NodeType, NotifyStaff, Outcome, load_schema


def notify_staff(ctx: ExecutionContext) -> Outcome:
    recipients = tuple(str(r) for r in ctx.params.get("recipients") or ())
    return Outcome(effects=(NotifyStaff(text=ctx.render(str(ctx.params["text"])), recipients=recipients),))


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
    text_fields=("/text",),
)
