"""What a node type is: its params schema, ports, labels, executor and the hooks the rest of the system asks.

A node type lives in one folder of ``nodes/`` (``schema.json`` + ``__init__.py`` defining ``NODE``) and is
listed once in ``nodes/registry.py``. The runtime, the validator, the compliance checker and the editor
all read node types from the registry; nothing else keeps a list of them, and nothing outside ``nodes/``
compares type names: they ask the hooks below (``channel``/``purpose()``, ``text_fields``, ``lint``,
``window()``, ``moves_with_appointment()``, ``terminal``, ``starts_runs``/``schedule``, ``events``/``matches``,
``consent_purpose()``, ``sample_event()``). Every hook has a default, so a simple node declares little.

Executors are pure: given an :class:`ExecutionContext` they return an :class:`Outcome` describing what
should happen (follow these ports, wait until then, send this message). The runtime persists and performs
the outcome, so ``simulate`` and the workers share one implementation.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, Protocol

from nodes.channels import ChannelName, Purpose
from nodes.send_window import ANY_TIME

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


# --- lint hook: a node's own findings, in a neutral form (nodes never import compliance) -------------------


@dataclass(frozen=True)
class LintIssue:
    """One finding of a node's own lint hook; compliance turns it into a ``Finding`` (severity and citation
    from its rule catalogue)."""

    rule: str  # a rule id of the compliance catalogue, e.g. "KAKAO-TEMPLATE-UNAPPROVED"
    field: str | None  # JSON pointer into the node ("/params/template"); None: the node as a whole
    start: int | None = None  # offsets into the text of ``field`` (None: not about a text span)
    end: int | None = None
    message: str = ""  # detail, Korean / English, appended to the rule's title
    origin: object | None = None  # a text finding this issue re-points (keeps its severity, message, excerpt)


class LintTemplate(Protocol):
    """A message template as the checker sees it (the clinic's AlimTalk templates)."""

    @property
    def code(self) -> str: ...
    @property
    def text(self) -> str: ...  # with #{변수} placeholders
    @property
    def status(self) -> str: ...  # only "approved" may be sent
    @property
    def placeholders(self) -> list[str]: ...


@dataclass(frozen=True)
class LintContext:
    """What a node's lint hook may use, built by compliance for one lint run."""

    lint_text: Callable[[str, str, str], Sequence[LintIssue]]  # (text, channel, purpose) → issues in ``text``
    template: Callable[[str], LintTemplate | None]  # a message template by code (the clinic's catalogue)
    # The default lint of the node's text fields (each on its channel and purpose), for hooks that add to it.
    text_fields: Callable[[], Iterable[LintIssue]] = lambda: ()


LintHook = Callable[[Mapping[str, Any], LintContext], Iterable[LintIssue]]  # (params, ctx) → issues
WindowHook = Callable[[Mapping[str, Any], int], int]  # (params, minutes reached) → minutes it passes on
SummaryHook = Callable[[Mapping[str, Any]], Mapping[str, str]]  # params → {"ko", "en"} card sentence


@dataclass(frozen=True)
class RunSchedule:
    """How a trigger that starts its own runs on a clock (a campaign) fires and whom it reaches."""

    next_fire: Callable[[Mapping[str, Any], datetime], datetime]  # first firing strictly after a moment
    last_fire: Callable[[Mapping[str, Any], datetime], datetime]  # latest firing at or before a moment
    # (params, patient, consents, procedures done) → is the patient in the segment?
    segment_matches: Callable[[Mapping[str, Any], Mapping[str, Any], Mapping[str, bool], set[str]], bool]


# A sample patient and appointment for trigger sample events (the editor's live preview, conformance tests).
SAMPLE_OCCURRED_AT = "2026-12-01T09:00:00+09:00"
SAMPLE_PATIENT: Mapping[str, Any] = {"chart_no": "A-1001", "name": "김민지", "phone": "010-1234-5678"}
SAMPLE_APPOINTMENT: Mapping[str, Any] = {
    "id": "apt-preview",
    "starts_at": "2026-12-03T14:30:00+09:00",
    "procedure": "cataract",
}


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
    # Hooks (defaults: a plain node). See nodes/README.md for each.
    lint: LintHook | None = None  # own lint; None: every text field on the node's channel and purpose
    send_window: WindowHook | None = None  # None: triggers act any time, other nodes pass the time on
    appointment_anchor: Callable[[Mapping[str, Any]], bool] | None = None  # waits that move with the appointment
    terminal: bool = False  # stopping here is the normal end of a path (not a "stopped" to report)
    starts_runs: Literal["event", "schedule", "manual"] = "event"  # triggers: what starts their runs
    schedule: RunSchedule | None = None  # starts_runs == "schedule": when it fires, whom it reaches
    consent_gate: str | None = None  # params key naming the consent purpose this node gates on ("yes" port)
    gate_port: str = "yes"  # the output taken when the consent is held
    sample: Mapping[str, Any] | None = None  # triggers: extra keys of the sample event (e.g. "consent")
    sample_from_params: Mapping[str, str] = field(default_factory=dict)  # event pointer ← params pointer
    ui: Mapping[str, Any] = field(default_factory=dict)  # editor hints, e.g. {"template_picker": "template"}
    summary: SummaryHook | None = None  # params → {"ko", "en"} sentence for the canvas card (nodes/summary.py)

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

    @property
    def is_send(self) -> bool:
        """Whether this node sends a message to the patient (it has a channel)."""
        return self.channel is not None

    def is_advertising(self, params: Mapping[str, Any]) -> bool:
        return self.purpose(params) == "advertising"

    def window(self, params: Mapping[str, Any], incoming: int) -> int:
        """Minutes of the day (:mod:`nodes.send_window`) at which this node passes control on, given the
        minutes it is reached at. Default: a trigger any time (events arrive any time), others unchanged."""
        if self.send_window is not None:
            return self.send_window(params, incoming)
        return ANY_TIME if self.category == "trigger" else incoming

    def moves_with_appointment(self, params: Mapping[str, Any]) -> bool:
        """Whether a wait at this node is recomputed when the run's appointment is rescheduled."""
        return self.appointment_anchor is not None and self.appointment_anchor(params)

    def consent_purpose(self, params: Mapping[str, Any]) -> str | None:
        """The consent purpose this node gates on (its ``gate_port`` is taken when held), or None."""
        if self.consent_gate is None:
            return None
        purpose = params.get(self.consent_gate)
        return purpose if isinstance(purpose, str) else None

    def sample_event(self, params: Mapping[str, Any] | None = None) -> dict[str, Any] | None:
        """A valid event that starts this trigger's runs for a sample patient (None for non-triggers).
        Triggers without events (manual, schedule) are previewed for the patient of a ``patient.created``."""
        if self.category != "trigger":
            return None
        event: dict[str, Any] = {
            "type": self.events[0] if self.events else "patient.created",
            "external_id": "sample-1",
            "occurred_at": SAMPLE_OCCURRED_AT,
            "patient": dict(SAMPLE_PATIENT),
            "appointment": dict(SAMPLE_APPOINTMENT),
            **{key: _copy(value) for key, value in (self.sample or {}).items()},
        }
        for event_pointer, param_pointer in self.sample_from_params.items():
            value = _at_pointer(params or {}, param_pointer)
            if value is not None:
                _set_pointer(event, event_pointer, value)
        return event

    def summarize(self, params: Mapping[str, Any] | None) -> dict[str, str]:
        """The card's sentence for these params, Korean and English. Never raises: a draft's half-filled
        or invalid params (or a node type without the hook) read as the node type's label."""
        fallback = {"ko": self.label["ko"], "en": self.label["en"]}
        if self.summary is None or not isinstance(params, Mapping):
            return fallback
        try:
            said = self.summary(params)
        except Exception:  # a broken draft is the validator's finding, not the card's
            return fallback
        ko, en = said.get("ko"), said.get("en")
        if not (isinstance(ko, str) and ko.strip() and isinstance(en, str) and en.strip()):
            return fallback
        return {"ko": ko, "en": en}

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
            "terminal": self.terminal,
            "starts_runs": self.starts_runs if self.category == "trigger" else None,
            "sample_event": self.sample_event(),
            "sample_event_params": dict(self.sample_from_params),
            "ui": dict(self.ui),
        }


def _copy(value: Any) -> Any:
    return {k: _copy(v) for k, v in value.items()} if isinstance(value, Mapping) else value


def _parts(json_pointer: str) -> list[str]:
    return [p.replace("~1", "/").replace("~0", "~") for p in json_pointer.split("/")[1:]]


def _at_pointer(value: Any, json_pointer: str) -> Any:
    for part in _parts(json_pointer):
        if isinstance(value, Mapping):
            value = value.get(part)
        elif isinstance(value, list | tuple) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


def _set_pointer(target: dict[str, Any], json_pointer: str, value: Any) -> None:
    *path, last = _parts(json_pointer)
    for part in path:
        target = target.setdefault(part, {})
    target[last] = value


def load_schema(package_file: str) -> dict[str, Any]:
    """Load the ``schema.json`` beside a node package's ``__init__.py``."""
    schema: dict[str, Any] = json.loads((Path(package_file).parent / "schema.json").read_text("utf-8"))
    return schema
