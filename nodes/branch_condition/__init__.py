"""Flow `branch.condition`: choose the `yes` or `no` path from a patient or appointment field."""

from nodes.base import NodeType, load_schema
from nodes.branch_condition.executor import choose_branch
from nodes.branch_condition.summary import summary_for

SCHEMA = load_schema(__file__)

NODE = NodeType(
    type="branch.condition",
    category="flow",
    label={"ko": "조건 분기", "en": "Condition"},
    description={
        "ko": "환자·예약 정보(성별, 나이, 태그, 시술 …)로 예/아니오 경로를 고릅니다.",
        "en": "Chooses the yes or no path from a patient or appointment field (sex, age, tags, procedure …).",
    },
    icon="🔀",
    schema=SCHEMA,
    execute=choose_branch,
    summary=summary_for(SCHEMA),
    outputs=("yes", "no"),
)
