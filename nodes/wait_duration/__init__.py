"""Flow `wait.duration`: wait a fixed time (days/hours/minutes) from the moment the node is reached."""

from datetime import timedelta

from nodes.base import ExecutionContext, NodeType, Outcome, load_schema
from nodes.wait_duration.summary import summary
from nodes.wait_duration.window import release_minutes


def wait_for_duration(ctx: ExecutionContext) -> Outcome:
    params = ctx.params
    delta = timedelta(
        days=int(params.get("days", 0)),
        hours=int(params.get("hours", 0)),
        minutes=int(params.get("minutes", 0)),
    )
    return Outcome(wait_until=ctx.now + delta)


NODE = NodeType(
    type="wait.duration",
    category="flow",
    label={"ko": "시간 대기", "en": "Wait for a duration"},
    description={
        "ko": "정한 시간(일·시간·분)만큼 기다립니다.",
        "en": "Waits for a number of days, hours and minutes.",
    },
    icon="⏳",
    schema=load_schema(__file__),
    execute=wait_for_duration,
    summary=summary,
    send_window=release_minutes,
)
