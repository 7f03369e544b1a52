"""Shapes of ``GET /api/outcomes`` (see ``nodes/schemas.py`` for why TypedDicts). Definitions: docs/outcomes.md."""

from __future__ import annotations

from typing import Literal, TypedDict

from runtime.billing.schemas import Figures


class OutcomeWorkflow(TypedDict):
    id: int
    name: str
    postop: bool


class ChannelCount(TypedDict):
    channel: str
    sent: int
    delivered: int


class MessageFigures(TypedDict):
    by_channel: list[ChannelCount]
    sent: int
    delivered: int
    kakao_delivered: int
    kakao_share_percent: float | None


class Funnel(TypedDict):
    queued: int
    sent: int
    delivered: int
    failed: int
    failed_over: int
    delivered_by_sms: int
    not_sent: int
    in_flight: int
    delivery_percent: float | None


class TimeSaved(TypedDict):
    automatic_messages: int
    minutes_per_message: float
    minutes: float
    hours: float


class AppointmentGroup(TypedDict):
    appointments: int
    attended: int
    no_show: int
    cancelled: int
    pending: int
    rescheduled: int
    known: int
    no_show_rate: float | None
    no_show_ci: list[float] | None
    attendance_rate: float | None
    cancelled_rate: float | None
    rescheduled_rate: float | None


class Comparison(TypedDict):
    metric: Literal["no_show_rate"]
    confidence: float
    method: Literal["newcombe_hybrid_score"]
    min_per_group: int
    enough: bool
    difference: float | None
    ci_low: float | None
    ci_high: float | None
    verdict: str


class AppointmentOutcomes(TypedDict):
    reminded: AppointmentGroup
    not_reminded: AppointmentGroup
    comparison: Comparison


class PostOp(TypedDict):
    enrolled: int
    follow_ups: int
    attended: int
    no_show: int
    cancelled: int
    pending: int
    attendance_rate: float | None
    attendance_ci: list[float] | None
    verdict: str | None


class ConsentChange(TypedDict):
    purpose: str
    granted: int
    revoked: int


class ConsentFigures(TypedDict):
    opt_outs: int
    changes: list[ConsentChange]


class SeriesPoint(TypedDict):
    period: str
    alimtalk: int
    friendtalk: int
    sms: int
    delivered: int
    spent_krw: float
    sms_equivalent_krw: float


class Series(TypedDict):
    unit: Literal["day", "month"]
    points: list[SeriesPoint]


Outcomes = TypedDict(
    "Outcomes",
    {
        "from": str,
        "to": str,
        "timezone": str,
        "days": int,
        "complete": bool,
        "workflow": OutcomeWorkflow | None,
        "workflows": list[OutcomeWorkflow],
        "messages": MessageFigures,
        "funnel": Funnel,
        "cost": Figures,
        "time_saved": TimeSaved,
        "appointments": AppointmentOutcomes,
        "postop": PostOp,
        "consents": ConsentFigures,
        "series": Series,
    },
)


class OutcomesSettings(TypedDict):
    """Staff minutes one automatic message saves (0–120, default 2): the "staff time saved" figure."""

    minutes_per_message: float
