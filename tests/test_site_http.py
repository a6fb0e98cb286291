"""The site's HTTP: validators and 304s, the rendered-page cache following the site version,
no database write on any read, robots and the sitemap."""

from __future__ import annotations

import time
from dataclasses import replace
from decimal import Decimal
from typing import Any

from starlette.datastructures import Headers

from cloudcat.core import site_version
from cloudcat.core.documents import Product, Shop
from cloudcat.core.services import Services
from cloudcat.core.site.formatting import format_price
from cloudcat.core.site.routes import Site
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.tenancy import ShopPlugins
from cloudcat.core.testing.client import GraphQLClient
from tests.fakes.feed import FeedServer
from tests.site_shop import Page, site_shop, sync_feed


def writes(db: RawDatabase) -> int:
    """Inserts, updates and removes the server counted in this test's database."""
    totals = db.client.admin.command("top")["totals"]
    return sum(
        entry.get(op, {}).get("count", 0)
        for name, entry in totals.items()
        if name.startswith(f"{db.name}.")
        for op in ("insert", "update", "remove")
    )


def test_pages_carry_validators_and_answer_304_when_unchanged(
    client: GraphQLClient, shop: Shop, shop_plugins: ShopPlugins, feed_server: FeedServer
) -> None:
    site_shop(shop_plugins, shop, feed_server, count=4)
    first = client.http.get("/s/tea-house/")
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert first.headers["cache-control"] == "public, max-age=0, must-revalidate"
    assert "accept-language" in first.headers["vary"].lower()

    same = client.http.get("/s/tea-house/", headers={"if-none-match": etag})
    assert same.status_code == 304 and same.content == b"" and same.headers["etag"] == etag
    since = client.http.get("/s/tea-house/", headers={"if-modified-since": modified})
    assert since.status_code == 304
    other = client.http.get("/s/tea-house/", headers={"if-none-match": '"nope"'})
    assert other.status_code == 200 and other.text == first.text


def test_a_sync_that_changes_a_price_shows_on_the_next_request(
    client: GraphQLClient, shop: Shop, shop_plugins: ShopPlugins, feed_server: FeedServer
) -> None:
    catalog = site_shop(shop_plugins, shop, feed_server, count=4)
    product = Product.objects(shop_id=shop.id, external_id="demo-002").first()
    assert product is not None
    path = f"/s/tea-house/products/{product.handle}"
    before = client.http.get(path)
    assert client.http.get(path).headers["etag"] == before.headers["etag"]  # from the cache

    source = next(p for p in catalog["products"] if p["id"] == "demo-002")
    source["variants"][0]["price"] = "1234.50"
    source["modified"] = "2025-06-01T10:00:00+08:00"
    sync_feed(shop_plugins, shop, feed_server, catalog)

    after = client.http.get(path, headers={"if-none-match": before.headers["etag"]})
    assert after.status_code == 200
    prices = Page(after.text).text_of("sku-price")
    assert format_price(Decimal("1234.50"), "CNY") in prices
    assert format_price(Decimal("1234.50"), "CNY") not in Page(before.text).text_of("sku-price")


def test_the_cache_is_keyed_by_the_site_version_and_reads_never_write(
    client: GraphQLClient,
    db: RawDatabase,
    shop: Shop,
    shop_plugins: ShopPlugins,
    feed_server: FeedServer,
) -> None:
    site_shop(shop_plugins, shop, feed_server, count=3)
    product = Product.objects(shop_id=shop.id, external_id="demo-001").first()
    assert product is not None
    paths = [
        "/s/tea-house/",
        f"/s/tea-house/products/{product.handle}",
        "/s/tea-house/collections/tea",
        "/s/tea-house/search?q=tea",
        "/s/tea-house/nothing",
        "/s/tea-house/sitemap.xml",
        "/s/tea-house/robots.txt",
    ]
    client.http.get("/s/tea-house/")  # warm up whatever the app makes once
    counted = writes(db)
    for path in paths * 2:
        client.http.get(path)
    assert writes(db) == counted

    # A write the cache cannot see is shown once the version moves.
    Product.objects(id=product.id).update_one(set__owned__title="Renamed <b>tea</b>")
    home = client.http.get("/s/tea-house/")
    assert "Renamed <b>tea</b>" not in Page(home.text).text_of("card-title")
    site_version.bump(shop.id, "test")
    fresh = Page(client.http.get("/s/tea-house/").text)
    assert "Renamed <b>tea</b>" in fresh.text_of("card-title")


def test_robots_and_the_sitemap_list_the_published_pages(
    client: GraphQLClient, shop: Shop, shop_plugins: ShopPlugins, feed_server: FeedServer
) -> None:
    site_shop(shop_plugins, shop, feed_server, count=3)
    robots = client.http.get("/s/tea-house/robots.txt")
    assert robots.status_code == 200
    assert "Sitemap: http://testserver/s/tea-house/sitemap.xml" in robots.text
    sitemap = client.http.get("/s/tea-house/sitemap.xml")
    assert sitemap.headers["content-type"].startswith("application/xml")
    handles = [p.handle for p in Product.objects(shop_id=shop.id)]
    for handle in handles:
        assert f"<loc>http://testserver/s/tea-house/products/{handle}</loc>" in sitemap.text
    assert "<loc>http://testserver/s/tea-house/collections/tea</loc>" in sitemap.text


def _hreflangs(page: Page) -> dict[str, Any]:
    return {a["hreflang"]: a["href"] for a in page.all("link", rel="alternate")}


def test_locale_by_lang_then_accept_language_then_the_shop(
    client: GraphQLClient, shop: Shop, shop_plugins: ShopPlugins, feed_server: FeedServer
) -> None:
    site_shop(shop_plugins, shop, feed_server, count=2)
    default = Page(client.http.get("/s/tea-house/").text)
    assert default.all("html")[0]["lang"] == "zh-CN" and "搜索" in default.texts
    browser = client.http.get("/s/tea-house/", headers={"accept-language": "fr;q=1, en;q=0.5"})
    assert Page(browser.text).all("html")[0]["lang"] == "en"
    asked = client.http.get("/s/tea-house/?lang=zh", headers={"accept-language": "en"})
    assert Page(asked.text).all("html")[0]["lang"] == "zh-CN"
    links = _hreflangs(default)
    assert links == {
        "zh-CN": "http://testserver/s/tea-house/?lang=zh-CN",
        "en": "http://testserver/s/tea-house/?lang=en",
        "x-default": "http://testserver/s/tea-house/",
    }


def test_previews_are_never_stored_or_indexed_and_a_bad_token_shows_nothing(
    client: GraphQLClient, shop: Shop, shop_plugins: ShopPlugins, feed_server: FeedServer
) -> None:
    site_shop(shop_plugins, shop, feed_server, count=1)
    preview = client.http.get("/s/tea-house/preview/not-a-signed-token")
    assert preview.status_code == 404
    assert preview.headers["cache-control"] == "no-store"
    assert preview.headers["x-robots-tag"] == "noindex"
    assert Page(preview.text).meta("robots") == "noindex"


def test_a_trusted_site_version_is_read_again_once_its_time_is_up(
    services: Services, shop: Shop, shop_plugins: ShopPlugins, feed_server: FeedServer
) -> None:
    site_shop(shop_plugins, shop, feed_server, count=2)
    trusting = replace(
        services,
        settings=services.settings.model_copy(update={"site_version_cache_seconds": 0.3}),
    )
    site = Site(trusting)
    headers = Headers({})

    def home() -> str:
        response = site.handle("tea-house", "", {}, headers, "/s/tea-house", "http://x")
        return bytes(response.body).decode()

    assert "Trusted tea" not in home()
    Product.objects(shop_id=shop.id, external_id="demo-001").update_one(
        set__owned__title="Trusted tea"
    )
    site_version.bump(shop.id, "test")
    assert "Trusted tea" not in home()  # the version is trusted for 0.3 s
    time.sleep(0.35)
    assert "Trusted tea" in home()
