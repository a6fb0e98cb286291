"""The Starlette application: `create_app(settings, services)` wires every route.

Routes: the admin GraphQL API at /graphql, the storefront API at /storefront/graphql, the event
collector at /collect, each shop's themed site at /s/{slug}/, shop images at
/media/{shop_id}/{key} (and their upload, POST /media/{shop_id}), the admin SPA at /admin, the
authorization callback at /oauth/{plugin}/callback, marketplace webhooks at
/webhooks/{source}/{shop_id}, plugin routes under /plugins/{plugin}/,
health at /healthz and /readyz, and Prometheus metrics at /metrics.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from typing import cast
from urllib.parse import urlsplit

from prometheus_client import CollectorRegistry
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cloudcat.core.auth import StorefrontKeyCache
from cloudcat.core.demo import demo_feed
from cloudcat.core.observability import RequestContextMiddleware, configure_logging, health_routes
from cloudcat.core.services import Services, build_services
from cloudcat.core.settings import Environment, Settings, load_settings
from cloudcat.core.storage.database import Storage, open_storage
from cloudcat.core.web.admin_ui import admin_ui_routes, default_dist
from cloudcat.core.web.collect import collect_endpoint
from cloudcat.core.web.cors import StorefrontCors
from cloudcat.core.web.graphql import (
    authenticate_admin,
    graphql_endpoint,
    storefront_authenticator,
)
from cloudcat.core.web.media import media_routes
from cloudcat.core.web.metrics_access import MetricsAccess
from cloudcat.core.web.oauth import oauth_routes
from cloudcat.core.web.ratelimit import RateLimiter
from cloudcat.core.web.security_headers import SecurityHeaders
from cloudcat.core.web.site import site_home
from cloudcat.core.web.source_webhooks import source_webhook_routes
from cloudcat.schema.build import build_admin_schema, build_storefront_schema


def _plugin_routes(services: Services) -> list[BaseRoute]:
    mounts: list[BaseRoute] = []
    for impl in services.plugins.hook.cloudcat_routes.get_hookimpls():
        routes = list(cast(Iterable[BaseRoute], impl.function() or []))
        if routes:
            mounts.append(Mount(f"/plugins/{impl.plugin_name}", routes=routes))
    return mounts


def create_app(settings: Settings, services: Services) -> Starlette:
    """The web app over already-connected `services` (tests build it this way)."""
    limiter = RateLimiter(
        settings.storefront_rate_limit_per_minute, settings.storefront_cost_per_minute
    )
    keys = StorefrontKeyCache(settings.storefront_key_cache_seconds)
    admin = graphql_endpoint(
        build_admin_schema(settings, services.plugins), services, authenticate_admin
    )
    storefront = graphql_endpoint(
        build_storefront_schema(settings, services.plugins),
        services,
        storefront_authenticator(limiter, keys),
    )
    registry = CollectorRegistry()
    routes: list[BaseRoute] = [
        Route("/graphql", admin, methods=["GET", "POST"]),
        Route("/storefront/graphql", storefront, methods=["GET", "POST"]),
        Route("/collect", collect_endpoint(services, limiter, keys), methods=["POST"]),
        Route("/s/{slug}/", site_home(services), methods=["GET"]),
        *media_routes(services),
        *health_routes(registry, ready_check=lambda: _db_ready(services)),
        *admin_ui_routes(settings.admin_ui_dist or default_dist()),
        *oauth_routes(services),
        *source_webhook_routes(services),
        *_plugin_routes(services),
    ]
    if settings.development:
        routes.append(Route("/_dev/demo-catalog.json", _demo_catalog(settings), methods=["GET"]))
    app = Starlette(
        debug=False,
        routes=routes,
        middleware=[
            Middleware(RequestContextMiddleware, registry=registry),
            Middleware(
                SecurityHeaders,
                development=settings.development,
                https=urlsplit(settings.public_url).scheme == "https",
            ),
            Middleware(
                MetricsAccess,
                token=settings.metrics_token,
                production=settings.environment == Environment.PRODUCTION,
            ),
            Middleware(StorefrontCors, keys=keys),
            Middleware(GZipMiddleware, minimum_size=1024),
        ],
    )
    app.state.services = services
    return app


def _demo_catalog(settings: Settings) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(_: Request) -> Response:
        body = await run_in_threadpool(demo_feed, settings.public_url)
        return Response(body, media_type="application/json")

    return endpoint


def _db_ready(services: Services) -> bool:
    services.db.command("ping")
    return True


def create_app_with_storage(settings: Settings) -> tuple[Starlette, Storage]:
    """Connect to the configured database (starting the embedded one if none) and build the
    app; the app's shutdown closes the storage."""
    storage = open_storage(settings)
    services = build_services(settings, storage.db)
    app = create_app(settings, services)

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        yield
        storage.close()

    app.router.lifespan_context = lifespan
    return app, storage


WORKER_HEADER = b"x-cloudcat-worker"
"""Outside production, each response of a `serve --workers N` process names the process id."""


class _WorkerHeader:
    """Adds `WORKER_HEADER` (this process's id) to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_named(message: Message) -> None:
            if message["type"] == "http.response.start":
                pid = str(os.getpid()).encode()
                message["headers"] = [*message.get("headers", []), (WORKER_HEADER, pid)]
            await send(message)

        await self.app(scope, receive, send_named)


def create_app_from_environment() -> Starlette:
    """The app of one `cloudcat serve --workers N` process (uvicorn's app factory).

    Settings come from the environment, where the parent process put the database's URI (it
    started the embedded database once, for all); each process opens its own connection.
    """
    settings = load_settings()
    configure_logging(json=settings.log_json, level="INFO")
    app, _ = create_app_with_storage(settings)
    if settings.environment != Environment.PRODUCTION:
        app.add_middleware(_WorkerHeader)
    return app
