"""Trigger `trigger.manual`: staff start a run for a chosen patient (no event filter)."""

from nodes.base import NodeType, follow, load_schema
from nodes.summary import both

NODE = NodeType(
    type="trigger.manual",
    category="trigger",
    label={"ko": "직접 실행", "en": "Manual start"},
    description={
        "ko": "직원이 환자를 골라 직접 시작합니다.",
        "en": "Staff start it for a chosen patient.",
    },
    icon="👆",
    schema=load_schema(__file__),
    execute=follow,
    summary=lambda _params: both("직원이 환자를 골라 시작", "Staff start it for chosen patients"),
    starts_runs="manual",
)
