"""Trigger `trigger.appointment_cancelled`: Appointment cancelled."""

from nodes.base import NodeType, follow, load_schema
from nodes.procedures import procedure_matches
from nodes.summary import procedure_trigger

NODE = NodeType(
    type="trigger.appointment_cancelled",
    category="trigger",
    label={"ko": "예약 취소", "en": "Appointment cancelled"},
    description={
        "ko": "예약이 취소되면 시작합니다. 시술을 고르면 그 시술 예약만 해당합니다.",
        "en": "Starts when an appointment is cancelled, optionally only for some procedures.",
    },
    icon="🚫",
    schema=load_schema(__file__),
    execute=follow,
    summary=procedure_trigger("{what} 예약이 취소되면 시작", "When a booking for {what} is cancelled"),
    events=("appointment.cancelled",),
    matches=procedure_matches,
    sample_from_params={"/appointment/procedure": "/procedures/0"},
)
