"""The storefront API: publishable keys scope reads to one shop; revoked keys stop; limits."""

from __future__ import annotations

from decimal import Decimal

import pytest
from starlette.testclient import TestClient

from cloudcat.core.app import create_app
from cloudcat.core.documents import Product
from cloudcat.core.services import Services
from cloudcat.core.settings import Settings
from tests.graphql_client import GraphQLClient

PRODUCTS = "{ shop { slug name } products(first: 2) { edges { cursor node { title price { amount currencyCode } } } pageInfo { hasNextPage endCursor } } }"


def _products(shop_id: str, count: int, prefix: str) -> None:
    for i in range(count):
        Product(
            shop_id=shop_id,
            source="feed",
            external_id=f"{prefix}-{i}",
            title=f"{prefix} product {i}",
            price=Decimal("12.50") + i,
            currency="CNY",
            status="delisted" if i == count - 1 else "active",
        ).save()


def test_key_reads_its_own_shop_only_and_paginates(client: GraphQLClient) -> None:
    client.sign_up("a@example.com")
    first, second = client.create_shop("first"), client.create_shop("second")
    _products(first, 4, "first")
    _products(second, 2, "second")
    key = client.storefront_key(first)
    front = {"x-cloudcat-storefront-key": key}
    page = client.data(PRODUCTS, path="/storefront/graphql", headers=front)
    assert page["shop"]["slug"] == "first"
    titles = [e["node"]["title"] for e in page["products"]["edges"]]
    assert titles == ["first product 0", "first product 1"]
    assert page["products"]["edges"][0]["node"]["price"] == {
        "amount": "12.50",
        "currencyCode": "CNY",
    }
    assert page["products"]["pageInfo"]["hasNextPage"] is True
    rest = client.data(
        "query($a: String) { products(first: 10, after: $a) { edges { node { title } } pageInfo { hasNextPage } } }",
        {"a": page["products"]["pageInfo"]["endCursor"]},
        path="/storefront/graphql",
        headers=front,
    )
    # The delisted product is not published.
    assert [e["node"]["title"] for e in rest["products"]["edges"]] == ["first product 2"]
    assert rest["products"]["pageInfo"]["hasNextPage"] is False


def test_missing_wrong_and_revoked_keys_are_refused(client: GraphQLClient) -> None:
    client.sign_up("a@example.com")
    shop = client.create_shop("first")
    created = client.data(
        'mutation($s: ID!) { createStorefrontKey(shopId: $s, name: "web") { key storefrontKey { id } } }',
        {"s": shop},
    )["createStorefrontKey"]
    for headers in ({}, {"x-cloudcat-storefront-key": "ccpk_wrong"}):
        response = client.post("{ shop { slug } }", path="/storefront/graphql", headers=headers)
        assert response.status_code == 401
        assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    ok = client.post(
        "{ shop { slug } }",
        path="/storefront/graphql",
        headers={"x-cloudcat-storefront-key": created["key"]},
    )
    assert ok.status_code == 200
    client.data(
        "mutation($s: ID!, $k: ID!) { revokeStorefrontKey(shopId: $s, id: $k) { revokedAt } }",
        {"s": shop, "k": created["storefrontKey"]["id"]},
    )
    gone = client.post(
        "{ shop { slug } }",
        path="/storefront/graphql",
        headers={"x-cloudcat-storefront-key": created["key"]},
    )
    assert gone.status_code == 401


def test_keys_are_stored_hashed_and_listed_by_prefix(
    client: GraphQLClient, services: Services
) -> None:
    client.sign_up("a@example.com")
    shop = client.create_shop("first")
    key = client.storefront_key(shop)
    raw = services.db.storefront_keys.find_one()
    assert raw is not None and key not in repr(raw)
    listed = client.data(
        "query($s: ID!) { shop(id: $s) { storefrontKeys { prefix name } } }", {"s": shop}
    )
    assert key.startswith(listed["shop"]["storefrontKeys"][0]["prefix"])


def test_the_storefront_schema_has_no_mutations(client: GraphQLClient) -> None:
    client.sign_up("a@example.com")
    key = client.storefront_key(client.create_shop("first"))
    error = client.error(
        'mutation { signUp(email: "x@example.com", password: "password-123") { id } }',
        path="/storefront/graphql",
        headers={"x-cloudcat-storefront-key": key},
    )
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


@pytest.fixture
def limited_client(settings: Settings, services: Services) -> TestClient:
    tight = settings.model_copy(update={"storefront_rate_limit_per_minute": 3})
    return TestClient(create_app(tight, services))


def test_storefront_keys_are_rate_limited(limited_client: TestClient) -> None:
    client = GraphQLClient(limited_client)
    client.sign_up("a@example.com")
    key = client.storefront_key(client.create_shop("first"))
    statuses = [
        client.post(
            "{ shop { slug } }",
            path="/storefront/graphql",
            headers={"x-cloudcat-storefront-key": key},
        ).status_code
        for _ in range(5)
    ]
    assert statuses[:3] == [200, 200, 200]
    assert statuses[3] == 429
    limited = client.post(
        "{ shop { slug } }", path="/storefront/graphql", headers={"x-cloudcat-storefront-key": key}
    )
    assert int(limited.headers["retry-after"]) >= 1
    assert limited.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    limited_client.close()
