"""Flow `end`: the path stops here (no outputs)."""

from nodes.base import ExecutionContext, NodeType, Outcome, load_schema
from nodes.summary import both


def end_path(_: ExecutionContext) -> Outcome:
    return Outcome(ports=(), reason="워크플로 끝 / end of workflow")


NODE = NodeType(
    type="end",
    category="flow",
    label={"ko": "끝", "en": "End"},
    description={"ko": "이 경로를 끝냅니다.", "en": "Ends this path."},
    icon="🏁",
    schema=load_schema(__file__),
    execute=end_path,
    summary=lambda _params: both("이 경로는 여기서 끝", "This path ends here"),
    outputs=(),
    terminal=True,
)
