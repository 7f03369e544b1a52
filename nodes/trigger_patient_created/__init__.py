"""Trigger `trigger.patient_created`: a new patient was registered."""

from nodes.base import NodeType, follow, load_schema
from nodes.summary import both

NODE = NodeType(
    type="trigger.patient_created",
    category="trigger",
    label={"ko": "신규 환자 등록", "en": "Patient created"},
    description={"ko": "새 환자가 등록되면 시작합니다.", "en": "Starts when a new patient is registered."},
    icon="🆕",
    schema=load_schema(__file__),
    execute=follow,
    summary=lambda _params: both("새 환자가 등록되면 시작", "When a new patient is registered"),
    events=("patient.created",),
)
