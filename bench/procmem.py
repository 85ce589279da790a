"""Peak resident memory and CPU time of a process tree, read from ``/proc`` (Linux): what a
batch engine or server with worker processes (pool workers, a Spark JVM, uvicorn workers)
really uses, which ``ru_maxrss`` of one process does not show. Shared by the bench scripts."""

from __future__ import annotations

import os
import threading


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                    parents[int(entry)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = [], [root]
    while frontier:
        pid = frontier.pop()
        kids = [p for p, pp in parents.items() if pp == pid]
        found += kids
        frontier += kids
    return found


def tree_cpu_seconds(root: int) -> float:
    """User + system CPU time used so far by ``root`` and its live descendants."""
    total = 0.0
    for pid in [root, *_descendants(root)]:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


class TreeSampler(threading.Thread):
    """Samples the RSS of this process's descendants until stopped."""

    def __init__(self, interval: float = 0.2, root: int | None = None) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.root = os.getpid() if root is None else root
        self.peak_helper_kb = 0
        self.peak_tree_kb = 0
        self._halt = threading.Event()

    def run(self) -> None:
        me = self.root
        while not self._halt.is_set():
            sizes = [_rss_kb(p) for p in _descendants(me)]
            self.peak_helper_kb = max([self.peak_helper_kb, *sizes])
            self.peak_tree_kb = max(self.peak_tree_kb, _rss_kb(me) + sum(sizes))
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()
