"""The one list of node types. Adding a node type = one folder in ``nodes/`` + one line in ``NODE_MODULES``.

The runtime, the validator, the compliance checker and the editor (through ``GET /api/nodes``) all read
node types from :data:`REGISTRY`; nothing else keeps a list of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType
from typing import Any

from nodes import (
    branch_condition,
    branch_consent,
    end,
    notify_staff,
    patient_tag,
    send_alimtalk,
    send_friendtalk,
    send_sms,
    trigger_appointment_booked,
    trigger_appointment_cancelled,
    trigger_consent_granted,
    trigger_manual,
    trigger_patient_created,
    trigger_procedure_completed,
    trigger_schedule,
    wait_duration,
    wait_until,
)
from nodes.base import NodeType

# Palette order: triggers, flow, actions.
NODE_MODULES: tuple[ModuleType, ...] = (
    trigger_appointment_booked,
    trigger_appointment_cancelled,
    trigger_procedure_completed,
    trigger_consent_granted,
    trigger_patient_created,
    trigger_schedule,
    trigger_manual,
    wait_duration,
    wait_until,
    branch_condition,
    branch_consent,
    end,
    send_alimtalk,
    send_friendtalk,
    send_sms,
    patient_tag,
    notify_staff,
)


class DuplicateNodeType(ValueError):
    """Two modules declare the same ``type``."""


def build_registry(modules: Iterable[ModuleType]) -> dict[str, NodeType]:
    """Collect each module's ``NODE``, refusing a module without one and any duplicate type."""
    registry: dict[str, NodeType] = {}
    owners: dict[str, str] = {}
    for module in modules:
        node = getattr(module, "NODE", None)
        if not isinstance(node, NodeType):
            raise TypeError(f"{module.__name__} must define NODE = NodeType(...)")
        if node.type in registry:
            raise DuplicateNodeType(
                f"node type {node.type!r} is declared twice: in {owners[node.type]} and in {module.__name__}"
            )
        registry[node.type] = node
        owners[node.type] = module.__name__
    return registry


REGISTRY: dict[str, NodeType] = build_registry(NODE_MODULES)


def get_node_type(type_name: Any) -> NodeType | None:
    """The node type called ``type_name``, or None (also for non-string input)."""
    return REGISTRY.get(type_name) if isinstance(type_name, str) else None


def catalogue() -> list[dict[str, Any]]:
    """The catalogue served by ``GET /api/nodes``: every node type's description, in palette order."""
    return [node.describe() for node in REGISTRY.values()]
