"""Catalog sync: a full sync of N products x 3 SKUs against the raw bulk upsert of the same
documents, and re-syncs of the unchanged catalog against the full sync.

Setup: an embedded in-memory SecantusDB server (a child process, 2 GB cache) with CloudCat's
indexes, and a
synthetic catalog (`bench.catalog_data`: 10,000 products x 3 SKUs by default, 2,000 with
``--quick``) read by a pluggable source (`SOURCES`, chosen with ``CLOUDCAT_BENCH_SOURCE``):

- ``market`` (default): an in-process marketplace source that pages through the products 200
  at a time with a checkpoint per page and honours ``since`` (as the Taobao source does with
  ``start_modified``), so the engine's own cost is what is measured;
- ``feed``: the built-in feed source plugin reading the catalog as a JSON feed (about 12 MB)
  served over loopback HTTP, parsing included;
- ``taobao``: the Taobao source plugin reading a seller of the loopback TOP fake
  (`tests.fakes.taobao`, served from a thread of this process): signed calls, item listings
  by modified time, item details with SKUs 20 per call, the shared call budget kept in the
  database (set far above what the run needs, so its bookkeeping is measured, not its waits),
  change messages; the products only (the baseline writes products), 10,000 items x 3 SKUs.

After an untimed warm-up round on 1,000 products, each round, interleaved (the order of the
first two alternates):

- **baseline**: the raw pymongo bulk upsert (``UpdateOne(key, {"$set": doc}, upsert=True)``,
  unordered batches of 500) of exactly the documents the sync stores, into the same
  ``products`` collection (same indexes) for a fresh shop id;
- **full sync**: `run_sync(kind="full")` of the source into a fresh shop: ledger, lock,
  checkpoints, validation, fingerprints, bulk writes, everything;
- **re-sync (planned)**: the same sync run again on the unchanged catalog, kind planned by
  the engine (incremental for a source that honours ``since``);
- **re-sync (full read)**: the same, forced to read the whole catalog again (``kind="full"``).

Results: ``catalog_full_sync`` (subject full sync, baseline raw upsert: the throughput ratio
is 1 / ratio; target >= 0.5) and ``catalog_resync`` / ``catalog_resync_full_read`` (subject
re-sync, baseline full sync: the ratio is the re-sync's fraction of the full sync; target
< 0.1). Times are per product.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar, Protocol

from bson import ObjectId
from pymongo import UpdateOne
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bench import catalog_data
from bench.harness import Result, RunConfig, Side
from bench.servers import serve_in_thread
from cloudcat.core.accounts import ShopFields, create_shop, create_user
from cloudcat.core.catalog.engine import run_sync
from cloudcat.core.catalog.entities import PRODUCTS
from cloudcat.core.catalog.records import identify, prepare
from cloudcat.core.documents import Product, Shop
from cloudcat.core.documents.base import utcnow
from cloudcat.core.oauth import OAuthFlows, TokenSet
from cloudcat.core.plugin_api import (
    Checkpoint,
    EntityKind,
    ExpectedTotal,
    MarketplaceSource,
    ProductRecord,
    ProductStream,
    ProviderContext,
    hookimpl,
)
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.secrets import SecretBox
from cloudcat.core.storage.database import RawDatabase, connect, ensure_indexes
from cloudcat.core.storage.embedded import EmbeddedDatabase
from cloudcat.core.tenancy import ShopPlugins, shop_info
from cloudcat.plugins.taobao.records import product_record
from tests.fakes.taobao import TaobaoFake

NAME = "catalog_sync"
SIZES = (2, 10_000)  # rounds, products
QUICK_SIZES = (2, 2_000)
WARM_UP = 1_000
"""Products of the untimed warm-up round."""
VARIANTS = 3
BATCH = 500
PAGE = 200
TAOBAO_SELLERS = 3_000_000_000
"""User ids of the fake Taobao sellers made per catalog size (plus the size)."""
CACHE_SIZE = "2G"
"""The in-memory server holds up to 40,000 products with their indexes at once."""


class BenchMarketSource(MarketplaceSource):
    """An in-process marketplace: pages of `PAGE` products, checkpoints, ``since``."""

    name = "bench_market"
    title = "Benchmark marketplace"
    capabilities: ClassVar[frozenset[str]] = frozenset({"products", "incremental"})
    catalog: ClassVar[list[ProductRecord]] = []

    def iter_products(
        self, *, since: datetime | None = None, checkpoint: str | None = None
    ) -> ProductStream:
        """Products modified at or after `since`, `PAGE` per page, a checkpoint per page."""
        chosen = [
            p
            for p in self.catalog
            if since is None or p.modified_at is None or p.modified_at >= since
        ]
        yield ExpectedTotal(len(chosen))
        start = int(checkpoint) if checkpoint else 0
        for page in range(start, (len(chosen) + PAGE - 1) // PAGE):
            yield from chosen[page * PAGE : (page + 1) * PAGE]
            yield Checkpoint(str(page + 1))


class BenchPlugin:
    """Registers `BenchMarketSource`."""

    @hookimpl
    def cloudcat_marketplace_sources(self) -> list[type[MarketplaceSource]]:
        return [BenchMarketSource]


class CatalogSource(Protocol):
    """A pluggable benchmark source: builds the source of a shop from the catalog."""

    label: str

    def catalog(self, size: int) -> list[ProductRecord]:
        """Read a catalog of `size` products from now on; the records a sync of it yields."""
        ...

    def make(self, shop: Shop) -> MarketplaceSource: ...


class MarketBench:
    """The in-process `BenchMarketSource`."""

    label = "in-process marketplace source (pages of 200, since)"

    def __init__(self, shop_plugins: ShopPlugins, records: list[ProductRecord]) -> None:
        BenchMarketSource.catalog = records
        self.records = records
        self.shop_plugins = shop_plugins

    def catalog(self, size: int) -> list[ProductRecord]:
        """The first `size` synthetic products."""
        BenchMarketSource.catalog = self.records[:size]
        return BenchMarketSource.catalog

    def make(self, shop: Shop) -> MarketplaceSource:
        context = ProviderContext(shop_info(shop), BenchMarketSource.config_model(), *self._db())
        return BenchMarketSource(context)

    def _db(self) -> tuple[RawDatabase, str]:
        return self.shop_plugins.db, "http://bench"


class FeedBench:
    """The feed source plugin over a loopback JSON feed of the current catalog's size."""

    label = "feed source plugin over loopback HTTP (JSON)"

    def __init__(
        self, shop_plugins: ShopPlugins, base_url: str, records: list[ProductRecord]
    ) -> None:
        self.shop_plugins = shop_plugins
        self.base_url = base_url
        self.records = records

    def catalog(self, size: int) -> list[ProductRecord]:
        """The first `size` synthetic products (the feed serves as many)."""
        BenchMarketSource.catalog = self.records[:size]
        return BenchMarketSource.catalog

    def make(self, shop: Shop) -> MarketplaceSource:
        url = f"{self.base_url}/feed.json?n={len(BenchMarketSource.catalog)}"
        self.shop_plugins.configure(shop.id, "feed", {"url": url, "format": "json"})
        self.shop_plugins.set_enabled(shop.id, "feed", True)
        source = self.shop_plugins.provider(shop, "feed")
        assert isinstance(source, MarketplaceSource)
        return source


class TaobaoBench:
    """The Taobao source plugin over the loopback TOP fake, one fake seller per size."""

    label = "Taobao source plugin over the loopback TOP fake (products only)"
    capabilities = frozenset({"products", "incremental", "change_messages"})

    def __init__(self, shop_plugins: ShopPlugins, fake: TaobaoFake) -> None:
        self.shop_plugins = shop_plugins
        self.fake = fake
        self.sellers: dict[int, int] = {len(fake.seller.items): fake.seller.user_id}
        self.user_id = fake.seller.user_id

    def catalog(self, size: int) -> list[ProductRecord]:
        """A seller with `size` items x 3 SKUs (made once); their items as product records,
        exactly as the source reads them."""
        if size not in self.sellers:
            user_id = TAOBAO_SELLERS + size
            self.fake.add_seller(user_id, f"bench-{size}", items=size, skus=VARIANTS, trades=0)
            self.sellers[size] = user_id
        self.user_id = self.sellers[size]
        return [product_record(item) for item in self.fake.sellers[self.user_id].items.values()]

    def make(self, shop: Shop) -> MarketplaceSource:
        """The shop's Taobao source, connected to the chosen seller through the fake."""
        fake = self.fake
        config = {
            "app_key": fake.app_key,
            "gateway_url": fake.gateway_url,
            "oauth_url": fake.oauth_url,
            "calls_per_second": 10_000,
            "burst": 100,
        }
        self.shop_plugins.configure(shop.id, "taobao", config, {"app_secret": fake.app_secret})
        self.shop_plugins.set_enabled(shop.id, "taobao", True)
        seller = fake.sellers[self.user_id]
        OAuthFlows(self.shop_plugins).store(
            shop.id,
            "taobao",
            TokenSet(
                access_token=fake.issue_session(user_id=seller.user_id),
                expires_at=utcnow() + timedelta(days=1),
                account_id=str(seller.user_id),
                account_name=seller.nick,
            ),
        )
        source = self.shop_plugins.provider(shop, "taobao")
        assert isinstance(source, MarketplaceSource)
        source.capabilities = self.capabilities  # the baseline writes products only
        return source


def _feed_app() -> Starlette:
    """Serves ``/feed.json?n=N``: the first N products of the synthetic catalog as a feed."""
    bodies: dict[int, bytes] = {}

    async def feed(request: Request) -> Response:
        size = int(request.query_params.get("n", "0"))
        if size not in bodies:
            rows = catalog_data.feed_rows(size, VARIANTS)
            bodies[size] = json.dumps({"products": rows}, ensure_ascii=False).encode()
        return Response(bodies[size], media_type="application/json")

    return Starlette(routes=[Route("/feed.json", feed)])


def stored_documents(records: Sequence[ProductRecord], shop_id: ObjectId, source: str) -> list[Any]:
    """Exactly the product documents a sync stores for `records` (built outside the timing)."""
    now = utcnow()
    operations = []
    for record in records:
        found = identify(EntityKind.PRODUCT, record)
        prepared = prepare(EntityKind.PRODUCT, record)
        key = {"shop_id": shop_id, "source": source, "external_id": found.external_id}
        document = {
            **key,
            **prepared.fields,
            "content_hash": found.fingerprint,
            "status": prepared.status,
            "source_modified_at": found.modified_at,
            "updated_at": now,
            "created_at": now,
            "revision": 1,
            **dict(PRODUCTS.owned_defaults),
        }
        operations.append(UpdateOne(key, {"$set": document}, upsert=True))
    return operations


def _timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


@contextlib.contextmanager
def benchmarks(config: RunConfig) -> Iterator[list[Result]]:
    """Set up the database and the source, measure, and yield the three results."""
    rounds, count = config.sizes(SIZES, QUICK_SIZES)
    logging.getLogger("cloudcat").setLevel(logging.WARNING)
    choice = os.environ.get("CLOUDCAT_BENCH_SOURCE", "market")
    with EmbeddedDatabase(":memory:", cache_size=CACHE_SIZE) as server:
        db = connect(server.uri, "bench_catalog")
        ensure_indexes()
        plugins = create_plugin_manager(extra=[("bench_market", BenchPlugin())])
        shop_plugins = ShopPlugins(plugins, db, SecretBox("bench-" + "k" * 32), "http://bench")
        owner = create_user("bench@example.com", "correct horse battery")
        records = catalog_data.records(count, VARIANTS)
        with contextlib.ExitStack() as stack:
            source: CatalogSource
            if choice == "feed":
                base = stack.enter_context(serve_in_thread(_feed_app(), name="bench-feed"))
                source = FeedBench(shop_plugins, base, records)
            elif choice == "taobao":
                fake = TaobaoFake(
                    items=count,
                    skus=VARIANTS,
                    trades=0,
                    base_time=datetime.now(UTC) - timedelta(hours=1),
                )
                source = TaobaoBench(shop_plugins, stack.enter_context(fake))
            else:
                source = MarketBench(shop_plugins, records)
            yield measure(db, owner, source, records, rounds, count)


def measure(
    db: RawDatabase,
    owner: Any,
    source: CatalogSource,
    records: list[ProductRecord],
    rounds: int,
    count: int,
) -> list[Result]:
    """An untimed warm-up round, then interleaved timed rounds of baseline, full sync and
    re-syncs; the results per product."""
    source.catalog(min(count, WARM_UP))
    name = source.make(create_shop(owner, "bench-probe", ShopFields(name="probe"))).name
    samples: dict[str, list[float]] = {"baseline": [], "full": [], "planned": [], "reread": []}
    for index in range(rounds + 1):  # round 0 warms up on a smaller catalog and is not kept
        size = min(count, WARM_UP) if index == 0 else count
        times = _round(db, owner, source, source.catalog(size), name, index)
        if index:
            for key, seconds in times.items():
                samples[key].append(seconds / size)
    source.catalog(count)
    label = f"{count:,} products x {VARIANTS} SKUs, {source.label}"
    full_side = Side("full sync (run_sync kind=full)", samples["full"])
    return [
        _result(
            "catalog_full_sync",
            label,
            Side("raw pymongo bulk upsert of the same documents", samples["baseline"]),
            full_side,
        ),
        _result(
            "catalog_resync",
            label,
            full_side,
            Side("re-sync of the unchanged catalog (planned kind)", samples["planned"]),
        ),
        _result(
            "catalog_resync_full_read",
            label,
            full_side,
            Side("re-sync of the unchanged catalog (kind=full)", samples["reread"]),
        ),
    ]


def _round(
    db: RawDatabase,
    owner: Any,
    source: CatalogSource,
    records: list[ProductRecord],
    name: str,
    index: int,
) -> dict[str, float]:
    """One round: baseline and full sync (order alternating), then the two re-syncs."""
    products = db[Product._get_collection_name()]
    count = len(records)
    shop = create_shop(owner, f"bench-{index}", ShopFields(name=f"Bench {index}"))
    baseline_shop = ObjectId()
    operations = stored_documents(records, baseline_shop, name)

    def baseline() -> None:
        for start in range(0, len(operations), BATCH):
            products.bulk_write(operations[start : start + BATCH], ordered=False)

    def full() -> None:
        report = run_sync(shop, source.make(shop), kind="full")
        assert report.products.created == count, report.summary()

    first, second = (baseline, full) if index % 2 == 0 else (full, baseline)
    times = {first.__name__: _timed(first), second.__name__: _timed(second)}
    written = products.count_documents({"shop_id": shop.id, "revision": 1})
    times["planned"] = _timed(lambda: _resync(source, shop, None))
    times["reread"] = _timed(lambda: _resync(source, shop, "full"))
    assert products.count_documents({"shop_id": shop.id, "revision": 1}) == written == count
    products.delete_many({"shop_id": {"$in": [shop.id, baseline_shop]}})
    return times


def _resync(source: CatalogSource, shop: Shop, kind: str | None) -> None:
    report = run_sync(shop, source.make(shop), kind=kind)
    products = report.products
    assert products.created == products.updated == products.removed == 0, report.summary()


def _result(name: str, description: str, baseline: Side, subject: Side) -> Result:
    return Result(
        name=name,
        description=description,
        unit="product",
        rounds=len(subject.samples),
        iterations=1,
        baseline=baseline,
        subject=subject,
        paired_ratios=[s / b for s, b in zip(subject.samples, baseline.samples, strict=True)],
    )


def describe(results: Sequence[Result]) -> list[str]:
    """The two figures the targets are about, in words."""
    full, planned, reread = results
    throughput = full.baseline.median / full.subject.median
    return [
        f"full sync throughput = {throughput:.2f} x the raw bulk upsert's (target >= 0.5)",
        f"re-sync (planned) = {planned.ratio:.3f} of the full sync's time (target < 0.1)",
        f"re-sync (full read) = {reread.ratio:.3f} of the full sync's time",
        f"median full sync {statistics.median(full.subject.samples) * 1e3:.3f} ms/product",
    ]
