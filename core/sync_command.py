"""`cloudcat sync SHOP [--source NAME] [--full]`: sync a shop's sources in this process.

Runs the same engine a worker runs, against the configured database (or the embedded one),
showing a Rich progress bar per source ("n of N" when the source announces its total), then
the run's ledger entry: counts per kind of object, the first failures and warnings. Exits 1
when a source failed (its run stays resumable: the next sync goes on where it stopped).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from cloudcat.core.catalog.report import SyncFailed, SyncReport
from cloudcat.core.catalog.sync import run_source_sync
from cloudcat.core.documents import Shop
from cloudcat.core.errors import CloudCatError
from cloudcat.core.providers import ProviderKind
from cloudcat.core.services import Services

SHOWN_ISSUES = 10


def ledger_table(report: SyncReport) -> Table:
    """The run's counts, one row per kind of object."""
    table = Table(
        "objects",
        "created",
        "updated",
        "unchanged",
        "removed",
        "failed",
        title=f"{report.source}: {report.kind} sync, {report.status}"
        + (f" (resumed {report.resumed}x)" if report.resumed else ""),
    )
    for entity, counts in report.entities.items():
        table.add_row(entity, *(str(value) for value in counts.counts().values()))
    return table


def print_report(console: Console, report: SyncReport) -> None:
    """The ledger table, then the first failures and every warning."""
    console.print(ledger_table(report))
    duration = report.duration_seconds
    if duration is not None:
        console.print(f"run {report.run_id} took {duration:.1f}s")
    for issue in report.issues[:SHOWN_ISSUES]:
        console.print(f"[yellow]failed[/] {issue.entity} {issue.reference}: {issue.reason}")
    hidden = report.failed - min(report.failed, SHOWN_ISSUES)
    if hidden > 0:
        console.print(f"… and {hidden} more failures (see the sync ledger)")
    for warning in report.warnings:
        console.print(f"[yellow]warning[/] {warning}")


def sync_sources(
    console: Console, services: Services, slug: str, source: str | None, full: bool
) -> int:
    """Sync the shop `slug`; return the exit code (0, or 1 when something failed)."""
    shop = Shop.objects(slug=slug).first()
    if shop is None:
        console.print(f"[red]error:[/] there is no shop {slug!r}")
        return 1
    enabled = services.shop_plugins.enabled_names(shop.id)
    names = (
        [source]
        if source
        else sorted(
            name
            for name in enabled
            if services.plugins.providers[name].kind is ProviderKind.MARKETPLACE_SOURCE
        )
    )
    if not names:
        console.print(f"[red]error:[/] no marketplace source is enabled in {slug!r}")
        return 1
    failed = 0
    for name in names:
        report, ok = _sync_one(console, services, shop, name, full)
        failed += 0 if ok else 1
        if report is not None:
            print_report(console, report)
    return 1 if failed else 0


def _sync_one(
    console: Console, services: Services, shop: Shop, name: str, full: bool
) -> tuple[SyncReport | None, bool]:
    """Sync one source under a progress bar: (its report if it ran, whether it succeeded)."""
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task(name, total=None)

        def tell(done: int, total: int | None, message: str) -> None:
            description = f"{name}: {message[:60]}"
            progress.update(task, completed=done, total=total, description=description)

        try:
            report = run_source_sync(
                services.shop_plugins,
                shop,
                name,
                kind="full" if full else None,
                progress=tell,
                trigger="cli",
            )
        except SyncFailed as exc:
            console.print(f"[red]{name} failed:[/] {exc}")
            return exc.report, False
        except CloudCatError as exc:
            console.print(f"[red]{name}:[/] {exc}")
            return None, False
    return report, True


def sync_command(
    open_services: Callable[[], tuple[Services, Callable[[], None]]], console: Console
) -> Callable[..., None]:
    """The typer command, given how to open the services (and close them afterwards)."""

    def sync(
        shop: Annotated[str, typer.Argument(help="The shop's slug.")],
        source: Annotated[
            str | None, typer.Option(help="Sync only this source (default: every enabled one).")
        ] = None,
        full: Annotated[
            bool, typer.Option("--full", help="Re-read everything instead of what changed.")
        ] = False,
    ) -> None:
        """Sync a shop's catalog, promotions and orders from its marketplace sources now."""
        services, close = open_services()
        try:
            code = sync_sources(console, services, shop, source, full)
        finally:
            close()
        raise typer.Exit(code)

    return sync
