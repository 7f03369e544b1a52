"""Helpers for node tests: a real ExecutionContext rendered through the real personalisation sandbox (nodes/personalize.py)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import pytest

from nodes.base import ExecutionContext
from nodes.timeutil import SEOUL

PATIENT = {
    "name": "김민지",
    "chart_no": "A-1001",
    "phone": "010-1234-5678",
    "birth_date": "1990-05-01",
    "sex": "F",
}
APPOINTMENT = {
    "id": "apt-77",
    "starts_at": "2026-12-03T14:30:00+09:00",
    "procedure": "cataract",
    "doctor": "이서준",
}
CLINIC = {
    "name": "밝은눈안과",
    "phone": "02-123-4567",
    "address": "서울시 강남구",
    "optout_number": "080-123-4567",
}


def make_context(
    params: Mapping[str, Any],
    *,
    now: datetime = datetime(2026, 12, 1, 9, 0, tzinfo=SEOUL),
    trigger_at: datetime = datetime(2026, 12, 1, 9, 0, tzinfo=SEOUL),
    patient: Mapping[str, Any] = PATIENT,
    appointment: Mapping[str, Any] | None = APPOINTMENT,
    clinic: Mapping[str, Any] = CLINIC,
    consents: Mapping[str, bool] | None = None,
    event: Mapping[str, Any] | None = None,
) -> ExecutionContext:
    from nodes.personalize import render

    data = {"patient": patient, "appointment": appointment, "clinic": clinic}
    return ExecutionContext(
        node_id="n1",
        params=params,
        now=now,
        trigger_at=trigger_at,
        patient=patient,
        appointment=appointment,
        clinic=clinic,
        consents=consents or {},
        event=event or {"type": "procedure.completed"},
        render=lambda text: render(text, data),
    )


@pytest.fixture
def context() -> Any:
    return make_context
