"""Trigger `trigger.appointment_attended`: Appointment attended."""

from nodes.base import NodeType, follow, load_schema
from nodes.procedures import procedure_matches
from nodes.summary import procedure_trigger

NODE = NodeType(
    type="trigger.appointment_attended",
    category="trigger",
    label={"ko": "내원", "en": "Appointment attended"},
    description={
        "ko": "환자가 예약에 내원하면 시작합니다. 시술을 고르면 그 시술 예약만 해당합니다.",
        "en": "Starts when the patient attends an appointment, optionally only for some procedures.",
    },
    icon="🏥",
    schema=load_schema(__file__),
    execute=follow,
    summary=procedure_trigger("{what} 예약에 내원하면 시작", "When the patient attends {what}"),
    events=("appointment.attended",),
    matches=procedure_matches,
    sample_from_params={"/appointment/procedure": "/procedures/0"},
)
