"""Storefront GraphQL search: ranked products, facets, cursors, suggestions, clear errors, and
one shop's key never finding another shop's products."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from bson import ObjectId

from cloudcat.core.documents import Product
from cloudcat.core.search import reindex_shop
from tests.graphql_client import GraphQLClient

SEARCH = """query($q: String!, $first: Int, $after: String, $c: String, $lo: Decimal, $hi: Decimal) {
  search(query: $q, first: $first, after: $after, categoryId: $c, priceMin: $lo, priceMax: $hi) {
    products { title price { amount } }
    total suggestion
    facets { categories { categoryId count } priceRanges { min { amount } max { amount } count } }
    pageInfo { hasNextPage endCursor }
  }
}"""


def _stock(shop: str, rows: list[tuple[str, str, str]]) -> None:
    for n, (title, category, price) in enumerate(rows):
        Product(
            shop_id=ObjectId(shop),
            source="feed",
            external_id=f"p{n}",
            title=title,
            category_ids=[category],
            price=Decimal(price),
            currency="CNY",
        ).save()
    reindex_shop(ObjectId(shop))


def _front(client: GraphQLClient, slug: str, rows: list[tuple[str, str, str]]) -> dict[str, str]:
    shop = client.create_shop(slug)
    _stock(shop, rows)
    return {"x-cloudcat-storefront-key": client.storefront_key(shop)}


def _search(client: GraphQLClient, front: dict[str, str], **variables: object) -> Any:
    return client.data(SEARCH, variables, path="/storefront/graphql", headers=front)["search"]


def test_search_ranks_pages_and_counts_facets(client: GraphQLClient) -> None:
    client.sign_up("a@example.com")
    front = _front(
        client,
        "tea",
        [
            ("西湖龙井 绿茶", "tea", "128.00"),
            ("龙井茶杯", "ware", "39.00"),
            ("铁观音 乌龙茶", "tea", "88.00"),
            ("Ceramic Teapot", "ware", "220.00"),
        ],
    )
    found = _search(client, front, q="longjing")
    assert [p["title"] for p in found["products"]] == ["西湖龙井 绿茶", "龙井茶杯"]
    assert found["total"] == 2
    assert found["facets"]["categories"] == [
        {"categoryId": "tea", "count": 1},
        {"categoryId": "ware", "count": 1},
    ]
    first = _search(client, front, q="茶", first=2)
    assert first["total"] == 3 and first["pageInfo"]["hasNextPage"] is True
    rest = _search(client, front, q="茶", first=2, after=first["pageInfo"]["endCursor"])
    titles = [p["title"] for p in first["products"] + rest["products"]]
    assert sorted(titles) == sorted(["西湖龙井 绿茶", "龙井茶杯", "铁观音 乌龙茶"])
    assert rest["pageInfo"]["hasNextPage"] is False
    cheap = _search(client, front, q="茶", c="tea", hi="100")
    assert [p["title"] for p in cheap["products"]] == ["铁观音 乌龙茶"]
    typo = _search(client, front, q="teapit")
    assert typo["suggestion"] == "teapot"
    assert [p["title"] for p in typo["products"]] == ["Ceramic Teapot"]
    words = client.data(
        '{ searchSuggestions(prefix: "longj") }', path="/storefront/graphql", headers=front
    )
    assert words["searchSuggestions"][0] == "龙井"  # shortest first
    assert "龙井茶杯" in words["searchSuggestions"]


def test_bad_searches_get_stable_error_codes(client: GraphQLClient) -> None:
    client.sign_up("a@example.com")
    front = _front(client, "tea", [("龙井", "tea", "1.00")])
    cases: list[tuple[dict[str, Any], str]] = [
        ({"q": "  "}, "query"),
        ({"q": "茶" * 201}, "query"),
        ({"q": "茶", "after": "not-a-cursor"}, "after"),
        ({"q": "茶", "first": 500}, "first"),
        ({"q": "茶", "lo": "-1"}, "priceMin"),
        ({"q": "茶", "lo": "10", "hi": "5"}, "priceMax"),
    ]
    for variables, field in cases:
        response = client.post(SEARCH, variables, path="/storefront/graphql", headers=front)
        assert response.status_code == 200
        error = response.json()["errors"][0]
        assert error["extensions"]["code"] == "BAD_USER_INPUT", variables
        assert error["extensions"]["fields"][0]["path"] == [field]
    empty = client.post(
        '{ searchSuggestions(prefix: "") }', path="/storefront/graphql", headers=front
    )
    assert empty.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_a_key_never_finds_another_shops_products(client: GraphQLClient) -> None:
    client.sign_up("a@example.com")
    mine = _front(client, "mine", [("西湖龙井 我的", "tea", "10.00")])
    _front(client, "theirs", [("西湖龙井 他们的", "tea", "10.00"), ("Jasmine tea", "tea", "9.00")])
    found = _search(client, mine, q="龙井")
    assert [p["title"] for p in found["products"]] == ["西湖龙井 我的"]
    assert _search(client, mine, q="jasmine")["total"] == 0
    words = client.data(
        '{ searchSuggestions(prefix: "jas") }', path="/storefront/graphql", headers=mine
    )
    assert words["searchSuggestions"] == []
