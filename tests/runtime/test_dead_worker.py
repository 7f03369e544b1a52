"""A worker process that died holding claims: its sends go back in seconds once it is known dead, not a minute.

The stale-claim sweeper hands out claims older than ``stale_after`` (60 s): long enough for any live send. The
full soak's SIGKILL 30 s before the provider outage ended therefore held its messages 60 s, past "delivered
≤ 30 s after the faults end". A scheduler finds a dead process of its host by its heartbeat row (pid gone); from
then on, claims made before that moment are handed out once they are ``orphan_grace`` old (15 s) — safe even for
a live send caught by it, whose next attempt asks the provider first. Real subprocess, real SOLAPI fake.
"""

from __future__ import annotations

from datetime import timedelta

from runtime.context import Runtime
from runtime.inline import settle
from runtime.scheduler import Beat
from runtime.watchdog import Heartbeat
from tests.support.fakes import SolapiFake
from tests.support.runtime import virtual

from .test_exactly_once import killed_mid_send, row

# A worker process with a scheduler heartbeat (as `doctorsflow worker` has) delivering one outbox row.
WORKER = """
import asyncio, sys
from datetime import datetime
from pathlib import Path
from runtime.clock import VirtualClock
from runtime.context import Runtime
from runtime.outbox import deliver
from runtime.scheduler import Beat
from runtime.watchdog import Heartbeat
from storage.config import Settings

settings = Settings(Path(sys.argv[1]), sys.argv[2], None, None)
runtime = Runtime(settings, clock=VirtualClock(datetime.fromisoformat(sys.argv[3])))

async def main():
    await Heartbeat(settings, every_s=0).write(Beat(passes=1), budget=10)
    await deliver(runtime, int(sys.argv[4]))

asyncio.run(main())
"""


async def test_claims_of_a_worker_found_dead_go_back_after_the_grace_and_are_sent_once(
    rt: Runtime, clinic_id: int, solapi_fake: SolapiFake
) -> None:
    # Given a worker process (with its heartbeat) whose send SOLAPI accepted, killed before it recorded the answer
    message_id = await killed_mid_send(rt, clinic_id, solapi_fake, WORKER)
    # When 16 s pass with no process known dead, Then the claim is left alone (a live send may take that long)
    virtual(rt).advance(timedelta(seconds=16))
    await settle(rt)
    assert (await row(rt, message_id)).status == "sending"
    # When this host's scheduler writes its heartbeat and finds the worker's process gone
    await Heartbeat(rt.settings, every_s=0, on_dead=rt.note_dead_process).write(Beat(passes=1), budget=10)
    await settle(rt)
    # Then the dead worker's claim (older than the grace) is handed out at once: SOLAPI is asked, sent once
    done = await row(rt, message_id)
    assert done.status == "sent", (done.status, done.error_code)
    assert list(solapi_fake.accepted_counts().values()) == [1]
    assert rt.stale_after > timedelta(seconds=16)  # not the ordinary stale-claim sweep
