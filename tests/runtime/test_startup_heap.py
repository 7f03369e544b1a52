"""serve and worker move their start-up heap out of the cyclic collector's reach (runtime/services.py)."""

from __future__ import annotations

import gc
import time

from runtime.services import freeze_startup_heap


def test_after_the_freeze_a_full_collection_no_longer_walks_the_start_up_heap() -> None:
    kept = [{"row": n, "tags": [str(n)]} for n in range(200_000)]  # a large heap that lives on, like the app's
    try:
        started = time.perf_counter()
        gc.collect()
        walked = time.perf_counter() - started
        freeze_startup_heap()
        assert gc.get_freeze_count() >= len(kept)
        started = time.perf_counter()
        gc.collect()
        assert time.perf_counter() - started < walked / 3
    finally:
        gc.unfreeze()  # the other tests in this process collect as before
    assert kept
