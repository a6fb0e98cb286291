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

from bench import (
    bench_admin_plugins,
    bench_catalog_sync,
    bench_search,
    bench_site,
    bench_storefront,
)
from bench.harness import Benchmark, Result, RunConfig, print_results, run_benchmark, write_json

Suite = Callable[[RunConfig], AbstractContextManager[Sequence[Benchmark | Result]]]

#: Every suite by name; a suite sets up what its benchmarks need and yields them (or, when
#: its subjects cannot simply be called again and again, the results it measured itself).
SUITES: dict[str, Suite] = {
    bench_admin_plugins.NAME: bench_admin_plugins.benchmarks,
    bench_catalog_sync.NAME: bench_catalog_sync.benchmarks,
    bench_storefront.NAME: bench_storefront.benchmarks,
    bench_search.NAME: bench_search.benchmarks,
    bench_site.NAME: bench_site.benchmarks,
}

#: Suites that explain their results in words (the figures their targets are about).
NOTES: dict[str, Callable[[Sequence[Result]], list[str]]] = {
    bench_catalog_sync.NAME: bench_catalog_sync.describe,
    bench_storefront.NAME: bench_storefront.describe,
    bench_search.NAME: bench_search.describe,
    bench_site.NAME: bench_site.describe,
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
    notes: list[str] = []
    started = time.perf_counter()
    for name in args.only or sorted(SUITES):
        console.print(f"[bold]setting up[/] {name}…")
        suite_results: list[Result] = []
        with SUITES[name](config) as benchmarks:
            for benchmark in benchmarks:
                if isinstance(benchmark, Result):
                    suite_results.append(benchmark)
                    continue
                with console.status(f"running {benchmark.name}…") as status:
                    suite_results.append(
                        run_benchmark(benchmark, progress=lambda text: status.update(text))
                    )
        results.extend(suite_results)
        if name in NOTES:
            notes.extend(f"{name}: {line}" for line in NOTES[name](suite_results))
    print_results(results, console)
    for line in notes:
        console.print(line, highlight=False, soft_wrap=True)
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
