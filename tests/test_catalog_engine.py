"""The sync engine against an in-process marketplace: full, incremental, reconcile, change
messages, failures, the ledger, owned content, bad data and shop isolation."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from typing import Any, ClassVar, cast

import pytest
from bson import Decimal128

from cloudcat.core.catalog.editing import OwnedChanges, update_owned_content
from cloudcat.core.catalog.engine import apply_changes, run_sync
from cloudcat.core.catalog.ledger import Ledger, SyncAlreadyRunning
from cloudcat.core.catalog.report import SyncFailed
from cloudcat.core.catalog.sync import run_source_sync, source_of
from cloudcat.core.documents import Shop, SourceSyncState, SyncRun
from cloudcat.core.errors import BadInput
from cloudcat.core.plugin_api import (
    CategoryRecord,
    Change,
    EntityKind,
    ShopInfo,
    VariantRecord,
    hookimpl,
)
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.secrets import SecretBox
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.tenancy import ShopPlugins
from tests.catalog_checks import catalog_writes, snapshot
from tests.catalog_sources import (
    EPOCH,
    MARKETS,
    Market,
    MarketPlugin,
    MarketSource,
    RejectedRecord,
    product,
    sample_order,
    sample_promotion,
)
from tests.conftest import TEST_SECRET_KEY, make_shop


class Watcher(MarketPlugin):
    """Registers the market source and observes catalog changes (so it is enabled in a shop
    with the `market` provider)."""

    changes: ClassVar[list[tuple[str, dict[str, Any]]]] = []

    @hookimpl
    def cloudcat_catalog_changed(self, shop: ShopInfo, change: dict[str, Any]) -> None:
        self.changes.append((shop.slug, change))


@pytest.fixture
def market() -> Iterator[Market]:
    MARKETS.clear()
    MARKETS["default"] = market = Market()
    market.categories["c1"] = CategoryRecord("c1", "茶叶 Tea", sort_order=1)
    market.put(product("P1", "龙井 Longjing", "19.90", variants=2, categories=["c1"]))
    market.put(product("P2", "Oolong", "8.00"))
    market.put(product("P3", "Pu'er", "120.00", variants=1))
    market.promotions["PR1"] = sample_promotion()
    market.orders["O1"] = sample_order("O1")
    Watcher.changes = []
    yield market
    MARKETS.clear()


@pytest.fixture
def shop_plugins(db: RawDatabase) -> ShopPlugins:
    plugins = create_plugin_manager(extra=[("market", Watcher())])
    return ShopPlugins(plugins, db, SecretBox(TEST_SECRET_KEY), "http://x")


def make_market_shop(slug: str, shop_plugins: ShopPlugins) -> Shop:
    """A new shop `slug` with the test market source enabled."""
    shop = make_shop(slug)
    shop_plugins.set_enabled(shop.id, "market", True)
    return shop


@pytest.fixture
def shop(db: RawDatabase, shop_plugins: ShopPlugins) -> Shop:
    return make_market_shop("tea-house", shop_plugins)


def sync(shop_plugins: ShopPlugins, shop: Shop, kind: str | None = None) -> Any:
    return run_source_sync(shop_plugins, shop, "market", kind=kind, checkpoint_interval=0)


def test_a_full_sync_stores_products_variants_categories_promotions_and_orders(
    db: RawDatabase, market: Market, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    report = sync(shop_plugins, shop)

    assert report.kind == "full" and report.status == "succeeded"
    assert report.products.created_ids == ["P1", "P2", "P3"]
    assert {k: e.created for k, e in report.entities.items()} == {
        "category": 1,
        "product": 3,
        "promotion": 1,
        "order": 1,
    }
    p1 = snapshot(db, shop.id)["P1"]
    assert p1["price"] == Decimal128("19.90") and p1["currency"] == "CNY"
    assert (p1["price_min"], p1["price_max"]) == (Decimal128("19.90"), Decimal128("20.90"))
    assert p1["options"] == [
        {"name": "颜色", "values": ["红色", "蓝色"]},
        {"name": "尺码", "values": ["M"]},
    ]
    assert p1["variants"][1]["options"] == [
        {"name": "颜色", "value": "蓝色"},
        {"name": "尺码", "value": "M"},
    ]
    assert p1["variants"][1]["price"] == Decimal128("20.90") and p1["stock"] == 11
    assert p1["category_ids"] == ["c1"] and p1["url"] == "https://item.example/P1"
    assert p1["owned"] == {"published": True, "sort_order": 0} and p1["revision"] == 1
    assert snapshot(db, shop.id, "categories")["c1"]["name"] == "茶叶 Tea"
    promotion = snapshot(db, shop.id, "promotions")["PR1"]
    assert promotion["items"][0]["variant_prices"] == [
        {"variant_id": "P1-0", "price": Decimal128("14.00")}
    ]
    order = snapshot(db, shop.id, "orders")["O1"]
    assert order["buyer"]["name"] == "tb_buyer" and order["lines"][1]["total"] == Decimal128(
        "19.90"
    )
    run = SyncRun.objects(shop_id=shop.id).get()
    assert run.kind == "full" and run.status == "succeeded" and run.counts["product"].created == 3
    state = SourceSyncState.objects(shop_id=shop.id, source="market").get()
    assert state.last_full_at == run.started_at and state.watermarks["product"] == run.started_at
    assert state.last_error is None and not state.lock


def test_a_resync_of_an_unchanged_catalog_writes_nothing(
    db: RawDatabase, market: Market, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    sync(shop_plugins, shop)
    before = {name: snapshot(db, shop.id, name) for name in ("products", "orders", "promotions")}
    writes = catalog_writes(db)

    full = sync(shop_plugins, shop, "full")
    planned = sync(shop_plugins, shop)

    assert catalog_writes(db) == writes  # the server counted no insert, update or remove
    assert {name: snapshot(db, shop.id, name) for name in before} == before
    assert full.products.unchanged == 3 and not full.changed
    assert planned.kind == "incremental" and not planned.changed
    assert [run.kind for run in SyncRun.objects(shop_id=shop.id).order_by("started_at")] == [
        "full",
        "full",
        "incremental",
    ]


def test_an_incremental_sync_reads_what_changed_since_the_watermark(
    db: RawDatabase,
    market: Market,
    shop_plugins: ShopPlugins,
    shop: Shop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(MarketSource, "incremental_overlap", timedelta(0))
    sync(shop_plugins, shop)
    first = SyncRun.objects(shop_id=shop.id).get()
    market.put(replace(market.products["P2"], price=Decimal("9.50")))
    market.calls.clear()

    report = sync(shop_plugins, shop)

    assert f"products since={first.started_at} checkpoint=None" in market.calls
    assert report.kind == "incremental" and report.products.updated_ids == ["P2"]
    assert report.products.read == 1  # only P2 was modified after the watermark
    products = snapshot(db, shop.id)
    assert products["P2"]["price"] == Decimal128("9.50") and products["P2"]["revision"] == 2
    assert products["P1"]["revision"] == 1


def test_owned_content_survives_every_sync(
    db: RawDatabase, market: Market, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    sync(shop_plugins, shop)
    p1 = snapshot(db, shop.id)["P1"]
    update_owned_content(
        shop.id,
        str(p1["_id"]),
        OwnedChanges(title="我的龙井", seo_title="Best Longjing", published=False, sort_order=3),
    )
    market.put(replace(market.products["P1"], title="龙井 2024", price=Decimal("21.00")))

    sync(shop_plugins, shop)
    sync(shop_plugins, shop, "full")

    stored = snapshot(db, shop.id)["P1"]
    assert stored["title"] == "龙井 2024" and stored["price"] == Decimal128("21.00")
    assert stored["owned"]["title"] == "我的龙井" and stored["owned"]["published"] is False
    assert stored["owned"]["seo_title"] == "Best Longjing" and stored["owned"]["sort_order"] == 3
    with pytest.raises(BadInput):
        update_owned_content(shop.id, str(p1["_id"]), OwnedChanges(seo_title="x" * 201))


def test_a_full_sync_delists_what_the_marketplace_no_longer_lists(
    db: RawDatabase, market: Market, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    sync(shop_plugins, shop)
    del market.products["P3"]
    market.promotions.clear()

    report = sync(shop_plugins, shop, "full")

    assert report.products.removed_ids == ["P3"]
    assert snapshot(db, shop.id)["P3"]["status"] == "delisted"
    assert "the source listed no readable promotions" in report.warnings[0]
    assert snapshot(db, shop.id, "promotions")["PR1"]["status"] == "active"  # kept, with a warning
    market.put(product("P3", "Pu'er", "120.00", variants=1))
    relisted = sync(shop_plugins, shop, "reconcile")
    assert relisted.kind == "reconcile" and relisted.products.updated_ids == ["P3"]
    assert snapshot(db, shop.id)["P3"]["status"] == "active"


def test_change_messages_are_applied_once_in_order_and_confirmed(
    db: RawDatabase, market: Market, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    sync(shop_plugins, shop)
    newer = market.put(replace(market.products["P1"], title="新龙井"), message=True)
    market.messages.append(replace(market.messages[0], id="dup"))  # a duplicate message
    stale = Change(
        "old", EntityKind.PRODUCT, "P1", record=replace(newer, title="旧", modified_at=EPOCH)
    )
    market.messages.append(stale)  # an older state arriving late
    del market.products["P2"]
    market.messages.append(Change("gone", EntityKind.PRODUCT, "P2", modified_at=market.tick()))
    market.messages.append(
        Change("bad", EntityKind.PRODUCT, "P9", record=RejectedRecord("P9", "content is not JSON"))
    )

    report = sync(shop_plugins, shop)

    assert market.messages == []  # every message was confirmed
    products = snapshot(db, shop.id)
    assert products["P1"]["title"] == "新龙井" and products["P1"]["revision"] == 2
    assert products["P2"]["status"] == "deleted"
    assert report.products.updated_ids == ["P1"] and report.products.removed_ids == ["P2"]
    assert [(i.reference, i.reason) for i in report.issues] == [("P9", "content is not JSON")]
    assert any(call.startswith("fetch product P1") for call in market.calls)


def test_explicit_deletes_win_over_older_updates_and_lose_to_newer_ones(
    db: RawDatabase, market: Market, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    sync(shop_plugins, shop)
    source = source_of(shop_plugins, shop, "market")
    listed_at = market.products["P1"].modified_at
    assert listed_at is not None
    deleted_at = listed_at + timedelta(days=1)
    late = product("P1", "Late", "1.00", modified=deleted_at - timedelta(hours=1))

    apply_changes(
        shop, source, [Change("d", EntityKind.PRODUCT, "P1", "delete", modified_at=deleted_at)]
    )
    apply_changes(shop, source, [Change("u", EntityKind.PRODUCT, "P1", record=late)])
    assert snapshot(db, shop.id)["P1"]["status"] == "deleted"
    assert snapshot(db, shop.id)["P1"]["title"] == "龙井 Longjing"

    again = apply_changes(
        shop, source, [Change("d", EntityKind.PRODUCT, "P1", "delete", modified_at=deleted_at)]
    )
    assert not again.changed  # a duplicate delete changes nothing

    revived = product("P1", "Back", "2.00", modified=deleted_at + timedelta(hours=1))
    apply_changes(shop, source, [Change("r", EntityKind.PRODUCT, "P1", record=revived)])
    assert snapshot(db, shop.id)["P1"]["status"] == "active"
    assert snapshot(db, shop.id)["P1"]["title"] == "Back"


def test_bad_records_fail_alone_and_never_touch_stored_data(
    db: RawDatabase, market: Market, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    sync(shop_plugins, shop)
    stored_p2 = snapshot(db, shop.id)["P2"]
    market.products["P2"] = replace(market.products["P2"], price=Decimal("1.234"))
    market.extra_items = [
        replace(product("B1", "x", "1.00"), title=""),
        replace(product("B2", "Float", "1.00"), price=cast(Decimal, 1.5)),  # as untyped code may
        replace(product("B3", "Money", "1.00"), currency="XYZ"),
        replace(product("B4", "Huge", "1.00"), title="长" * 10_000_000),
        RejectedRecord("B5", "item 5: the item is not valid JSON"),
        {"id": "B6", "title": "a dict"},
        replace(product("B7", "Variant", "1.00"), variants=[VariantRecord("B7-1", Decimal("-2"))]),
        replace(product("B8", "Stock", "1.00"), stock=-1),
        product("P1", "Twice", "1.00"),
        product("OK", "Fine", "3.00"),
    ]

    report = sync(shop_plugins, shop, "full")

    reasons = {issue.reference: issue.reason for issue in report.issues}
    assert reasons == {
        "P2": "price 1.234 has more than two decimals",
        "B1": "missing title",
        "B2": "price must be a Decimal, not float",
        "B3": "unknown currency 'XYZ'",
        "B4": "title is longer than 500 characters",
        "B5": "item 5: the item is not valid JSON",
        "a dict": "expected a ProductRecord, not dict",
        "B7": "variant B7-1: price -2 is not a non-negative amount",
        "B8": "stock -1 is out of range",
        "P1": "duplicate id 'P1'",
    }
    assert report.products.created_ids == ["OK"] and report.products.removed_ids == []
    products = snapshot(db, shop.id)
    assert products["P2"] == stored_p2  # kept exactly as it was, and not delisted
    assert set(products) == {"P1", "P2", "P3", "OK"}
    assert (
        SyncRun.objects(shop_id=shop.id).order_by("-started_at").first().counts["product"].failed
        == 10
    )


def test_a_failing_source_keeps_what_was_stored_and_the_next_run_resumes(
    db: RawDatabase, market: Market, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    for n in range(4, 12):
        market.put(product(f"P{n}", f"Item {n}", "5.00"))
    market.page_size = 3
    market.crash_after_pages = 2

    with pytest.raises(SyncFailed, match="ConnectionResetError") as caught:
        sync(shop_plugins, shop)

    assert caught.value.report.products.created == 6 and caught.value.retryable
    state = SourceSyncState.objects(shop_id=shop.id, source="market").get()
    assert "the marketplace closed the connection" in state.last_error
    plugin = shop_plugins.state(shop.id, "market")
    assert plugin is not None and plugin.health == "error"
    market.crash_after_pages = None
    market.calls.clear()

    report = sync(shop_plugins, shop)

    assert report.resumed == 1 and report.kind == "full"
    assert "products since=None checkpoint=page:2" in market.calls
    assert set(snapshot(db, shop.id)) == set(market.products)
    assert SyncRun.objects(shop_id=shop.id).count() == 1  # the same run, resumed


def test_an_expired_authorization_asks_the_seller_to_reconnect(
    market: Market, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    market.auth_expired = True

    with pytest.raises(SyncFailed) as caught:
        sync(shop_plugins, shop)

    assert caught.value.code == "SOURCE_AUTH_EXPIRED" and caught.value.retryable is False
    state = SourceSyncState.objects(shop_id=shop.id, source="market").get()
    assert state.last_error == "the marketplace authorization expired: reconnect the shop"
    assert state.last_error_code == "SOURCE_AUTH_EXPIRED" and state.last_success_at is None


def test_a_rate_limit_stops_the_run_with_its_retry_after(
    db: RawDatabase, market: Market, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    market.page_size = 1
    market.rate_limited_after_pages = 2

    with pytest.raises(SyncFailed) as caught:
        sync(shop_plugins, shop)

    assert caught.value.retry_after == 7 and caught.value.code == "SOURCE_RATE_LIMITED"
    assert "the sync goes on in 7 seconds from where it stopped" in str(caught.value)
    assert set(snapshot(db, shop.id)) == {"P1", "P2"}


def test_one_run_at_a_time_per_shop_and_source(
    market: Market, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    holder = Ledger(shop_plugins.db, shop.id, "market")
    holder.acquire()
    try:
        with pytest.raises(SyncAlreadyRunning) as caught:
            sync(shop_plugins, shop)
        assert caught.value.retry_after is not None and 0 < caught.value.retry_after <= 60
    finally:
        holder.release()
    assert sync(shop_plugins, shop).status == "succeeded"


def test_a_reconciliation_pass_is_planned_once_the_last_full_sync_is_old(
    market: Market, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    sync(shop_plugins, shop)
    state = SourceSyncState.objects(shop_id=shop.id, source="market").get()
    state.update(set__last_full_at=state.last_full_at - timedelta(days=2))

    assert sync(shop_plugins, shop).kind == "reconcile"
    assert sync(shop_plugins, shop).kind == "incremental"


def test_a_sync_of_one_shop_never_touches_another(
    db: RawDatabase, market: Market, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    other = make_market_shop("coffee-bar", shop_plugins)
    sync(shop_plugins, other)
    theirs = snapshot(db, other.id)
    market.products.clear()
    market.put(product("P1", "Renamed", "1.00"))

    sync(shop_plugins, shop, "full")
    sync(shop_plugins, shop, "full")

    assert snapshot(db, other.id) == theirs
    assert set(snapshot(db, shop.id)) == {"P1"}
    with pytest.raises(BadInput, match="built for another shop"):
        run_sync(other, source_of(shop_plugins, shop, "market"))
    assert snapshot(db, other.id) == theirs


def test_observers_of_the_shop_hear_what_changed(
    market: Market, shop_plugins: ShopPlugins, shop: Shop
) -> None:
    report = sync(shop_plugins, shop)
    sync(shop_plugins, shop)  # unchanged: no news

    assert len(Watcher.changes) == 1
    slug, change = Watcher.changes[0]
    assert slug == "tea-house" and change["run_id"] == report.run_id
    assert change["created"] == ["P1", "P2", "P3"] and change["kind"] == "full"
    assert change["orders"] == {"created": ["O1"], "updated": [], "removed": []}
    assert change["categories"]["created"] == ["c1"]
