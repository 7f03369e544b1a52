"""Trigger `trigger.consent_granted`: a patient granted a consent of the chosen purpose."""

from collections.abc import Mapping
from typing import Any

from nodes.base import NodeType, follow, load_schema
from nodes.summary import Summary, both, choice_title


def consent_matches(params: Mapping[str, Any], event: Mapping[str, Any]) -> bool:
    """The event's ``consent.purpose`` must be the node's ``purpose``."""
    consent = event.get("consent")
    return isinstance(consent, Mapping) and consent.get("purpose") == params.get("purpose")


SCHEMA = load_schema(__file__)


def consent_summary(params: Mapping[str, Any]) -> Summary:
    ko, en = choice_title(SCHEMA, "purpose", params.get("purpose", "marketing"))
    return both(f"{ko} 동의를 받으면 시작", f"When {en} consent is granted")


NODE = NodeType(
    type="trigger.consent_granted",
    category="trigger",
    label={"ko": "수신 동의", "en": "Consent granted"},
    description={
        "ko": "환자가 진료 안내·마케팅·야간 광고 수신에 동의하면 시작합니다.",
        "en": "Starts when a patient grants treatment, marketing or night-time advertising consent.",
    },
    icon="✅",
    schema=SCHEMA,
    execute=follow,
    summary=consent_summary,
    events=("consent.granted",),
    matches=consent_matches,
    sample={"consent": {"purpose": "marketing", "method": "staff"}},
    sample_from_params={"/consent/purpose": "/purpose"},
)
