"""Trigger `trigger.appointment_booked`: Appointment booked."""

from nodes.base import NodeType, follow, load_schema
from nodes.procedures import procedure_matches
from nodes.summary import procedure_trigger

NODE = NodeType(
    type="trigger.appointment_booked",
    category="trigger",
    label={"ko": "예약 접수", "en": "Appointment booked"},
    description={
        "ko": "예약이 접수되면 시작합니다. 시술을 고르면 그 시술 예약만 해당합니다.",
        "en": "Starts when an appointment is booked, optionally only for some procedures.",
    },
    icon="📅",
    schema=load_schema(__file__),
    execute=follow,
    summary=procedure_trigger("{what} 예약이 잡히면 시작", "When a booking for {what} is made"),
    events=("appointment.booked",),
    matches=procedure_matches,
    sample_from_params={"/appointment/procedure": "/procedures/0"},
)
