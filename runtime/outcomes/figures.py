"""Days' counts → the figures of a period (optionally of one workflow), as ``GET /api/outcomes`` answers.

Pure: no database. Each figure's definition is in docs/outcomes.md; the reminder comparison is the
no-show rate among appointments with a known attendance (attended or no-show).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from runtime.outcomes.daily import FUNNEL, KAKAO_CHANNELS, DayCounts
from runtime.outcomes.stats import MIN_GROUP, newcombe, rate, wilson

CHANNELS = ("alimtalk", "friendtalk", "sms")
OUTCOMES = ("attended", "no_show", "cancelled", "pending")
DEFAULT_MINUTES_PER_MESSAGE = 2.0
TOO_FEW = "아직 판단하기에 예약이 적습니다 / too few appointments to tell yet"
DAILY_SERIES_MAX_DAYS = 62  # up to two months: a bar per day; longer: a bar per month


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _percent(part: Decimal | int, whole: Decimal | int) -> float | None:
    return float(round(Decimal(part) / Decimal(whole) * 100, 1)) if whole else None


class _Totals:
    """Message counters summed over days for one workflow (or all)."""

    def __init__(self) -> None:
        self.funnel: Counter[str] = Counter(dict.fromkeys(FUNNEL, 0))
        self.sent: Counter[str] = Counter()
        self.delivered: Counter[str] = Counter()
        self.auto = 0
        self.billed = 0
        self.spent = Decimal(0)
        self.baseline = Decimal(0)

    def add(self, day: DayCounts, workflow: str | None) -> None:
        funnel, sent, delivered = self.funnel, self.sent, self.delivered
        for key, counts in day.messages.items():
            if workflow is not None and key != workflow:
                continue
            for step, n in counts["funnel"].items():
                funnel[step] += n
            for channel, (out, arrived) in counts["channels"].items():
                sent[channel] += out
                delivered[channel] += arrived
            self.auto += counts["auto"]
            billed, spent, baseline = counts["cost"]
            if billed:
                self.billed += billed
                self.spent += Decimal(spent)
                self.baseline += Decimal(baseline)

    def merge(self, other: _Totals) -> None:
        for step, n in other.funnel.items():
            self.funnel[step] += n
        for channel, n in other.sent.items():
            self.sent[channel] += n
        for channel, n in other.delivered.items():
            self.delivered[channel] += n
        self.auto += other.auto
        self.billed += other.billed
        self.spent += other.spent
        self.baseline += other.baseline

    def cost(self) -> dict[str, Any]:
        saving = self.baseline - self.spent
        return {
            "messages": self.billed,
            "spent_krw": float(self.spent),
            "sms_equivalent_krw": float(self.baseline),
            "saving_krw": float(saving),
            "saving_percent": _percent(saving, self.baseline),
        }


def _group(counts: Counter[str], rescheduled: int) -> dict[str, Any]:
    known = counts["attended"] + counts["no_show"]
    total = sum(counts[o] for o in OUTCOMES)
    interval = wilson(counts["no_show"], known)
    return {
        "appointments": total,
        **{o: counts[o] for o in OUTCOMES},
        "rescheduled": rescheduled,
        "known": known,
        "no_show_rate": _round(rate(counts["no_show"], known)),
        "no_show_ci": None if interval is None else [round(interval[0], 4), round(interval[1], 4)],
        "attendance_rate": _round(rate(counts["attended"], known)),
        "cancelled_rate": _round(rate(counts["cancelled"], total)),
        "rescheduled_rate": _round(rate(rescheduled, total)),
    }


def _points(value: float) -> str:
    return f"{value * 100:.1f}%p"


def comparison(reminded: dict[str, Any], not_reminded: dict[str, Any]) -> dict[str, Any]:
    """The reminder effect on the no-show rate: the difference, its 95 % interval, and what it says."""
    n1, n2 = reminded["known"], not_reminded["known"]
    enough = n1 >= MIN_GROUP and n2 >= MIN_GROUP
    found = newcombe(reminded["no_show"], n1, not_reminded["no_show"], n2)
    answer: dict[str, Any] = {
        "metric": "no_show_rate",
        "confidence": 0.95,
        "method": "newcombe_hybrid_score",
        "min_per_group": MIN_GROUP,
        "enough": enough,
        "difference": None,
        "ci_low": None,
        "ci_high": None,
        "verdict": TOO_FEW,
    }
    if found is None or not enough:
        return answer
    difference, low, high = found
    answer.update(difference=round(difference, 4), ci_low=round(low, 4), ci_high=round(high, 4))
    span = f"{_points(low)} ~ {_points(high)}"
    if high < 0:
        answer["verdict"] = (
            f"알림을 받은 예약의 미내원율이 {_points(-difference)} 낮습니다 (95% 신뢰구간 {span})"
            f" / no-shows were {_points(-difference)} lower with a reminder (95% CI {span})"
        )
    elif low > 0:
        answer["verdict"] = (
            f"알림을 받은 예약의 미내원율이 {_points(difference)} 높습니다 (95% 신뢰구간 {span})"
            f" / no-shows were {_points(difference)} higher with a reminder (95% CI {span})"
        )
    else:
        answer["verdict"] = (
            f"차이가 있다고 말할 수 없습니다 (95% 신뢰구간 {span}, 0 포함)"
            f" / no clear difference (95% CI {span} includes 0)"
        )
    return answer


def _selected(workflows: str, workflow: str | None) -> bool:
    names = [w for w in workflows.split(",") if w]
    return workflow in names if workflow is not None else bool(names)


def _bucket(day: date, daily: bool) -> str:
    return day.isoformat() if daily else day.strftime("%Y-%m")


def figures(
    days: Mapping[date, DayCounts],
    workflow: str | None,
    minutes_per_message: float = DEFAULT_MINUTES_PER_MESSAGE,
    *,
    daily: bool = True,
) -> dict[str, Any]:
    """Everything but the period and workflow names (service.py adds them). ``days`` are days when ``daily``,
    else months keyed by their first day (the series then has a point per month)."""
    totals = _Totals()
    series: dict[str, _Totals] = {}
    groups: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    rescheduled = {True: 0, False: 0}
    postop: Counter[str] = Counter()
    enrolled = 0
    consents: Counter[str] = Counter()
    for day in sorted(days):
        counts = days[day]
        series.setdefault(_bucket(day, daily), _Totals()).add(counts, workflow)
        for key, n in counts.appointments.items():
            workflows, outcome, moved = key.split("|")
            got_one = _selected(workflows, workflow)
            groups[got_one][outcome] += n
            rescheduled[got_one] += n * int(moved)
        for key, n in counts.postop.items():
            workflows, outcome = key.split("|")
            if _selected(workflows, workflow):
                postop[outcome] += n
        enrolled += sum(n for key, n in counts.enrolled.items() if workflow is None or key == workflow)
        for key, n in counts.consents.items():
            consents[key] += n
    for part in series.values():
        totals.merge(part)
    reminded, not_reminded = _group(groups[True], rescheduled[True]), _group(groups[False], rescheduled[False])
    delivered_total = sum(totals.delivered.values())
    delivered_kakao = sum(totals.delivered[c] for c in KAKAO_CHANNELS)
    known = postop["attended"] + postop["no_show"]
    attendance = wilson(postop["attended"], known)
    minutes = totals.auto * minutes_per_message
    return {
        "messages": {
            "by_channel": [
                {"channel": c, "sent": totals.sent[c], "delivered": totals.delivered[c]}
                for c in sorted(set(CHANNELS) | set(totals.sent), key=lambda c: (c not in CHANNELS, c))
            ],
            "sent": sum(totals.sent.values()),
            "delivered": delivered_total,
            "kakao_delivered": delivered_kakao,
            "kakao_share_percent": _percent(delivered_kakao, delivered_total),
        },
        "funnel": {
            **{step: totals.funnel[step] for step in FUNNEL},
            "delivery_percent": _percent(
                totals.funnel["delivered"] + totals.funnel["delivered_by_sms"], totals.funnel["sent"]
            ),
        },
        "cost": totals.cost(),
        "time_saved": {
            "automatic_messages": totals.auto,
            "minutes_per_message": minutes_per_message,
            "minutes": round(minutes, 1),
            "hours": round(minutes / 60, 1),
        },
        "appointments": {
            "reminded": reminded,
            "not_reminded": not_reminded,
            "comparison": comparison(reminded, not_reminded),
        },
        "postop": {
            "enrolled": enrolled,
            "follow_ups": sum(postop[o] for o in OUTCOMES),
            **{o: postop[o] for o in OUTCOMES},
            "attendance_rate": _round(rate(postop["attended"], known)),
            "attendance_ci": None if attendance is None else [round(attendance[0], 4), round(attendance[1], 4)],
            "verdict": None if known >= MIN_GROUP else TOO_FEW,
        },
        "consents": _consents(consents),
        "series": {
            "unit": "day" if daily else "month",
            "points": [
                {
                    "period": bucket,
                    **{c: part.sent[c] for c in CHANNELS},
                    "delivered": sum(part.delivered.values()),
                    "spent_krw": float(part.spent),
                    "sms_equivalent_krw": float(part.baseline),
                }
                for bucket, part in series.items()
            ],
        },
    }


def _consents(counts: Counter[str]) -> dict[str, Any]:
    changes: Counter[tuple[str, bool]] = Counter()
    opt_outs = 0
    for key, n in counts.items():
        purpose, granted, optout = key.split("|")
        changes[(purpose, granted == "1")] += n
        if optout == "1" and purpose == "marketing":  # one opt-out revokes marketing and night ads together
            opt_outs += n
    purposes = ("treatment", "marketing", "night_ads")
    return {
        "opt_outs": opt_outs,
        "changes": [
            {"purpose": p, "granted": changes[(p, True)], "revoked": changes[(p, False)]}
            for p in sorted(set(purposes) | {p for p, _ in changes}, key=lambda p: (p not in purposes, p))
        ],
    }
