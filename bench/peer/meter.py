"""CPU seconds and peak resident memory of each side's processes (and their children), with psutil."""

from __future__ import annotations

import threading

import psutil


def _tree(pids: list[int], children: bool = True) -> list[psutil.Process]:
    members: list[psutil.Process] = []
    for pid in pids:
        try:
            process = psutil.Process(pid)
            members.extend([process, *(process.children(recursive=True) if children else [])])
        except psutil.Error:
            continue
    return members


def cpu_seconds(pids: list[int], children: bool = True) -> float:
    """User + system CPU seconds of these processes (and their children) so far."""
    total = 0.0
    for member in _tree(pids, children):
        try:
            times = member.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def rss_mb(pids: list[int]) -> float:
    total = 0
    for member in _tree(pids):
        try:
            total += member.memory_info().rss
        except psutil.Error:
            continue
    return total / 2**20


class PeakRss(threading.Thread):
    """Samples the summed RSS of each side's process tree every 0.2 s until :meth:`stop`."""

    def __init__(self, sides: dict[str, list[int]]) -> None:
        super().__init__(daemon=True, name="peak-rss")
        self.sides = sides
        self.peak: dict[str, float] = dict.fromkeys(sides, 0.0)
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.2):
            for side, pids in list(self.sides.items()):
                self.peak[side] = max(self.peak.get(side, 0.0), rss_mb(pids))

    def stop(self) -> None:
        self._done.set()
        self.join(5)
