"""Run the benchmarks: ``python -m bench [--quick] [--only NAME] [--json PATH]``.

Each benchmark prints the median time per call of its baseline and its subject (measured in
interleaved rounds of this same run), the calls per second they imply, and the ratio
subject/baseline. There are no absolute thresholds: compare ratios, not milliseconds.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path

from rich.console import Console

from bench import bench_admin_plugins
from bench.harness import Benchmark, Result, RunConfig, print_results, run_benchmark, write_json

Suite = Callable[[RunConfig], AbstractContextManager[list[Benchmark]]]

#: Every suite by name; a suite sets up what its benchmarks need and yields them.
SUITES: dict[str, Suite] = {
    bench_admin_plugins.NAME: bench_admin_plugins.benchmarks,
}


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line options."""
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="CloudCat benchmarks: each reports subject/baseline time ratios.",
    )
    parser.add_argument("--quick", action="store_true", help="few short rounds (a smoke run)")
    parser.add_argument(
        "--only", action="append", choices=sorted(SUITES), help="run only this suite (repeatable)"
    )
    parser.add_argument("--rounds", type=int, help="timed rounds per benchmark (overrides)")
    parser.add_argument("--iterations", type=int, help="calls per round and side (overrides)")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--list", action="store_true", help="list the suites and exit")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the selected suites, print the results table, and optionally write JSON."""
    args = parse_args(argv)
    console = Console(stderr=False)
    if args.list:
        for name in sorted(SUITES):
            console.print(name)
        return 0
    for option in ("rounds", "iterations"):
        value = getattr(args, option)
        if value is not None and value < 1:
            console.print(f"[red]error:[/] --{option} must be at least 1")
            return 2
    config = RunConfig(quick=args.quick, rounds=args.rounds, iterations=args.iterations)
    results: list[Result] = []
    started = time.perf_counter()
    for name in args.only or sorted(SUITES):
        console.print(f"[bold]setting up[/] {name}…")
        with SUITES[name](config) as benchmarks:
            for benchmark in benchmarks:
                with console.status(f"running {benchmark.name}…") as status:
                    results.append(
                        run_benchmark(benchmark, progress=lambda text: status.update(text))
                    )
    print_results(results, console)
    console.print(f"finished in {time.perf_counter() - started:.1f}s")
    if args.json is not None:
        write_json(
            results,
            args.json,
            settings={"quick": config.quick, "rounds": args.rounds, "iterations": args.iterations},
        )
        console.print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
