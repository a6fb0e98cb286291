"""An operator suspends a shop and resumes it: its site, storefront API, jobs and admin changes
stop while suspended (a real worker, real HTTP), nothing is deleted, and resuming restores
everything; other shops carry on."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from bson import ObjectId
from starlette.testclient import TestClient

from cloudcat.core.accounts import ShopFields, create_shop, create_user
from cloudcat.core.app import create_app
from cloudcat.core.documents import Product
from cloudcat.core.documents.base import utcnow
from cloudcat.core.job_handlers import CATALOG_SYNC, collect_handlers
from cloudcat.core.jobs import Worker, get_job, schedule
from cloudcat.core.jobs.model import JobState
from cloudcat.core.jobs.schedules import enqueue_due_schedules, list_schedules
from cloudcat.core.operator import resume, set_operator, suspend
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.services import Services, build_services
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase
from tests.catalog_sources import MARKETS, Market, MarketPlugin, webhook_body
from tests.fakes.feed import FeedServer
from tests.graphql_client import GraphQLClient

FEED = {
    "products": [
        {"id": f"p{i}", "title": f"Teapot {i}", "price": "12.50", "currency": "CNY"}
        for i in range(5)
    ]
}
SUSPEND = (
    "mutation($id: ID!, $r: String) { suspendShop(id: $id, reason: $r) "
    "{ suspended suspendedReason suspendedAt shop { id slug } } }"
)
RESUME = "mutation($id: ID!) { resumeShop(id: $id) { suspended suspendedReason suspendedAt } }"
SYNC = 'mutation($s: ID!) { syncCatalog(shopId: $s, source: "feed") { id } }'
STOREFRONT = "{ shop { name } }"


@pytest.fixture
def feed() -> Iterator[FeedServer]:
    with FeedServer() as server:
        yield server


@pytest.fixture
def operator(make_client: Callable[[], GraphQLClient]) -> GraphQLClient:
    client = make_client()
    client.sign_up("ops@example.com")
    set_operator("ops@example.com", True)
    return client


def _shop(client: GraphQLClient, slug: str, feed: FeedServer) -> str:
    shop = client.create_shop(slug)
    url = feed.serve_json(f"/{slug}.json", FEED)
    for name, config in (("feed", {"url": url}), ("default_theme", {})):
        client.data(
            "mutation($s: ID!, $n: String!, $c: JSON!) "
            "{ configurePlugin(shopId: $s, name: $n, config: $c) { name } }",
            {"s": shop, "n": name, "c": config},
        )
        client.data(
            "mutation($s: ID!, $n: String!) "
            "{ setPluginEnabled(shopId: $s, name: $n, enabled: true) { name } }",
            {"s": shop, "n": name},
        )
    return shop


def _storefront(client: GraphQLClient, key: str) -> tuple[int, dict[str, Any]]:
    response = client.post(
        STOREFRONT, path="/storefront/graphql", headers={"X-CloudCat-Storefront-Key": key}
    )
    return response.status_code, response.json()


def _wait_state(services: Services, shop: str, job: str, state: JobState) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = get_job(services.db, ObjectId(shop), job)
        if found is not None and found.state is state:
            return
        time.sleep(0.05)
    raise AssertionError(f"job {job} never reached {state}")


def test_a_suspended_shop_stops_answering_and_running_and_resuming_restores_it(
    make_client: Callable[[], GraphQLClient],
    operator: GraphQLClient,
    services: Services,
    feed: FeedServer,
) -> None:
    seller = make_client()
    seller.sign_up("seller@example.com")
    shop = _shop(seller, "tea-house", feed)
    other = _shop(seller, "coffee-house", feed)
    key, other_key = seller.storefront_key(shop), seller.storefront_key(other)
    assert seller.http.get("/s/tea-house/").status_code == 200
    assert _storefront(seller, key)[0] == 200

    waiting = seller.data(SYNC, {"s": shop})["syncCatalog"]["id"]  # no worker runs yet

    # Only an operator may suspend, and sellers cannot even see the field.
    assert seller.code(SUSPEND, {"id": shop, "r": "unpaid"}) == "FORBIDDEN"
    done = operator.data(SUSPEND, {"id": shop, "r": "unpaid invoice"})["suspendShop"]
    assert done["suspended"] is True and done["suspendedReason"] == "unpaid invoice"
    assert done["suspendedAt"] is not None and done["shop"]["slug"] == "tea-house"

    # The site answers 503 with a short page; the storefront API a 403 SHOP_SUSPENDED.
    site = seller.http.get("/s/tea-house/")
    assert site.status_code == 503 and "closed" in site.text
    status, body = _storefront(seller, key)
    assert status == 403
    assert body["errors"][0]["extensions"]["code"] == "SHOP_SUSPENDED"
    assert seller.http.get("/s/coffee-house/").status_code == 200
    assert _storefront(seller, other_key)[0] == 200

    # Sellers read their shop, but change nothing in it (any mutation on it).
    read = seller.data(
        "query($s: ID!) { shop(id: $s) { name suspended suspendedReason } }", {"s": shop}
    )["shop"]
    assert read == {"name": "Tea-House", "suspended": True, "suspendedReason": "unpaid invoice"}
    rename = 'mutation($s: ID!) { updateShop(id: $s, input: {name: "X"}) { name } }'
    assert seller.code(rename, {"s": shop}) == "SHOP_SUSPENDED"
    error = seller.error(SYNC, {"s": shop}, headers={"Accept-Language": "zh-CN"})
    assert error["extensions"]["code"] == "SHOP_SUSPENDED" and "暂停" in error["message"]
    states = seller.data(
        "query($s: ID!) { shop(id: $s) { plugins { name notReadyCode } } }", {"s": shop}
    )["shop"]["plugins"]
    assert {p["notReadyCode"] for p in states} == {"SHOP_SUSPENDED"}

    # A job of the suspended shop waits for a real worker, attempts untouched; others run.
    job = seller.data(SYNC, {"s": other})["syncCatalog"]["id"]
    worker = Worker(services.db, collect_handlers(services), poll_seconds=0.05)
    thread = threading.Thread(target=worker.run, daemon=True)
    thread.start()
    try:
        _wait_state(services, other, job, JobState.SUCCEEDED)
        time.sleep(0.5)  # many polls
        held = get_job(services.db, ObjectId(shop), waiting)
        assert held is not None and held.state is JobState.QUEUED and held.attempts == 0
        assert Product.objects(shop_id=shop).count() == 0

        # Resuming restores everything: the waiting job runs, the site and API answer again.
        resumed = operator.data(RESUME, {"id": shop})["resumeShop"]
        assert resumed == {"suspended": False, "suspendedReason": None, "suspendedAt": None}
        _wait_state(services, shop, waiting, JobState.SUCCEEDED)
    finally:
        worker.stop(timeout=10)
        thread.join(timeout=10)
    assert Product.objects(shop_id=shop).count() == 5
    assert seller.http.get("/s/tea-house/").status_code == 200
    assert _storefront(seller, key)[0] == 200
    assert seller.data(rename, {"s": shop})["updateShop"]["name"] == "X"


def test_a_suspended_shops_schedules_stay_and_fire_again_once_resumed(
    services: Services, db: RawDatabase
) -> None:
    owner = create_user("owner@example.com", "password-123")
    shop = create_shop(owner, "tea-house", ShopFields(name="Tea"))
    other = create_shop(owner, "coffee-house", ShopFields(name="Coffee"))
    for each in (shop, other):
        schedule(db, each.id, CATALOG_SYNC, {"source": "feed"}, 60, name="feed")
    suspend(shop, "unpaid")
    later = utcnow() + timedelta(hours=3)  # three hours of slots while suspended
    created = enqueue_due_schedules(db, now=later)
    assert [get_job(db, other.id, j) is not None for j in created] == [True]
    assert db["jobs"].count_documents({"shop_id": shop.id}) == 0
    assert len(list_schedules(db, shop.id)) == 1  # the schedule stays

    resume(shop)
    created = enqueue_due_schedules(db, now=later)
    assert len(created) == 1 and get_job(db, shop.id, created[0]) is not None


def test_a_suspended_shop_takes_no_marketplace_webhook_until_resumed(
    settings: Settings, db: RawDatabase
) -> None:
    MARKETS["default"] = Market()
    services = build_services(
        settings, db, create_plugin_manager(extra=[("market", MarketPlugin())])
    )
    owner = create_user("seller@example.com", "password-123")
    shop = create_shop(owner, "tea-house", ShopFields(name="Tea"))
    services.shop_plugins.set_enabled(shop.id, "market", True)
    change = {
        "id": "d1",
        "product": "P1",
        "title": "Longjing",
        "price": "19.90",
        "modified_at": utcnow().isoformat(),
    }
    try:
        with TestClient(create_app(settings, services)) as client:
            suspend(shop, None)
            body, headers = webhook_body([change])
            refused = client.post(f"/webhooks/market/{shop.id}", content=body, headers=headers)
            assert refused.status_code == 503
            assert refused.json()["error"]["code"] == "SHOP_SUSPENDED"
            assert Product.objects(shop_id=shop.id).count() == 0
            resume(shop)
            again = client.post(f"/webhooks/market/{shop.id}", content=body, headers=headers)
            assert again.status_code == 200 and again.json()["changed"] == 1
    finally:
        MARKETS.clear()
