"""When the provider was tried around a soak's outage, and when messages got through (docs/soak.md).

The recovery figure alone does not say why it took as long as it did. This module reads the counting fake
provider's request timeline (tests/support/fakes/counting_provider.py) and the moment each message was first
accepted, relative to the end of the outage:

- ``first_try_s``: the first request the provider received after the outage ended (a retry or a probe);
- ``first_accepted_s``: the first message accepted after it;
- ``last_accepted_s``: the last message's first copy;
- ``buckets``: per ``width`` seconds from the outage's start, requests answered 500, requests answered 2xx
  and messages accepted for the first time.

A long gap between the outage's end and ``first_try_s`` means every backed-off row was waiting out its
back-off; a long gap between ``first_accepted_s`` and ``last_accepted_s`` means the backlog drained slowly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Timeline:
    first_try_s: float | None
    first_accepted_s: float | None
    last_accepted_s: float | None
    refused: int  # requests answered 5xx during the outage
    buckets: list[dict[str, float | int]]

    def figures(self) -> dict[str, Any]:
        return {
            "first_try_after_outage_s": _round(self.first_try_s),
            "first_accepted_after_outage_s": _round(self.first_accepted_s),
            "last_accepted_after_outage_s": _round(self.last_accepted_s),
            "refused_during_outage": self.refused,
        }

    def table(self) -> str:
        """The buckets as text lines for the console (seconds relative to the outage's end)."""
        lines = ["     from s      to s    5xx     ok  first copies"]
        for bucket in self.buckets:
            lines.append(
                f"{bucket['from_s']:>11.0f} {bucket['to_s']:>9.0f} {bucket['errors']:>6} {bucket['ok']:>6}"
                f" {bucket['first_copies']:>13}"
            )
        return "\n".join(lines)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def timeline(
    requests: Sequence[tuple[float, str, int]],
    outage: tuple[float, float],
    first_copies: Iterable[float],
    *,
    width: float = 5.0,
) -> Timeline:
    """``requests``: (monotonic time, route, status) per request; ``outage``: (start, end) on the same clock;
    ``first_copies``: when each message was first accepted."""
    start, end = outage
    firsts = sorted(first_copies)
    after = [t for t, _, _ in requests if t >= end]
    accepted_after = [t for t in firsts if t >= end]
    last = max([*firsts, end])
    buckets: list[dict[str, float | int]] = []
    low = start
    while low < last:
        high = low + width
        in_bucket = [(t, status) for t, _, status in requests if low <= t < high]
        buckets.append(
            {
                "from_s": round(low - end, 1),
                "to_s": round(high - end, 1),
                "errors": sum(1 for _, status in in_bucket if status >= 500),
                "ok": sum(1 for _, status in in_bucket if 200 <= status < 300),
                "first_copies": sum(1 for t in firsts if low <= t < high),
            }
        )
        low = high
    return Timeline(
        first_try_s=min(after) - end if after else None,
        first_accepted_s=accepted_after[0] - end if accepted_after else None,
        last_accepted_s=firsts[-1] - end if firsts else None,
        refused=sum(1 for t, _, status in requests if start <= t < end and status >= 500),
        buckets=buckets,
    )
