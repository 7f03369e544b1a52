"""Bench lines (one JSON object a line, like bench/run.py) from the rounds of both sides."""

from __future__ import annotations

import statistics
from typing import Any

from bench.peer.loadgen import RoundResult


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def round_line(result: RoundResult) -> dict[str, Any]:
    """The raw figures of one round (printed as ``peer.round`` lines)."""
    return {
        "bench": "peer.round",
        "side": result.side,
        "mode": result.mode,
        "events": result.events,
        "arrived": result.arrived,
        "missing": result.missing,
        "duplicates": result.duplicates,
        "post_errors": result.post_errors,
        "first_error": result.first_error or None,
        "seconds": round(result.seconds, 2),
        "executions_per_s": round(result.executions_per_s, 1),
        "p50_ms": round(percentile(result.latencies, 0.50) * 1000, 1),
        "p99_ms": round(percentile(result.latencies, 0.99) * 1000, 1),
        "cpu_s": round(result.cpu_s, 2),
        "cpu_ms_per_execution": round(1000 * result.cpu_s / result.arrived, 2) if result.arrived else None,
        "cpu_s_by_process": {name: round(value, 2) for name, value in result.cpu_by_process.items()},
        "provider_cpu_s": round(result.provider_cpu_s, 2),
        "loadgen_cpu_s": round(result.loadgen_cpu_s, 2),
        "load_average_1m": round(result.load_average_1m, 1),
    }


def _side(rounds: list[RoundResult], side: str, mode: str) -> list[RoundResult]:
    return [r for r in rounds if r.side == side and r.mode == mode]


def side_figures(rounds: list[RoundResult], side: str, peak_rss_mb: float) -> dict[str, Any]:
    """The raw figures of one side over all its rounds."""
    closed, opened = _side(rounds, side, "closed"), _side(rounds, side, "open")
    closed_latencies = sorted(v for r in closed for v in r.latencies)
    open_latencies = sorted(v for r in opened for v in r.latencies)
    arrived = sum(r.arrived for r in closed + opened)
    cpu = sum(r.cpu_s for r in closed + opened)
    rates = sorted(r.executions_per_s for r in closed)
    return {
        # Closed loop: the median over the side's closed rounds.
        "executions_per_s": round(statistics.median(rates), 1) if rates else 0.0,
        "closed_p50_ms": round(percentile(closed_latencies, 0.5) * 1000, 1),
        "closed_p99_ms": round(percentile(closed_latencies, 0.99) * 1000, 1),
        "open_p50_ms": round(percentile(open_latencies, 0.5) * 1000, 1),
        "open_p99_ms": round(percentile(open_latencies, 0.99) * 1000, 1),
        "cpu_ms_per_execution": round(1000 * cpu / arrived, 2) if arrived else None,
        "peak_rss_mb": round(peak_rss_mb, 1),
        "missing": sum(r.missing for r in closed + opened),
        "duplicates": sum(r.duplicates for r in closed + opened),
        "rounds": len(closed) + len(opened),
    }


def summary(rounds: list[RoundResult], peak_rss_mb: dict[str, float], peer_error: str = "") -> list[dict[str, Any]]:
    """The four ratios (ours / n8n) with the raw figures of both sides as details; without n8n (``peer_error``
    says why) the ratios are null and our figures are still printed."""
    ours = side_figures(rounds, "doctorsflow", peak_rss_mb.get("doctorsflow", 0.0))
    peer = None if peer_error else side_figures(rounds, "n8n", peak_rss_mb.get("n8n", 0.0))

    def ratio(key: str) -> float | None:
        if peer is None or ours[key] is None or not peer[key]:
            return None
        return round(float(ours[key]) / float(peer[key]), 3)

    extra: dict[str, Any] = {"n8n_unavailable": peer_error} if peer_error else {}
    return [
        {
            "bench": "peer.n8n_exec_ratio",
            "value": ratio("executions_per_s"),
            "unit": "ratio (higher is better)",
            "doctorsflow": ours,
            "n8n": peer,
            **extra,
        },
        {
            "bench": "peer.n8n_p99_ratio",
            "value": ratio("open_p99_ms"),
            "unit": "ratio (lower is better)",
            "ours_p99_ms": ours["open_p99_ms"],
            "n8n_p99_ms": peer and peer["open_p99_ms"],
            **extra,
        },
        {
            "bench": "peer.n8n_cpu_ratio",
            "value": ratio("cpu_ms_per_execution"),
            "unit": "ratio (lower is better)",
            "ours_cpu_ms": ours["cpu_ms_per_execution"],
            "n8n_cpu_ms": peer and peer["cpu_ms_per_execution"],
            **extra,
        },
        {
            "bench": "peer.n8n_rss_ratio",
            "value": ratio("peak_rss_mb"),
            "unit": "ratio (lower is better)",
            "ours_mb": ours["peak_rss_mb"],
            "n8n_mb": peer and peer["peak_rss_mb"],
            **extra,
        },
    ]
