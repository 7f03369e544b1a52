"""Delivery-report helpers shared by webhook parsing and polling.

Reports arrive late, out of order and more than once (SOLAPI retries a webhook up to 5 times). The outbox
keeps a row's state monotonic with :func:`merge_state` and ignores a ``report_id`` it has already stored.
"""

from __future__ import annotations

from collections.abc import Iterable

from runtime.channels.base import DeliveryReport, DeliveryState

_RANK: dict[DeliveryState, int] = {"queued": 0, "sent": 1, "delivered": 2, "failed": 2}


def merge_state(current: DeliveryState, incoming: DeliveryState) -> DeliveryState:
    """The state after a report: never back from a final state (delivered/failed) to sent or queued."""
    return incoming if _RANK[incoming] >= _RANK[current] and _RANK[current] < 2 else current


def unique_reports(reports: Iterable[DeliveryReport]) -> list[DeliveryReport]:
    """Drop repeated reports (same report_id, or same message+state when the provider gives no id)."""
    seen: set[tuple[str, ...]] = set()
    result: list[DeliveryReport] = []
    for report in reports:
        key = (
            (report.provider, report.report_id)
            if report.report_id
            else (report.provider, report.provider_message_id, report.state)
        )
        if key in seen:
            continue
        seen.add(key)
        result.append(report)
    return result
