"""The operator's shop list: each shop's sources (connection, sync health) and plugin errors,
read in batches (a fixed number of queries per page, whatever the number of shops), searched,
filtered to those with problems, paged; and the operator role itself."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from bson import ObjectId
from pymongo import monitoring

from cloudcat.core.accounts import ShopFields, authenticate, create_shop, create_user
from cloudcat.core.demo import DEMO_EMAIL, DEMO_OPERATOR_EMAIL, DEMO_OPERATOR_PASSWORD, seed_demo
from cloudcat.core.documents import OAuthConnection, ShopPlugin, SourceSyncState, User
from cloudcat.core.documents.base import utcnow
from cloudcat.core.operator import set_operator
from cloudcat.core.services import Services
from cloudcat.core.storage.database import RawDatabase
from tests.graphql_client import GraphQLClient

SHOPS = (
    "query($f: Int, $a: String, $q: String, $p: Boolean) { operatorShops(first: $f, after: $a, "
    "search: $q, problemsOnly: $p) { pageInfo { hasNextPage endCursor } nodes { suspended "
    "shop { slug name } sources { plugin title enabled connected health lastError lastSyncAt "
    "lastSyncState } pluginErrors { plugin lastError lastErrorAt } } } }"
)


class Finds(monitoring.CommandListener):
    """Counts the `find` commands of the test's database while armed."""

    def __init__(self) -> None:
        self.armed = False
        self.collections: list[str] = []

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        if self.armed and event.command_name == "find":
            self.collections.append(str(event.command["find"]))

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        """Nothing to record."""

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        """Nothing to record."""


FINDS = Finds()
monitoring.register(FINDS)  # before the `db` fixture makes the test's client


@pytest.fixture
def finds() -> Iterator[Finds]:
    FINDS.collections.clear()
    yield FINDS
    FINDS.armed = False


@pytest.fixture
def operator(make_client: Callable[[], GraphQLClient], db: RawDatabase) -> GraphQLClient:
    client = make_client()
    client.sign_up("ops@example.com")
    set_operator("ops@example.com", True)
    return client


def _shops(db: RawDatabase, count: int) -> list[ObjectId]:
    owner = create_user("owner@example.com", "password-123")
    ids = []
    for n in range(count):
        shop = create_shop(owner, f"shop-{n:02d}", ShopFields(name=f"Shop {n:02d}"))
        ids.append(shop.id)
    return ids


def test_shops_show_sources_sync_health_and_plugin_errors(
    operator: GraphQLClient, db: RawDatabase, finds: Finds
) -> None:
    ids = _shops(db, 12)
    now = utcnow().replace(microsecond=0)
    for n, shop_id in enumerate(ids):
        ShopPlugin(shop_id=shop_id, name="taobao", enabled=True).save()
        if n % 3 == 0:  # connected, last sync succeeded
            OAuthConnection(shop_id=shop_id, plugin="taobao", token="x").save()
            SourceSyncState(
                shop_id=shop_id, source="taobao", last_run_status="succeeded", last_success_at=now
            ).save()
        if n % 4 == 1:  # a failing webhook publisher
            ShopPlugin(
                shop_id=shop_id,
                name="webhook",
                enabled=True,
                health="error",
                last_error="receiver answered 500",
                last_error_at=now,
            ).save()
        if n == 5:
            SourceSyncState(
                shop_id=shop_id,
                source="taobao",
                last_run_status="failed",
                last_error_at=now - timedelta(minutes=1),
            ).save()

    finds.armed = True
    page = operator.data(SHOPS, {"f": 10}, headers={"Accept-Language": "zh-CN"})["operatorShops"]
    finds.armed = False
    by_collection = {c: finds.collections.count(c) for c in set(finds.collections)}
    # Fixed queries per page: the viewer, the shops, then one per collection of the batch.
    assert by_collection == {
        "sessions": 1,
        "users": 1,
        "shops": 1,
        "shop_plugins": 1,
        "oauth_connections": 1,
        "sync_states": 1,
    }, by_collection

    assert page["pageInfo"]["hasNextPage"] is True
    rows = page["nodes"]
    assert [r["shop"]["slug"] for r in rows] == [f"shop-{n:02d}" for n in range(10)]
    first = rows[0]["sources"]
    assert first == [
        {
            "plugin": "taobao",
            "title": "淘宝 / 天猫",
            "enabled": True,
            "connected": True,
            "health": "UNKNOWN",
            "lastError": None,
            "lastSyncAt": first[0]["lastSyncAt"],
            "lastSyncState": "SUCCEEDED",
        }
    ]
    assert first[0]["lastSyncAt"] is not None
    assert rows[1]["sources"][0]["connected"] is False
    assert rows[1]["sources"][0]["lastSyncState"] is None
    assert rows[1]["pluginErrors"] == [
        {"plugin": "webhook", "lastError": "receiver answered 500", "lastErrorAt": _iso(rows[1])}
    ]
    assert rows[5]["sources"][0]["lastSyncState"] == "FAILED"

    rest = operator.data(SHOPS, {"f": 10, "a": page["pageInfo"]["endCursor"]})["operatorShops"]
    assert [r["shop"]["slug"] for r in rest["nodes"]] == ["shop-10", "shop-11"]
    assert rest["pageInfo"]["hasNextPage"] is False

    problems = operator.data(SHOPS, {"p": True})["operatorShops"]["nodes"]
    assert [r["shop"]["slug"] for r in problems] == ["shop-01", "shop-05", "shop-09"]
    found = operator.data(SHOPS, {"q": "Shop 1"})["operatorShops"]["nodes"]
    assert [r["shop"]["slug"] for r in found] == ["shop-10", "shop-11"]
    assert operator.data(SHOPS, {"q": ".*"})["operatorShops"]["nodes"] == []  # not a regex


def _iso(row: dict[str, Any]) -> Any:
    return row["pluginErrors"][0]["lastErrorAt"]


def test_the_operator_role_is_shown_and_only_an_operator_sees_the_shops(
    make_client: Callable[[], GraphQLClient], operator: GraphQLClient, db: RawDatabase
) -> None:
    _shops(db, 1)
    assert operator.data("{ me { isOperator } }") == {"me": {"isOperator": True}}
    seller = make_client()
    seller.sign_up("seller@example.com")
    assert seller.data("{ me { isOperator } }") == {"me": {"isOperator": False}}
    assert seller.code(SHOPS) == "FORBIDDEN"
    assert make_client().code(SHOPS) == "UNAUTHENTICATED"
    # A non-operator cannot make itself one: no mutation sets the flag.
    assert seller.code("mutation { updateMe(isOperator: true) { isOperator } }") in {
        "GRAPHQL_VALIDATION_FAILED"
    }
    set_operator("ops@example.com", False)
    assert operator.code(SHOPS) == "FORBIDDEN"
    assert User.objects(email="ops@example.com").get().is_operator is False


def test_the_dev_seed_creates_the_demo_operator(services: Services) -> None:
    seed_demo(services, "http://127.0.0.1:9/demo-catalog.json")
    seed_demo(services, "http://127.0.0.1:9/demo-catalog.json")  # idempotent
    found = User.objects(email=DEMO_OPERATOR_EMAIL).get()
    assert found.is_operator is True
    assert authenticate(DEMO_OPERATOR_EMAIL, DEMO_OPERATOR_PASSWORD) is not None
    assert User.objects(email=DEMO_EMAIL).get().is_operator is False
