"""The event intake's fast validity check (jsonschema-rs) agrees with jsonschema, which names the problems:
an event one accepts and the other refuses would be ingested without its problems named, or refused without any."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from runtime.event_fields import FIELD_LABELS
from runtime.events import _fast_validator, _validator, validate_event

TYPES = [
    "appointment.booked",
    "appointment.rescheduled",
    "appointment.cancelled",
    "appointment.attended",
    "procedure.completed",
    "consent.granted",
    "patient.created",
    "appointment.unknown",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=3),
    st.text(min_size=9, max_size=12),
    st.text(min_size=99, max_size=102),
    st.sampled_from(["M", "F", "x", "treatment", "marketing", "paper", "web", "2026-12-01T09:00:00+09:00", ""]),
)


VALID: dict[str, Any] = {
    "type": "appointment.booked",
    "external_id": "e-1",
    "occurred_at": "2026-12-01T09:00:00+09:00",
    "patient": {"chart_no": "A-1", "name": "김민지", "phone": "010-1234-5678", "birth_date": "1980-01-02", "sex": "F"},
    "appointment": {"id": "apt-1", "starts_at": "2026-12-03T14:30:00+09:00", "procedure": "cataract", "doctor": "이"},
    "consent": {"purpose": "marketing", "method": "web"},
}


@st.composite
def events(draw: st.DrawFn) -> dict[str, Any]:
    """A valid event of some type, then 0–3 changes: a key dropped, a value replaced, an extra key."""
    event: dict[str, Any] = {key: dict(value) if isinstance(value, dict) else value for key, value in VALID.items()}
    event["type"] = draw(st.sampled_from(TYPES))
    for _ in range(draw(st.integers(0, 3))):
        block = draw(st.sampled_from([None, "patient", "appointment", "consent"]))
        target = event if block is None or not isinstance(event.get(block), dict) else event[block]
        action = draw(st.sampled_from(["drop", "replace", "extra"]))
        keys = sorted(target)
        if action == "extra" or not keys:
            target[draw(st.sampled_from(["extra", "sex", "id", "method"]))] = draw(scalars)
        elif action == "drop":
            del target[draw(st.sampled_from(keys))]
        else:
            target[draw(st.sampled_from(keys))] = draw(scalars)
    return event


@settings(max_examples=600, deadline=None)
@given(events())
def test_the_fast_check_agrees_with_jsonschema(event: dict[str, Any]) -> None:
    assert _fast_validator().is_valid(event) == (not list(_validator().iter_errors(event)))


def test_an_invalid_event_still_names_its_problems() -> None:
    problems = validate_event({"type": "appointment.booked", "external_id": "", "occurred_at": "2026-12-01T09:00"})
    assert {p.path for p in problems} >= {"/external_id", "/patient"}


JSONSCHEMA_ENGLISH = ("is too long", "is too short", "is not of type", "is not one of", "is a required property")


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for inner in value.values() for s in _strings(inner)]
    return []


@settings(max_examples=400, deadline=None)
@given(events())
def test_every_problem_is_bilingual_names_its_field_and_does_not_echo_long_values(event: dict[str, Any]) -> None:
    # found in the user trial: "값이 올바르지 않습니다: '가가가…(all 300)' is too long"
    for problem in validate_event(event):
        korean, separator, english = problem.message.partition(" / ")
        assert separator and korean and english, problem
        assert not any(phrase in korean for phrase in JSONSCHEMA_ENGLISH), problem
        assert not any(len(s) > 40 and s in problem.message for s in _strings(event)), problem
        if problem.code == "invalid_field" and problem.path in FIELD_LABELS:
            ko_label, en_label = FIELD_LABELS[problem.path]
            assert korean.startswith(f"{ko_label}: ") and english.startswith(f"{en_label}: "), problem


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["name", "chart_no"]), st.text(max_size=5), st.text(max_size=5))
def test_a_replacement_character_in_a_patient_text_is_refused(key: str, before: str, after: str) -> None:
    event = {**VALID, "patient": {**VALID["patient"], key: f"{before}\ufffd{after}"}}
    problems = validate_event(event)
    assert problems and problems[0].path in (f"/patient/{key}", "/patient"), problems
