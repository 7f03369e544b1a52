"""Action `patient.tag`: add or remove tags on the run's patient (for segments and conditions)."""

from nodes.base import ExecutionContext, NodeType, Outcome, TagPatient, load_schema


def tag_patient(ctx: ExecutionContext) -> Outcome:
    add = tuple(str(t) for t in ctx.params.get("add") or ())
    remove = tuple(str(t) for t in ctx.params.get("remove") or ())
    return Outcome(effects=(TagPatient(add=add, remove=remove),))


NODE = NodeType(
    type="patient.tag",
    category="action",
    label={"ko": "환자 태그", "en": "Tag patient"},
    description={"ko": "환자에게 태그를 붙이거나 뗍니다.", "en": "Adds or removes patient tags."},
    icon="🏷️",
    schema=load_schema(__file__),
    execute=tag_patient,
)
