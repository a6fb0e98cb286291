"""`cloudcat site …`: a shop's custom domains (add, verify) and its footprints site key."""

from __future__ import annotations

from collections.abc import Callable

import typer
from rich.console import Console

from cloudcat.core.documents import Membership, Role, Shop
from cloudcat.core.errors import CloudCatError
from cloudcat.core.services import Services
from cloudcat.core.site.domains import VERIFICATION_PATH, add_domain, verify_domain
from cloudcat.core.site.footprints import issue_site_key

OpenServices = Callable[[], tuple[Services, Callable[[], None]]]


def site_commands(open_services: OpenServices, console: Console) -> typer.Typer:
    """The `site` sub-command group, over the services `open_services` opens."""
    commands = typer.Typer(help="A shop's site: custom domains and the footprints key.")

    def run(slug: str, work: Callable[[Shop], None]) -> None:
        _, close = open_services()
        try:
            shop = Shop.objects(slug=slug).first()
            if shop is None:
                console.print(f"[red]error:[/] there is no shop {slug!r}")
                raise typer.Exit(1)
            work(shop)
        except CloudCatError as exc:
            console.print(f"[red]error:[/] {exc}")
            for problem in exc.fields:
                console.print(f"  {'.'.join(map(str, problem.path))}: {problem.message}")
            raise typer.Exit(1) from exc
        finally:
            close()

    @commands.command("add-domain")
    def add(slug: str, host: str) -> None:
        """List HOST as a custom domain of shop SLUG and print how to verify it."""

        def work(shop: Shop) -> None:
            domain = add_domain(shop, host)
            console.print(f"{domain.host}: point it at this server, then run")
            console.print(f"  cloudcat site verify-domain {shop.slug} {domain.host}")
            console.print(f"(CloudCat answers http://{domain.host}{VERIFICATION_PATH})")

        run(slug, work)

    @commands.command("verify-domain")
    def verify(slug: str, host: str) -> None:
        """Check that HOST leads to this server and, if so, serve shop SLUG's site on it."""

        def work(shop: Shop) -> None:
            if not verify_domain(shop, host):
                console.print(f"[red]{host} is not verified:[/] it did not answer its token")
                raise typer.Exit(1)
            console.print(f"{host} is verified: it now serves the site of {shop.slug}")

        run(slug, work)

    @commands.command("issue-key")
    def key(slug: str) -> None:
        """Give shop SLUG's site a publishable key for its footprints snippet."""

        def work(shop: Shop) -> None:
            owner = Membership.objects(shop_id=shop.id, role=Role.OWNER).first()
            issue_site_key(shop, owner.user_id if owner else shop.id)
            console.print(f"the site of {shop.slug} now sends footprints")

        run(slug, work)

    return commands
