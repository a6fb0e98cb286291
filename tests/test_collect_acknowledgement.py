"""/collect acknowledges only what a sink stored, and refuses events dated far off."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from starlette.testclient import TestClient

from cloudcat.core.app import create_app
from cloudcat.core.plugin_api import AnalyticsSink, TrackedEvent, hookimpl
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.services import build_services
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase
from tests.graphql_client import GraphQLClient

ENABLE = (
    "mutation($s: ID!, $n: String!) { setPluginEnabled(shopId: $s, name: $n, enabled: true)"
    " { enabled } }"
)


class BrokenSink(AnalyticsSink):
    """A sink whose store is down."""

    name = "broken_sink"
    title = "Broken sink"
    version = "0.1.0"
    requires_cloudcat = ">=0.1,<1"

    def deliver(self, events: Iterable[TrackedEvent]) -> int:
        raise ConnectionError("the analytics service is down")


class BrokenPlugin:
    @hookimpl
    def cloudcat_analytics_sinks(self) -> list[type[AnalyticsSink]]:
        return [BrokenSink]


@pytest.fixture
def http(settings: Settings, db: RawDatabase) -> Iterator[GraphQLClient]:
    services = build_services(
        settings, db, create_plugin_manager(extra=[("broken", BrokenPlugin())])
    )
    with TestClient(create_app(settings, services)) as client:
        yield GraphQLClient(client)


def _shop(client: GraphQLClient, slug: str) -> tuple[str, dict[str, str]]:
    shop = client.create_shop(slug)
    return shop, {"x-cloudcat-storefront-key": client.storefront_key(shop)}


def _event(n: int, **extra: object) -> dict[str, object]:
    return {"id": f"evt-{n:08d}", "type": "page_view", "anonymousId": "anon", **extra}


def test_without_a_sink_nothing_is_claimed_accepted(http: GraphQLClient, db: RawDatabase) -> None:
    http.sign_up("a@example.com")
    _, headers = _shop(http, "nosink")
    events = [_event(1), {"type": "nope", "anonymousId": "a"}, _event(2)]
    response = http.http.post("/collect", json={"events": events}, headers=headers)
    assert response.status_code == 202
    body = response.json()
    assert body["accepted"] == 0
    assert [r["index"] for r in body["rejected"]] == [1]
    assert body["dropped"] == [
        {"index": 0, "reason": "no_sink_enabled"},
        {"index": 2, "reason": "no_sink_enabled"},
    ]
    assert db.events.count_documents({}) == 0


def test_accepted_events_are_stored(http: GraphQLClient, db: RawDatabase) -> None:
    http.sign_up("a@example.com")
    shop, headers = _shop(http, "stored")
    http.data(ENABLE, {"s": shop, "n": "event_store"})
    events = [_event(n) for n in range(5)]
    body = http.http.post("/collect", json={"events": events}, headers=headers).json()
    assert body == {"accepted": 5, "rejected": [], "dropped": []}
    assert db.events.count_documents({}) == 5


def test_when_every_sink_fails_the_events_are_dropped(http: GraphQLClient, db: RawDatabase) -> None:
    http.sign_up("a@example.com")
    shop, headers = _shop(http, "broken")
    http.data(ENABLE, {"s": shop, "n": "broken_sink"})
    body = http.http.post("/collect", json={"events": [_event(1)]}, headers=headers).json()
    assert body["accepted"] == 0
    assert body["dropped"] == [{"index": 0, "reason": "sink_failed"}]
    # With a working sink beside it, the events are stored and acknowledged.
    http.data(ENABLE, {"s": shop, "n": "event_store"})
    body = http.http.post("/collect", json={"events": [_event(2)]}, headers=headers).json()
    assert body["accepted"] == 1 and body["dropped"] == []
    assert db.events.count_documents({}) == 1


def test_event_times_far_off_are_rejected(http: GraphQLClient, db: RawDatabase) -> None:
    http.sign_up("a@example.com")
    shop, headers = _shop(http, "times")
    http.data(ENABLE, {"s": shop, "n": "event_store"})
    now = datetime.now(UTC)
    times = [
        "2099-01-01T00:00:00Z",
        "1970-01-01T00:00:00Z",
        (now - timedelta(days=8)).isoformat(),
        (now + timedelta(minutes=11)).isoformat(),
        (now - timedelta(days=6)).isoformat(),
        (now + timedelta(minutes=5)).isoformat(),
        now.replace(tzinfo=None).isoformat(),  # no offset: read as UTC
    ]
    events = [_event(n, occurredAt=t) for n, t in enumerate(times)]
    body = http.http.post("/collect", json={"events": events}, headers=headers).json()
    assert [r["index"] for r in body["rejected"]] == [0, 1, 2, 3]
    assert "days ago" in body["rejected"][1]["reason"]
    assert "in the future" in body["rejected"][0]["reason"]
    assert body["accepted"] == 3
    assert db.events.count_documents({}) == 3
