"""When can each node of a workflow act? Minutes of the day as a 1,440-bit set, propagated from the trigger.

Each node type shapes the set with its ``window()`` hook (a schedule's cron minutes, ``wait.until``'s
``at``, ``wait.duration``'s rotation; :mod:`nodes.send_window` holds the bit-set helpers). Anything
unknown (an event trigger, a wait anchored on an appointment without ``at``) is "any time", so it can
fall at night. Night windows are the clinic's settings (:func:`nodes.channels.night_window`). Times are
Asia/Seoul wall-clock times.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from nodes.channels import CHANNELS, night_window
from nodes.registry import get_node_type
from nodes.send_window import ANY_TIME, DAY, describe_minutes, window_between

from .workflow_doc import WorkflowNode

__all__ = ["ANY_TIME", "DAY", "Night", "channel_night", "describe_minutes", "send_windows"]


@dataclass(frozen=True)
class Night:
    """A channel's advertising night in a clinic's settings."""

    minutes: int  # bit set
    start: str  # "HH:MM"
    end: str

    @property
    def label(self) -> str:
        return f"{self.start}–{self.end}"


def channel_night(channel: str | None, settings: Mapping[str, Any] | None = None) -> Night | None:
    """The channel's night window in ``settings`` (a clinic's; None or missing keys: the defaults)."""
    entry = CHANNELS.get(channel) if channel else None
    window = night_window(entry, settings or {}) if entry is not None else None
    if window is None:
        return None
    return Night(window_between(*window), *window)


def _leave(node: WorkflowNode, incoming: int) -> int:
    """Minutes of the day at which ``node`` passes control on, given the minutes it is reached at."""
    node_type = get_node_type(node.type)
    return incoming if node_type is None else node_type.window(node.params, incoming)


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
        leave[node_id] = _leave(graph.nodes[node_id]["node"], arrive[node_id])
    return arrive
