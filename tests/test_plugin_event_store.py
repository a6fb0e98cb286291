"""The built-in event store keeps each shop's events once, however often they are delivered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bson import ObjectId

from cloudcat.core.documents import Shop
from cloudcat.core.plugin_api import AnalyticsSink, TrackedEvent
from cloudcat.core.providers import ProviderKind
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.tenancy import ShopPlugins
from cloudcat.plugins.event_store.store import (
    EVENTS_COLLECTION,
    EventStore,
    StoreResult,
    ensure_event_indexes,
    store_events,
)
from tests.conftest import make_shop

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def event(n: int, kind: str = "product_view") -> TrackedEvent:
    return TrackedEvent(
        id=f"evt-{n}",
        type=kind,
        occurred_at=T0 + timedelta(seconds=n),
        anonymous_id="anon-1",
        properties={"product_id": f"P{n}", "price": "12.50"},
        url=f"https://tea.example/p/{n}",
    )


def sink_for(shop_plugins: ShopPlugins, shop: Shop) -> AnalyticsSink:
    shop_plugins.set_enabled(shop.id, "event_store", True)
    (sink,) = shop_plugins.enabled_providers(shop, ProviderKind.ANALYTICS_SINK)
    assert isinstance(sink, EventStore)
    return sink


def test_events_are_stored_with_their_shop(db: RawDatabase, shop_plugins: ShopPlugins) -> None:
    shop = make_shop("tea-house")

    accepted = sink_for(shop_plugins, shop).deliver([event(1), event(2, "add_to_cart")])

    assert accepted == 2
    stored = list(db[EVENTS_COLLECTION].find({}, {"_id": 0, "received_at": 0}).sort("event_id"))
    assert stored[0] == {
        "shop_id": shop.id,
        "event_id": "evt-1",
        "type": "product_view",
        "occurred_at": T0 + timedelta(seconds=1),
        "anonymous_id": "anon-1",
        "member_id": None,
        "url": "https://tea.example/p/1",
        "properties": {"product_id": "P1", "price": "12.50"},
    }
    assert [doc["type"] for doc in stored] == ["product_view", "add_to_cart"]


def test_redelivery_is_idempotent_by_shop_and_event_id(
    db: RawDatabase, shop_plugins: ShopPlugins
) -> None:
    tea, coffee = make_shop("tea-house"), make_shop("coffee-bar")
    sink = sink_for(shop_plugins, tea)

    assert sink.deliver([event(1), event(2)]) == 2
    assert sink.deliver([event(2), event(3), event(3)]) == 3  # a retried batch: all accepted
    assert sink_for(shop_plugins, coffee).deliver([event(1)]) == 1  # same id, other shop

    count = db[EVENTS_COLLECTION].count_documents
    assert count({"shop_id": tea.id}) == 3
    assert count({"shop_id": coffee.id}) == 1
    result = store_events(db, ObjectId(tea.id), [event(3), event(4)])
    assert result == StoreResult(inserted=1, duplicates=1, failed=0)
    assert result.accepted == 2


def test_the_unique_index_exists(db: RawDatabase) -> None:
    ensure_event_indexes(db)
    ensure_event_indexes(db)  # idempotent

    indexes = db[EVENTS_COLLECTION].index_information()
    assert indexes["shop_event"]["unique"] is True
    assert indexes["shop_event"]["key"] == [("shop_id", 1), ("event_id", 1)]


def test_nothing_to_deliver(db: RawDatabase) -> None:
    assert store_events(db, ObjectId(), []) == StoreResult(0, 0, 0)
