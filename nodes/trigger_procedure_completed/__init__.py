"""Trigger `trigger.procedure_completed`: Procedure completed."""

from nodes.base import NodeType, follow, load_schema
from nodes.procedures import procedure_matches
from nodes.summary import procedure_trigger

NODE = NodeType(
    type="trigger.procedure_completed",
    category="trigger",
    label={"ko": "시술 완료", "en": "Procedure completed"},
    description={
        "ko": "시술·수술이 끝나면 시작합니다. 시술을 고르면 그 시술만 해당합니다.",
        "en": "Starts when a procedure is completed, optionally only for some procedures.",
    },
    icon="🩺",
    schema=load_schema(__file__),
    execute=follow,
    summary=procedure_trigger("{what_eul} 마치면 시작", "When {what} is completed"),
    events=("procedure.completed",),
    matches=procedure_matches,
    sample_from_params={"/appointment/procedure": "/procedures/0"},
)
