"""A clinic sending through a fake SOLAPI (tests/support/fakes/solapi_fake.py)."""

from __future__ import annotations

from storage.config import Settings
from tests.support.fakes import SolapiFake
from tests.support.runtime import set_clinic_settings

KAKAO_SENDER_KEY = "KA01PF_FAKE"  # the fake's Kakao channel (its templates: ``fake.channels[KAKAO_SENDER_KEY]``)


def solapi_keys(fake: SolapiFake) -> dict[str, str]:
    """The API key, secret and base URL of the fake, as the messaging settings name them."""
    return {"solapi_api_key": fake.api_key, "solapi_api_secret": fake.api_secret, "solapi_base_url": fake.url}


async def use_solapi(settings: Settings, clinic_id: int, fake: SolapiFake, *template_codes: str) -> None:
    """Send the clinic's messages through a fake SOLAPI whose Kakao channel knows these library templates."""
    from nodes.send_alimtalk.library import approved_templates

    texts = {t.code: t.text for t in approved_templates()}
    for code in template_codes:
        fake.channels[KAKAO_SENDER_KEY][code] = texts[code]
    await set_clinic_settings(
        settings,
        clinic_id,
        provider="solapi",
        **solapi_keys(fake),
        sender_number="0212345678",
        kakao_sender_key=KAKAO_SENDER_KEY,
    )
