"""An event's problems are each said once, and a missing type is not reported as every type's missing parts."""

from __future__ import annotations

from runtime.events import validate_event


def _said(payload: object) -> list[tuple[str, str]]:
    return [(problem.path, problem.code) for problem in validate_event(payload)]


def test_an_event_without_a_type_is_not_asked_for_an_appointment_and_a_consent() -> None:
    # Found by the probe: {"padding": 1} was told "/appointment missing" twice and "/consent missing"
    said = _said({"external_id": "e-1", "occurred_at": "2026-12-01T09:00:00+09:00", "patient": {"chart_no": "A"}})
    assert said == [("/type", "missing_field")]


def test_a_booking_without_an_appointment_id_says_so_once() -> None:
    payload = {
        "type": "appointment.booked",
        "external_id": "e-2",
        "occurred_at": "2026-12-01T09:00:00+09:00",
        "patient": {"chart_no": "A"},
        "appointment": {"starts_at": "2026-12-03T10:00:00+09:00"},
    }
    said = _said(payload)
    assert said.count(("/appointment/id", "missing_field")) == 1 and len(said) == len(set(said)), said
