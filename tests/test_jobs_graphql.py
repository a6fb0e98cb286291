"""Jobs through the admin API: start a catalog sync, watch it finish, cancel and retry."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from bson import ObjectId

from cloudcat.core.job_handlers import collect_handlers
from cloudcat.core.jobs import Worker, enqueue
from cloudcat.core.services import Services
from tests.fakes.feed import FeedServer
from tests.graphql_client import GraphQLClient

JOB = "id kind state attempts progress { done total fraction message } result lastError"
FEED = {
    "products": [
        {"id": f"p{i}", "title": f"Teapot {i}", "price": f"{10 + i}.50", "currency": "CNY"}
        for i in range(30)
    ]
}


@pytest.fixture
def feed() -> Iterator[FeedServer]:
    with FeedServer() as server:
        yield server


@pytest.fixture
def worker(services: Services) -> Iterator[Worker]:
    running = Worker(services.db, collect_handlers(services), poll_seconds=0.05)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    yield running
    running.stop(timeout=10)
    thread.join(timeout=10)


def _wait_for(client: GraphQLClient, shop: str, job: str, states: set[str]) -> dict[str, Any]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = client.data(
            f"query($s: ID!, $j: ID!) {{ shop(id: $s) {{ job(id: $j) {{ {JOB} }} }} }}",
            {"s": shop, "j": job},
        )["shop"]["job"]
        if found["state"] in states:
            return dict(found)
        time.sleep(0.05)
    raise AssertionError(f"job {job} never reached {states}")


def _shop_with_feed(client: GraphQLClient, feed: FeedServer) -> str:
    client.sign_up("seller@example.com")
    shop = client.create_shop("teapots")
    url = feed.serve_json("/feed.json", FEED)
    client.data(
        'mutation($s: ID!, $c: JSON!) { configurePlugin(shopId: $s, name: "feed", config: $c) { name } }',
        {"s": shop, "c": {"url": url}},
    )
    return shop


def test_sync_catalog_runs_as_a_job_with_progress_and_a_report(
    client: GraphQLClient, feed: FeedServer, worker: Worker
) -> None:
    shop = _shop_with_feed(client, feed)
    start = 'mutation($s: ID!) { syncCatalog(shopId: $s, source: "feed") { id state } }'
    assert client.code(start, {"s": shop}) == "PLUGIN_NOT_READY"  # not enabled yet
    client.data(
        'mutation($s: ID!) { setPluginEnabled(shopId: $s, name: "feed", enabled: true) { enabled } }',
        {"s": shop},
    )
    job = client.data(start, {"s": shop})["syncCatalog"]
    assert job["state"] == "QUEUED"
    done = _wait_for(client, shop, job["id"], {"SUCCEEDED", "DEAD"})
    assert done["state"] == "SUCCEEDED", done
    counts = done["result"]["counts"]["product"]
    assert counts["created"] == 30 and counts["failed"] == 0
    assert done["result"]["kind"] == "full" and done["result"]["run_id"]
    assert done["progress"]["fraction"] == 1.0
    products = client.data(
        "query($s: ID!) { shop(id: $s) { products(first: 50) { edges { node { title } } } } }",
        {"s": shop},
    )["shop"]["products"]["edges"]
    assert len(products) == 30
    listed = client.data(
        "query($s: ID!) { shop(id: $s) { jobs(states: [SUCCEEDED]) { edges { node { id kind } } } } }",
        {"s": shop},
    )["shop"]["jobs"]["edges"]
    assert [e["node"]["id"] for e in listed] == [job["id"]]


def test_a_waiting_job_can_be_cancelled_and_retried_through_graphql(
    client: GraphQLClient, services: Services
) -> None:
    client.sign_up("seller@example.com")
    shop = client.create_shop("jobs")
    delayed = enqueue(
        services.db,
        "catalog.sync",
        {"source": "feed"},
        shop_id=ObjectId(shop),
        run_at=datetime(2999, 1, 1, tzinfo=UTC),
    )
    cancel = "mutation($s: ID!, $j: ID!) { cancelJob(shopId: $s, id: $j) { state } }"
    assert client.data(cancel, {"s": shop, "j": str(delayed)})["cancelJob"]["state"] == "CANCELLED"
    retry = "mutation($s: ID!, $j: ID!) { retryJob(shopId: $s, id: $j) { state attempts } }"
    assert client.data(retry, {"s": shop, "j": str(delayed)})["retryJob"]["state"] == "QUEUED"
    assert client.code(retry, {"s": shop, "j": str(delayed)}) == "CONFLICT"
    assert client.code(cancel, {"s": shop, "j": str(ObjectId())}) == "NOT_FOUND"


def test_catalog_sync_can_be_scheduled_and_unscheduled(
    client: GraphQLClient, feed: FeedServer
) -> None:
    shop = _shop_with_feed(client, feed)
    schedule = (
        'mutation($s: ID!, $m: Int) { setCatalogSyncSchedule(shopId: $s, source: "feed", everyMinutes: $m)'
        " { kind name intervalSeconds payload enabled } }"
    )
    assert client.code(schedule, {"s": shop, "m": 30}) == "BAD_USER_INPUT"  # feed not enabled
    client.data(
        'mutation($s: ID!) { setPluginEnabled(shopId: $s, name: "feed", enabled: true) { enabled } }',
        {"s": shop},
    )
    error = client.error(schedule, {"s": shop, "m": 1})
    assert error["extensions"]["fields"][0]["path"] == ["everyMinutes"]
    made = client.data(schedule, {"s": shop, "m": 30})["setCatalogSyncSchedule"]
    assert made == {
        "kind": "catalog.sync",
        "name": "feed",
        "intervalSeconds": 1800.0,
        "payload": {"source": "feed"},
        "enabled": True,
    }
    listed = "query($s: ID!) { shop(id: $s) { schedules { name intervalSeconds } } }"
    assert client.data(listed, {"s": shop})["shop"]["schedules"] == [
        {"name": "feed", "intervalSeconds": 1800.0}
    ]
    assert client.data(schedule, {"s": shop, "m": None}) == {"setCatalogSyncSchedule": None}
    assert client.data(listed, {"s": shop})["shop"]["schedules"] == []


def test_starting_a_sync_twice_returns_the_running_one(
    client: GraphQLClient, feed: FeedServer
) -> None:
    shop = _shop_with_feed(client, feed)
    client.data(
        'mutation($s: ID!) { setPluginEnabled(shopId: $s, name: "feed", enabled: true) { enabled } }',
        {"s": shop},
    )
    start = 'mutation($s: ID!) { syncCatalog(shopId: $s, source: "feed") { id } }'
    first = client.data(start, {"s": shop})["syncCatalog"]["id"]
    assert client.data(start, {"s": shop})["syncCatalog"]["id"] == first
