"""A tiny benchmark harness that only ever reports ratios against an in-run baseline.

The machine a benchmark runs on is noisy (other processes, CPU frequency, a shared database), so
absolute timings mean little from one run to the next. Each `Benchmark` therefore pairs a
*subject* with a *baseline* doing comparable work, and `run_benchmark`:

- runs one untimed warm-up round of each;
- then runs `rounds` timed rounds of `iterations` calls each, **interleaving** baseline and
  subject (the order alternates every round, so drift and ordering effects hit both alike);
- reports the median time per call of each side, the calls per second that implies, and the
  ratio subject/baseline of the medians (above 1 means the subject is slower), plus the spread of
  the per-round paired ratios as a noise gauge.

`print_results` renders a rich table; `write_json` saves the results for later comparison.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

Call = Callable[[], object]


@dataclass(frozen=True)
class RunConfig:
    """How hard to run: `quick` for a short smoke run; explicit rounds/iterations override."""

    quick: bool = False
    rounds: int | None = None
    iterations: int | None = None

    def sizes(self, default: tuple[int, int], quick: tuple[int, int]) -> tuple[int, int]:
        """(rounds, iterations) for a benchmark whose normal and quick sizes are given."""
        rounds, iterations = quick if self.quick else default
        return self.rounds or rounds, self.iterations or iterations


@dataclass
class Benchmark:
    """A subject measured against a baseline: `rounds` rounds of `iterations` calls of each."""

    name: str
    baseline: Call
    subject: Call
    rounds: int = 15
    iterations: int = 50
    description: str = ""
    baseline_label: str = "baseline"
    subject_label: str = "subject"
    unit: str = "call"


@dataclass
class Side:
    """The timings of one side (baseline or subject): seconds per call, one sample per round."""

    label: str
    samples: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def per_second(self) -> float:
        return 1.0 / self.median if self.median > 0 else float("inf")

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "median_seconds": self.median,
            "per_second": self.per_second,
            "min_seconds": min(self.samples),
            "max_seconds": max(self.samples),
            "samples_seconds": self.samples,
        }


@dataclass
class Result:
    """What one benchmark measured."""

    name: str
    description: str
    unit: str
    rounds: int
    iterations: int
    baseline: Side
    subject: Side
    paired_ratios: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        """Median subject time over median baseline time (> 1: the subject is slower)."""
        return self.subject.median / self.baseline.median

    @property
    def ratio_spread(self) -> tuple[float, float]:
        """The 25th and 75th percentiles of the per-round subject/baseline ratios."""
        if len(self.paired_ratios) < 2:
            only = self.paired_ratios[0] if self.paired_ratios else self.ratio
            return only, only
        quartiles = statistics.quantiles(self.paired_ratios, n=4, method="inclusive")
        return quartiles[0], quartiles[2]

    def as_dict(self) -> dict[str, Any]:
        low, high = self.ratio_spread
        return {
            "name": self.name,
            "description": self.description,
            "unit": self.unit,
            "rounds": self.rounds,
            "iterations": self.iterations,
            "baseline": self.baseline.as_dict(),
            "subject": self.subject.as_dict(),
            "ratio": self.ratio,
            "paired_ratio_p25": low,
            "paired_ratio_p75": high,
            "paired_ratios": self.paired_ratios,
        }


def _time_calls(call: Call, iterations: int) -> float:
    """Seconds per call, averaged over `iterations` back-to-back calls."""
    start = time.perf_counter()
    for _ in range(iterations):
        call()
    return (time.perf_counter() - start) / iterations


def run_benchmark(benchmark: Benchmark, *, progress: Callable[[str], None] | None = None) -> Result:
    """Measure `benchmark`: one warm-up round, then interleaved timed rounds of both sides."""
    if benchmark.rounds < 1 or benchmark.iterations < 1:
        raise ValueError("a benchmark needs at least one round of at least one iteration")
    _time_calls(benchmark.baseline, benchmark.iterations)
    _time_calls(benchmark.subject, benchmark.iterations)
    baseline: list[float] = []
    subject: list[float] = []
    for index in range(benchmark.rounds):
        if index % 2 == 0:
            baseline.append(_time_calls(benchmark.baseline, benchmark.iterations))
            subject.append(_time_calls(benchmark.subject, benchmark.iterations))
        else:
            subject.append(_time_calls(benchmark.subject, benchmark.iterations))
            baseline.append(_time_calls(benchmark.baseline, benchmark.iterations))
        if progress is not None:
            progress(
                f"{benchmark.name}: round {index + 1}/{benchmark.rounds} "
                f"ratio {subject[-1] / baseline[-1]:.2f}"
            )
    return Result(
        name=benchmark.name,
        description=benchmark.description,
        unit=benchmark.unit,
        rounds=benchmark.rounds,
        iterations=benchmark.iterations,
        baseline=Side(benchmark.baseline_label, baseline),
        subject=Side(benchmark.subject_label, subject),
        paired_ratios=[s / b for s, b in zip(subject, baseline, strict=True)],
    )


def _milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms"


def results_table(results: Sequence[Result]) -> Table:
    """A rich table of `results`: one row per side with its median and rate, then the ratio."""
    table = Table(title="ratio = median subject time / median baseline time (> 1: slower)")
    table.add_column("benchmark", overflow="fold")
    table.add_column("side", overflow="fold")
    table.add_column("median", justify="right")
    table.add_column("per second", justify="right")
    table.add_column("ratio", justify="right", style="bold")
    for result in results:
        low, high = result.ratio_spread
        table.add_row(
            result.name,
            f"baseline: {result.baseline.label}",
            _milliseconds(result.baseline.median),
            f"{result.baseline.per_second:,.0f}",
            "",
        )
        table.add_row(
            f"{result.rounds}×{result.iterations} {result.unit}s",
            f"subject: {result.subject.label}",
            _milliseconds(result.subject.median),
            f"{result.subject.per_second:,.0f}",
            f"{result.ratio:.2f}×\n(p25–p75 {low:.2f}–{high:.2f})",
            end_section=True,
        )
    return table


def summary_line(result: Result) -> str:
    """One plain-text line per result, easy to grep from a log."""
    low, high = result.ratio_spread
    return (
        f"{result.name}: baseline {result.baseline.per_second:,.0f} {result.unit}s/s "
        f"({_milliseconds(result.baseline.median)}), subject "
        f"{result.subject.per_second:,.0f} {result.unit}s/s "
        f"({_milliseconds(result.subject.median)}), ratio {result.ratio:.2f}x "
        f"(paired p25-p75 {low:.2f}-{high:.2f}, {result.rounds} rounds x "
        f"{result.iterations} {result.unit}s)"
    )


def print_results(results: Sequence[Result], console: Console | None = None) -> None:
    """Print `results` as a table, then one summary line each."""
    console = console or Console()
    console.print(results_table(results))
    for result in results:
        console.print(summary_line(result), highlight=False, soft_wrap=True)


def environment_info() -> dict[str, Any]:
    """Where the numbers were measured (they only compare within one run anyway)."""
    return {
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
    }


def write_json(
    results: Sequence[Result], path: Path, *, settings: dict[str, Any] | None = None
) -> None:
    """Write `results` (and where and how they were measured) to `path` as JSON."""
    document = {
        "measured_at": datetime.now(UTC).isoformat(),
        "environment": environment_info(),
        "settings": settings or {},
        "results": [result.as_dict() for result in results],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


__all__ = [
    "Benchmark",
    "Result",
    "RunConfig",
    "Side",
    "environment_info",
    "print_results",
    "results_table",
    "run_benchmark",
    "summary_line",
    "write_json",
]
