"""Wilson and Newcombe intervals against published values (Newcombe 1998, Stat Med 17:873 and 17:2635)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from runtime.outcomes.stats import newcombe, wilson

EPS = 1e-9


def _wilson(k: int, n: int) -> tuple[float, float]:
    found = wilson(k, n)
    assert found is not None
    return found


def _newcombe(k1: int, n1: int, k2: int, n2: int) -> tuple[float, float, float]:
    found = newcombe(k1, n1, k2, n2)
    assert found is not None
    return found


def test_wilson_matches_newcombes_table() -> None:
    low, high = _wilson(81, 263)
    assert (round(low, 4), round(high, 4)) == (0.2553, 0.3662)
    low, high = _wilson(0, 20)
    assert (round(low, 4), round(high, 4)) == (0.0, 0.1611)


def test_newcombe_hybrid_score_matches_the_paper() -> None:
    difference, low, high = _newcombe(56, 70, 48, 80)
    assert (round(difference, 4), round(low, 4), round(high, 4)) == (0.2, 0.0524, 0.3339)
    _, low, high = _newcombe(9, 10, 3, 10)
    assert (round(low, 4), round(high, 4)) == (0.1705, 0.8090)


@given(st.integers(1, 500), st.data())
def test_intervals_hold_their_estimate(n1: int, data: st.DataObject) -> None:
    k1 = data.draw(st.integers(0, n1))
    n2 = data.draw(st.integers(1, 500))
    k2 = data.draw(st.integers(0, n2))
    low, high = _wilson(k1, n1)
    assert 0 <= low <= k1 / n1 + EPS and k1 / n1 - EPS <= high <= 1
    difference, low, high = _newcombe(k1, n1, k2, n2)
    assert -1 - EPS <= low <= difference + EPS and difference - EPS <= high <= 1 + EPS
