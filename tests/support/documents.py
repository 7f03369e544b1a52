"""Workflow documents and booking-system events the tests feed the runtime, the API and the CLI."""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from runtime.clock import SEOUL

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
START = datetime(2026, 12, 1, 15, 0, tzinfo=SEOUL)  # a Tuesday afternoon


def example(name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((EXAMPLES / f"{name}.json").read_text("utf-8"))
    return document


def workflow(
    nodes: list[dict[str, Any]], edges: list[tuple[str, str] | tuple[str, str, str]], name: str = "test"
) -> dict[str, Any]:
    """A small v1 document: edges as (source, target) or (source, port, target)."""
    return {
        "format": "doctorsflow.workflow/v1",
        "name": name,
        "nodes": copy.deepcopy(nodes),
        "edges": [{"source": e[0], "target": e[-1], **({"sourcePort": e[1]} if len(e) == 3 else {})} for e in edges],
    }


def event(
    type_: str,
    external_id: str,
    *,
    at: datetime = START,
    chart_no: str = "A-1001",
    phone: str = "010-1234-5678",
    appointment: Mapping[str, Any] | None = None,
    consent: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "type": type_,
        "external_id": external_id,
        "occurred_at": at.isoformat(),
        "patient": {"chart_no": chart_no, "name": "김민지", "phone": phone},
    }
    if appointment is not None:
        payload["appointment"] = dict(appointment)
    if consent is not None:
        payload["consent"] = dict(consent)
    return payload


# The D-1 18:00 reminder example, an appointment for it, and an advertising SMS behind a marketing-consent gate.
REMINDER = example("appointment-reminder-d1")
BOOKED = {"id": "apt-77", "starts_at": "2026-12-03T14:30:00+09:00", "procedure": "cataract"}
MARKETING = workflow(
    [
        {"id": "start", "type": "trigger.appointment_booked"},
        {"id": "gate", "type": "branch.consent", "params": {"purpose": "marketing"}},
        {"id": "later", "type": "wait.duration", "params": {"days": 2}},
        {
            "id": "ad",
            "type": "send.sms",
            "params": {
                "text": "(광고) 우리안과의원 정기 검진 안내입니다. 무료거부 080-000-0000",
                "purpose": "advertising",
            },
        },
    ],
    [("start", "gate"), ("gate", "yes", "later"), ("later", "ad")],
)
