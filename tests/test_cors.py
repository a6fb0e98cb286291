"""Browsers on a shop's own domains may call the storefront API and /collect with its key
(CORS); other origins get no CORS grant, and origins are validated when set."""

from __future__ import annotations

import pytest

from cloudcat.core.storage.database import RawDatabase
from tests.graphql_client import GraphQLClient

UPDATE = (
    "mutation($s: ID!, $o: [String!]) { updateShop(id: $s, input: {allowedOrigins: $o})"
    " { allowedOrigins } }"
)
PATHS = ["/storefront/graphql", "/collect"]
PREFLIGHT = {
    "access-control-request-method": "POST",
    "access-control-request-headers": "content-type, x-cloudcat-storefront-key",
}


@pytest.fixture
def shops(client: GraphQLClient) -> dict[str, str]:
    client.sign_up("a@example.com")
    tea, other = client.create_shop("tea"), client.create_shop("other")
    client.data(UPDATE, {"s": tea, "o": ["https://Tea.Example.com", "http://localhost:5173"]})
    client.data(UPDATE, {"s": other, "o": ["https://other.example.com"]})
    return {"tea": client.storefront_key(tea), "other": client.storefront_key(other)}


@pytest.mark.parametrize("path", PATHS)
def test_a_preflight_from_a_configured_origin_is_granted(
    client: GraphQLClient, shops: dict[str, str], path: str
) -> None:
    response = client.http.options(path, headers={"origin": "https://tea.example.com", **PREFLIGHT})
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == "https://tea.example.com"
    methods = {m.strip() for m in response.headers["access-control-allow-methods"].split(",")}
    assert methods >= {"GET", "POST", "OPTIONS"}
    allowed = response.headers["access-control-allow-headers"].lower()
    assert "content-type" in allowed and "x-cloudcat-storefront-key" in allowed
    assert int(response.headers["access-control-max-age"]) > 0
    assert "Origin" in response.headers["vary"]


@pytest.mark.parametrize("path", PATHS)
def test_a_preflight_from_an_unknown_origin_gets_no_grant(
    client: GraphQLClient, shops: dict[str, str], path: str
) -> None:
    response = client.http.options(path, headers={"origin": "https://evil.example", **PREFLIGHT})
    assert response.status_code == 403
    assert "access-control-allow-origin" not in response.headers


def test_real_requests_get_cors_headers_only_for_the_keys_own_origins(
    client: GraphQLClient, shops: dict[str, str]
) -> None:
    query = {"query": "{ shop { name } }"}
    own = client.http.post(
        "/storefront/graphql",
        json=query,
        headers={"origin": "http://localhost:5173", "x-cloudcat-storefront-key": shops["tea"]},
    )
    assert own.status_code == 200 and own.json() == {"data": {"shop": {"name": "Tea"}}}
    assert own.headers["access-control-allow-origin"] == "http://localhost:5173"
    assert "Origin" in own.headers["vary"]
    # Another shop's origin passes the preflight (it is configured somewhere) but not the
    # real request with this key.
    foreign = client.http.post(
        "/storefront/graphql",
        json=query,
        headers={"origin": "https://other.example.com", "x-cloudcat-storefront-key": shops["tea"]},
    )
    assert "access-control-allow-origin" not in foreign.headers
    event = {"events": [{"type": "page_view", "anonymousId": "a"}]}
    collected = client.http.post(
        "/collect",
        json=event,
        headers={
            "origin": "https://other.example.com",
            "x-cloudcat-storefront-key": shops["other"],
        },
    )
    assert collected.status_code == 202
    assert collected.headers["access-control-allow-origin"] == "https://other.example.com"
    no_origin = client.http.post(
        "/storefront/graphql", json=query, headers={"x-cloudcat-storefront-key": shops["tea"]}
    )
    assert "access-control-allow-origin" not in no_origin.headers


def test_origins_are_validated_and_normalized(client: GraphQLClient, db: RawDatabase) -> None:
    client.sign_up("a@example.com")
    shop = client.create_shop("check")
    bad = [
        "https://a.example.com/path",
        "http://plain.example.com",
        "ftp://x",
        "https://ok.example",
    ]
    error = client.error(UPDATE, {"s": shop, "o": bad})
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    paths = [f["path"] for f in error["extensions"]["fields"]]
    assert paths == [["allowedOrigins", 0], ["allowedOrigins", 1], ["allowedOrigins", 2]]
    stored = db.shops.find_one({"slug": "check"})
    assert stored is not None and stored["allowed_origins"] == []
    saved = client.data(
        UPDATE, {"s": shop, "o": ["https://Shop.Example.com:443/", "https://shop.example.com"]}
    )
    assert saved["updateShop"]["allowedOrigins"] == ["https://shop.example.com"]
    cleared = client.data(UPDATE, {"s": shop, "o": []})
    assert cleared["updateShop"]["allowedOrigins"] == []


def test_the_preflight_lookup_uses_an_index(db: RawDatabase, shops: dict[str, str]) -> None:
    keys = [list(i["key"]) for i in db.shops.index_information().values()]
    assert [("allowed_origins", 1)] in keys
