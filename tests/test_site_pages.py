"""The shop's site: home, collection, product and search pages from the synced catalog."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from cloudcat.core.documents import Product, Shop
from cloudcat.core.site.formatting import format_price
from cloudcat.core.tenancy import ShopPlugins
from cloudcat.core.testing.client import GraphQLClient
from tests.fakes.feed import FeedServer
from tests.site_shop import Page, site_shop


def get(client: GraphQLClient, path: str, **headers: str) -> Any:
    return client.http.get(path, headers=headers, follow_redirects=False)


def test_home_shows_a_hero_collections_and_the_products(
    client: GraphQLClient, shop: Shop, shop_plugins: ShopPlugins, feed_server: FeedServer
) -> None:
    catalog = site_shop(shop_plugins, shop, feed_server, count=6)

    response = get(client, "/s/tea-house/")

    assert response.status_code == 200
    page = Page(response.text)
    titles = page.text_of("card-title")
    assert titles == [p["title"] for p in catalog["products"]]
    assert "Tea House" in page.text_of("hero-text")
    links = {a["href"] for a in page.all("a")}
    stored = Product.objects(shop_id=shop.id).order_by("external_id")
    for product in stored:
        assert f"/s/tea-house/products/{product.handle}" in links
    assert "/s/tea-house/collections/tea" in links
    assert page.all("html")[0]["lang"] == "zh-CN"
    assert (
        page.all("link", rel="stylesheet")[0]["href"]
        == "/s/tea-house/assets/default_theme/theme.css"
    )


def _stored(shop: Shop, external_id: str) -> Product:
    found = Product.objects(shop_id=shop.id, external_id=external_id).first()
    assert found is not None
    return found


def test_product_page_has_each_sku_with_its_price_stock_and_promotion(
    client: GraphQLClient, shop: Shop, shop_plugins: ShopPlugins, feed_server: FeedServer
) -> None:
    catalog = site_shop(shop_plugins, shop, feed_server, count=3)
    source = catalog["products"][0]  # demo-001: three SKUs, reduced by "everyday deals"
    promotion = next(p for p in catalog["promotions"] if p["items"][0]["product"] == source["id"])
    product = _stored(shop, source["id"])

    response = get(client, f"/s/tea-house/products/{product.handle}")

    assert response.status_code == 200
    page = Page(response.text)
    assert page.text_of("product-title") == [source["title"]]
    radios = page.all("input", type="radio", name="sku")
    assert [r["value"] for r in radios] == [v["id"] for v in source["variants"]]
    skus = page.text_of("sku-title")
    assert skus == [next(iter(v["options"].values())) for v in source["variants"]]
    variant_sale = promotion["items"][0]["variants"]
    sale_texts = page.text_of("sku-price")
    for variant in source["variants"]:
        assert format_price(Decimal(variant_sale[variant["id"]]), "CNY") in sale_texts
        assert format_price(Decimal(variant["price"]), "CNY") in sale_texts
    stocks = page.text_of("sku-stock")
    assert stocks == [f"库存 {v['stock']} 件" for v in source["variants"]]
    assert page.text_of("promotion-name") == [promotion["name"]]
    countdown = page.all("time", class_="countdown")[0]
    assert countdown["datetime"] == "2034-12-31T16:00:00Z"  # the promotion's end, in UTC
    buy = page.all("a", class_="buy")[0]
    assert buy["href"].startswith("https://item.taobao.com/item.htm?id=600000000001&")
    assert "utm_source=cloudcat&utm_medium=site&utm_campaign=tea-house&cc_vid=" in buy["href"]
    ld = json.loads(_json_ld(response.text))
    assert ld["@type"] == "Product" and ld["name"] == source["title"]
    assert ld["offers"]["@type"] == "AggregateOffer" and ld["offers"]["priceCurrency"] == "CNY"
    assert page.meta("og:type") == "product" and page.meta("og:image") == source["image"][0]
    canonical = page.all("link", rel="canonical")[0]["href"]
    assert canonical == f"http://testserver/s/tea-house/products/{product.handle}"


def _json_ld(html: str) -> str:
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    return html[start : html.index("</script>", start)]


def test_a_product_by_id_moves_to_its_handle_and_unknown_ones_are_a_friendly_404(
    client: GraphQLClient, shop: Shop, shop_plugins: ShopPlugins, feed_server: FeedServer
) -> None:
    site_shop(shop_plugins, shop, feed_server, count=2)
    product = _stored(shop, "demo-001")

    moved = get(client, f"/s/tea-house/products/{product.id}?lang=en")
    assert moved.status_code == 301
    assert moved.headers["location"] == f"/s/tea-house/products/{product.handle}?lang=en"
    missing = get(client, "/s/tea-house/products/no-such-thing")
    assert missing.status_code == 404
    assert Page(missing.text).text_of("page-title") == ["页面不存在"]
    nowhere = get(client, "/s/tea-house/no/such/page", **{"accept-language": "en-US,en;q=0.9"})
    assert nowhere.status_code == 404 and "Page not found" in nowhere.text


def test_a_delisted_product_is_no_longer_available_and_leaves_the_lists(
    client: GraphQLClient, shop: Shop, shop_plugins: ShopPlugins, feed_server: FeedServer
) -> None:
    catalog = site_shop(shop_plugins, shop, feed_server, count=3)
    product = _stored(shop, "demo-002")
    assert product.title in Page(get(client, "/s/tea-house/").text).text_of("card-title")

    catalog["products"] = [p for p in catalog["products"] if p["id"] != "demo-002"]
    from tests.site_shop import sync_feed

    sync_feed(shop_plugins, shop, feed_server, catalog)

    gone = get(client, f"/s/tea-house/products/{product.handle}")
    assert gone.status_code == 404
    assert Page(gone.text).text_of("page-title") == ["商品已下架"]
    assert product.title not in Page(get(client, "/s/tea-house/").text).text_of("card-title")


def test_collection_and_search_pages_list_the_right_products(
    client: GraphQLClient, shop: Shop, shop_plugins: ShopPlugins, feed_server: FeedServer
) -> None:
    catalog = site_shop(shop_plugins, shop, feed_server, count=24)
    in_tea = [p["title"] for p in catalog["products"] if "tea" in p["categories"]]
    assert in_tea

    collection = Page(get(client, "/s/tea-house/collections/tea").text)
    assert collection.text_of("card-title") == in_tea[:24]
    assert collection.text_of("page-title") == ["茶叶 Tea"]
    assert get(client, "/s/tea-house/collections/nothing").status_code == 404

    word = "Longjing"
    matching = [p["title"] for p in catalog["products"] if word.lower() in p["title"].lower()]
    found = Page(get(client, f"/s/tea-house/search?q={word}").text)
    assert set(found.text_of("card-title")) == set(matching) and matching
    none = Page(get(client, "/s/tea-house/search?q=zzzqqq&lang=en").text)
    assert none.text_of("empty") == ["No products found"]
