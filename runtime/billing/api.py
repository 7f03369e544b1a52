"""HTTP API of the cost ledger: the clinic's ₩ rates (read, replace) and the month's spend and saving.

``GET /api/costs/rates`` → ``{"providers", "kinds", "active_provider", "rates": [{"provider", "kind",
"rate_krw", "default_krw", "overridden"}]}``; ``PUT /api/costs/rates`` ``{"rates": {provider: {kind: ₩}}}``
replaces the clinic's overrides (omit one to go back to the default) — 422 names every bad field and
changes nothing. ``GET /api/costs/ledger?month=YYYY-MM`` (default: this month in Asia/Seoul) → see
``runtime/billing/ledger.py``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, cast

from litestar import Controller, get, put
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from runtime.billing import ledger as ledgers
from runtime.billing.rates import (
    DEFAULT_RATES,
    KINDS,
    RATE_PROVIDERS,
    RATES_SETTING,
    SEOUL,
    clinic_overrides,
    clinic_table,
    validate_rates,
)
from runtime.billing.schemas import Ledger, RateProvider, Rates, RatesIn
from storage import audit
from storage.errors import ApiError, Problem, not_found
from storage.models import Clinic, OutboxMessage
from storage.models.clinic import DEFAULT_SETTINGS
from storage.openapi import BodyShape
from storage.tenancy import Caller

_LEDGER_COLUMNS = (
    OutboxMessage.sent_at,
    OutboxMessage.status,
    OutboxMessage.reason,
    OutboxMessage.channel,
    OutboxMessage.kind,
    OutboxMessage.provider,
    OutboxMessage.cost_krw,
    OutboxMessage.text,
    OutboxMessage.failover,
    OutboxMessage.parent_id,
)


async def _clinic_settings(session: AsyncSession, caller: Caller) -> tuple[Clinic, dict[str, Any]]:
    clinic = await session.get(Clinic, caller.clinic_id)
    if clinic is None:
        raise not_found("병원", "clinic")
    return clinic, {**DEFAULT_SETTINGS, **(clinic.settings or {})}


def _rates_view(settings: dict[str, Any]) -> Rates:
    overrides = clinic_overrides(settings)
    table = clinic_table(settings)
    return {
        "providers": cast(list[RateProvider], list(RATE_PROVIDERS)),
        "kinds": list(KINDS),
        "active_provider": str(settings.get("provider") or settings.get("channel") or "sandbox"),
        "rates": [
            {
                "provider": cast(RateProvider, provider),
                "kind": kind,
                "rate_krw": table.rate(provider, kind),
                "default_krw": DEFAULT_RATES[provider][kind],
                "overridden": kind in overrides.get(provider, {}),
            }
            for provider in RATE_PROVIDERS
            for kind in KINDS
        ],
    }


class CostController(Controller):
    path = "/api/costs"
    tags = ["costs"]

    @get("/rates", operation_id="GetCostRates")
    async def get_rates(self, db_session: AsyncSession, caller: Caller) -> Rates:
        _, settings = await _clinic_settings(db_session, caller)
        return _rates_view(settings)

    @put("/rates", operation_id="PutCostRates")
    async def put_rates(
        self, db_session: AsyncSession, caller: Caller, data: Annotated[Any, BodyShape(RatesIn)]
    ) -> Rates:
        if not isinstance(data, dict) or "rates" not in data:
            message = (
                'body는 {"rates": {제공사: {종류: 요금}}} 입니다 / body must be {"rates": {provider: {kind: rate}}}'
            )
            raise ApiError(422, [Problem("invalid_body", message, path="/rates")])
        overrides, problems = validate_rates(data["rates"])
        if problems:
            raise ApiError(422, [Problem(p.code, p.message, path=p.path) for p in problems])
        clinic, _ = await _clinic_settings(db_session, caller)
        clinic.settings = {**(clinic.settings or {}), RATES_SETTING: overrides}  # a new dict: JSON change tracked
        audit.record(db_session, caller, "costs.rates.write", f"clinic:{clinic.id}", overridden=len(overrides))
        return _rates_view({**DEFAULT_SETTINGS, **clinic.settings})

    @get("/ledger", operation_id="GetCostLedger")
    async def get_ledger(self, db_session: AsyncSession, caller: Caller, month: str | None = None) -> Ledger:
        try:
            return cast(Ledger, await month_ledger(db_session, caller.clinic_id, month))
        except ledgers.InvalidMonth as exc:
            raise ApiError(422, [Problem("invalid_month", str(exc), path="/month")]) from exc


async def month_ledger(session: AsyncSession, clinic_id: int, month: str | None = None) -> dict[str, Any]:
    """The clinic's ledger of ``month`` (default: this month in Asia/Seoul); raises InvalidMonth."""
    month = month or datetime.now(SEOUL).strftime("%Y-%m")
    months = ledgers.trend_months(month)
    first_year, first = ledgers.parse_month(months[0])
    year, number = ledgers.parse_month(month)
    query = select(*_LEDGER_COLUMNS).where(  # plain rows, not entities: a month can hold tens of thousands
        OutboxMessage.clinic_id == clinic_id,  # the session's tenancy adds it too; this also picks the index
        OutboxMessage.status.in_(ledgers.COUNTED_STATUSES),
        OutboxMessage.sent_at >= ledgers.month_start(first_year, first),
        OutboxMessage.sent_at < ledgers.month_start(year, number + 1),
    )
    clinic = await session.get(Clinic, clinic_id)
    table = clinic_table({**DEFAULT_SETTINGS, **((clinic.settings if clinic else None) or {})})
    rows = (await session.execute(query)).all()
    entries = [entry for row in rows if (entry := ledgers.entry_of(row, table)) is not None]
    return ledgers.ledger(entries, month)


ROUTES: list[Any] = [CostController]

# What each route needs (operation id → action); enforced by storage/accounts/guards.py.
ROUTE_PERMISSIONS = {
    "GetCostRates": "run.read",
    "GetCostLedger": "run.read",
    "PutCostRates": "settings.write",
}
