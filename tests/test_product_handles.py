"""Product handles: readable, stable, unique per source, and looked up published-only per shop."""

from __future__ import annotations

from bson import Decimal128

from cloudcat.core.catalog.editing import OwnedChanges, update_owned_content
from cloudcat.core.catalog.handles import (
    backfill_handles,
    find_by_handle,
    is_handle,
    product_handle,
    slugify,
)
from cloudcat.core.catalog.sync import run_source_sync
from cloudcat.core.documents import Product, Shop
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.tenancy import ShopPlugins
from tests.conftest import make_shop
from tests.fakes.feed import FeedServer

ROWS = [
    {"id": "P1", "title": "西湖龙井 Longjing", "price": "19.90"},
    {"id": "P2", "title": "Oolong", "price": "8.00"},
]


def _sync(shop_plugins: ShopPlugins, shop: Shop, feed_server: FeedServer, rows: list) -> None:
    url = feed_server.serve_json("/feed.json", rows)
    shop_plugins.configure(shop.id, "feed", {"url": url})
    shop_plugins.set_enabled(shop.id, "feed", True)
    run_source_sync(shop_plugins, shop, "feed")


def test_slugs_spell_chinese_in_pinyin_and_keep_to_ascii_words() -> None:
    assert slugify("西湖龙井 明前特级 250g") == "xi-hu-long-jing-ming-qian-te-ji-250g"
    assert slugify("T-shirt «Été» ") == "t-shirt-ete"
    assert slugify("！！<script>") == "script"
    assert len(slugify("word " * 40)) <= 60 and not slugify("word " * 40).endswith("-")
    assert product_handle("", "SKU/12") == "sku-12"
    assert is_handle(product_handle("a" * 300, "9" * 300))
    assert not is_handle("../etc") and not is_handle("") and not is_handle("A-B")


def test_a_synced_product_gets_a_handle_that_stays_when_its_title_changes(
    db: RawDatabase, shop: Shop, shop_plugins: ShopPlugins, feed_server: FeedServer
) -> None:
    _sync(shop_plugins, shop, feed_server, ROWS)
    assert (
        Product.objects(shop_id=shop.id, external_id="P1").get().handle
        == "xi-hu-long-jing-longjing-p1"
    )

    _sync(shop_plugins, shop, feed_server, [dict(ROWS[0], title="Dragon Well"), ROWS[1]])

    product = Product.objects(shop_id=shop.id, external_id="P1").get()
    assert product.title == "Dragon Well" and product.handle == "xi-hu-long-jing-longjing-p1"
    found = find_by_handle(shop.id, product.handle)
    assert found is not None and found["price"] == Decimal128("19.90")
    assert find_by_handle(shop.id, str(product.id)) == found  # an id works too


def test_a_handle_finds_nothing_in_another_shop_or_when_hidden(
    db: RawDatabase, shop: Shop, shop_plugins: ShopPlugins, feed_server: FeedServer
) -> None:
    other = make_shop("other-shop")
    _sync(shop_plugins, shop, feed_server, ROWS)
    product = Product.objects(shop_id=shop.id, external_id="P2").get()

    assert find_by_handle(other.id, "oolong-p2") is None
    assert find_by_handle(other.id, str(product.id)) is None
    update_owned_content(shop.id, str(product.id), OwnedChanges(published=False))
    assert find_by_handle(shop.id, "oolong-p2") is None
    assert find_by_handle(shop.id, "not a handle!") is None


def test_products_stored_before_handles_get_one_at_start(
    db: RawDatabase, shop: Shop, shop_plugins: ShopPlugins, feed_server: FeedServer
) -> None:
    _sync(shop_plugins, shop, feed_server, ROWS)
    db["products"].update_many({}, {"$unset": {"handle": ""}})

    assert backfill_handles(batch=1) == 2
    assert backfill_handles() == 0
    handles = {p.external_id: p.handle for p in Product.objects(shop_id=shop.id)}
    assert handles == {"P1": "xi-hu-long-jing-longjing-p1", "P2": "oolong-p2"}
