"""Resident memory of the services (from /proc), CPU shares, and the model's size on disk."""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

PROC = Path("/proc")


def rss_bytes(pid: int) -> int:
    """VmRSS of one process (0 when it is gone)."""
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _parents() -> dict[int, int]:
    """pid -> parent pid of every process we can see."""
    parents = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
            except (OSError, ValueError):
                continue
    return parents


def family(pid: int) -> list[int]:
    """A process and all its descendants."""
    parents = _parents()
    found, frontier = [pid], [pid]
    while frontier:
        frontier = [child for child, parent in parents.items() if parent in frontier]
        found += frontier
    return found


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and its children."""
    return sum(rss_bytes(p) for p in family(pid))


def cpu_seconds(*pids: int) -> float:
    """User + system CPU seconds so far of processes and their children (each counted once)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for p in {q for pid in pids for q in family(pid)}:
        try:
            stat = (PROC / str(p) / "stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, ValueError, IndexError):
            continue
    return total / tick


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine spent busy (all cores), from /proc/stat."""
    fields = [int(x) for x in (PROC / "stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def pid_listening_on(port: int) -> int | None:
    """The process listening on a local TCP port (for a stack we did not start)."""
    inodes = set()
    for table in ("tcp", "tcp6"):
        try:
            lines = (PROC / "net" / table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            if parts[3] == "0A" and int(parts[1].rsplit(":", 1)[1], 16) == port:  # LISTEN
                inodes.add(parts[9])
    if not inodes:
        return None
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            for fd in (entry / "fd").iterdir():
                link = os.readlink(fd)
                if link.startswith("socket:[") and link[8:-1] in inodes:
                    return int(entry.name)
        except OSError:
            continue
    return None


def size_on_disk(path: Path) -> int:
    """Bytes of a file, or of every file under a folder."""
    path = Path(path)
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def ginza_packages() -> dict[str, int]:
    """Bytes on disk of what the model needs beside it: ja_ginza and the Sudachi dictionary."""
    import importlib.util

    sizes = {}
    for name in ("ja_ginza", "sudachidict_core"):
        spec = importlib.util.find_spec(name)
        if spec and spec.submodule_search_locations:
            sizes[name] = size_on_disk(Path(list(spec.submodule_search_locations)[0]))
    return sizes


@dataclass
class MemorySampler:
    """Samples the resident memory of named process trees in a thread; keeps the peaks.

    Also keeps how much CPU the machine spent on anything else than these processes and
    the benchmark itself, so a report can say when others shared the machine.
    """

    pids: dict[str, int]
    every: float = 0.5
    peaks: dict[str, int] = field(default_factory=dict)
    largest: dict[str, int] = field(default_factory=dict)  # peak of the largest single process
    _stop: threading.Event = field(default_factory=threading.Event, repr=False)
    _thread: threading.Thread | None = field(default=None, repr=False)

    def snapshot(self) -> dict[str, int]:
        return {name: tree_rss(pid) for name, pid in self.pids.items()}

    def _run(self) -> None:
        while not self._stop.is_set():
            for name, value in self.snapshot().items():
                self.peaks[name] = max(self.peaks.get(name, 0), value)
            for name, pid in self.pids.items():
                single = max((rss_bytes(p) for p in family(pid)), default=0)
                self.largest[name] = max(self.largest.get(name, 0), single)
            self._stop.wait(self.every)

    def __enter__(self) -> "MemorySampler":
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=5)


@dataclass
class CpuShare:
    """CPU seconds of the machine, of our processes, and of everything else, over a span."""

    pids: list[int]
    start: float = 0.0
    ours0: float = 0.0
    busy0: float = 0.0
    wall: float = 0.0
    ours: float = 0.0
    busy: float = 0.0

    def __enter__(self) -> "CpuShare":
        self.start = time.monotonic()
        self.ours0 = self._ours()
        self.busy0 = machine_busy_seconds()
        return self

    def __exit__(self, *exc) -> None:
        self.wall = time.monotonic() - self.start
        self.ours = self._ours() - self.ours0
        self.busy = machine_busy_seconds() - self.busy0

    def _ours(self) -> float:
        return cpu_seconds(*self.pids, os.getpid())

    @property
    def others_cores(self) -> float:
        """Cores, on average, that processes other than ours kept busy."""
        return max(0.0, self.busy - self.ours) / self.wall if self.wall else 0.0
