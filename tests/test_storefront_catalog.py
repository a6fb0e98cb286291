"""The storefront's catalog fields: products by handle, collections with their products,
running promotions, stable cursors; and the shape the admin API shares still works."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from cloudcat.core.catalog.sync import run_source_sync
from cloudcat.core.documents import Shop
from cloudcat.core.documents.base import utcnow
from cloudcat.core.services import Services
from tests.fakes.feed import FeedServer
from tests.graphql_client import GraphQLClient
from tests.test_catalog_sync import feed_source
from tests.test_storefront_cache import Front


def _feed() -> dict[str, Any]:
    now = utcnow()
    return {
        "categories": [
            {"id": "tea", "name": "茶叶 Tea", "sort": 2},
            {"id": "gifts", "name": "礼盒 Gifts", "sort": 1},
        ],
        "products": [
            {
                "id": "T1",
                "title": "西湖龙井 West Lake Longjing",
                "price": "88.00",
                "categories": ["tea"],
                "image": ["https://img.example/t1.jpg"],
                "variants": [
                    {"id": "T1-50", "price": "88.00", "options": {"规格": "50g"}, "stock": 7},
                    {"id": "T1-100", "price": "158.00", "options": {"规格": "100g"}, "stock": 2},
                ],
            },
            {"id": "T2", "title": "Oolong", "price": "30.00", "categories": ["tea", "gifts"]},
            {"id": "T3", "title": "Pu'er", "price": "120.00", "categories": ["tea"]},
        ],
        "promotions": [
            {
                "id": "now",
                "name": "双11",
                "starts_at": (now - timedelta(days=1)).isoformat(),
                "ends_at": (now + timedelta(days=1)).isoformat(),
                "items": [{"product": "T1", "price": "79.00", "variants": {"T1-100": "139.00"}}],
            },
            {
                "id": "later",
                "name": "Later",
                "starts_at": (now + timedelta(days=5)).isoformat(),
                "ends_at": (now + timedelta(days=6)).isoformat(),
                "items": [{"product": "T2", "price": "20.00"}],
            },
        ],
    }


def _synced(client: GraphQLClient, feed_server: FeedServer, services: Services) -> Front:
    client.sign_up("a@example.com")
    front = Front(client, "first")
    shop = Shop.objects.get(id=front.shop_id)
    feed_source(services.shop_plugins, shop, feed_server.serve_json("/feed.json", _feed()))
    run_source_sync(services.shop_plugins, shop, "feed")
    return front


def test_a_product_is_found_by_its_handle_or_id(
    client: GraphQLClient, feed_server: FeedServer, services: Services
) -> None:
    front = _synced(client, feed_server, services)
    page = front.data("{ products(first: 1) { nodes { id handle title } } }")
    first = page["products"]["nodes"][0]
    assert first["handle"].startswith("xi-hu-long-jing") and first["handle"].endswith("t1")
    query = """query($h: String!) { productByHandle(handle: $h) {
        title variants { sku price { amount } stock options { name value } }
        salePrice { amount } } }"""
    found = front.data(query, {"h": first["handle"]})["productByHandle"]
    assert found["title"] == "西湖龙井 West Lake Longjing"
    assert [v["price"]["amount"] for v in found["variants"]] == ["88.00", "158.00"]
    assert found["salePrice"] == {"amount": "79.00"}
    assert front.data(query, {"h": first["id"]})["productByHandle"]["title"] == found["title"]
    assert front.data(query, {"h": "no-such-thing"})["productByHandle"] is None
    # Another shop's key never finds it.
    other = Front(client, "second")
    assert other.data(query, {"h": first["handle"]})["productByHandle"] is None


def test_collections_list_their_products_with_stable_cursors(
    client: GraphQLClient, feed_server: FeedServer, services: Services
) -> None:
    front = _synced(client, feed_server, services)
    listed = front.data(
        "{ collections(first: 5) { nodes { id externalId name products(first: 5) { nodes { title } } } } }"
    )["collections"]["nodes"]
    assert [c["externalId"] for c in listed] == ["gifts", "tea"]
    assert [p["title"] for p in listed[0]["products"]["nodes"]] == ["Oolong"]
    assert len(listed[1]["products"]["nodes"]) == 3

    paged = """query($id: ID!, $a: String) { collection(id: $id) { name
        products(first: 2, after: $a) { edges { cursor node { title } } pageInfo { hasNextPage endCursor } } } }"""
    tea = front.data(paged, {"id": listed[1]["id"]})["collection"]
    assert tea["name"] == "茶叶 Tea" and tea["products"]["pageInfo"]["hasNextPage"] is True
    cursor = tea["products"]["pageInfo"]["endCursor"]
    rest = front.data(paged, {"id": "tea", "a": cursor})["collection"]["products"]
    assert [e["node"]["title"] for e in rest["edges"]] == ["Pu'er"]
    assert front.data(paged, {"id": "nope"})["collection"] is None
    bad = front.post(paged, {"id": "tea", "a": "garbage"}).json()
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_only_running_promotions_are_listed_with_their_items(
    client: GraphQLClient, feed_server: FeedServer, services: Services
) -> None:
    front = _synced(client, feed_server, services)
    promotions = front.data(
        """{ promotions(first: 10) { nodes { externalId name running endsAt
            items { productId price { amount } variantPrices { variantId price { amount } } } } } }"""
    )["promotions"]["nodes"]
    assert [p["externalId"] for p in promotions] == ["now"]
    assert promotions[0]["running"] is True
    assert promotions[0]["items"] == [
        {
            "productId": "T1",
            "price": {"amount": "79.00"},
            "variantPrices": [{"variantId": "T1-100", "price": {"amount": "139.00"}}],
        }
    ]


def test_the_admin_reads_the_same_lazy_products(
    client: GraphQLClient, feed_server: FeedServer, services: Services
) -> None:
    front = _synced(client, feed_server, services)
    admin = client.data(
        """query($s: ID!) { shop(id: $s) { products(first: 1) { nodes {
            handle title marketplaceTitle priceRange { min { amount } max { amount } }
            content { title published } seoTitle categories { name } promotions { name } } } } }""",
        {"s": front.shop_id},
    )
    node = admin["shop"]["products"]["nodes"][0]
    assert node["priceRange"] == {"min": {"amount": "88.00"}, "max": {"amount": "158.00"}}
    assert node["content"] == {"title": "", "published": True}
    assert node["seoTitle"] == node["title"] == node["marketplaceTitle"]
    assert node["categories"] == [{"name": "茶叶 Tea"}]
    assert node["promotions"] == [{"name": "双11"}]
