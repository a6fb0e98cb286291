"""The `cloudcat` command: serve, worker, dev, sync, createuser, plugins list, plugin new,
schema export."""

from __future__ import annotations

import contextlib
import getpass
import logging
import os
import signal
import socket
import threading
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from rich.console import Console
from rich.table import Table
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool

from cloudcat.core import __version__
from cloudcat.core.errors import CloudCatError
from cloudcat.core.job_handlers import collect_handlers
from cloudcat.core.jobs import run_worker
from cloudcat.core.observability import configure_logging
from cloudcat.core.operator_cli import operator_commands
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.scaffold.cli import plugin_app
from cloudcat.core.search.command import search_commands
from cloudcat.core.services import Services, build_services
from cloudcat.core.settings import Settings, SettingsError, load_settings
from cloudcat.core.site.cli import site_commands
from cloudcat.core.storage.database import Storage, open_storage
from cloudcat.core.storage.embedded import EmbeddedDatabaseError
from cloudcat.core.sync_command import sync_command

app = typer.Typer(
    help="CloudCat (云猫): a plugin-based headless commerce CMS.", no_args_is_help=True
)
plugins_app = typer.Typer(help="Installed plugins.", no_args_is_help=True)
schema_app = typer.Typer(help="The GraphQL schemas.", no_args_is_help=True)
app.add_typer(plugins_app, name="plugins")
app.add_typer(schema_app, name="schema")
app.add_typer(plugin_app, name="plugin")
console = Console()
log = logging.getLogger("cloudcat")

SHUTDOWN_MARGIN_SECONDS = 5.0
"""How long after its jobs' grace period a stopping worker is still waited for."""
SDL_FOLDER = Path(__file__).resolve().parent.parent / "schema" / "sdl"


def _settings() -> Settings:
    try:
        settings = load_settings()
    except SettingsError as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    configure_logging(json=settings.log_json, level="INFO")
    return settings


def _storage(settings: Settings) -> Storage:
    try:
        return open_storage(settings)
    except (EmbeddedDatabaseError, SettingsError) as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from exc


def _stop_on_signals(stop: threading.Event) -> None:
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())


class _InlineWorker:
    """Job worker threads inside a server process (`dev`, or `serve --worker N`).

    Started and stopped by the app's lifespan (`run_with`), inside the part that owns the
    database: on shutdown the worker stops claiming and its running jobs finish (or give their
    lease back) before the database client is closed and the embedded database stopped.
    """

    def __init__(self, services: Services, concurrency: int) -> None:
        self.stop_event = threading.Event()
        self.grace_seconds = services.settings.job_shutdown_grace_seconds
        self.thread = threading.Thread(
            target=run_worker,
            args=(services.db, collect_handlers(services)),
            kwargs={
                "settings": services.settings,
                "concurrency": concurrency,
                "stop_event": self.stop_event,
            },
            name="cloudcat-worker",
            daemon=True,
        )

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        """Stop claiming and wait for the running jobs (see `Worker.run`): past the grace
        period, a handler that never checks in (stuck in a call) is left behind, not waited
        for."""
        self.stop_event.set()
        self.thread.join(self.grace_seconds + SHUTDOWN_MARGIN_SECONDS)
        if self.thread.is_alive():
            log.warning("the job worker did not stop in time; shutting down without it")

    def run_with(self, application: Starlette) -> None:
        """Run this worker while `application` runs, stopping it before the app's shutdown."""
        inner = application.router.lifespan_context

        @contextlib.asynccontextmanager
        async def lifespan(app: Starlette) -> AsyncIterator[None]:
            async with inner(app):
                self.start()
                try:
                    yield
                finally:
                    await run_in_threadpool(self.stop)

        application.router.lifespan_context = lifespan


@app.command()
def version() -> None:
    """Print the CloudCat version."""
    console.print(__version__)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    worker: Annotated[
        int,
        typer.Option(
            "--worker",
            min=0,
            max=64,
            help="Also run this many job worker threads in the server process (small "
            "deployments, tests); 0 leaves jobs to `cloudcat worker` processes.",
        ),
    ] = 0,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            max=64,
            help="API worker processes sharing the port (use the machine's cores); the "
            "embedded database, when used, is started once and shared by them.",
        ),
    ] = 1,
) -> None:
    """Run the API server (stateless: run as many as you like behind a load balancer)."""
    from cloudcat.core.app import create_app_with_storage

    settings = _settings()
    if workers > 1:
        _serve_processes(settings, host, port, workers, worker)
        return
    try:
        application, storage = create_app_with_storage(settings)
    except (EmbeddedDatabaseError, SettingsError) as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from exc
    if worker:
        _InlineWorker(application.state.services, worker).run_with(application)
    try:
        uvicorn.run(application, host=host, port=port, log_config=None, access_log=False)
    finally:
        storage.close()  # already closed by the app's shutdown, unless it never started


def _serve_processes(settings: Settings, host: str, port: int, workers: int, jobs: int) -> None:
    """`serve --workers N`: N uvicorn processes, each building the app from the environment.

    This process opens the storage first (starting the embedded database if no URI is set) and
    hands its URI to the children; it also runs the `--worker` job threads, once.
    """
    storage = _storage(settings)
    if storage.embedded is not None:
        os.environ["CLOUDCAT_MONGODB_URI"] = storage.embedded.uri
    inline = _InlineWorker(build_services(settings, storage.db), jobs) if jobs else None
    if inline:
        inline.start()
    try:
        uvicorn.run(
            "cloudcat.core.app:create_app_from_environment",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_config=None,
            access_log=False,
        )
    finally:
        if inline:
            inline.stop()
        storage.close()


@app.command()
def worker(
    concurrency: Annotated[int, typer.Option(min=1, max=64, help="Jobs run at once.")] = 2,
) -> None:
    """Run a background job worker (any number of them coordinate through the database)."""
    settings = _settings()
    storage = _storage(settings)
    services = build_services(settings, storage.db)
    stop = threading.Event()
    _stop_on_signals(stop)
    try:
        run_worker(
            storage.db,
            collect_handlers(services),
            settings=settings,
            concurrency=concurrency,
            stop_event=stop,
        )
    finally:
        storage.close()


@app.command()
def dev(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Development: embedded database, server and worker in one process, with a demo shop."""
    from cloudcat.core.app import create_app
    from cloudcat.core.demo import (
        DEMO_EMAIL,
        DEMO_OPERATOR_EMAIL,
        DEMO_OPERATOR_PASSWORD,
        DEMO_PASSWORD,
        seed_demo,
    )

    settings = _settings()
    # The demo shop's feed is served by this very server: let outgoing requests reach it.
    own = {str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)}
    settings = settings.model_copy(
        update={
            "public_url": f"http://{host}:{port}",
            "http_allow_private_networks": [*settings.http_allow_private_networks, *sorted(own)],
        }
    )
    storage = _storage(settings)
    services = build_services(settings, storage.db)
    shop = seed_demo(services, f"http://{host}:{port}/_dev/demo-catalog.json")
    inline = _InlineWorker(services, concurrency=2)
    inline.start()
    base = f"http://{host}:{port}"
    console.print(
        f"\n[bold]CloudCat {__version__}[/] (development)\n"
        f"  Admin              {base}/admin/\n"
        f"  GraphiQL (admin)   {base}/graphql\n"
        f"  Storefront API     {base}/storefront/graphql\n"
        f"  Demo site          {base}/s/{shop.slug}/\n"
        f"  Metrics            {base}/metrics\n"
        f"  Demo login         {DEMO_EMAIL} / {DEMO_PASSWORD}\n"
        f"  Demo operator      {DEMO_OPERATOR_EMAIL} / {DEMO_OPERATOR_PASSWORD}\n"
    )
    try:
        uvicorn.run(
            create_app(settings, services), host=host, port=port, log_config=None, access_log=False
        )
    finally:
        inline.stop()
        storage.close()


@app.command()
def createuser(
    email: str,
    name: Annotated[str, typer.Option(help="Display name.")] = "",
    password: Annotated[
        str | None, typer.Option(help="Password (asked for when left out).")
    ] = None,
) -> None:
    """Create an admin user account."""
    from cloudcat.core.accounts import create_user

    settings = _settings()
    storage = _storage(settings)
    try:
        secret = password or getpass.getpass("Password: ")
        user = create_user(email, secret, name)
        console.print(f"created user {user.email} ({user.id})")
    except CloudCatError as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from exc
    finally:
        storage.close()


def _open_services() -> tuple[Services, Callable[[], None]]:
    settings = _settings()
    storage = _storage(settings)
    return build_services(settings, storage.db), storage.close


app.command("sync")(sync_command(_open_services, console))
app.add_typer(operator_commands(_open_services, console), name="operator")
app.add_typer(search_commands(_open_services, console), name="search")
app.add_typer(site_commands(_open_services, console), name="site")


@plugins_app.command("list")
def plugins_list() -> None:
    """List installed plugins, and those refused with the reason."""
    plugins = create_plugin_manager()
    table = Table("name", "kind", "version", "package", "distribution", "title")
    for name, installed in sorted(plugins.providers.items()):
        cls = installed.cls
        table.add_row(
            name, cls.kind.value, cls.version, installed.plugin, installed.distribution, cls.title
        )
    console.print(table)
    for name, reason in sorted(plugins.refused.items()):
        console.print(f"[red]refused[/] {name}: {reason}")


@schema_app.command("export")
def schema_export(
    out: Annotated[Path, typer.Option(help="Folder for the SDL files.")] = SDL_FOLDER,
) -> None:
    """Write the admin and storefront SDL files (for typed client generation)."""
    from cloudcat.schema.build import export_sdl

    settings = Settings(environment="development", secret_key="x" * 32)
    for path in export_sdl(settings, create_plugin_manager(), out):
        console.print(f"wrote {path}")


def main() -> None:
    app()
