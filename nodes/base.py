"""What a node type is: its params schema, ports, labels and executor.

A node type lives in one folder of ``nodes/`` (``schema.json`` + ``__init__.py`` defining ``NODE``) and is
listed once in ``nodes/registry.py``. The runtime, the validator, the compliance checker and the editor
all read node types from the registry; nothing else keeps a list of them.

Executors are pure: given an :class:`ExecutionContext` they return an :class:`Outcome` describing what
should happen (follow these ports, wait until then, send this message). The runtime persists and performs
the outcome, so ``simulate`` and the workers share one implementation.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from nodes.channels import ChannelName, Purpose

Category = Literal["trigger", "flow", "action"]
Channel = ChannelName  # the send node's channel: a key of nodes.channels.CHANNELS


@dataclass(frozen=True)
class Failover:
    """Fallback when Kakao cannot deliver: an SMS/LMS with this text (rendered like the original)."""

    channel: Literal["sms"] = "sms"
    text: str | None = None  # None: the AlimTalk's own text


@dataclass(frozen=True)
class SendMessage:
    """Effect: put one message in the outbox (at most once per run and node)."""

    channel: Channel
    purpose: Purpose
    text: str  # rendered text
    template: str | None = None  # AlimTalk template code
    variables: Mapping[str, str] = field(default_factory=dict)  # rendered AlimTalk variables
    failover: Failover | None = None
    subject: str | None = None  # LMS title (send.sms)
    buttons: tuple[Mapping[str, str], ...] = ()  # FriendTalk link buttons: {"name", "url"}
    image_url: str | None = None  # FriendTalk image


@dataclass(frozen=True)
class TagPatient:
    """Effect: add / remove tags on the run's patient."""

    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()


@dataclass(frozen=True)
class NotifyStaff:
    """Effect: tell the clinic's staff something (dashboard notice; e-mail/SMS to staff later)."""

    text: str
    recipients: tuple[str, ...] = ()


Effect = SendMessage | TagPatient | NotifyStaff


@dataclass(frozen=True)
class Outcome:
    """What a node decided. ``ports`` are followed (after ``wait_until`` when set); no ports ends the path."""

    ports: tuple[str, ...] = ("out",)
    wait_until: datetime | None = None
    effects: tuple[Effect, ...] = ()
    reason: str | None = None  # why a path stopped or a node skipped, for run history and simulate


@dataclass(frozen=True)
class ExecutionContext:
    """Everything an executor may look at. Times are timezone-aware (Asia/Seoul is the zone of record)."""

    node_id: str
    params: Mapping[str, Any]
    now: datetime
    trigger_at: datetime  # when the triggering event occurred
    patient: Mapping[str, Any]
    appointment: Mapping[str, Any] | None
    clinic: Mapping[str, Any]
    consents: Mapping[str, bool]  # purpose -> currently granted
    event: Mapping[str, Any]
    render: Callable[[str], str]  # renders a {{ … }} template in the sandbox with this run's data


Executor = Callable[[ExecutionContext], Outcome]
EventFilter = Callable[[Mapping[str, Any], Mapping[str, Any]], bool]  # (params, event) -> starts a run?


def follow(_: ExecutionContext) -> Outcome:
    """Executor of nodes that only pass control on (triggers)."""
    return Outcome()


@dataclass(frozen=True)
class NodeType:
    type: str  # e.g. "send.alimtalk" — part of the workflow file format
    category: Category
    label: Mapping[str, str]  # {"ko": …, "en": …}
    description: Mapping[str, str]
    icon: str  # an emoji the palette shows
    schema: Mapping[str, Any]  # JSON Schema of params (draft 2020-12, additionalProperties false)
    execute: Executor
    outputs: tuple[str, ...] = ("out",)
    text_fields: tuple[str, ...] = ()  # JSON pointers into params holding {{ }} text; "*" matches any key
    channel: Channel | None = None  # set on send.* nodes
    fixed_purpose: Purpose | None = None  # alimtalk: informational, friendtalk: advertising; sms: params
    events: tuple[str, ...] = ()  # triggers: the event types (DESIGN "Events") that may start a run
    matches: EventFilter | None = None  # triggers: does this event pass the node's filter (e.g. procedures)?

    @property
    def inputs(self) -> tuple[str, ...]:
        return () if self.category == "trigger" else ("in",)

    def purpose(self, params: Mapping[str, Any]) -> Purpose | None:
        """The message purpose of a send node with these params (None for non-sending nodes)."""
        if self.channel is None:
            return None
        if self.fixed_purpose is not None:
            return self.fixed_purpose
        return "advertising" if params.get("purpose") == "advertising" else "informational"

    def describe(self) -> dict[str, Any]:
        """The catalogue entry served by GET /api/nodes."""
        return {
            "type": self.type,
            "category": self.category,
            "label": dict(self.label),
            "description": dict(self.description),
            "icon": self.icon,
            "schema": self.schema,
            "inputs": list(self.inputs),
            "outputs": list(self.outputs),
            "text_fields": list(self.text_fields),
            "channel": self.channel,
            "purpose": self.fixed_purpose,
            "events": list(self.events),
        }


def load_schema(package_file: str) -> dict[str, Any]:
    """Load the ``schema.json`` beside a node package's ``__init__.py``."""
    schema: dict[str, Any] = json.loads((Path(package_file).parent / "schema.json").read_text("utf-8"))
    return schema
