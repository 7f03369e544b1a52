"""The ledger's arithmetic and month rules, on generated messages (pure functions, no database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nodes.channels import MessageKind
from runtime.billing.ledger import (
    InvalidMonth,
    LedgerEntry,
    entry_of,
    ledger,
    month_of,
    parse_month,
    summarize,
    trend_months,
)
from runtime.billing.rates import SEOUL, CostTable, rate_for, validate_rates
from storage.models import OutboxMessage

MONEY = st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False, allow_infinity=False)
KIND = st.sampled_from(get_args(MessageKind))
MOMENT = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC))


@st.composite
def entries(draw: st.DrawFn) -> LedgerEntry:
    kind = draw(KIND)
    cost = draw(MONEY)
    return LedgerEntry(
        sent_at=draw(MOMENT),
        channel="sms" if kind in ("sms", "lms") else kind,
        provider=draw(st.sampled_from(["sandbox", "solapi", "nhncloud"])),
        kind=kind,
        cost_krw=cost,
        sms_equivalent_krw=cost if kind in ("sms", "lms") else draw(MONEY),
        failover=draw(st.booleans()),
    )


def exact(value: float) -> Decimal:
    return Decimal(str(value))


@given(st.lists(entries(), max_size=40))
def test_totals_are_the_sums_of_the_rows_and_saving_is_baseline_minus_spend(items: list[LedgerEntry]) -> None:
    # Given any billed messages
    # When they are summarised
    summary = summarize(items)
    totals, rows = summary["totals"], summary["rows"]
    # Then the totals are exactly the sums of the rows, and of the messages
    assert totals["messages"] == sum(r["messages"] for r in rows) == len(items)
    assert exact(totals["spent_krw"]) == sum((exact(r["spent_krw"]) for r in rows), Decimal(0))
    assert exact(totals["spent_krw"]) == sum((e.cost_krw for e in items), Decimal(0))
    assert exact(totals["sms_equivalent_krw"]) == sum((exact(r["sms_equivalent_krw"]) for r in rows), Decimal(0))
    # And saving = SMS-equivalent total − actual spend, in the totals and in every row
    for figures in [totals, *rows]:
        assert exact(figures["saving_krw"]) == exact(figures["sms_equivalent_krw"]) - exact(figures["spent_krw"])
    # And rows sent by SMS/LMS save nothing
    assert all(r["saving_krw"] == 0 for r in rows if r["kind"] in ("sms", "lms"))


@given(st.lists(entries(), max_size=30), st.sampled_from(["2026-03", "2026-12", "2027-01", "2027-06"]))
def test_each_message_lands_in_exactly_its_seoul_month(items: list[LedgerEntry], month: str) -> None:
    # Given messages over two years, When the ledger of one month is built
    report = ledger(items, month)
    # Then it counts exactly the messages whose Seoul date falls in that month
    expected = [e for e in items if e.sent_at.astimezone(SEOUL).strftime("%Y-%m") == month]
    assert report["totals"]["messages"] == len(expected)
    assert report["trend"][-1] == {"month": month, **report["totals"]}
    assert [t["month"] for t in report["trend"]] == trend_months(month)


def test_month_boundaries_are_in_korean_time() -> None:
    # Given a message at 23:30 on 30 November in Seoul (14:30 UTC) and one at 00:30 on 1 December (Seoul)
    late_november = datetime(2026, 11, 30, 23, 30, tzinfo=SEOUL)
    early_december = datetime(2026, 11, 30, 15, 30, tzinfo=UTC)
    # Then the first belongs to November and the second to December
    assert month_of(late_november.astimezone(UTC)) == "2026-11"
    assert month_of(early_december) == "2026-12"
    one = Decimal("9")
    items = [LedgerEntry(m, "sms", "sandbox", "sms", one, one) for m in (late_november, early_december)]
    november = ledger(items, "2026-11")
    assert november["totals"]["messages"] == 1
    assert november["from"] == "2026-11-01T00:00:00+09:00"
    assert november["to"] == "2026-12-01T00:00:00+09:00"


@pytest.mark.parametrize("month", ["2026-13", "2026-00", "2026-1", "26-11", "2026/11", "", "abcd-ef", "1999-12"])
def test_bad_months_are_refused(month: str) -> None:
    with pytest.raises(InvalidMonth, match="YYYY-MM"):
        parse_month(month)


def test_trend_wraps_over_the_new_year() -> None:
    assert trend_months("2027-02") == ["2026-09", "2026-10", "2026-11", "2026-12", "2027-01", "2027-02"]


RATE = st.decimals(min_value=0, max_value=10_000, places=2).map(float)


@given(
    st.dictionaries(
        st.sampled_from(["sandbox", "solapi", "nhncloud"]),
        st.dictionaries(KIND, RATE, max_size=4),
        max_size=3,
    )
)
def test_valid_rates_pass_unchanged(document: dict[str, dict[str, float]]) -> None:
    clean, problems = validate_rates(document)
    assert problems == []
    assert clean == {p: k for p, k in document.items() if k}


@given(st.one_of(st.floats(max_value=-0.01, allow_infinity=False), st.integers(max_value=-1)))
def test_negative_rates_are_refused_by_field(value: float) -> None:
    _, problems = validate_rates({"solapi": {"sms": value}})
    assert [(p.code, p.path) for p in problems] == [("negative_rate", "/rates/solapi/sms")]


def test_every_bad_field_is_named() -> None:
    document = {"bizppurio": {"sms": 1}, "solapi": {"mms": 50, "lms": "30", "sms": True, "alimtalk": 7.123}}
    _, problems = validate_rates(document)
    assert sorted((p.code, p.path) for p in problems) == [
        ("invalid_rate", "/rates/solapi/lms"),
        ("invalid_rate", "/rates/solapi/sms"),
        ("rate_precision", "/rates/solapi/alimtalk"),
        ("unknown_kind", "/rates/solapi/mms"),
        ("unknown_provider", "/rates/bizppurio"),
    ]
    assert all(" / " in p.message for p in problems)  # Korean, then English
    _, too_high = validate_rates({"nhncloud": {"lms": 10_000.01}})
    assert too_high[0].code == "rate_too_high"


def test_the_clinic_rate_overrides_the_default_and_unknown_providers_cost_nothing() -> None:
    settings = {"rates": {"solapi": {"sms": 10.5}}}
    assert rate_for(settings, "solapi", "sms") == 10.5
    assert rate_for(settings, "solapi", "lms") == 27.0  # the default
    assert rate_for(settings, "bizppurio", "sms") == 0.0


SENT = datetime(2026, 12, 2, 1, 0, tzinfo=UTC)
ALIMTALK = "김민지님, 내일 오전 10시 진료 예약이 있습니다. 늦으시면 전화 주세요. 병원 02-123-4567 " * 2


def row(**values: object) -> OutboxMessage:
    base: dict[str, object] = {
        "channel": "alimtalk",
        "kind": "alimtalk",
        "text": ALIMTALK,
        "status": "delivered",
        "provider": "solapi",
        "cost_krw": 6.5,
        "sent_at": SENT,
        "parent_id": None,
        "failover": {"channel": "sms", "text": "짧은 안내"},
        "reason": None,
    }
    base.update(values)
    return OutboxMessage(**base)


@pytest.mark.parametrize("status", ["pending", "held", "sending", "skipped", "cancelled"])
def test_messages_never_handed_to_a_provider_cost_nothing(status: str) -> None:
    assert entry_of(row(status=status, sent_at=None), CostTable()) is None
    assert entry_of(row(status=status), CostTable()) is None


def test_a_delivered_alimtalk_costs_its_stamped_price_and_would_have_been_an_lms() -> None:
    entry = entry_of(row(), CostTable())
    assert entry is not None
    assert (entry.cost_krw, entry.sms_equivalent_krw, entry.failover) == (Decimal("6.5"), Decimal("27.0"), False)


def test_a_failed_alimtalk_is_not_billed_unless_the_provider_resent_it_by_sms() -> None:
    assert entry_of(row(status="failed"), CostTable()) is None
    resent = row(status="failed", reason="제공사가 문자로 대체 발송했습니다 / the provider already resent it by SMS")
    entry = entry_of(resent, CostTable())
    assert entry is not None
    assert (entry.channel, entry.kind, entry.cost_krw, entry.failover) == ("sms", "sms", Decimal("8.4"), True)


def test_our_own_failover_sms_counts_as_an_sms() -> None:
    entry = entry_of(row(channel="sms", kind="sms", cost_krw=9.0, parent_id=1, text="짧은 안내"), CostTable())
    assert entry is not None
    assert (entry.cost_krw, entry.sms_equivalent_krw, entry.failover) == (Decimal("9.0"), Decimal("9.0"), True)


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone"):
        month_of(datetime(2026, 11, 30) + timedelta(hours=1))
