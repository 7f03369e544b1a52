"""Flow `branch.consent`: `yes` when the patient currently holds the consent, else `no`."""

from collections.abc import Mapping
from typing import Any

from nodes.base import ExecutionContext, NodeType, Outcome, load_schema
from nodes.summary import Summary, both, choice_title


def check_consent(ctx: ExecutionContext) -> Outcome:
    purpose = str(ctx.params.get("purpose", "marketing"))
    granted = bool(ctx.consents.get(purpose, False))
    return Outcome(ports=("yes" if granted else "no",), reason=f"{purpose} 동의 / consent: {granted}")


SCHEMA = load_schema(__file__)


def consent_summary(params: Mapping[str, Any]) -> Summary:
    ko, en = choice_title(SCHEMA, "purpose", params.get("purpose", "marketing"))
    return both(f"{ko} 동의가 있나요?", f"Has {en} consent?")


NODE = NodeType(
    type="branch.consent",
    category="flow",
    label={"ko": "동의 확인", "en": "Consent check"},
    description={
        "ko": "환자의 현재 동의(진료 안내·마케팅·야간 광고)에 따라 예/아니오 경로를 고릅니다.",
        "en": "Chooses yes or no from the patient's current treatment, marketing or night-ads consent.",
    },
    icon="🛡️",
    schema=SCHEMA,
    execute=check_consent,
    summary=consent_summary,
    outputs=("yes", "no"),
    consent_gate="purpose",
)
