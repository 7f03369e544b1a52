"""`make bench-peer`: n8n and DoctorsFlow, the same flow, load and fake provider, interleaved rounds.

    python -m bench.peer.run [--quick] [--without-n8n]

Prints one JSON object a line: ``peer.round`` per round, then ``peer.n8n_exec_ratio``, ``peer.n8n_p99_ratio``,
``peer.n8n_cpu_ratio``, ``peer.n8n_rss_ratio`` (ours / n8n) with the raw figures as details. Logs and data of
the last run: ``var/peer/last/``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.peer import meter, report  # noqa: E402
from bench.peer.doctorsflow_side import DoctorsFlowSide  # noqa: E402
from bench.peer.install import PeerUnavailable, ensure_n8n  # noqa: E402
from bench.peer.loadgen import Arrivals, RoundResult, Target, closed_loop, open_loop  # noqa: E402
from bench.peer.n8n_side import N8nSide  # noqa: E402


@dataclass(frozen=True)
class Plan:
    closed_events: int  # per closed-loop round
    concurrency: int
    open_events: int  # per open-loop round
    open_rate: float  # events per second
    repeats: int  # each side runs repeats × (closed, open), interleaved with the other side
    warmup: int
    closed_timeout_s: float
    open_drain_s: float


QUICK = Plan(200, 20, 200, 40.0, 2, 40, 120.0, 60.0)
FULL = Plan(2000, 20, 1200, 40.0, 2, 100, 600.0, 120.0)


Side = N8nSide | DoctorsFlowSide


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def emit(line: dict[str, Any]) -> None:
    print(json.dumps(line, ensure_ascii=False), flush=True)


def start_provider(folder: Path) -> tuple[subprocess.Popen[str], dict[str, str]]:
    log = (folder / "provider.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.peer.provider"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    if not first:
        raise RuntimeError(f"the fake provider did not start: {(folder / 'provider.log').read_text()[-1000:]}")
    return process, json.loads(first)


def _write_timeline(folder: Path, number: int, result: RoundResult) -> None:
    """Each event's POST and arrival times (``timeline.jsonl``), for bench/peer/stages.py."""
    with (folder / "timeline.jsonl").open("a") as out:
        for index, posted, arrived in result.timeline:
            line = {"round": number, "side": result.side, "mode": result.mode, "index": index}
            out.write(json.dumps({**line, "posted": posted, "arrived": arrived}) + "\n")


async def _rounds(
    plan: Plan, sides: list[Side], provider_url: str, provider_pid: int, folder: Path
) -> list[RoundResult]:
    results: list[RoundResult] = []
    index = 0
    async with Arrivals(provider_url) as arrivals:
        for side in sides:  # warm-up (not counted): connections, caches, JIT
            target = Target(side.name, side.url, side.headers)
            await closed_loop(target, arrivals, index, plan.warmup, plan.concurrency, plan.closed_timeout_s)
            index += plan.warmup
        for _ in range(plan.repeats):
            for mode in ("closed", "open"):
                for side in sides:  # n8n, us, n8n, us …
                    target = Target(side.name, side.url, side.headers)
                    await asyncio.sleep(1.0)
                    cpu_before = meter.cpu_seconds(side.pids)
                    by_process = {name: meter.cpu_seconds([p.pid]) for name, p in side.processes.items()}
                    provider_before = meter.cpu_seconds([provider_pid])
                    loadgen_before = meter.cpu_seconds([os.getpid()], children=False)
                    if mode == "closed":
                        result = await closed_loop(
                            target, arrivals, index, plan.closed_events, plan.concurrency, plan.closed_timeout_s
                        )
                        index += plan.closed_events
                    else:
                        result = await open_loop(
                            target,
                            arrivals,
                            index,
                            plan.open_events,
                            plan.open_rate,
                            plan.open_events / plan.open_rate + plan.open_drain_s,
                        )
                        index += plan.open_events
                    result.cpu_s = meter.cpu_seconds(side.pids) - cpu_before
                    result.cpu_by_process = {
                        name: meter.cpu_seconds([p.pid]) - by_process[name] for name, p in side.processes.items()
                    }
                    result.provider_cpu_s = meter.cpu_seconds([provider_pid]) - provider_before
                    result.loadgen_cpu_s = meter.cpu_seconds([os.getpid()], children=False) - loadgen_before
                    result.load_average_1m = os.getloadavg()[0]
                    results.append(result)
                    emit(report.round_line(result))
                    _write_timeline(folder, len(results), result)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description="DoctorsFlow vs n8n, the same 5-node flow")
    parser.add_argument("--quick", action="store_true", help="small rounds (a few minutes in all)")
    parser.add_argument("--without-n8n", action="store_true", help="only our side (no install of n8n)")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    folder = ROOT / "var" / "peer" / "last"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)

    provider, keys = start_provider(folder)
    sides: list[Side] = []
    peer_error = "--without-n8n" if args.without_n8n else ""
    try:
        if not args.without_n8n:
            try:
                n8n = N8nSide(ensure_n8n(), folder / "n8n", keys["url"], free_port())
                sides.append(n8n)  # stopped below even when it failed half-way
                n8n.start()
            except (PeerUnavailable, RuntimeError, TimeoutError, OSError) as exc:
                peer_error = str(exc)
                if sides:
                    sides.pop().stop()
                emit(
                    {
                        "bench": "peer.n8n_unavailable",
                        "error": peer_error,
                        "message": "n8n을 설치하거나 실행할 수 없어 DoctorsFlow 쪽만 측정합니다"
                        " / n8n could not be installed or run: measuring DoctorsFlow only",
                    }
                )
        ours = DoctorsFlowSide(folder / "doctorsflow", keys, free_port(), free_port())
        sides.append(ours)
        ours.start()
        sampler = meter.PeakRss({side.name: side.pids for side in sides})
        sampler.start()
        started = time.perf_counter()
        try:
            results = asyncio.run(_rounds(plan, sides, keys["url"], provider.pid, folder))
        finally:
            sampler.stop()
        print(f"# bench-peer rounds: {time.perf_counter() - started:.1f} s", file=sys.stderr)
        for line in report.summary(results, sampler.peak, peer_error):
            emit(line)
    finally:
        for side in reversed(sides):
            side.stop()
        if provider.stdin:
            provider.stdin.close()
        provider.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
