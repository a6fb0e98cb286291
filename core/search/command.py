"""`cloudcat search reindex [--shop SLUG]`: rebuild the search index of one shop, or of every
shop, with a Rich progress bar per shop, then how many products each index holds."""

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
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from cloudcat.core.documents import Shop
from cloudcat.core.search.index import reindex_shop
from cloudcat.core.services import Services

OpenServices = Callable[[], tuple[Services, Callable[[], None]]]


def reindex_shops(console: Console, slug: str | None) -> int:
    """Rebuild the index of shop `slug` (every shop when None); return the exit code."""
    shops = list(Shop.objects(slug=slug)) if slug else list(Shop.objects.order_by("slug"))
    if slug and not shops:
        console.print(f"[red]error:[/] there is no shop {slug!r}")
        return 1
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        for shop in shops:
            task = progress.add_task(shop.slug, total=None)

            def tell(done: int, total: int, task_id: TaskID = task) -> None:
                progress.update(task_id, completed=done, total=total)

            count = reindex_shop(shop.id, tell)
            progress.remove_task(task)
            console.print(f"{shop.slug}: {count} products indexed")
    return 0


def search_commands(open_services: OpenServices, console: Console) -> typer.Typer:
    """The `search` sub-command group, over the services `open_services` opens."""
    commands = typer.Typer(help="Product search.", no_args_is_help=True)

    @commands.command("reindex")
    def reindex(
        shop: Annotated[
            str | None, typer.Option("--shop", help="Only this shop (its slug).")
        ] = None,
    ) -> None:
        """Rebuild the search index from the published products (every shop by default)."""
        _services, close = open_services()
        try:
            code = reindex_shops(console, shop)
        finally:
            close()
        if code:
            raise typer.Exit(code)

    return commands
