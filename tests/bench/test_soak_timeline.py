"""The soak's account of an outage (bench/soak_timeline.py): when the provider was tried and messages got through."""

from __future__ import annotations

from bench.soak_timeline import timeline

SEND = "POST /messages/v4/groups/{id}/send"


def test_the_timeline_shows_the_gap_between_the_outage_end_and_the_first_retry() -> None:
    # Given an outage from t=100 to t=160, refused tries at 101 and 141, the first try after it at 175 (a
    # back-off in step) and two messages first accepted at 175 and 178
    requests = [(101.0, SEND, 500), (141.0, SEND, 500), (175.0, SEND, 200), (178.0, SEND, 200)]
    found = timeline(requests, (100.0, 160.0), [175.0, 178.0], width=20.0)
    # Then the figures say how long nothing was tried, and when the last message came
    assert found.figures() == {
        "first_try_after_outage_s": 15.0,
        "first_accepted_after_outage_s": 15.0,
        "last_accepted_after_outage_s": 18.0,
        "refused_during_outage": 2,
    }
    # And the buckets (seconds from the outage's end) show the refusals, then the drain
    assert [(b["from_s"], b["errors"], b["ok"], b["first_copies"]) for b in found.buckets] == [
        (-60.0, 1, 0, 0),
        (-40.0, 0, 0, 0),
        (-20.0, 1, 0, 0),
        (0.0, 0, 2, 2),
    ]
    assert found.table().splitlines()[1].split() == ["-60", "-40", "1", "0", "0"]


def test_nothing_tried_after_the_outage_reads_as_none() -> None:
    found = timeline([(101.0, SEND, 500)], (100.0, 160.0), [])
    assert found.figures()["first_try_after_outage_s"] is None
    assert found.figures()["last_accepted_after_outage_s"] is None
