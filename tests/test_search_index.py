"""The search index follows the catalog: syncs (full, incremental, delisting), webhooks' change
sets, the seller's own titles and hiding; incremental changes end where a rebuild does; one
shop's index never holds or loses another's products."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from cloudcat.core.catalog.editing import OwnedChanges, update_owned_content
from cloudcat.core.catalog.sync import run_source_sync
from cloudcat.core.documents import Product, Shop
from cloudcat.core.jobs.worker import Worker
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.search import (
    reindex_products,
    reindex_shop,
    remove_products,
    search_products,
)
from cloudcat.core.search.index import DOCS, FACETS, STATE, TERMS, WORDS
from cloudcat.core.search.jobs import SEARCH_REINDEX, enqueue_missing_indexes, reindex_handler
from cloudcat.core.secrets import SecretBox
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.tenancy import ShopPlugins
from tests.catalog_sources import MARKETS, Market, MarketPlugin, product
from tests.conftest import TEST_SECRET_KEY, make_shop


@pytest.fixture
def market() -> Iterator[Market]:
    MARKETS.clear()
    MARKETS["default"] = market = Market()
    market.put(product("P1", "西湖龙井 绿茶", "128.00", variants=2, categories=["tea"]))
    market.put(product("P2", "安溪铁观音", "88.00", categories=["tea"]))
    market.put(product("P3", "Ceramic Teapot", "220.00", categories=["ware"]))
    yield market
    MARKETS.clear()


@pytest.fixture
def shop_plugins(db: RawDatabase) -> ShopPlugins:
    plugins = create_plugin_manager(extra=[("market", MarketPlugin())])
    return ShopPlugins(plugins, db, SecretBox(TEST_SECRET_KEY), "http://x")


def _market_shop(slug: str, shop_plugins: ShopPlugins) -> Shop:
    shop = make_shop(slug)
    shop_plugins.set_enabled(shop.id, "market", True)
    return shop


def _sync(shop_plugins: ShopPlugins, shop: Shop, kind: str | None = None) -> None:
    run_source_sync(shop_plugins, shop, "market", kind=kind, checkpoint_interval=0)


def _titles(shop: Shop, text: str) -> list[str]:
    ids = search_products(shop.id, text).product_ids
    return [Product.objects.get(id=pid).display_title for pid in ids]


def _index_of(db: RawDatabase, shop: Shop) -> dict[str, object]:
    """The shop's index as comparable data (terms with postings, words, docs, facets)."""
    state = db[STATE].find_one({"_id": shop.id})
    assert state is not None
    key = {"shop_id": shop.id, "g": state["g"]}
    return {
        "count": state["count"],
        "terms": {d["t"]: (d["n"], d["p"]) for d in db[TERMS].find(key)},
        "words": sorted(d["w"] for d in db[WORDS].find(key)),
        "docs": {str(d["pid"]): sorted(d["terms"]) for d in db[DOCS].find(key)},
        "facets": {
            pid: item for d in db[FACETS].find(key) for pid, item in d.get("items", {}).items()
        },
    }


def test_syncs_keep_the_index_current(
    db: RawDatabase, market: Market, shop_plugins: ShopPlugins
) -> None:
    shop = _market_shop("tea-house", shop_plugins)
    _sync(shop_plugins, shop)
    assert _titles(shop, "longjing") == ["西湖龙井 绿茶"]
    assert _titles(shop, "teapot") == ["Ceramic Teapot"]
    market.put(replace(market.products["P3"], title="Porcelain Teapot", description="白瓷"))
    market.put(product("P4", "云南普洱", "199.00", categories=["tea"]))
    market.products["P2"] = replace(market.products["P2"], status="delisted")
    market.put(market.products["P2"])
    _sync(shop_plugins, shop, "incremental")
    assert _titles(shop, "porcelain") == ["Porcelain Teapot"]
    assert _titles(shop, "ceramic") == []
    assert _titles(shop, "普洱") == ["云南普洱"]
    assert _titles(shop, "铁观音") == []
    rebuilt_from_changes = _index_of(db, shop)
    reindex_shop(shop.id)
    assert _index_of(db, shop) == rebuilt_from_changes


def test_the_sellers_edits_and_hiding_are_followed(
    db: RawDatabase, market: Market, shop_plugins: ShopPlugins
) -> None:
    shop = _market_shop("tea-house", shop_plugins)
    _sync(shop_plugins, shop)
    p1 = Product.objects.get(shop_id=shop.id, external_id="P1")
    update_owned_content(
        shop.id, str(p1.id), OwnedChanges(title="桂花龙井 礼盒", description="秋季限定")
    )
    assert _titles(shop, "桂花") == ["桂花龙井 礼盒"]
    assert _titles(shop, "西湖") == []
    update_owned_content(shop.id, str(p1.id), OwnedChanges(published=False))
    assert _titles(shop, "桂花") == []
    update_owned_content(shop.id, str(p1.id), OwnedChanges(published=True, title=""))
    assert _titles(shop, "西湖") == ["西湖龙井 绿茶"]
    remove_products(shop.id, [p1.id])
    assert _titles(shop, "西湖") == []
    reindex_products(shop.id, [str(p1.id)])
    assert _titles(shop, "西湖") == ["西湖龙井 绿茶"]


def test_one_shops_index_never_holds_or_loses_anothers_products(
    db: RawDatabase, market: Market, shop_plugins: ShopPlugins
) -> None:
    first = _market_shop("first", shop_plugins)
    second = _market_shop("second", shop_plugins)
    _sync(shop_plugins, first)
    _sync(shop_plugins, second)
    before = _index_of(db, second)
    p1 = Product.objects.get(shop_id=first.id, external_id="P1")
    other = Product.objects.get(shop_id=second.id, external_id="P1")
    update_owned_content(first.id, str(p1.id), OwnedChanges(title="只在第一家"))
    reindex_products(first.id, [other.id])  # another shop's product: not indexed here
    reindex_shop(first.id)
    assert _index_of(db, second) == before
    assert search_products(first.id, "龙井").product_ids == [str(p1.id)]  # its description
    assert search_products(second.id, "只在第一家").total == 0
    assert search_products(first.id, "只在第一家").total == 1
    assert search_products(second.id, "longjing").total == 1


def test_shops_indexed_before_search_existed_get_one_rebuild_job(
    db: RawDatabase, market: Market, shop_plugins: ShopPlugins
) -> None:
    shop = _market_shop("tea-house", shop_plugins)
    _market_shop("empty", shop_plugins)  # no products: nothing to index
    _sync(shop_plugins, shop)
    db[STATE].delete_many({})  # as if the products were stored before search existed
    assert search_products(shop.id, "longjing").total == 0
    assert enqueue_missing_indexes(db) == 1
    assert enqueue_missing_indexes(db) == 1  # the same job again (its idempotency key)
    worker = Worker(db, {SEARCH_REINDEX: reindex_handler})
    assert worker.run_once() is True
    assert worker.run_once() is False
    assert search_products(shop.id, "longjing").total == 1
    assert enqueue_missing_indexes(db) == 0
