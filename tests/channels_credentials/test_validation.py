"""Properties of the field checks: masking, sender numbers, the base-URL allow-list."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nodes.phone_numbers import normalise_phone
from runtime.channels.hosts import LOCAL_HOSTS, PROVIDER_HOSTS, base_url_problem
from runtime.credentials.service import mask

SECRETS = st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=80)


@given(SECRETS)
def test_a_mask_shows_at_most_the_last_four_characters(secret: str) -> None:
    masked = mask(secret)
    shown = masked.removeprefix("••••")
    assert masked.startswith("••••") and len(shown) <= 4 and secret.endswith(shown)
    assert len(shown) * 3 <= len(secret)  # never a large part of a short secret


@given(
    st.sampled_from(["010", "011", "02", "031", "064", "070"]),
    st.integers(min_value=100, max_value=9999),
    st.integers(min_value=0, max_value=9999),
    st.sampled_from(["-", " ", "", "."]),
)
def test_korean_numbers_normalise_to_their_digits(prefix: str, middle: int, last: int, sep: str) -> None:
    if prefix in ("010", "070"):  # always 3-4-4
        middle = max(middle, 1000)
    middle_text = f"{middle:03d}" if middle < 1000 else f"{middle:04d}"
    number = f"{prefix}{sep}{middle_text}{sep}{last:04d}"
    assert normalise_phone(number) == f"{prefix}{middle_text}{last:04d}"


@given(st.text(max_size=30))
def test_anything_else_is_refused_or_digits_only(text: str) -> None:
    result = normalise_phone(text)
    assert result is None or (result.isdigit() and 8 <= len(result) <= 12)


def test_representative_numbers_are_sender_numbers() -> None:
    assert normalise_phone("1588-1234") == "15881234"
    assert normalise_phone("123") is None and normalise_phone("010-1234") is None


@given(st.from_regex(r"\Ahttps?://[a-z0-9.\-]{1,30}(:[0-9]{1,5})?(/[a-z]{0,10})?\Z"))
def test_only_provider_hosts_and_this_machine_pass(url: str) -> None:
    host = url.split("://", 1)[1].split("/", 1)[0].rsplit(":", 1)[0]
    allowed = (url.startswith("https://") and host in PROVIDER_HOSTS) or host in LOCAL_HOSTS
    if not allowed:
        assert base_url_problem("solapi_base_url", url) is not None


def test_the_real_hosts_pass_and_metadata_addresses_do_not() -> None:
    assert base_url_problem("solapi_base_url", "https://api.solapi.com") is None
    assert base_url_problem("nhn_sms_base_url", "http://127.0.0.1:8123") is None
    assert base_url_problem("solapi_base_url", "http://api.solapi.com") is not None  # TLS to the provider
    assert base_url_problem("solapi_base_url", "http://169.254.169.254/latest") is not None
    assert base_url_problem("solapi_base_url", "https://api.solapi.com.evil.kr") is not None
    assert base_url_problem("solapi_base_url", "http://127.0.0.1:99999") is not None
