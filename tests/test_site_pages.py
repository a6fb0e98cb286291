"""The shop's site: home, collection, product and search pages from the synced catalog."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from starlette.testclient import TestClient

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
    assert page.all("link", rel="stylesheet")[0]["href"] == "/s/tea-house/assets/theme.css"
