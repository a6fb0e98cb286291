"""Content in the storefront API: only what is published, per locale with fallback, one shop's
only; product grids give their products' ids; menus."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from bson import ObjectId

from cloudcat.core.content.menus import save_menu
from cloudcat.core.content.pages import create_page, save_draft
from cloudcat.core.content.publishing import publish_now, schedule_publish
from cloudcat.core.documents import Product
from cloudcat.core.services import Services
from tests.graphql_client import GraphQLClient

HOME = """query($l: String) { homePage(locale: $l) { handle locale title alternates
  blocks { id type settings productIds endsAt } } }"""


def _front(client: GraphQLClient, slug: str) -> tuple[ObjectId, dict[str, str]]:
    shop_id = client.create_shop(slug)
    return ObjectId(shop_id), {"x-cloudcat-storefront-key": client.storefront_key(shop_id)}


def _query(client: GraphQLClient, headers: dict[str, str], query: str, **variables: Any) -> Any:
    return client.data(query, variables, path="/storefront/graphql", headers=headers)


def _product(shop_id: ObjectId, n: int, *, categories: list[str], status: str = "active") -> str:
    product = Product(
        shop_id=shop_id, source="feed", external_id=f"p{n}", title=f"Tea {n}", currency="CNY",
        price=Decimal(10 + n), category_ids=categories, status=status,
    )  # fmt: skip
    product.owned.sort_order = -n
    product.save()
    return str(product.id)


def test_drafts_and_schedules_never_reach_the_api(
    client: GraphQLClient, services: Services
) -> None:
    client.sign_up("a@example.com")
    shop_id, front = _front(client, "tea")
    data = {"title": "首页", "blocks": [{"type": "rich_text", "settings": {"html": "<p>v1</p>"}}]}
    page = create_page(shop_id, "home", "zh-CN", data)
    assert _query(client, front, HOME) == {"homePage": None}
    at = datetime.now(UTC) + timedelta(hours=1)
    schedule_publish(services.db, shop_id, page["_id"], "zh-CN", at)
    assert _query(client, front, HOME) == {"homePage": None}
    publish_now(shop_id, page["_id"], "zh-CN")
    save_draft(shop_id, page["_id"], "zh-CN", {"title": "草稿标题", "blocks": []})
    save_draft(shop_id, page["_id"], "en", {"title": "English draft", "blocks": []})
    home = _query(client, front, HOME, l="en")["homePage"]
    assert home["title"] == "首页" and home["locale"] == "zh-CN" and home["alternates"] == ["zh-CN"]
    assert home["blocks"][0]["settings"] == {"html": "<p>v1</p>"}
    assert "草稿" not in str(home) and "English draft" not in str(home)


def test_one_shop_never_sees_another_shops_content(client: GraphQLClient) -> None:
    client.sign_up("a@example.com")
    mine, _ = _front(client, "mine")
    _, theirs = _front(client, "theirs")
    page = create_page(mine, "landing", "zh-CN", {"title": "Mine", "blocks": []}, handle="about")
    publish_now(mine, page["_id"], "zh-CN")
    save_menu(mine, "main", "zh-CN", [{"label": "Mine", "url": "/"}])
    query = '{ page(handle: "about") { title } menu(handle: "main") { label } articles { nodes { id } } }'
    assert _query(client, theirs, query) == {"page": None, "menu": None, "articles": {"nodes": []}}


def test_product_grids_give_their_published_products_in_order(client: GraphQLClient) -> None:
    client.sign_up("a@example.com")
    shop_id, front = _front(client, "grid")
    ids = [_product(shop_id, n, categories=["green"]) for n in range(4)]
    _product(shop_id, 9, categories=["green"], status="delisted")
    _product(shop_id, 8, categories=["black"])
    ends = "2031-01-01T00:00:00+00:00"
    blocks = [
        {"type": "product_grid", "settings": {"source": "collection", "collection_id": "green", "limit": 3}},
        {"type": "product_grid", "settings": {"source": "rule", "rule": {"category_id": "green", "sort": "price_desc"}}},
        {"type": "countdown", "settings": {"heading": "Sale", "ends_at": ends}},
    ]  # fmt: skip
    page = create_page(shop_id, "home", "zh-CN", {"title": "Home", "blocks": blocks})
    publish_now(shop_id, page["_id"], "zh-CN")
    home = _query(client, front, HOME)["homePage"]
    manual, by_price, countdown = home["blocks"]
    assert manual["productIds"] == [ids[3], ids[2], ids[1]]  # the seller's order
    assert by_price["productIds"] == [ids[3], ids[2], ids[1], ids[0]]
    assert countdown["productIds"] is None
    assert datetime.fromisoformat(countdown["endsAt"]) == datetime.fromisoformat(ends)


def test_articles_paginate_and_menus_fall_back(client: GraphQLClient) -> None:
    client.sign_up("a@example.com")
    shop_id, front = _front(client, "blog")
    start = datetime(2026, 3, 1, tzinfo=UTC)
    for n in range(3):
        article = create_page(shop_id, "article", "zh-CN", {"title": f"A{n}", "blocks": []})
        publish_now(shop_id, article["_id"], "zh-CN", now=start + timedelta(days=n))
    query = """query($a: String) { articles(first: 2, after: $a) {
      nodes { title kind } pageInfo { hasNextPage endCursor } } }"""
    first = _query(client, front, query)["articles"]
    assert [n["title"] for n in first["nodes"]] == ["A2", "A1"] and first["pageInfo"]["hasNextPage"]
    rest = _query(client, front, query, a=first["pageInfo"]["endCursor"])["articles"]
    assert [n["title"] for n in rest["nodes"]] == ["A0"] and not rest["pageInfo"]["hasNextPage"]
    save_menu(
        shop_id,
        "main",
        "zh-CN",
        [{"label": "首页", "url": "/", "children": [{"label": "茶", "url": "/collections/tea"}]}],
    )
    menu = '{ menu(handle: "main", locale: "en") { label url children { label url } } }'
    assert _query(client, front, menu)["menu"] == [
        {"label": "首页", "url": "/", "children": [{"label": "茶", "url": "/collections/tea"}]}
    ]
