"""The admin home page's `shopOverview`: each onboarding step and number follows what is stored
(sources, syncs, themes, content pages), one shop at a time, for every member, writing nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree

import pytest
from bson import ObjectId

from cloudcat.core.catalog.engine import run_sync
from cloudcat.core.catalog.report import SyncFailed
from cloudcat.core.documents import Product, Shop
from cloudcat.core.providers import MarketplaceSource
from cloudcat.core.qr import qr_svg
from cloudcat.core.services import Services
from cloudcat.core.storage.database import RawDatabase
from tests.fakes.feed import FeedServer
from tests.graphql_client import GraphQLClient

OVERVIEW = """query($s: ID!) { shopOverview(shopId: $s) {
  siteUrl productsPublished pagesPublished
  lastSync { at status source errorCode error summary { entity created updated unchanged removed failed } }
  steps { key done available } } }"""

QR = "query($s: ID!) { shopOverview(shopId: $s) { siteQrSvg } }"

ROWS = [
    {"id": "A1", "title": "龙井茶 Longjing", "price": "19.90"},
    {"id": "A2", "title": "Tea cup", "price": "12.00"},
    {"id": "A3", "title": "Teapot", "price": "88.00"},
]


def overview(client: GraphQLClient, shop_id: str) -> dict[str, Any]:
    data: dict[str, Any] = client.data(OVERVIEW, {"s": shop_id})["shopOverview"]
    return data


def steps(data: dict[str, Any]) -> dict[str, bool]:
    return {step["key"]: step["done"] for step in data["steps"]}


def sync_feed(services: Services, shop_id: str) -> None:
    shop = Shop.objects(id=ObjectId(shop_id)).get()
    source = services.shop_plugins.provider(shop, "feed")
    assert isinstance(source, MarketplaceSource)
    run_sync(shop, source, kind="full")


def page(shop_id: str, kind: str, handle: str, **locales: dict[str, Any]) -> dict[str, Any]:
    """A content page as the content helper stores it (`content_pages`, per the contract)."""
    now = datetime.now(UTC)
    data = {"title": handle, "blocks": []}
    return {
        "shop_id": ObjectId(shop_id),
        "kind": kind,
        "handle": handle,
        "created_at": now,
        "updated_at": now,
        "locales": {
            locale: {"draft": data, "draft_version": 1, "published": None, **state}
            for locale, state in locales.items()
        },
    }


@pytest.fixture
def seller(owner: GraphQLClient) -> str:
    return owner.create_shop("tea-house")


def test_a_new_shop_has_nothing_done_and_its_site_address(
    owner: GraphQLClient, seller: str
) -> None:
    data = overview(owner, seller)
    assert data["siteUrl"] == "http://testserver/s/tea-house/"
    # The QR code is an SVG of the site's address (the same as for that address, not another's).
    text = owner.data(QR, {"s": seller})["shopOverview"]["siteQrSvg"]
    svg = ElementTree.fromstring(text)
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.find("{http://www.w3.org/2000/svg}path") is not None
    assert text == qr_svg(data["siteUrl"]) != qr_svg("http://testserver/s/elsewhere/")
    assert data["productsPublished"] == 0
    assert data["pagesPublished"] == 0
    assert data["lastSync"] is None
    assert [(s["key"], s["done"], s["available"]) for s in data["steps"]] == [
        ("CONNECT_SOURCE", False, True),
        ("FIRST_SYNC", False, True),
        ("CHOOSE_THEME", False, True),
        ("EDIT_HOME", False, True),
        ("PUBLISH", False, True),
        ("SHARE_POST", False, False),
    ]


def test_connecting_and_syncing_a_source_and_choosing_a_theme_are_seen(
    owner: GraphQLClient, seller: str, services: Services, feed_server: FeedServer
) -> None:
    shop_plugins = services.shop_plugins
    # Enabled but not configured: not connected yet.
    shop_plugins.set_enabled(seller, "feed", True)
    assert steps(overview(owner, seller))["CONNECT_SOURCE"] is False

    shop_plugins.configure(seller, "feed", {"url": feed_server.serve_json("/feed", ROWS)})
    data = overview(owner, seller)
    assert steps(data)["CONNECT_SOURCE"] is True
    assert steps(data)["FIRST_SYNC"] is False

    sync_feed(services, seller)
    Product.objects(shop_id=ObjectId(seller), external_id="A3").update_one(
        set__owned__published=False
    )
    data = overview(owner, seller)
    assert steps(data)["FIRST_SYNC"] is True
    assert data["productsPublished"] == 2  # the hidden one is not on the site
    last = data["lastSync"]
    assert last["status"] == "SUCCEEDED"
    assert last["source"] == "feed"
    assert last["errorCode"] is None
    assert {"entity": "product", "created": 3, "updated": 0, "unchanged": 0, "removed": 0,
            "failed": 0} in last["summary"]  # fmt: skip
    assert datetime.fromisoformat(last["at"]) <= datetime.now(UTC)

    assert steps(data)["CHOOSE_THEME"] is False
    shop_plugins.set_enabled(seller, "default_theme", True)
    assert steps(overview(owner, seller))["CHOOSE_THEME"] is True
    shop_plugins.set_enabled(seller, "default_theme", False)
    assert steps(overview(owner, seller))["CHOOSE_THEME"] is False


def test_a_failed_sync_is_the_last_sync_but_an_earlier_success_still_counts(
    owner: GraphQLClient, seller: str, services: Services, feed_server: FeedServer
) -> None:
    shop_plugins = services.shop_plugins
    url = feed_server.serve_json("/feed", ROWS)
    shop_plugins.configure(seller, "feed", {"url": url})
    shop_plugins.set_enabled(seller, "feed", True)
    sync_feed(services, seller)
    feed_server.serve("/feed", "this is not a feed {", "application/json")
    with pytest.raises(SyncFailed):
        sync_feed(services, seller)

    data = overview(owner, seller)
    assert data["lastSync"]["status"] == "FAILED"
    assert data["lastSync"]["errorCode"]
    assert data["lastSync"]["error"]
    assert steps(data)["FIRST_SYNC"] is True
    assert data["productsPublished"] == 3


def test_the_home_page_and_published_pages_come_from_content_pages(
    owner: GraphQLClient, seller: str, db: RawDatabase, make_client: Callable[[], GraphQLClient]
) -> None:
    pages = db["content_pages"]
    # A draft landing page: nothing is edited on the home page, nothing is published.
    pages.insert_one(page(seller, "landing", "spring", **{"zh-CN": {}}))
    data = overview(owner, seller)
    assert (steps(data)["EDIT_HOME"], steps(data)["PUBLISH"], data["pagesPublished"]) == (
        False,
        False,
        0,
    )

    home = page(seller, "home", "home", **{"zh-CN": {}, "en": {}})
    pages.insert_one(home)
    data = overview(owner, seller)
    assert steps(data)["EDIT_HOME"] is True
    assert data["pagesPublished"] == 0

    snapshot = {"title": "Home", "blocks": []}
    pages.update_one({"_id": home["_id"]}, {"$set": {"locales.en.published": snapshot}})
    data = overview(owner, seller)
    assert data["pagesPublished"] == 1
    assert steps(data)["PUBLISH"] is True
    # Published in two locales is still one page.
    pages.update_one({"_id": home["_id"]}, {"$set": {"locales.zh-CN.published": snapshot}})
    assert overview(owner, seller)["pagesPublished"] == 1

    # Another shop's published pages are not this shop's.
    other = make_client()
    other.sign_up("other@example.com")
    elsewhere = other.create_shop("elsewhere")
    pages.insert_one(page(elsewhere, "landing", "x", en={"published": snapshot}))
    assert overview(owner, seller)["pagesPublished"] == 1
    assert overview(other, elsewhere)["pagesPublished"] == 1
    assert steps(overview(other, elsewhere))["EDIT_HOME"] is False


def test_every_member_may_read_it_and_nobody_else(
    owner: GraphQLClient, seller: str, make_client: Callable[[], GraphQLClient]
) -> None:
    analyst = make_client()
    analyst.sign_up("an@example.com")
    owner.data(
        'mutation($s: ID!) { addMember(shopId: $s, email: "an@example.com", role: ANALYST) '
        "{ role } }",
        {"s": seller},
    )
    assert overview(analyst, seller)["siteUrl"].endswith("/s/tea-house/")

    stranger = make_client()
    stranger.sign_up("stranger@example.com")
    assert stranger.code(OVERVIEW, {"s": seller}) in {"NOT_FOUND", "FORBIDDEN"}
    assert make_client().code(OVERVIEW, {"s": seller}) == "UNAUTHENTICATED"
    assert owner.code(OVERVIEW, {"s": "not-an-id"}) in {"NOT_FOUND", "BAD_USER_INPUT"}


def test_reading_it_writes_nothing(
    owner: GraphQLClient, seller: str, db: RawDatabase, services: Services, feed_server: FeedServer
) -> None:
    services.shop_plugins.configure(seller, "feed", {"url": feed_server.serve_json("/f", ROWS)})
    services.shop_plugins.set_enabled(seller, "feed", True)
    sync_feed(services, seller)

    def snapshot() -> dict[str, list[Any]]:
        names = ["products", "sync_runs", "source_sync_states", "shop_plugins", "content_pages"]
        return {name: list(db[name].find({}, sort=[("_id", 1)])) for name in names}

    before = snapshot()
    overview(owner, seller)
    assert snapshot() == before
