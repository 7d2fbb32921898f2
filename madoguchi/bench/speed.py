"""The speed and footprint runs against one stack, in a fixed order, each bounded.

Floors first (one message at a time), then the long conversation, the open-loop runs on
both channels, and the saturation runs; resident memory is sampled throughout. Between
runs the server is left to finish its backlog. An open-loop rate is not run when the
rate below it already lost messages or kept customers waiting over half the timeout:
the report says so instead of stacking a larger backlog.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Awaitable, Callable

from madoguchi.bench import floor, load
from madoguchi.bench.footprint import CpuShare, MemorySampler, cpu_seconds
from madoguchi.bench.stack import Target


@dataclass(frozen=True)
class Plan:
    """How long and how hard each run is."""

    rates: tuple[float, ...] = (10, 20, 40)
    open_seconds: float = 15
    interval: float = 4.0
    levels: tuple[int, ...] = (1, 2, 4, 8, 16, 32)
    saturation_seconds: float = 8
    turns: int = 300
    conversations: int = 3  # long ones, one after another: 3 samples of each turn
    floor_rounds: int = 5
    settle_most: float = 45

    @classmethod
    def quick(cls) -> "Plan":
        return cls(rates=(10, 20), open_seconds=5, levels=(1, 4), saturation_seconds=4, turns=40,
                   floor_rounds=2, settle_most=15)


@dataclass
class Speed:
    """Everything the speed runs measured."""

    target: Target
    plan: Plan
    ginza: list[float] = field(default_factory=list)
    ginza_full: list[float] = field(default_factory=list)
    parse: list[float] = field(default_factory=list)
    whole: list[float] = field(default_factory=list)
    long: load.Run | None = None
    open_loop: list[load.Run] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    saturation: list[load.Run] = field(default_factory=list)
    cpu_per_message: dict[str, float] = field(default_factory=dict)  # service -> CPU seconds per answer
    rss_idle: dict[str, int] = field(default_factory=dict)
    rss_peak: dict[str, int] = field(default_factory=dict)
    rss_largest: dict[str, int] = field(default_factory=dict)  # the largest single process of each
    others_cores: float = 0.0
    wall: float = 0.0

    def keep_samples(self, sampler: MemorySampler, cpu: CpuShare) -> None:
        """The memory peaks and the others' CPU share sampled during the runs."""
        self.rss_peak, self.rss_largest = dict(sampler.peaks), dict(sampler.largest)
        self.others_cores = cpu.others_cores

    def sustained(self) -> load.Run | None:
        """The saturation run with the most answers per second and no errors."""
        clean = [r for r in self.saturation if r.errors == 0]
        return max(clean, key=lambda r: r.throughput(skip=1.0), default=None)


def overloaded(run: load.Run) -> bool:
    """Messages lost, or the median customer waited over a third of the timeout."""
    p50 = run.percentile(50)
    return run.errors > 0 or p50 is None or p50 > load.TIMEOUT / 3


async def measure(target: Target, plan: Plan, progress: Callable[[str], None] = print) -> Speed:
    speed = Speed(target, plan)
    rasa_pid = target.pids.get("rasa")

    async def settle() -> None:
        if rasa_pid:
            await load.settle(lambda: cpu_seconds(rasa_pid), most=plan.settle_most)
        else:
            await asyncio.sleep(5)

    # Warm up: the first messages of every kind load lazily built parts.
    await floor.whole_message_seconds(target.rasa_url, rounds=1)
    sampler = MemorySampler(target.pids)
    speed.rss_idle = sampler.snapshot()
    rest = load.RestChannel(target.rasa_url)
    socket = load.SocketChannel(target.rasa_url)
    loop = asyncio.get_running_loop()
    started = loop.time()
    try:
        with CpuShare(list(target.pids.values())) as cpu, sampler:
            progress("  floors: whole message, /model/parse, GiNZA alone")
            speed.whole = await floor.whole_message_seconds(target.rasa_url, rounds=plan.floor_rounds)
            speed.parse = await floor.model_parse_seconds(target.rasa_url, target.token, load.ROUTINE, plan.floor_rounds)
            speed.ginza = await asyncio.to_thread(floor.ginza_seconds, load.ROUTINE, plan.floor_rounds * 4)
            speed.ginza_full = await asyncio.to_thread(
                floor.ginza_seconds, load.ROUTINE, plan.floor_rounds, True
            )
            progress(f"  {plan.conversations} conversations of {plan.turns} turns, one after another")
            speed.long = await load.long_conversations(rest, plan.turns, plan.conversations)
            await settle()
            for rate in plan.rates:
                for channel in (rest, socket):
                    before = [r for r in speed.open_loop if r.channel == channel.name]
                    if before and overloaded(before[-1]):
                        speed.skipped.append(
                            f"{channel.name} at {rate:g} msg/s: not run, {before[-1].offered:g} msg/s already "
                            f"overloaded the server ({before[-1].errors} errors, p50 {_ms(before[-1].percentile(50))})"
                        )
                        continue
                    progress(f"  open loop, {channel.name}, {rate:g} msg/s for {plan.open_seconds:g} s")
                    run = await load.open_loop(channel, rate, plan.open_seconds, plan.interval)
                    speed.open_loop.append(run)
                    progress(f"    p50 {_ms(run.percentile(50))}, p95 {_ms(run.percentile(95))}, "
                             f"{run.errors} errors of {max(run.planned, len(run.samples))}")
                    await settle()
            await saturate(target, plan, speed, rest, settle, progress)
        speed.keep_samples(sampler, cpu)
    finally:
        await rest.close()
        await socket.close()
    speed.wall = loop.time() - started
    return speed


async def saturate(
    target: Target, plan: Plan, speed: Speed, rest: load.RestChannel,
    settle: Callable[[], Awaitable[None]], progress: Callable[[str], None],
) -> None:
    """Clients writing back to back, more at each level, until errors or no gain."""
    spent = {name: 0.0 for name in target.pids}
    for concurrency in plan.levels:
        progress(f"  saturation, {concurrency} clients back to back for {plan.saturation_seconds:g} s")
        before = {name: cpu_seconds(pid) for name, pid in target.pids.items()}
        run = await load.closed_loop(rest, concurrency, plan.saturation_seconds)
        for name, pid in target.pids.items():
            spent[name] += cpu_seconds(pid) - before[name]
        speed.saturation.append(run)
        answered = sum(r.answered for r in speed.saturation)
        speed.cpu_per_message = {name: seconds / answered for name, seconds in spent.items() if answered}
        progress(f"    {run.throughput(skip=1.0):.1f} msg/s, p95 {_ms(run.percentile(95))}, {run.errors} errors")
        await settle()
        if run.errors or _flat(speed.saturation):
            break


async def measure_saturation(target: Target, plan: Plan, progress: Callable[[str], None] = print) -> Speed:
    """Saturation and memory only: for a second stack, with several Rasa workers."""
    speed = Speed(target, plan)
    await floor.whole_message_seconds(target.rasa_url, rounds=1)
    for i in range(2 * target.workers):  # every worker answers once before the runs
        await floor.whole_message_seconds(target.rasa_url, rounds=1)
    sampler = MemorySampler(target.pids)
    speed.rss_idle = sampler.snapshot()
    rest = load.RestChannel(target.rasa_url)
    loop = asyncio.get_running_loop()
    started = loop.time()

    async def settle() -> None:
        await load.settle(lambda: cpu_seconds(target.pids["rasa"]), most=plan.settle_most)

    try:
        with CpuShare(list(target.pids.values())) as cpu, sampler:
            await saturate(target, plan, speed, rest, settle, progress)
        speed.keep_samples(sampler, cpu)
    finally:
        await rest.close()
    speed.wall = loop.time() - started
    return speed


def _flat(runs: list[load.Run]) -> bool:
    """Two more clients in a row brought no more than 5% more throughput."""
    if len(runs) < 3:
        return False
    a, b, c = (r.throughput(skip=1.0) for r in runs[-3:])
    return b <= a * 1.05 and c <= a * 1.05


def _ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:.0f} ms"
