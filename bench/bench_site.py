"""The shop's site: the demo home page (served from the rendered-page cache) against serving a
static file of the same size.

Setup: an embedded SecantusDB server, the real CloudCat app from `create_app` under uvicorn on
a loopback port, and the demo shop: the bundled demo catalog (240 products with SKUs,
categories and promotions) served over loopback HTTP and stored by a real sync through the
feed source, with the default theme enabled.

- **subject**: ``GET /s/demo/`` (keep-alive), after one warm-up request rendered it: the
  shop's site version is read (one `_id` lookup), the page comes from the cache, with ETag
  and Last-Modified, gzip-encoded once when cached (``site_home``); and the same asked for
  without compression (``site_home_identity``: the very bytes of the file); and from an app
  trusting the site version for half a second (``site_home_trusting``,
  ``CLOUDCAT_SITE_VERSION_CACHE_SECONDS=0.5``: no database read per request).
- **baseline**: ``GET /home.html`` on a second Starlette app under its own uvicorn server,
  serving the same bytes from a file with Starlette's `StaticFiles`.

The ratio printed as ``static/site`` is the site's requests/s over the static file's (target
at least 0.7).
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

import requests
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from bench.harness import Benchmark, Result, RunConfig
from bench.servers import production_backend, serve_in_thread
from cloudcat.core.accounts import ShopFields, create_shop, create_user
from cloudcat.core.app import create_app
from cloudcat.core.catalog.engine import run_sync
from cloudcat.core.demo import CATALOG_FILE
from cloudcat.core.http import configure_outgoing_http
from cloudcat.core.providers import MarketplaceSource
from cloudcat.core.services import build_services

NAME = "site_home"
SIZES = (21, 100)
QUICK_SIZES = (5, 20)
TIMEOUT = 10.0
IDENTITY = {"Accept-Encoding": "identity"}
TRUSTED_SECONDS = 0.5


def catalog_app(body: bytes) -> Starlette:
    """Serves the demo catalog at /catalog.json (what the feed source reads)."""

    async def catalog(_: object) -> Response:
        return Response(body, media_type="application/json")

    return Starlette(routes=[Route("/catalog.json", catalog)])


@contextlib.contextmanager
def benchmarks(config: RunConfig) -> Iterator[list[Benchmark]]:
    """Start the database and the servers, sync the demo shop, and yield the benchmark."""
    rounds, iterations = config.sizes(SIZES, QUICK_SIZES)
    logging.getLogger("cloudcat").setLevel(logging.WARNING)
    with contextlib.ExitStack() as stack:
        settings, db, port = production_backend(stack)
        services = build_services(settings, db)
        configure_outgoing_http(allow_private_networks=["127.0.0.0/8"])
        stack.callback(configure_outgoing_http)
        feed_url = stack.enter_context(
            serve_in_thread(catalog_app(CATALOG_FILE.read_bytes()), name="demo-feed")
        )
        shop = create_shop(
            create_user("bench@example.com", "bench-password-1"),
            "demo",
            ShopFields(name="云猫演示店 CloudCat Demo", currency="CNY", locale="zh-CN"),
        )
        plugins = services.shop_plugins
        plugins.configure(shop.id, "feed", {"url": f"{feed_url}/catalog.json", "format": "json"})
        plugins.configure(shop.id, "default_theme", {"headline": "欢迎光临 · Welcome"})
        for name in ("feed", "default_theme"):
            plugins.set_enabled(shop.id, name, True)
        source = plugins.provider(shop, "feed")
        assert isinstance(source, MarketplaceSource)
        run_sync(shop, source, checkpoint_interval=0)

        app = create_app(settings, services)
        site_url = stack.enter_context(serve_in_thread(app, port=port, name="cloudcat"))
        trusting = settings.model_copy(update={"site_version_cache_seconds": TRUSTED_SECONDS})
        trusting_app = create_app(trusting, build_services(trusting, db))
        trusting_url = stack.enter_context(serve_in_thread(trusting_app, name="cloudcat-trusting"))
        site = stack.enter_context(requests.Session())
        home_url = f"{site_url}/s/demo/"
        first = site.get(home_url, timeout=TIMEOUT)
        first.raise_for_status()
        products = json.loads(CATALOG_FILE.read_text())["products"]
        if products[0]["title"] not in first.text:
            raise RuntimeError("the demo home page does not show the demo products")

        static_dir = Path(settings.data_dir) / "static"
        static_dir.mkdir()
        (static_dir / "home.html").write_bytes(first.content)
        static_app = Starlette(routes=[Mount("/", StaticFiles(directory=static_dir))])
        static_url = stack.enter_context(serve_in_thread(static_app, name="static"))
        static = stack.enter_context(requests.Session())

        def subject() -> int:
            response = site.get(home_url, timeout=TIMEOUT)
            response.raise_for_status()
            return len(response.content)

        def subject_trusting() -> int:
            response = site.get(f"{trusting_url}/s/demo/", timeout=TIMEOUT)
            response.raise_for_status()
            return len(response.content)

        def subject_identity() -> int:
            response = site.get(home_url, timeout=TIMEOUT, headers=IDENTITY)
            response.raise_for_status()
            return len(response.content)

        def baseline() -> int:
            response = static.get(f"{static_url}/home.html", timeout=TIMEOUT)
            response.raise_for_status()
            return len(response.content)

        if subject() != baseline():
            raise RuntimeError("the static copy is not the size of the page")
        yield [
            Benchmark(
                name=NAME,
                description=(
                    f"the demo home page ({len(first.content) // 1024} KiB, 240 products synced) "
                    "from the rendered-page cache vs the same bytes as a static file"
                ),
                baseline=baseline,
                subject=subject,
                rounds=rounds,
                iterations=iterations,
                baseline_label="Starlette StaticFiles GET",
                subject_label="CloudCat site GET /s/demo/",
                unit="request",
            ),
            Benchmark(
                name=f"{NAME}_trusting",
                description=(
                    f"the same with CLOUDCAT_SITE_VERSION_CACHE_SECONDS={TRUSTED_SECONDS}: "
                    "no database read per request"
                ),
                baseline=baseline,
                subject=subject_trusting,
                rounds=rounds,
                iterations=iterations,
                baseline_label="Starlette StaticFiles GET",
                subject_label="CloudCat site GET /s/demo/ (version trusted)",
                unit="request",
            ),
            Benchmark(
                name=f"{NAME}_identity",
                description="the same, asked for without gzip (the very bytes of the file)",
                baseline=baseline,
                subject=subject_identity,
                rounds=rounds,
                iterations=iterations,
                baseline_label="Starlette StaticFiles GET",
                subject_label="CloudCat site GET /s/demo/ (identity)",
                unit="request",
            ),
        ]


def describe(results: Sequence[Result]) -> list[str]:
    """The figure the issue's target is about: the site's speed as a fraction of the file's."""
    lines = []
    for result in results:
        speed = 1 / result.ratio
        verdict = "meets" if speed >= 0.7 else "misses"
        lines.append(
            f"{result.name}: the cached home page is served at {speed:.2f}x the static file's "
            f"requests/s ({verdict} the 0.7x target)"
        )
    return lines
