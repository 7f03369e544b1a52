"""Run every benchmark module (bench/bench_*.py) and print one JSON object a line.

Each module has ``run(quick: bool) -> list[dict]``; each dict has at least ``bench``, ``value`` and ``unit``.
Figures are compared as ratios within one run, never asserted in the test suite.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description="DoctorsFlow benchmarks")
    parser.add_argument("--quick", action="store_true", help="smaller inputs, under two minutes in all")
    parser.add_argument("only", nargs="*", help="module names to run, e.g. bench_lint")
    args = parser.parse_args()
    failed = 0
    for path in sorted(Path(__file__).parent.glob("bench_*.py")):
        if args.only and path.stem not in args.only:
            continue
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"bench.{path.stem}")
            for figure in module.run(quick=args.quick):
                print(json.dumps(figure, ensure_ascii=False), flush=True)
        except Exception:
            failed += 1
            traceback.print_exc()
            print(json.dumps({"bench": path.stem, "error": "failed"}), flush=True)
        print(f"# {path.stem}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
