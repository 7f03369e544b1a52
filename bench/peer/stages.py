"""Where our latency goes, per stage, from the last `make bench-peer` run (``var/peer/last/``).

    python -m bench.peer.stages [--mode open] [--folder var/peer/last]

Joins the load generator's times (``timeline.jsonl``: POST start, arrival at the fake provider) with the rows
DoctorsFlow wrote (``doctorsflow/doctorsflow.db``) by the event's external id ``peer-<index>``:

- ``serve``: POST start → ``events.received_at`` (HTTP, auth, validation, waiting for the intake transaction);
- ``queue``: received → the worker's advancing transaction (``outbox.due_at``, its clock: commit, enqueue, Redis, the
  worker's fetch, the write turn);
- ``send``: claimed → arrival at the provider (SOLAPI group, its handle stored, add, send);
- ``total``: POST start → arrival (what the bench's p50/p99 are).

Prints one JSON line per stage with p50/p90/p99/max in milliseconds, and the slowest events' stages.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _unix(value: str | None) -> float | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def _rows(db: Path) -> dict[int, tuple[float | None, float | None]]:
    """index → (received_at, claimed_at) as unix times."""
    query = """
        select e.external_id, e.received_at, o.due_at
        from events e join runs r on r.event_id = e.id join outbox o on o.run_id = r.id
        where e.external_id like 'peer-%'
    """
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        found = connection.execute(query).fetchall()
    return {int(ext.removeprefix("peer-")): (_unix(received), _unix(claimed)) for ext, received, claimed in found}


def _percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)

    def at(q: float) -> float:
        return round(1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)

    return {"n": len(ordered), "p50_ms": at(0.5), "p90_ms": at(0.9), "p99_ms": at(0.99), "max_ms": at(1.0)}


def main() -> int:
    parser = argparse.ArgumentParser(description="our latency per stage in the last bench-peer run")
    parser.add_argument("--folder", type=Path, default=ROOT / "var" / "peer" / "last")
    parser.add_argument("--mode", default="open", choices=("open", "closed"))
    parser.add_argument("--slowest", type=int, default=10)
    args = parser.parse_args()
    rows = _rows(args.folder / "doctorsflow" / "doctorsflow.db")
    stages: dict[str, list[float]] = {"serve": [], "queue": [], "send": [], "total": []}
    per_event: list[tuple[float, int, dict[str, float]]] = []
    for line in (args.folder / "timeline.jsonl").read_text().splitlines():
        item = json.loads(line)
        if item["side"] != "doctorsflow" or item["mode"] != args.mode or item["arrived"] is None:
            continue
        received, claimed = rows.get(item["index"], (None, None))
        if received is None or claimed is None:
            continue
        split = {
            "serve": received - item["posted"],
            "queue": claimed - received,
            "send": item["arrived"] - claimed,
            "total": item["arrived"] - item["posted"],
        }
        for name, value in split.items():
            stages[name].append(value)
        per_event.append((split["total"], item["index"], split))
    for name, values in stages.items():
        if values:
            print(json.dumps({"stage": name, "mode": args.mode, **_percentiles(values)}))
    for total, index, split in sorted(per_event, reverse=True)[: args.slowest]:
        print(json.dumps({"slow": index, **{k: round(1000 * v, 1) for k, v in split.items()}, "total_s": total}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
