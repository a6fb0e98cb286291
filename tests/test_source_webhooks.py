"""Marketplace webhooks: signed deliveries are applied once and in order; forged ones refused."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from starlette.testclient import TestClient

from cloudcat.core.accounts import ShopFields, create_shop, create_user
from cloudcat.core.app import create_app
from cloudcat.core.documents import Shop, SyncRun
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.services import build_services
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase
from tests.catalog_checks import catalog_writes, snapshot
from tests.catalog_sources import MARKETS, Market, MarketPlugin, webhook_body

T0 = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def setup(settings: Settings, db: RawDatabase) -> Iterator[tuple[TestClient, Shop]]:
    MARKETS["default"] = Market()
    services = build_services(
        settings, db, create_plugin_manager(extra=[("market", MarketPlugin())])
    )
    owner = create_user("seller@example.com", "correct horse battery")
    shop = create_shop(owner, "tea-house", ShopFields(name="Tea House"))
    services.shop_plugins.set_enabled(shop.id, "market", True)
    with TestClient(create_app(settings, services)) as client:
        yield client, shop
    MARKETS.clear()


def deliver(client: TestClient, shop: Shop, *changes: dict[str, Any], forge: bool = False) -> Any:
    body, headers = webhook_body(changes)
    if forge:
        body = body.replace(b"19.90", b"0.01")
    return client.post(f"/webhooks/market/{shop.id}", content=body, headers=headers)


def update(n: int, title: str, price: str, at: datetime) -> dict[str, Any]:
    return {
        "id": f"d{n}",
        "product": "P1",
        "title": title,
        "price": price,
        "modified_at": at.isoformat(),
    }


def test_a_signed_delivery_is_applied_and_a_duplicate_changes_nothing(
    db: RawDatabase, setup: tuple[TestClient, Shop]
) -> None:
    client, shop = setup
    answer = deliver(client, shop, update(1, "Longjing", "19.90", T0))
    assert answer.status_code == 200 and answer.json() == {"applied": 1, "changed": 1, "failed": 0}
    stored = snapshot(db, shop.id)["P1"]
    writes = catalog_writes(db)

    again = deliver(client, shop, update(1, "Longjing", "19.90", T0))

    assert again.json() == {"applied": 1, "changed": 0, "failed": 0}
    assert catalog_writes(db) == writes and snapshot(db, shop.id)["P1"] == stored
    assert [run.kind for run in SyncRun.objects(shop_id=shop.id)] == ["changes"]


def test_out_of_order_deliveries_never_overwrite_newer_data(
    db: RawDatabase, setup: tuple[TestClient, Shop]
) -> None:
    client, shop = setup
    later = T0 + timedelta(minutes=5)
    deliver(client, shop, update(2, "New title", "25.00", later))

    late = deliver(client, shop, update(1, "Old title", "19.90", T0))

    assert late.json()["changed"] == 0
    stored = snapshot(db, shop.id)["P1"]
    assert stored["title"] == "New title" and stored["revision"] == 1
    gone = {
        "id": "d3",
        "product": "P1",
        "action": "delete",
        "modified_at": (later + timedelta(minutes=1)).isoformat(),
    }
    deliver(client, shop, gone)
    deliver(client, shop, update(2, "New title", "25.00", later))  # redelivered after the delete
    assert snapshot(db, shop.id)["P1"]["status"] == "deleted"


def test_a_forged_delivery_is_refused_and_changes_nothing(
    db: RawDatabase, setup: tuple[TestClient, Shop]
) -> None:
    client, shop = setup
    deliver(client, shop, update(1, "Longjing", "19.90", T0))
    before, writes = snapshot(db, shop.id), catalog_writes(db)

    forged = deliver(
        client, shop, update(2, "Longjing", "19.90", T0 + timedelta(hours=1)), forge=True
    )

    assert forged.status_code == 401
    assert forged.json()["error"]["code"] == "WEBHOOK_REJECTED"
    assert snapshot(db, shop.id) == before and catalog_writes(db) == writes
    unsigned = client.post(f"/webhooks/market/{shop.id}", content=b"[]")
    assert unsigned.status_code == 401


def test_unknown_shops_and_sources_are_not_found(
    db: RawDatabase, setup: tuple[TestClient, Shop]
) -> None:
    client, shop = setup
    body, headers = webhook_body([])
    for path in (
        "/webhooks/market/not-an-id",
        "/webhooks/market/5f0000000000000000000000",
        f"/webhooks/nothing/{shop.id}",
        f"/webhooks/feed/{shop.id}",
    ):
        assert client.post(path, content=body, headers=headers).status_code == 404, path
    other = create_shop(
        create_user("o@example.com", "correct horse battery"), "other", ShopFields(name="O")
    )
    assert (
        client.post(f"/webhooks/market/{other.id}", content=body, headers=headers).status_code
        == 404
    )
