"""Catalog sync end to end: the feed plugin over a loopback feed host into the catalog."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from bson import Decimal128

from cloudcat.core.catalog.engine import run_sync
from cloudcat.core.catalog.report import SyncFailed
from cloudcat.core.catalog.sync import run_source_sync
from cloudcat.core.documents import Product, Shop
from cloudcat.core.plugin_api import MarketplaceSource
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.tenancy import ShopPlugins
from cloudcat.plugins.feed import source as feed_module
from tests.catalog_checks import catalog_writes, snapshot
from tests.fakes.feed import FeedServer

ROWS: list[dict[str, Any]] = [
    {"id": "P1", "title": "Longjing", "price": "19.90", "image": "https://img/1.jpg"},
    {"id": "P2", "title": "Oolong", "price": 8},
    {"id": "P3", "title": "Pu'er", "price": "120.00", "currency": "HKD"},
]
RICH: dict[str, Any] = {
    "categories": [
        {"id": "tea", "name": "茶叶 Tea", "sort": 1},
        {"id": "green", "name": "绿茶 Green tea", "parent": "tea", "sort": 2},
        {"name": "no id"},
    ],
    "products": [
        {
            "id": "T1",
            "title": "西湖龙井 West Lake Longjing",
            "price": "88.00",
            "compare_at_price": "99.00",
            "categories": ["tea", "green"],
            "modified": "2024-05-01T10:00:00+08:00",
            "variants": [
                {"id": "T1-50", "price": "88.00", "options": {"规格": "50g"}, "stock": 7},
                {"id": "T1-100", "price": "158.00", "options": {"规格": "100g"}, "stock": 2},
            ],
        },
        {"id": "T2", "title": "Bad variant", "price": "1.00", "variants": [{"id": "x"}]},
    ],
    "promotions": [
        {
            "id": "618",
            "name": "618 大促",
            "starts_at": "2024-06-01T00:00:00+08:00",
            "ends_at": "2024-06-19T00:00:00+08:00",
            "items": [{"product": "T1", "price": "79.00", "variants": {"T1-100": "139.00"}}],
        },
        {"id": "shop-wide", "name": "满200减20", "level": "shop", "description": "满200减20"},
    ],
}


def feed_source(shop_plugins: ShopPlugins, shop: Shop, url: str) -> MarketplaceSource:
    shop_plugins.configure(shop.id, "feed", {"url": url})
    shop_plugins.set_enabled(shop.id, "feed", True)
    source = shop_plugins.provider(shop, "feed")
    assert isinstance(source, MarketplaceSource)
    return source


def test_a_feed_sync_creates_products_readable_as_documents(
    db: RawDatabase, feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    url = feed_server.serve_json("/feed.json", ROWS)
    calls: list[tuple[int, int | None, str]] = []
    feed_source(shop_plugins, shop, url)

    report = run_source_sync(shop_plugins, shop, "feed", progress=lambda *args: calls.append(args))

    assert report.products.created_ids == ["P1", "P2", "P3"] and report.failed == 0
    assert calls[0] == (0, None, "syncing feed (full)")
    assert calls[-1] == (3, 3, report.summary())
    products = {p.external_id: p for p in Product.objects(shop_id=shop.id)}
    assert products["P1"].price == Decimal("19.90") and products["P1"].currency == "CNY"
    assert products["P1"].image_urls == ["https://img/1.jpg"]
    assert products["P3"].currency == "HKD" and products["P3"].status == "active"
    assert products["P2"].owned.published and products["P2"].display_title == "Oolong"


def test_a_json_feed_carries_variants_categories_and_promotions(
    db: RawDatabase, feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    feed_source(shop_plugins, shop, feed_server.serve_json("/feed.json", RICH))

    report = run_source_sync(shop_plugins, shop, "feed")

    t1 = snapshot(db, shop.id)["T1"]
    assert [v["external_id"] for v in t1["variants"]] == ["T1-50", "T1-100"]
    assert t1["price_max"] == Decimal128("158.00") and t1["stock"] == 9
    assert t1["compare_at_price"] == Decimal128("99.00")
    assert t1["category_ids"] == ["tea", "green"]
    assert snapshot(db, shop.id, "categories")["green"]["parent_id"] == "tea"
    promotions = snapshot(db, shop.id, "promotions")
    assert promotions["618"]["items"][0]["price"] == Decimal128("79.00")
    assert promotions["shop-wide"]["level"] == "shop"
    assert {(i.entity, i.reference, i.reason) for i in report.issues} == {
        ("category", "categories item 3", "categories item 3: missing id"),
        ("product", "T2", "item 2: variant 1: missing price"),
    }


def test_a_resync_of_an_unchanged_feed_writes_nothing(
    db: RawDatabase, feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    feed_source(shop_plugins, shop, feed_server.serve_json("/feed.json", RICH))
    run_source_sync(shop_plugins, shop, "feed")
    before, writes = snapshot(db, shop.id), catalog_writes(db)

    report = run_source_sync(shop_plugins, shop, "feed")

    assert not report.changed and report.products.unchanged == 1
    assert catalog_writes(db) == writes and snapshot(db, shop.id) == before


def test_a_removed_row_is_delisted_and_comes_back_when_relisted(
    db: RawDatabase, feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    url = feed_server.serve_json("/feed.json", ROWS)
    feed_source(shop_plugins, shop, url)
    run_source_sync(shop_plugins, shop, "feed")

    feed_server.serve_json("/feed.json", ROWS[:2])
    report = run_source_sync(shop_plugins, shop, "feed")
    assert (report.products.removed_ids, report.products.unchanged) == (["P3"], 2)
    assert snapshot(db, shop.id)["P3"]["status"] == "delisted"

    feed_server.serve_json("/feed.json", ROWS)
    report = run_source_sync(shop_plugins, shop, "feed")
    assert report.products.updated_ids == ["P3"]
    assert snapshot(db, shop.id)["P3"]["status"] == "active"


def test_a_broken_feed_fails_the_run_and_changes_nothing(
    db: RawDatabase, feed_server: FeedServer, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    url = feed_server.serve_json("/feed.json", ROWS)
    feed_source(shop_plugins, shop, url)
    run_source_sync(shop_plugins, shop, "feed")
    before = snapshot(db, shop.id)

    feed_server.serve("/feed.json", '[{"id": "P1", "title": ', "application/json")
    with pytest.raises(SyncFailed, match="is not valid JSON"):
        run_source_sync(shop_plugins, shop, "feed")

    assert snapshot(db, shop.id) == before
    state = shop_plugins.state(shop.id, "feed")
    assert state is not None and state.health == "error"


def test_a_killed_feed_sync_resumes_after_its_checkpoint(
    db: RawDatabase,
    feed_server: FeedServer,
    shop_plugins: ShopPlugins,
    shop: Shop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(feed_module, "CHECKPOINT_EVERY", 2)
    rows = [{"id": f"N{n}", "title": f"Item {n}", "price": n} for n in range(7)]
    source = feed_source(shop_plugins, shop, feed_server.serve_json("/feed.json", rows))
    seen: list[str] = []

    def stop_after_four(done: int, total: int | None, message: str) -> None:
        seen.append(message)
        if done >= 4:
            raise KeyboardInterrupt  # like a Ctrl-C in `cloudcat sync`

    with pytest.raises(KeyboardInterrupt):
        run_sync(shop, source, progress=stop_after_four, checkpoint_interval=0)
    assert set(snapshot(db, shop.id)) == {"N0", "N1", "N2", "N3"}

    report = run_sync(shop, feed_source(shop_plugins, shop, feed_server.url("/feed.json")))

    assert report.resumed == 1
    assert (report.products.created, report.products.unchanged) == (7, 0)  # no row read twice
    assert sorted(report.products.created_ids) == [f"N{n}" for n in range(7)]
    assert set(snapshot(db, shop.id)) == {f"N{n}" for n in range(7)}
