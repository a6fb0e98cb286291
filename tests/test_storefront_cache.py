"""The storefront answer cache: published answers served from memory, never stale, never
another shop's, charged their cost on every hit, errors never kept."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from bson import Decimal128, ObjectId
from starlette.testclient import TestClient

from cloudcat.core import site_version
from cloudcat.core.app import create_app
from cloudcat.core.catalog.sync import run_source_sync
from cloudcat.core.documents import Product, Shop, SiteVersion
from cloudcat.core.documents.base import utcnow
from cloudcat.core.services import Services
from cloudcat.core.settings import Settings
from cloudcat.core.web.graphql import StorefrontServing
from cloudcat.core.web.storefront_cache import CachedAnswer, StorefrontCache, cache_key
from tests.fakes.feed import FeedServer
from tests.graphql_client import GraphQLClient
from tests.test_catalog_sync import feed_source

PRICES = "{ products(first: 5) { nodes { title price { amount } } } }"
PAGE = "{ products(first: 20) { nodes { id title } } }"  # costs 61


def _product(shop_id: str | ObjectId, external_id: str, title: str, price: str) -> Product:
    product = Product(
        shop_id=ObjectId(str(shop_id)),
        source="feed",
        external_id=external_id,
        title=title,
        price=Decimal(price),
        currency="CNY",
    )
    product.save()
    return product


class Front:
    """A storefront caller of one new shop (with `owner` as its signed-in owner)."""

    def __init__(self, owner: GraphQLClient, slug: str) -> None:
        self.owner = owner
        self.shop_id = owner.create_shop(slug)
        self.key = owner.storefront_key(self.shop_id)

    def post(self, query: str, variables: dict[str, Any] | None = None, **headers: str) -> Any:
        return self.owner.post(
            query,
            variables,
            path="/storefront/graphql",
            headers={"x-cloudcat-storefront-key": self.key, **headers},
        )

    def data(self, query: str, variables: dict[str, Any] | None = None, **headers: str) -> Any:
        response = self.post(query, variables, **headers)
        assert response.status_code == 200, response.text
        body = response.json()
        assert "errors" not in body, body
        return body["data"]


def _serving(client: GraphQLClient) -> StorefrontServing:
    app = client.http.app
    serving: StorefrontServing = app.state.storefront  # type: ignore[attr-defined]
    return serving


def _cache(client: GraphQLClient) -> StorefrontCache:
    cache = _serving(client).cache
    assert cache is not None
    return cache


def _set_price(product: Product, price: str) -> None:
    Product._get_collection().update_one(
        {"_id": product.id}, {"$set": {"price": Decimal128(price)}}
    )


def test_an_answer_is_served_from_the_cache_until_the_site_version_changes(
    client: GraphQLClient,
) -> None:
    client.sign_up("a@example.com")
    front = Front(client, "first")
    product = _product(front.shop_id, "P1", "Longjing", "19.90")
    assert front.post(PRICES).headers["x-cloudcat-cache"] == "miss"
    cache = _cache(client)
    assert len(cache) == 1 and cache.misses == 1

    # A write nobody announced is not seen: the answer really comes from the cache...
    _set_price(product, "25.00")
    hit = front.post(PRICES)
    assert hit.json()["data"]["products"]["nodes"][0]["price"] == {"amount": "19.90"}
    assert hit.headers["x-cloudcat-cache"] == "hit" and cache.hits == 1
    # ...and once the change is announced (as every writer does), the next request sees it.
    site_version.bump(ObjectId(front.shop_id), "test")
    assert front.data(PRICES)["products"]["nodes"][0]["price"] == {"amount": "25.00"}


def test_a_sync_changing_a_price_shows_on_the_next_request(
    client: GraphQLClient, feed_server: FeedServer, services: Services
) -> None:
    client.sign_up("a@example.com")
    front = Front(client, "first")
    shop = Shop.objects.get(id=front.shop_id)
    url = feed_server.serve_json(
        "/feed.json", [{"id": "P1", "title": "Longjing", "price": "19.90"}]
    )
    feed_source(services.shop_plugins, shop, url)
    run_source_sync(services.shop_plugins, shop, "feed")
    assert front.data(PRICES)["products"]["nodes"][0]["price"] == {"amount": "19.90"}
    assert front.data(PRICES)["products"]["nodes"][0]["price"] == {"amount": "19.90"}
    assert _cache(client).hits == 1

    feed_server.serve_json("/feed.json", [{"id": "P1", "title": "Longjing", "price": "17.50"}])
    run_source_sync(services.shop_plugins, shop, "feed")
    assert front.data(PRICES)["products"]["nodes"][0]["price"] == {"amount": "17.50"}


def test_a_seller_edit_shows_on_the_next_request(client: GraphQLClient) -> None:
    client.sign_up("a@example.com")
    front = Front(client, "first")
    product = _product(front.shop_id, "P1", "Longjing", "19.90")
    assert front.data(PRICES)["products"]["nodes"][0]["title"] == "Longjing"
    client.data(
        "mutation($s: ID!, $p: ID!) { updateProductContent(shopId: $s, productId: $p,"
        ' input: {title: "West Lake Longjing"}) { title } }',
        {"s": front.shop_id, "p": str(product.id)},
    )
    assert front.data(PRICES)["products"]["nodes"][0]["title"] == "West Lake Longjing"
    client.data(
        "mutation($s: ID!, $p: ID!) { updateProductContent(shopId: $s, productId: $p,"
        " input: {published: false}) { title } }",
        {"s": front.shop_id, "p": str(product.id)},
    )
    assert front.data(PRICES)["products"]["nodes"] == []


def test_one_shops_cached_answer_never_serves_another(client: GraphQLClient) -> None:
    client.sign_up("a@example.com")
    first, second = Front(client, "first"), Front(client, "second")
    _product(first.shop_id, "P1", "First's tea", "10.00")
    _product(second.shop_id, "P1", "Second's tea", "20.00")
    query = "{ shop { slug } products(first: 5) { nodes { title } } }"
    for _ in range(2):  # the second round comes from the cache
        assert first.data(query) == {
            "shop": {"slug": "first"},
            "products": {"nodes": [{"title": "First's tea"}]},
        }
        assert second.data(query) == {
            "shop": {"slug": "second"},
            "products": {"nodes": [{"title": "Second's tea"}]},
        }
    assert _cache(client).hits == 2 and len(_cache(client)) == 2


def test_documents_are_normalized_and_variables_and_locale_are_part_of_the_key(
    client: GraphQLClient,
) -> None:
    client.sign_up("a@example.com")
    front = Front(client, "first")
    for i in range(3):
        _product(front.shop_id, f"P{i}", f"Tea {i}", "10.00")
    query = "query($n: Int) { products(first: $n) { nodes { title } } }"
    spaced = "query ($n: Int)  {\n  products(first: $n) {\n nodes { title } } # comment\n}"
    assert len(front.data(query, {"n": 1})["products"]["nodes"]) == 1
    assert len(front.data(spaced, {"n": 1})["products"]["nodes"]) == 1
    cache = _cache(client)
    assert (cache.hits, len(cache)) == (1, 1)
    assert len(front.data(query, {"n": 2})["products"]["nodes"]) == 2
    front.data(query, {"n": 1}, **{"accept-language": "zh-CN,zh;q=0.9"})
    assert (cache.hits, len(cache)) == (1, 3)


def test_a_hit_is_charged_its_cost(settings: Settings, services: Services) -> None:
    app = create_app(settings.model_copy(update={"storefront_cost_per_minute": 130}), services)
    client = GraphQLClient(TestClient(app))
    client.sign_up("a@example.com")
    front = Front(client, "first")
    statuses = [front.post(PAGE).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert _cache(client).hits == 2


def test_errors_and_partial_answers_are_never_cached(client: GraphQLClient) -> None:
    client.sign_up("a@example.com")
    front = Front(client, "first")
    _product(front.shop_id, "P1", "Longjing", "19.90")
    bad = '{ products(first: 5, after: "not-a-cursor") { nodes { title } } }'
    partial = '{ shop { slug } bad: products(after: "x") { nodes { title } } }'
    for query in (bad, partial, bad, partial):
        assert front.post(query).json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    too_costly = "{ " + " ".join(["shop { name }"] * 400) + " }"
    assert front.post(too_costly).json()["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert len(_cache(client)) == 0


def test_nothing_is_cached_while_a_scheduled_change_is_overdue(client: GraphQLClient) -> None:
    client.sign_up("a@example.com")
    front = Front(client, "first")
    product = _product(front.shop_id, "P1", "Longjing", "19.90")
    SiteVersion._get_collection().update_one(
        {"_id": ObjectId(front.shop_id)},
        {"$set": {"version": 3, "next_change_at": utcnow() - timedelta(seconds=1)}},
        upsert=True,
    )
    assert front.data(PRICES)["products"]["nodes"][0]["price"] == {"amount": "19.90"}
    _set_price(product, "25.00")
    assert front.data(PRICES)["products"]["nodes"][0]["price"] == {"amount": "25.00"}
    assert len(_cache(client)) == 0


def test_the_cache_can_be_turned_off(settings: Settings, services: Services) -> None:
    app = create_app(settings.model_copy(update={"storefront_cache": False}), services)
    client = GraphQLClient(TestClient(app))
    client.sign_up("a@example.com")
    front = Front(client, "first")
    product = _product(front.shop_id, "P1", "Longjing", "19.90")
    assert _serving(client).cache is None
    assert front.data(PRICES)["products"]["nodes"][0]["price"] == {"amount": "19.90"}
    _set_price(product, "25.00")
    assert front.data(PRICES)["products"]["nodes"][0]["price"] == {"amount": "25.00"}


def test_the_cache_is_bounded_by_bytes_least_recently_used_first() -> None:
    cache = StorefrontCache(max_bytes=100_000)  # ten 9 kB answers fit, not eleven
    shop = ObjectId()
    keys = [cache_key(shop, f"doc{i}", None, {"i": i}, "en", 1) for i in range(11)]
    for key in keys[:10]:
        assert cache.put(key, CachedAnswer(b"x" * 9_000, 1, '"e"'))
    assert len(cache) == 10
    assert cache.get(keys[0]) is not None  # keys[1] is now the least recently used
    assert cache.put(keys[10], CachedAnswer(b"x" * 9_000, 1, '"e"'))
    assert len(cache) == 10 and cache.size <= cache.max_bytes
    assert cache.get(keys[1]) is None and cache.get(keys[0]) is not None
    # An answer above a tenth of the budget is never kept.
    big = cache_key(shop, "big", None, {}, "en", 1)
    assert not cache.put(big, CachedAnswer(b"x" * 10_000, 1, '"e"'))
    assert cache.get(big) is None
