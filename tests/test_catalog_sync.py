"""Catalog sync end to end: the feed plugin over a loopback feed host into the products store."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, ClassVar, cast

import pytest
from bson import Decimal128

from cloudcat.core.accounts import ShopFields, create_shop, create_user
from cloudcat.core.catalog.report import SyncFailed
from cloudcat.core.catalog.sync import content_hash, run_source_sync, sync_catalog
from cloudcat.core.documents import Product, Shop
from cloudcat.core.errors import BadInput, PluginFailure
from cloudcat.core.plugin_api import (
    ChannelPublisher,
    MarketplaceSource,
    OutgoingMessage,
    ProductRecord,
    PublishResult,
    RejectedRecord,
    ShopInfo,
    hookimpl,
)
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.secrets import SecretBox
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.tenancy import ShopPlugins
from tests.conftest import TEST_SECRET_KEY
from tests.fakes.feed import FeedServer

ROWS: list[dict[str, Any]] = [
    {"id": "P1", "title": "Longjing", "price": "19.90", "image": "https://img/1.jpg"},
    {"id": "P2", "title": "Oolong", "price": 8},
    {"id": "P3", "title": "Pu'er", "price": "120.00", "currency": "HKD"},
]


class Flaky(MarketplaceSource):
    """A source that reads two products and then loses its connection."""

    name = "flaky"
    title = "Flaky source"

    def iter_products(self) -> Iterator[ProductRecord | RejectedRecord]:
        yield ProductRecord("F1", "First", Decimal("1.00"), "CNY")
        yield ProductRecord("F2", "Second", Decimal("2.00"), "CNY")
        raise ConnectionResetError("peer went away")


class Careless(MarketplaceSource):
    """A source that hands over a float price, an overlong id and a bad status."""

    name = "careless"
    title = "Careless source"

    def iter_products(self) -> Iterator[ProductRecord | RejectedRecord]:
        yield ProductRecord("C1", "Float", cast(Decimal, 1.5), "CNY")
        yield ProductRecord("C2", "Lower", Decimal("1"), "cny")
        yield ProductRecord("C3", "Weird", Decimal("1"), "CNY", status="gone")
        yield ProductRecord("C4", "Fine", Decimal("1"), "CNY")
        yield ProductRecord("C4", "Twice", Decimal("1"), "CNY")


class Notebook(ChannelPublisher):
    name = "notebook"
    title = "Notebook"

    def publish(self, message: OutgoingMessage) -> PublishResult:
        return PublishResult(external_id=message.id)


class Watcher:
    """A test plugin: two sources and an observer of catalog changes."""

    changes: ClassVar[list[tuple[str, dict[str, Any]]]] = []

    @hookimpl
    def cloudcat_marketplace_sources(self) -> list[type[MarketplaceSource]]:
        return [Flaky, Careless]

    @hookimpl
    def cloudcat_channel_publishers(self) -> list[type[ChannelPublisher]]:
        return [Notebook]

    @hookimpl
    def cloudcat_catalog_changed(self, shop: ShopInfo, change: dict[str, Any]) -> None:
        self.changes.append((shop.slug, change))


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    with FeedServer() as server:
        yield server


@pytest.fixture
def watcher() -> Iterator[Watcher]:
    Watcher.changes = []
    yield Watcher()
    Watcher.changes = []


@pytest.fixture
def shop_plugins(db: RawDatabase, watcher: Watcher) -> ShopPlugins:
    plugins = create_plugin_manager(extra=[("watcher", watcher)])
    assert plugins.refused == {}
    return ShopPlugins(plugins, db, SecretBox(TEST_SECRET_KEY), "http://x")


def make_shop(slug: str) -> Shop:
    owner = create_user(f"{slug}@example.com", "correct horse battery")
    return create_shop(owner, slug, ShopFields(name=slug.title(), currency="CNY"))


@pytest.fixture
def shop(db: RawDatabase) -> Shop:
    return make_shop("tea-house")


def feed_source(shop_plugins: ShopPlugins, shop: Shop, url: str) -> MarketplaceSource:
    shop_plugins.configure(shop.id, "feed", {"url": url})
    shop_plugins.set_enabled(shop.id, "feed", True)
    source = shop_plugins.provider(shop, "feed")
    assert isinstance(source, MarketplaceSource)
    return source


def stored(db: RawDatabase, shop: Shop) -> dict[str, dict[str, Any]]:
    docs = db["products"].find({"shop_id": shop.id}, {"_id": 0})
    return {doc["external_id"]: doc for doc in docs}


def test_full_sync_creates_products_readable_as_documents(
    db: RawDatabase, feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    url = feed_server.serve_json("/feed.json", ROWS)
    calls: list[tuple[int, int | None, str]] = []

    report = sync_catalog(
        shop,
        feed_source(shop_plugins, shop, url),
        progress=lambda done, total, message: calls.append((done, total, message)),
    )

    assert (report.created, report.updated, report.unchanged, report.removed) == (3, 0, 0, 0)
    assert report.failed == 0 and report.created_ids == ["P1", "P2", "P3"]
    assert calls[0] == (0, None, "reading feed")
    assert calls[-1] == (3, 3, report.summary())
    products = {p.external_id: p for p in Product.objects(shop_id=shop.id)}
    assert products["P1"].price == Decimal("19.90") and products["P1"].currency == "CNY"
    assert products["P1"].image_urls == ["https://img/1.jpg"]
    assert products["P3"].currency == "HKD" and products["P3"].status == "active"
    assert products["P2"].source == "feed" and products["P2"].created_at is not None
    assert all(content_hash(doc) for doc in stored(db, shop).values())


def test_resync_of_an_unchanged_feed_writes_nothing(
    db: RawDatabase, feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    url = feed_server.serve_json("/feed.json", ROWS)
    source = feed_source(shop_plugins, shop, url)
    sync_catalog(shop, source)
    before = stored(db, shop)

    report = sync_catalog(shop, source)

    assert (report.created, report.updated, report.unchanged, report.removed) == (0, 0, 3, 0)
    assert report.changed_ids == []
    assert stored(db, shop) == before  # not even updated_at moved

    changed = [{**ROWS[0], "price": "18.00"}, *ROWS[1:]]
    feed_server.serve_json("/feed.json", changed)
    report = sync_catalog(shop, source)
    assert (report.updated, report.unchanged, report.updated_ids) == (1, 2, ["P1"])
    after = stored(db, shop)
    assert after["P1"]["price"].to_decimal() == Decimal("18.00")
    assert after["P1"]["created_at"] == before["P1"]["created_at"]
    assert after["P2"] == before["P2"]


def test_a_removed_row_is_delisted_and_comes_back_when_relisted(
    db: RawDatabase, feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    url = feed_server.serve_json("/feed.json", ROWS)
    source = feed_source(shop_plugins, shop, url)
    sync_catalog(shop, source)

    feed_server.serve_json("/feed.json", ROWS[:2])
    report = sync_catalog(shop, source)

    assert (report.removed, report.removed_ids, report.unchanged) == (1, ["P3"], 2)
    assert stored(db, shop)["P3"]["status"] == "delisted"
    assert sync_catalog(shop, source).removed == 0  # already delisted: nothing more to do

    feed_server.serve_json("/feed.json", ROWS)
    report = sync_catalog(shop, source)
    assert (report.updated_ids, report.unchanged) == (["P3"], 2)
    assert stored(db, shop)["P3"]["status"] == "active"


def test_sync_never_touches_another_shops_products(
    db: RawDatabase, feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    other = make_shop("coffee-bar")
    sync_catalog(other, feed_source(shop_plugins, other, feed_server.serve_json("/b", ROWS)))
    theirs = stored(db, other)
    url = feed_server.serve_json("/a", [{**ROWS[0], "title": "Renamed"}])
    source = feed_source(shop_plugins, shop, url)

    sync_catalog(shop, source)  # creates P1 in shop A only
    feed_server.serve_json("/a", [])
    report = sync_catalog(shop, source)  # nothing readable in A's feed: nothing delisted

    assert report.removed == 0 and "were kept as they are" in report.warnings[0]
    assert stored(db, other) == theirs
    assert set(stored(db, shop)) == {"P1"}
    with pytest.raises(BadInput, match="built for another shop"):
        sync_catalog(other, source)
    assert stored(db, other) == theirs


def test_a_bad_row_fails_only_itself_and_keeps_its_stored_product(
    db: RawDatabase, feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    url = feed_server.serve_json("/feed.json", ROWS)
    source = feed_source(shop_plugins, shop, url)
    sync_catalog(shop, source)

    rows = [{**ROWS[0], "price": "about 20"}, ROWS[1], {"id": "P4", "title": "New", "price": 3}]
    feed_server.serve_json("/feed.json", rows)
    report = sync_catalog(shop, source)

    assert report.failed == 1
    assert report.rejections == [RejectedRecord("P1", "item 1: malformed price 'about 20'")]
    assert (report.created_ids, report.unchanged, report.removed_ids) == (["P4"], 1, ["P3"])
    products = stored(db, shop)
    assert products["P1"]["status"] == "active"  # unreadable this time, kept as it was
    assert products["P1"]["price"].to_decimal() == Decimal("19.90")


def test_source_records_are_validated_before_storing(
    db: RawDatabase, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    shop_plugins.set_enabled(shop.id, "careless", True)

    report = run_source_sync(shop_plugins, shop, "careless")

    assert report.created_ids == ["C4"]
    assert [(r.reference, r.reason) for r in report.rejections] == [
        ("C1", "price must be a Decimal, not float"),
        ("C2", "currency 'cny' is not a three-letter code"),
        ("C3", "status 'gone' is not one of active, delisted"),
        ("C4", "duplicate external id 'C4'"),
    ]
    assert set(stored(db, shop)) == {"C4"}


def test_observers_of_the_shop_hear_about_changes(
    feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop, watcher: Watcher
) -> None:
    other = make_shop("coffee-bar")
    shop_plugins.set_enabled(shop.id, "notebook", True)  # the watcher plugin is on in A only
    url = feed_server.serve_json("/feed.json", ROWS)
    feed_source(shop_plugins, shop, url)
    feed_source(shop_plugins, other, url)

    run_source_sync(shop_plugins, shop, "feed")
    run_source_sync(shop_plugins, other, "feed")
    run_source_sync(shop_plugins, shop, "feed")  # unchanged: no news

    assert watcher.changes == [
        (
            "tea-house",
            {"source": "feed", "created": ["P1", "P2", "P3"], "updated": [], "removed": []},
        )
    ]
    state = shop_plugins.state(shop.id, "feed")
    assert state is not None and state.health == "ok"


def test_a_source_failing_part_way_keeps_what_it_read_and_delists_nothing(
    db: RawDatabase, shop_plugins: ShopPlugins, shop: Shop, watcher: Watcher
) -> None:
    db["products"].insert_one(
        {
            "shop_id": shop.id,
            "source": "flaky",
            "external_id": "OLD",
            "title": "Old",
            "price": Decimal128("1.00"),
            "currency": "CNY",
            "status": "active",
        }
    )
    shop_plugins.set_enabled(shop.id, "flaky", True)

    with pytest.raises(SyncFailed, match="ConnectionResetError: peer went away") as caught:
        run_source_sync(shop_plugins, shop, "flaky")

    assert isinstance(caught.value, PluginFailure)
    assert caught.value.report.created_ids == ["F1", "F2"]
    products = stored(db, shop)
    assert set(products) == {"OLD", "F1", "F2"} and products["OLD"]["status"] == "active"
    state = shop_plugins.state(shop.id, "flaky")
    assert state is not None and state.health == "error"
    assert "peer went away" in (state.last_error or "")
    assert watcher.changes == [
        ("tea-house", {"source": "flaky", "created": ["F1", "F2"], "updated": [], "removed": []})
    ]


def test_progress_is_reported_per_batch(
    feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    rows = [{"id": f"N{n}", "title": f"Item {n}", "price": n} for n in range(7)]
    url = feed_server.serve_json("/feed.json", rows)
    done: list[int] = []

    report = sync_catalog(
        shop,
        feed_source(shop_plugins, shop, url),
        progress=lambda count, total, message: done.append(count),
        batch_size=3,
    )

    assert report.created == 7
    assert done == [0, 3, 6, 7]
