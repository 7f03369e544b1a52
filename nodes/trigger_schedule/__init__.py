"""Trigger `trigger.schedule`: a campaign that starts one run per matching patient on a cron schedule.

No event starts it: the runtime's scheduler asks the ``schedule`` hook when to fire (:func:`next_fire`,
:func:`last_fire`) and which patients to start runs for (:func:`segment_matches`).
"""

from nodes.base import NodeType, RunSchedule, follow, load_schema
from nodes.trigger_schedule.describe import summary
from nodes.trigger_schedule.schedule import cron_minutes, is_valid_cron, last_fire, next_fire, segment_matches

__all__ = ["NODE", "is_valid_cron", "last_fire", "next_fire", "segment_matches"]

NODE = NodeType(
    type="trigger.schedule",
    category="trigger",
    label={"ko": "정기 발송(캠페인)", "en": "Schedule (campaign)"},
    description={
        "ko": "정해진 시각(서울)에 대상 환자마다 시작합니다. 광고라면 마케팅 동의 분기를 거치세요.",
        "en": "Starts for each patient in the segment on a schedule (Seoul time); gate ads on consent.",
    },
    icon="⏰",
    schema=load_schema(__file__),
    execute=follow,
    summary=summary,
    send_window=cron_minutes,
    starts_runs="schedule",
    schedule=RunSchedule(next_fire=next_fire, last_fire=last_fire, segment_matches=segment_matches),
)
