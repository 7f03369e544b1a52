"""Action `patient.tag`: add or remove tags on the run's patient (for segments and conditions)."""

from collections.abc import Mapping
from typing import Any

from nodes.base import ExecutionContext, NodeType, Outcome, TagPatient, load_schema
from nodes.summary import Summary, both


def tag_patient(ctx: ExecutionContext) -> Outcome:
    add = tuple(str(t) for t in ctx.params.get("add") or ())
    remove = tuple(str(t) for t in ctx.params.get("remove") or ())
    return Outcome(effects=(TagPatient(add=add, remove=remove),))


def tag_summary(params: Mapping[str, Any]) -> Summary:
    add = ", ".join(map(str, params.get("add") or []))
    remove = ", ".join(map(str, params.get("remove") or []))
    ko = [f"태그 붙이기: {add}"] if add else []
    en = [f"add tag {add}"] if add else []
    ko += [f"태그 떼기: {remove}"] if remove else []
    en += [f"remove tag {remove}"] if remove else []
    return both(
        " · ".join(ko) or "붙이거나 뗄 태그를 정하세요", " · ".join(en).capitalize() or "Choose tags to add or remove"
    )


NODE = NodeType(
    type="patient.tag",
    category="action",
    label={"ko": "환자 태그", "en": "Tag patient"},
    description={"ko": "환자에게 태그를 붙이거나 뗍니다.", "en": "Adds or removes patient tags."},
    icon="🏷️",
    schema=load_schema(__file__),
    execute=tag_patient,
    summary=tag_summary,
)
