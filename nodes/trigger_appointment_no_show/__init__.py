"""Trigger `trigger.appointment_no_show`: Appointment no-show."""

from nodes.base import NodeType, follow, load_schema
from nodes.procedures import procedure_matches
from nodes.summary import procedure_trigger

NODE = NodeType(
    type="trigger.appointment_no_show",
    category="trigger",
    label={"ko": "미내원(노쇼)", "en": "Appointment no-show"},
    description={
        "ko": "환자가 예약에 오지 않으면(미내원) 시작합니다. 시술을 고르면 그 시술 예약만 해당합니다.",
        "en": "Starts when the patient misses an appointment (no-show), optionally only for some procedures.",
    },
    icon="⏰",
    schema=load_schema(__file__),
    execute=follow,
    summary=procedure_trigger("{what} 예약에 내원하지 않으면 시작", "When the patient misses {what}"),
    events=("appointment.no_show",),
    matches=procedure_matches,
    sample_from_params={"/appointment/procedure": "/procedures/0"},
)
