"""Message kind by EUC-KR length, and the cost ledger's spend and saving versus SMS."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtime.billing.rates import (
    CostTable,
    MessageTooLongError,
    SentMessage,
    choose_kind,
    cost_of,
    euckr_len,
    saving_versus_sms,
)

hangul = st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), max_size=200)
ascii_text = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=200)


@given(ascii_text)
def test_ascii_counts_one_byte_a_character(text: str) -> None:
    assert euckr_len(text) == len(text)


@given(hangul)
def test_every_hangul_syllable_counts_two_bytes(text: str) -> None:
    # cp949 holds all 11,172 syllables, including those EUC-KR's 2,350 lack (똠, 햏 …)
    assert euckr_len(text) == 2 * len(text)


@given(st.text(max_size=100), st.text(max_size=100))
def test_length_is_additive_and_never_less_than_the_characters(a: str, b: str) -> None:
    assert euckr_len(a + b) == euckr_len(a) + euckr_len(b)
    assert euckr_len(a) >= len(a)


@given(st.text(max_size=100))
def test_length_never_raises_and_covers_utf8_for_unencodable_characters(text: str) -> None:
    size = euckr_len(text)
    try:
        assert size == len(text.encode("cp949"))
    except UnicodeEncodeError:
        assert size > len(text)


def test_emoji_is_counted_safely() -> None:
    assert euckr_len("안녕😀") == 4 + 4


@given(st.text(max_size=1200))
def test_kind_follows_the_byte_limits(text: str) -> None:
    size = euckr_len(text)
    if size > 2000:
        with pytest.raises(MessageTooLongError):
            choose_kind("sms", text)
    else:
        assert choose_kind("sms", text) == ("sms" if size <= 90 else "lms")


def test_boundaries_of_sms_lms_and_alimtalk() -> None:
    assert choose_kind("sms", "가" * 45) == "sms"
    assert choose_kind("sms", "가" * 45 + "a") == "lms"
    assert choose_kind("sms", "가" * 1000) == "lms"
    with pytest.raises(MessageTooLongError, match="LMS"):
        choose_kind("sms", "가" * 1000 + "a")
    assert choose_kind("alimtalk", "가" * 1000) == "alimtalk"
    with pytest.raises(MessageTooLongError, match="1000"):
        choose_kind("alimtalk", "가" * 1001)
    assert choose_kind("friendtalk", "(광고) 안내") == "friendtalk"
    with pytest.raises(ValueError, match="unknown channel"):
        choose_kind("fax", "x")  # type: ignore[arg-type]


def test_saving_versus_sms_counts_failover_at_the_sms_rate() -> None:
    table = CostTable().with_overrides({"solapi": {"sms": 10, "lms": 30, "alimtalk": 7}})
    short, long_text = "예약 안내", "수술 후 주의사항 안내 " * 10
    messages = [
        SentMessage("solapi", "alimtalk", short),  # 7 vs SMS 10
        SentMessage("solapi", "alimtalk", long_text),  # 7 vs LMS 30
        SentMessage("solapi", "alimtalk", short, failover_kind="sms"),  # 10 vs 10
        SentMessage("solapi", "sms", short),  # 10 vs 10
    ]
    saving = saving_versus_sms(messages, table)
    assert (saving.messages, saving.spent_krw, saving.sms_equivalent_krw, saving.saving_krw) == (4, 34.0, 60.0, 26.0)
    assert cost_of(messages[2], table) == 10


def test_rate_overrides_are_validated() -> None:
    with pytest.raises(ValueError, match="unknown message kind"):
        CostTable().with_overrides({"solapi": {"mms": 50}})
    with pytest.raises(ValueError, match="negative"):
        CostTable().with_overrides({"solapi": {"sms": -1}})
    with pytest.raises(KeyError, match="no rate"):
        CostTable().rate("bizppurio", "sms")


def test_monthly_ledger_groups_by_seoul_month() -> None:
    from datetime import UTC, datetime

    from runtime.billing.rates import monthly_ledger

    table = CostTable().with_overrides({"solapi": {"sms": 10, "lms": 30, "alimtalk": 7}})
    entries = [
        # 2026-11-30 15:30 UTC is already December 1st in Seoul
        (datetime(2026, 11, 30, 15, 30, tzinfo=UTC), SentMessage("solapi", "alimtalk", "예약 안내")),
        (datetime(2026, 11, 30, 14, 0, tzinfo=UTC), SentMessage("solapi", "alimtalk", "예약 안내")),
        (datetime(2026, 11, 2, 0, 0, tzinfo=UTC), SentMessage("solapi", "sms", "예약 안내")),
    ]
    ledger = monthly_ledger(entries, table)
    assert list(ledger) == ["2026-11", "2026-12"]
    assert (ledger["2026-11"].spent_krw, ledger["2026-11"].saving_krw) == (17.0, 3.0)
    assert (ledger["2026-12"].messages, ledger["2026-12"].saving_krw) == (1, 3.0)
    with pytest.raises(ValueError, match="timezone"):
        monthly_ledger([(datetime(2026, 1, 1), SentMessage("solapi", "sms", "x"))], table)
