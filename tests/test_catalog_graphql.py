"""The catalog in GraphQL: admin filters, sorts and keyset pagination, product detail with
variants, categories, promotions, orders, sync status and ledger, owned-content editing, and
the storefront's published-only view."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from bson import ObjectId

from cloudcat.core.catalog.engine import run_sync
from cloudcat.core.catalog.report import SyncFailed
from cloudcat.core.documents import Shop
from cloudcat.core.plugin_api import CategoryRecord, ProviderContext
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.tenancy import shop_info
from tests.catalog_sources import (
    MARKETS,
    Market,
    MarketConfig,
    MarketSource,
    product,
    sample_order,
    sample_promotion,
)
from tests.graphql_client import GraphQLClient

PAGE = """query($s: ID!, $a: String, $f: ProductFilter, $o: ProductSort) {
  shop(id: $s) { products(first: 2, after: $a, filter: $f, sort: $o) {
    edges { node { externalId } } pageInfo { hasNextPage endCursor } } } }"""


@pytest.fixture
def seller(client: GraphQLClient, db: RawDatabase) -> Iterator[tuple[GraphQLClient, str]]:
    """A shop synced from a market of six products, one of them delisted."""
    client.sign_up("seller@example.com")
    shop_id = client.create_shop("tea-house")
    MARKETS["default"] = market = Market()
    market.categories["c1"] = CategoryRecord("c1", "绿茶 Green tea", sort_order=2)
    market.categories["c2"] = CategoryRecord("c2", "红茶 Black tea", sort_order=1)
    for pid, title, price, category in [
        ("P1", "Longjing 龙井", "19.90", "c1"),
        ("P2", "Oolong", "8.00", "c2"),
        ("P3", "Pu'er", "120.00", "c2"),
        ("P4", "Biluochun", "45.50", "c1"),
        ("P5", "Assam", "12.00", "c2"),
        ("P6", "Gone", "1.00", "c2"),
    ]:
        market.put(product(pid, title, price, variants=2, categories=[category]))
    market.promotions["PR1"] = sample_promotion(product_id="P1")
    market.orders["O1"] = sample_order("O1")
    market.orders["O2"] = replace(
        sample_order("O2", status="completed"),
        buyer=replace(sample_order("O2").buyer, id="buyer-2"),
    )
    sync(db, shop_id)
    del market.products["P6"]
    sync(db, shop_id)
    yield client, shop_id
    MARKETS.clear()


def sync(db: RawDatabase, shop_id: str) -> Any:
    shop = Shop.objects(id=ObjectId(shop_id)).get()
    context = ProviderContext(shop_info(shop), MarketConfig(), db, "http://x")
    return run_sync(shop, MarketSource(context), kind="full")


def walk(client: GraphQLClient, shop: str, **variables: Any) -> list[str]:
    """Every external id through pages of two."""
    found: list[str] = []
    after = None
    while True:
        page = client.data(PAGE, {"s": shop, "a": after, **variables})["shop"]["products"]
        found += [edge["node"]["externalId"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return found
        after = page["pageInfo"]["endCursor"]


def test_products_are_filtered(seller: tuple[GraphQLClient, str]) -> None:
    client, shop = seller
    assert walk(client, shop) == ["P1", "P2", "P3", "P4", "P5", "P6"]
    assert walk(client, shop, f={"status": ["DELISTED"]}) == ["P6"]
    assert walk(client, shop, f={"categoryId": "c1"}) == ["P1", "P4"]
    assert walk(client, shop, f={"search": "long"}) == ["P1", "P2"]  # Longjing, Oolong
    assert walk(client, shop, f={"search": "P3-SKU-1"}) == ["P3"]
    assert walk(client, shop, f={"source": "elsewhere"}) == []
    assert walk(client, shop, f={"published": False}) == ["P6"]


def test_products_are_sorted_and_paginated_by_keyset(seller: tuple[GraphQLClient, str]) -> None:
    client, shop = seller
    by_price = walk(client, shop, o={"field": "PRICE"})
    assert by_price == ["P6", "P2", "P5", "P1", "P4", "P3"]
    assert walk(client, shop, o={"field": "PRICE", "direction": "DESC"}) == by_price[::-1]
    assert walk(client, shop, o={"field": "TITLE"}) == ["P5", "P4", "P6", "P1", "P2", "P3"]
    assert walk(client, shop, o={"field": "UPDATED", "direction": "DESC"})[0] == "P6"
    first = client.data(PAGE, {"s": shop, "o": {"field": "PRICE"}})["shop"]["products"]
    error = client.error(
        PAGE, {"s": shop, "a": first["pageInfo"]["endCursor"], "o": {"field": "TITLE"}}
    )
    assert error["extensions"]["code"] == "BAD_USER_INPUT"


def test_a_product_has_its_variants_categories_and_promotions(
    seller: tuple[GraphQLClient, str],
) -> None:
    client, shop = seller
    ids = client.data(
        "query($s: ID!) { shop(id: $s) { products(first: 1) { nodes { id } } } }", {"s": shop}
    )["shop"]["products"]["nodes"]
    detail = client.data(
        """query($s: ID!, $p: ID!) { shop(id: $s) { product(id: $p) {
          title url status price { amount currencyCode } priceRange { min { amount } max { amount } }
          options { name values } variants { id options { name value } price { amount } stock sku }
          categories { externalId name } salePrice { amount }
          promotions { name price { amount } variantPrices { variantId price { amount } } } } } }""",
        {"s": shop, "p": ids[0]["id"]},
    )["shop"]["product"]
    assert detail["title"] == "Longjing 龙井" and detail["status"] == "ACTIVE"
    assert detail["price"] == {"amount": "19.90", "currencyCode": "CNY"}
    assert detail["priceRange"] == {"min": {"amount": "19.90"}, "max": {"amount": "20.90"}}
    assert detail["options"][0] == {"name": "颜色", "values": ["红色", "蓝色"]}
    assert detail["variants"][1] == {
        "id": "P1-1",
        "options": [{"name": "颜色", "value": "蓝色"}, {"name": "尺码", "value": "M"}],
        "price": {"amount": "20.90"},
        "stock": 6,
        "sku": "P1-SKU-1",
    }
    assert detail["categories"] == [{"externalId": "c1", "name": "绿茶 Green tea"}]
    assert detail["promotions"] == [
        {
            "name": "618 大促",
            "price": {"amount": "15.00"},
            "variantPrices": [{"variantId": "P1-0", "price": {"amount": "14.00"}}],
        }
    ]
    assert detail["salePrice"] == {"amount": "14.00"}


def test_categories_promotions_and_orders_are_listed(seller: tuple[GraphQLClient, str]) -> None:
    client, shop = seller
    data = client.data(
        """query($s: ID!) { shop(id: $s) {
          categories { nodes { externalId } }
          promotions(filter: {running: true}) { nodes { externalId running items { productId } } }
          orders(filter: {buyerId: "buyer-2"}) { nodes { id externalId status buyer { id name }
            total { amount } lines { title quantity total { amount } } } }
          paid: orders(filter: {status: [PAID]}) { nodes { externalId } } } }""",
        {"s": shop},
    )["shop"]
    assert [n["externalId"] for n in data["categories"]["nodes"]] == ["c2", "c1"]
    assert data["promotions"]["nodes"] == [
        {"externalId": "PR1", "running": True, "items": [{"productId": "P1"}]}
    ]
    order = data["orders"]["nodes"][0]
    assert order["externalId"] == "O2" and order["status"] == "COMPLETED"
    assert order["lines"][1] == {"title": "Cup", "quantity": 2, "total": {"amount": "19.90"}}
    assert [n["externalId"] for n in data["paid"]["nodes"]] == ["O1"]
    one = client.data(
        "query($s: ID!, $o: ID!) { shop(id: $s) { order(id: $o) { externalId } } }",
        {"s": shop, "o": order["id"]},
    )
    assert one["shop"]["order"] == {"externalId": "O2"}


def test_the_sync_status_and_ledger_tell_what_happened(
    seller: tuple[GraphQLClient, str], db: RawDatabase
) -> None:
    client, shop = seller
    MARKETS["default"].auth_expired = True
    with pytest.raises(SyncFailed):
        sync(db, shop)
    data = client.data(
        """query($s: ID!) { shop(id: $s) {
          syncStatus { source lastSuccessAt lastError lastErrorCode running lastRun { status } }
          syncRuns(first: 5) { nodes { id kind status error
            counts { entity created updated unchanged removed failed } } } } }""",
        {"s": shop},
    )["shop"]
    status = data["syncStatus"][0]
    assert status["source"] == "market" and status["lastSuccessAt"] and not status["running"]
    assert status["lastError"] == "the marketplace authorization expired: reconnect the shop"
    assert status["lastErrorCode"] == "SOURCE_AUTH_EXPIRED"
    assert status["lastRun"] == {"status": "FAILED"}
    runs = data["syncRuns"]["nodes"]
    assert [(r["kind"], r["status"]) for r in runs] == [
        ("FULL", "FAILED"),
        ("FULL", "SUCCEEDED"),
        ("FULL", "SUCCEEDED"),
    ]
    products = next(c for c in runs[1]["counts"] if c["entity"] == "product")
    assert products == {
        "entity": "product",
        "created": 0,
        "updated": 0,
        "unchanged": 5,
        "removed": 1,
        "failed": 0,
    }
    one = client.data(
        "query($s: ID!, $r: ID!) { shop(id: $s) { syncRun(id: $r) { kind } } }",
        {"s": shop, "r": runs[2]["id"]},
    )
    assert one["shop"]["syncRun"] == {"kind": "FULL"}


def test_editors_edit_owned_content_and_the_storefront_shows_published_only(
    seller: tuple[GraphQLClient, str],
    make_client: Callable[[], GraphQLClient],
    db: RawDatabase,
) -> None:
    client, shop = seller
    nodes = client.data(
        "query($s: ID!) { shop(id: $s) { products(first: 3) { nodes { id } } } }", {"s": shop}
    )["shop"]["products"]["nodes"]
    edit = """mutation($s: ID!, $p: ID!, $i: ProductContentInput!) {
      updateProductContent(shopId: $s, productId: $p, input: $i) {
        title marketplaceTitle seoTitle published content { sortOrder published } } }"""
    edited = client.data(
        edit, {"s": shop, "p": nodes[0]["id"], "i": {"title": "我的龙井", "sortOrder": 9}}
    )["updateProductContent"]
    assert edited == {
        "title": "我的龙井",
        "marketplaceTitle": "Longjing 龙井",
        "seoTitle": "我的龙井",
        "published": True,
        "content": {"sortOrder": 9, "published": True},
    }
    client.data(edit, {"s": shop, "p": nodes[1]["id"], "i": {"published": False}})
    analyst = make_client()
    analyst.sign_up("analyst@example.com")
    client.data(
        'mutation($s: ID!) { addMember(shopId: $s, email: "analyst@example.com", role: ANALYST) { role } }',
        {"s": shop},
    )
    assert analyst.code(edit, {"s": shop, "p": nodes[2]["id"], "i": {"title": "x"}}) == "FORBIDDEN"
    sync(db, shop)  # a sync leaves the owned content alone

    key = client.storefront_key(shop)
    front = {"x-cloudcat-storefront-key": key}
    listed = client.data(
        "{ products(first: 50, sort: {field: POSITION, direction: DESC}) { nodes { id title salePrice { amount } } } categories { nodes { name } } }",
        path="/storefront/graphql",
        headers=front,
    )
    titles = [n["title"] for n in listed["products"]["nodes"]]
    assert titles == ["我的龙井", "Assam", "Biluochun", "Pu'er"]  # no hidden, no delisted
    assert listed["products"]["nodes"][0]["salePrice"] == {"amount": "14.00"}
    assert [c["name"] for c in listed["categories"]["nodes"]] == [
        "红茶 Black tea",
        "绿茶 Green tea",
    ]
    hidden = client.data(
        "query($p: ID!) { product(id: $p) { id } }",
        {"p": nodes[1]["id"]},
        path="/storefront/graphql",
        headers=front,
    )
    assert hidden == {"product": None}
    too_many = client.error(
        "{ products(first: 51) { nodes { id } } }", path="/storefront/graphql", headers=front
    )
    assert too_many["extensions"]["code"] == "BAD_USER_INPUT"
