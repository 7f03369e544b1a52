"""What the checker needs to know about a node type: channel, purpose, text fields.

Read from the node catalogue (``nodes.registry``) when it is installed; otherwise from the DESIGN.md
names, so that the checker works on a workflow document alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_FALLBACK_TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "send.alimtalk": ("/variables/*", "/failover/text"),
    "send.friendtalk": ("/text",),
    "send.sms": ("/text", "/subject"),
    "notify.staff": ("/text",),
}
_FALLBACK_CHANNEL = {"send.alimtalk": "alimtalk", "send.friendtalk": "friendtalk", "send.sms": "sms"}


@dataclass(frozen=True)
class NodeInfo:
    channel: str | None  # alimtalk | friendtalk | sms for send nodes
    purpose: str | None  # informational | advertising for send nodes
    text_fields: tuple[str, ...]  # JSON pointers into params ("*" matches any key)


def _registry_lookup(type_name: str) -> Any:
    try:
        from nodes.registry import get_node_type
    except ImportError:
        return None
    return get_node_type(type_name)


def node_info(type_name: str, params: Mapping[str, Any]) -> NodeInfo:
    node_type = _registry_lookup(type_name)
    if node_type is not None:
        return NodeInfo(node_type.channel, node_type.purpose(params), tuple(node_type.text_fields))
    channel = _FALLBACK_CHANNEL.get(type_name)
    purpose: str | None = None
    if channel == "alimtalk":
        purpose = "informational"
    elif channel == "friendtalk":
        purpose = "advertising"
    elif channel == "sms":
        purpose = "advertising" if params.get("purpose") == "advertising" else "informational"
    return NodeInfo(channel, purpose, _FALLBACK_TEXT_FIELDS.get(type_name, ()))
