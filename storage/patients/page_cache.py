"""How much page cache SQLite gets for a big streamed import: what the process's memory budget leaves.

A 50 MB export adds 1.1 million patients, each to three blind-index B-trees (random keys): once those
outgrow the cache, every insert and lookup reads and spills pages, and the import slows down as the table
grows (314 s of CPU for 50 MB with 16 MB of cache). The whole command must stay within 200 MB (issue 18), so
the cache gets the budget minus what the process already holds: ~96 MB in the lean ``import-patients``
(entry.py), the 16 MB floor inside the server (an import job) or a full command line.
"""

from __future__ import annotations

import os
import resource

BUDGET_KB = 186 * 1024  # the whole process, leaving room under 200 MB for the measurement's noise
WORKING_KB = 24 * 1024  # a chunk's records, statements and results beside the cache
FLOOR_KB = 16 * 1024
CEILING_KB = 96 * 1024
OVERHEAD = 1.08  # SQLite's page headers and allocator slack per cached page


def resident_kb() -> int:
    """The process's resident memory now (Linux), else its peak so far."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    except (OSError, ValueError, IndexError):
        return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def import_cache_kb(resident: int | None = None) -> int:
    """Kilobytes of page cache for a big import (``PRAGMA cache_size = -N``)."""
    spare = BUDGET_KB - WORKING_KB - (resident_kb() if resident is None else resident)
    return max(FLOOR_KB, min(CEILING_KB, int(spare / OVERHEAD)))
