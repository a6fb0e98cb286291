"""Checking a storefront key does not write on every request, and revocation still takes
effect within the cache's few seconds."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from starlette.testclient import TestClient

from cloudcat.core.app import create_app
from cloudcat.core.services import Services
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase
from tests.graphql_client import GraphQLClient

SHOP = "{ shop { name } }"
PATH = "/storefront/graphql"


def _key_writes(db: RawDatabase) -> int:
    """Updates the server counted on the storefront key collection (`top`)."""
    entry = db.client.admin.command("top")["totals"].get(f"{db.name}.storefront_keys", {})
    return int(entry.get("update", {}).get("count", 0))


def test_many_requests_within_a_minute_write_last_use_at_most_once(
    client: GraphQLClient, db: RawDatabase
) -> None:
    client.sign_up("a@example.com")
    key = client.storefront_key(client.create_shop("quiet"))
    headers = {"x-cloudcat-storefront-key": key}
    before = _key_writes(db)
    for _ in range(30):
        assert client.data(SHOP, path=PATH, headers=headers) == {"shop": {"name": "Quiet"}}
    assert _key_writes(db) - before <= 1
    stored = db.storefront_keys.find_one({})
    assert stored is not None and stored["last_used_at"] is not None
    for _ in range(5):
        event = {"type": "page_view", "anonymousId": "a"}
        client.http.post("/collect", json={"events": [event]}, headers=headers)
    assert _key_writes(db) - before <= 1


def test_last_use_is_noted_again_once_it_is_a_minute_old(
    client: GraphQLClient, db: RawDatabase, settings: Settings, services: Services
) -> None:
    client.sign_up("a@example.com")
    key = client.storefront_key(client.create_shop("later"))
    headers = {"x-cloudcat-storefront-key": key}
    client.data(SHOP, path=PATH, headers=headers)
    old = datetime.now(UTC) - timedelta(minutes=5)
    db.storefront_keys.update_one({}, {"$set": {"last_used_at": old}})
    # Another API process reads the old value and notes the use once, however often it serves.
    with TestClient(create_app(settings, services)) as other:
        before = _key_writes(db)
        for _ in range(5):
            assert other.post(PATH, json={"query": SHOP}, headers=headers).status_code == 200
        assert _key_writes(db) - before == 1
    stored = db.storefront_keys.find_one({})
    assert stored is not None
    assert stored["last_used_at"].replace(tzinfo=UTC) > old + timedelta(minutes=4)


@pytest.fixture
def short_cache_client(settings: Settings, services: Services) -> Iterator[GraphQLClient]:
    quick = settings.model_copy(update={"storefront_key_cache_seconds": 1.0})
    with TestClient(create_app(quick, services)) as http:
        yield GraphQLClient(http)


def test_a_key_revoked_elsewhere_stops_working_after_the_cache_time(
    short_cache_client: GraphQLClient, db: RawDatabase
) -> None:
    client = short_cache_client
    client.sign_up("a@example.com")
    headers = {"x-cloudcat-storefront-key": client.storefront_key(client.create_shop("revoked"))}
    assert client.data(SHOP, path=PATH, headers=headers)
    # Revoked by another API process: this one still trusts its cached lookup for a moment...
    db.storefront_keys.update_one({}, {"$set": {"revoked_at": datetime.now(UTC)}})
    assert client.post(SHOP, path=PATH, headers=headers).status_code == 200
    # ...and refuses the key once the cache time has passed.
    time.sleep(1.2)
    response = client.post(SHOP, path=PATH, headers=headers)
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
