"""Shapes of the cost API's bodies (``api.py`` beside this: rates, monthly ledger); see ``nodes/schemas.py``
for why TypedDicts."""

from typing import Literal, TypedDict

from nodes.channels import ChannelName, MessageKind

RateProvider = Literal["sandbox", "solapi", "nhncloud"]  # = rates.RATE_PROVIDERS


class Rate(TypedDict):
    provider: RateProvider
    kind: MessageKind
    rate_krw: float
    default_krw: float
    overridden: bool


class Rates(TypedDict):
    providers: list[RateProvider]
    kinds: list[MessageKind]
    active_provider: str
    rates: list[Rate]


class RatesIn(TypedDict):
    """Replaces the clinic's overrides; a provider or kind left out goes back to the default."""

    rates: dict[str, dict[str, float]]


class Figures(TypedDict):
    messages: int
    spent_krw: float
    sms_equivalent_krw: float
    saving_krw: float
    saving_percent: float | None


class LedgerRow(Figures):
    channel: ChannelName
    provider: str
    kind: MessageKind
    failover: bool


class TrendMonth(Figures):
    month: str


Ledger = TypedDict(
    "Ledger",
    {
        "month": str,  # YYYY-MM
        "timezone": str,
        "from": str,
        "to": str,
        "rows": list[LedgerRow],
        "totals": Figures,
        "trend": list[TrendMonth],
    },
)
