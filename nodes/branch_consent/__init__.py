"""Flow `branch.consent`: `yes` when the patient currently holds the consent, else `no`."""

from nodes.base import ExecutionContext, NodeType, Outcome, load_schema


def check_consent(ctx: ExecutionContext) -> Outcome:
    purpose = str(ctx.params.get("purpose", "marketing"))
    granted = bool(ctx.consents.get(purpose, False))
    return Outcome(ports=("yes" if granted else "no",), reason=f"{purpose} 동의 / consent: {granted}")


NODE = NodeType(
    type="branch.consent",
    category="flow",
    label={"ko": "동의 확인", "en": "Consent check"},
    description={
        "ko": "환자의 현재 동의(진료 안내·마케팅·야간 광고)에 따라 예/아니오 경로를 고릅니다.",
        "en": "Chooses yes or no from the patient's current treatment, marketing or night-ads consent.",
    },
    icon="🛡️",
    schema=load_schema(__file__),
    execute=check_consent,
    outputs=("yes", "no"),
    consent_gate="purpose",
)
