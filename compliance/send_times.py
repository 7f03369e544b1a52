"""When can each node of a workflow act? Minutes of the day as a 1,440-bit set, propagated from the trigger.

A schedule's cron hours and minutes, ``wait.until``'s ``at`` and ``wait.duration``'s hours and minutes (a
rotation) shape the set; anything unknown (an event trigger, a wait anchored on an appointment without
``at``) is "any time", so it can fall at night. Times are Asia/Seoul wall-clock times.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from .workflow_doc import WorkflowNode

DAY = 1440
ANY_TIME = (1 << DAY) - 1


def _minutes(start: int, end: int) -> int:
    """Bit set of minutes in [start, end) of one day (wrapping past midnight)."""
    if start <= end:
        return ((1 << end) - 1) ^ ((1 << start) - 1)
    return _minutes(start, DAY) | _minutes(0, end)


NIGHT = {"friendtalk": _minutes(20 * 60, 8 * 60), "sms": _minutes(21 * 60, 8 * 60)}
NIGHT_LABEL = {"friendtalk": "20:00–08:00", "sms": "21:00–08:00"}


def _cron_minutes(expression: Any) -> int:
    """Minutes of the day a cron expression fires at (ANY_TIME when it cannot be read)."""
    if not isinstance(expression, str):
        return ANY_TIME
    try:
        from croniter import croniter

        expanded, _ = croniter.expand(expression)
    except Exception:  # an invalid cron is the validator's finding; here it means "unknown time"
        return ANY_TIME
    minutes, hours = expanded[0], expanded[1]
    minute_values = range(60) if minutes == ["*"] else [int(m) for m in minutes]
    hour_values = range(24) if hours == ["*"] else [int(h) for h in hours]
    bits = 0
    for hour in hour_values:
        for minute in minute_values:
            bits |= 1 << (hour * 60 + minute)
    return bits or ANY_TIME


def _hhmm(value: Any) -> int | None:
    if not isinstance(value, str) or len(value) != 5 or value[2] != ":":
        return None
    try:
        hour, minute = int(value[:2]), int(value[3:])
    except ValueError:
        return None
    return hour * 60 + minute if 0 <= hour < 24 and 0 <= minute < 60 else None


def _rotate(bits: int, minutes: int) -> int:
    minutes %= DAY
    return ((bits << minutes) | (bits >> (DAY - minutes))) & ANY_TIME if minutes else bits


def _shift(node: WorkflowNode, incoming: int) -> int:
    """Minutes of the day at which ``node`` passes control on, given the minutes it is reached at."""
    params = node.params
    if node.type == "trigger.schedule":
        return _cron_minutes(params.get("cron"))
    if node.type.startswith("trigger."):
        return ANY_TIME  # events arrive at any time
    if node.type == "wait.until":
        at = _hhmm(params.get("at"))
        if at is not None:
            return 1 << at
        return incoming if params.get("anchor", "trigger") == "trigger" else ANY_TIME
    if node.type == "wait.duration":
        try:
            delta = int(params.get("hours") or 0) * 60 + int(params.get("minutes") or 0)
        except (TypeError, ValueError):
            return ANY_TIME
        return _rotate(incoming, delta)
    return incoming


def send_windows(graph: nx.MultiDiGraph) -> dict[str, int]:
    """For each node, the minutes of the day at which it can act (bit i = minute i, Seoul time)."""
    if not nx.is_directed_acyclic_graph(graph):
        return dict.fromkeys(graph.nodes, ANY_TIME)
    arrive: dict[str, int] = {}
    leave: dict[str, int] = {}
    for node_id in nx.topological_sort(graph):
        incoming = 0
        for predecessor in graph.predecessors(node_id):
            incoming |= leave[predecessor]
        arrive[node_id] = incoming or ANY_TIME
        leave[node_id] = _shift(graph.nodes[node_id]["node"], arrive[node_id])
    return arrive


def describe_minutes(bits: int) -> str:
    if bits == ANY_TIME:
        return "언제든 / any time"
    times = [f"{m // 60:02d}:{m % 60:02d}" for m in range(DAY) if bits >> m & 1]
    return ", ".join(times[:6]) + (" …" if len(times) > 6 else "")
