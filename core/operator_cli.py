"""`cloudcat operator …`: the commands of whoever runs the deployment (grant the operator role,
list shops with their health, suspend and resume shops, set plugins' app-level settings)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from cloudcat.core import operator
from cloudcat.core.errors import CloudCatError
from cloudcat.core.services import Services

OpenServices = Callable[[], tuple[Services, Callable[[], None]]]


def operator_commands(open_services: OpenServices, console: Console) -> typer.Typer:
    """The `operator` sub-command group, over the services `open_services` opens."""
    commands = typer.Typer(help="Run the deployment: operators, shops, app settings.")

    def run(work: Callable[[Services], None]) -> None:
        services, close = open_services()
        try:
            work(services)
        except CloudCatError as exc:
            console.print(f"[red]error:[/] {exc}")
            for problem in exc.fields:
                console.print(f"  {'.'.join(map(str, problem.path))}: {problem.message}")
            raise typer.Exit(1) from exc
        finally:
            close()

    @commands.command("grant")
    def grant(email: str) -> None:
        """Make the user with EMAIL an operator."""
        run(lambda _: console.print(f"{operator.set_operator(email, True).email} is an operator"))

    @commands.command("revoke")
    def revoke(email: str) -> None:
        """Take the operator role from the user with EMAIL."""
        run(
            lambda _: console.print(
                f"{operator.set_operator(email, False).email} is no longer an operator"
            )
        )

    @commands.command("shops")
    def shops(
        problems: Annotated[
            bool, typer.Option("--problems", help="Only shops with a problem.")
        ] = False,
        search: Annotated[str | None, typer.Option(help="Part of the slug or name.")] = None,
        limit: Annotated[int, typer.Option(help="At most this many shops.")] = 100,
    ) -> None:
        """List shops with their sources' connection and sync health and plugin errors."""

        def work(services: Services) -> None:
            found = operator.find_shops(search, None, limit, problems)
            table = Table("slug", "name", "status", "sources", "plugin errors")
            for health in operator.shops_health(services.plugins, found):
                shop = health.shop
                status = "suspended" if shop.suspended else "active"
                if shop.suspended and shop.suspended_reason:
                    status += f" ({shop.suspended_reason})"
                sources = ", ".join(
                    f"{s.plugin}: {'connected' if s.connected else 'not connected'}, "
                    f"{(s.last_sync_state or 'never synced').lower()}"
                    for s in health.sources
                )
                errors = "; ".join(f"{e.plugin}: {e.last_error}" for e in health.plugin_errors)
                table.add_row(shop.slug, shop.name, status, sources or "-", errors or "-")
            console.print(table)

        run(work)

    @commands.command("suspend")
    def suspend(
        slug: str,
        reason: Annotated[str | None, typer.Option(help="Why (shown to the seller).")] = None,
    ) -> None:
        """Suspend the shop SLUG: its site and API stop answering, its jobs wait."""
        run(
            lambda _: console.print(
                f"suspended {operator.suspend(operator.find_shop(slug), reason).slug}"
            )
        )

    @commands.command("resume")
    def resume(slug: str) -> None:
        """Resume the suspended shop SLUG."""
        run(lambda _: console.print(f"resumed {operator.resume(operator.find_shop(slug)).slug}"))

    @commands.command("set-app")
    def set_app(
        plugin: str,
        values: Annotated[
            list[str], typer.Argument(help="FIELD=VALUE pairs; FIELD= clears the field.")
        ],
    ) -> None:
        """Set app-level fields of PLUGIN for every shop (secrets are stored encrypted)."""

        def work(services: Services) -> None:
            shop_plugins = services.shop_plugins
            cls = shop_plugins.installed(plugin).cls
            secret_names = set(cls.secret_fields())
            stored = shop_plugins.app_state(plugin)
            config = dict(stored.config) if stored else {}
            secrets: dict[str, str | None] = {}
            for pair in values:
                key, equals, value = pair.partition("=")
                if not equals:
                    raise typer.BadParameter(f"{pair!r} is not FIELD=VALUE")
                if key in secret_names:
                    secrets[key] = value or None
                elif value:
                    config[key] = value
                else:
                    config.pop(key, None)
            shop_plugins.configure_app(plugin, config, secrets)
            console.print(f"{plugin}: set {', '.join(sorted(v.partition('=')[0] for v in values))}")

        run(work)

    return commands
