"""Shapes of the messaging-settings API's bodies (``api.py`` beside this: test-connection, stored credentials);
see ``nodes/schemas.py`` for why TypedDicts."""

from typing import Literal, NotRequired, TypedDict

StoredProvider = Literal["solapi", "nhncloud"]  # = service.STORED_PROVIDERS


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
    updated_by_name: NotRequired[str | None]  # the person behind updated_by, not user:1
    fields: list[CredentialField]


class CredentialsView(TypedDict):
    active_provider: StoredProvider | None
    providers: list[ProviderCredentials]


class SaveCredentialsIn(TypedDict):
    fields: dict[str, str]  # a blank secret keeps the stored one
    active: NotRequired[bool]
    clear: NotRequired[list[str]]
