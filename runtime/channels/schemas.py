"""Shapes of the channel and cost APIs' bodies (``api.py``, ``costs_api.py`` beside this); see
``nodes/schemas.py`` for why TypedDicts."""

from typing import Literal, NotRequired, TypedDict

from nodes.channels import ChannelName, MessageKind

StoredProvider = Literal["solapi", "nhncloud"]  # = credentials.STORED_PROVIDERS
RateProvider = Literal["sandbox", "solapi", "nhncloud"]  # = costs.RATE_PROVIDERS


class ChannelSettingsIn(TypedDict, total=False):
    """``POST /api/channels/test-connection``: a provider and its keys (``credentials.FIELDS``), all strings."""

    provider: Literal["sandbox", "solapi", "nhncloud"]
    timeout_s: str
    sender_number: str
    kakao_sender_key: str
    solapi_api_key: str
    solapi_api_secret: str
    solapi_friendtalk_type: Literal["BMS_TEXT", "CTA"]
    solapi_base_url: str
    nhn_sms_app_key: str
    nhn_sms_secret_key: str
    nhn_kakao_app_key: str
    nhn_kakao_secret_key: str
    nhn_sms_base_url: str
    nhn_kakao_base_url: str


class ConnectionCheck(TypedDict):
    ok: bool
    message: str
    provider: str


class CredentialField(TypedDict):
    key: str
    secret: bool
    required: bool
    choices: list[str]
    set: bool
    masked: NotRequired[str | None]  # secrets: "••••1234", never the value
    value: NotRequired[str]  # other fields: the stored value


class ProviderCredentials(TypedDict):
    provider: StoredProvider
    stored: bool
    active: bool
    updated_at: str | None
    updated_by: str | None
    fields: list[CredentialField]


class CredentialsView(TypedDict):
    active_provider: StoredProvider | None
    providers: list[ProviderCredentials]


class SaveCredentialsIn(TypedDict):
    fields: dict[str, str]  # a blank secret keeps the stored one
    active: NotRequired[bool]
    clear: NotRequired[list[str]]


# -- costs ------------------------------------------------------------------------------------------------
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
