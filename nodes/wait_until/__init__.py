"""Flow `wait.until`: wait until a Seoul wall-clock time N days after/before the trigger or appointment."""

from nodes.base import NodeType, load_schema
from nodes.wait_until.executor import due_time, wait_until
from nodes.wait_until.summary import summary
from nodes.wait_until.window import moves_with_appointment, release_minutes

__all__ = ["NODE", "due_time"]

NODE = NodeType(
    type="wait.until",
    category="flow",
    label={"ko": "날짜·시각까지 대기", "en": "Wait until"},
    description={
        "ko": "시작 시점이나 예약일로부터 며칠 뒤(전) 정한 시각까지 기다립니다. 지났으면 바로 진행.",
        "en": "Waits until HH:MM N days after/before the trigger or appointment; continues if past.",
    },
    icon="🗓️",
    schema=load_schema(__file__),
    execute=wait_until,
    summary=summary,
    send_window=release_minutes,
    appointment_anchor=moves_with_appointment,
)
