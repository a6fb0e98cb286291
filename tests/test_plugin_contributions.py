"""Plugins contribute routes, storefront fields, job handlers and event observers; the collector
and the themed site use the shop's enabled plugins only."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pytest
import strawberry
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import BaseRoute, Route
from starlette.testclient import TestClient

from cloudcat.core.app import create_app
from cloudcat.core.job_handlers import DuplicateJobKind, collect_handlers
from cloudcat.core.plugin_api import (
    AnalyticsSink,
    GraphQLContribution,
    ShopInfo,
    TrackedEvent,
    hookimpl,
    require_plugin_enabled,
)
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.services import Services, build_services
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase
from cloudcat.plugins.event_store.store import EventStore
from cloudcat.schema.context import AppInfo
from tests.graphql_client import GraphQLClient


@strawberry.type
class BannerQuery:
    @strawberry.field
    def banner(self, info: AppInfo) -> str:
        shop = require_plugin_enabled(info, str(info.context.storefront().id), "event_store")
        return f"Welcome to {shop.name}"


class ExtrasSink(EventStore):
    """The test plugin's provider: its observers run in shops where this sink is enabled."""

    name = "extras_sink"
    title = "Extras sink"


class Extras:
    """A test plugin contributing a route, a storefront field, a job kind and an observer."""

    def __init__(self) -> None:
        self.tracked: list[tuple[str, list[str]]] = []

    @hookimpl
    def cloudcat_analytics_sinks(self) -> list[type[AnalyticsSink]]:
        return [ExtrasSink]

    @hookimpl
    def cloudcat_routes(self) -> Sequence[BaseRoute]:
        async def hello(request: Request) -> PlainTextResponse:
            return PlainTextResponse(f"hello {request.path_params['who']}")

        return [Route("/hello/{who}", hello)]

    @hookimpl
    def cloudcat_storefront_graphql(self) -> GraphQLContribution:
        return GraphQLContribution(query=BannerQuery)

    @hookimpl
    def cloudcat_job_handlers(self) -> dict[str, Any]:
        return {"extras.noop": lambda job: {"ok": True}}

    @hookimpl
    def cloudcat_events_tracked(self, shop: ShopInfo, events: Sequence[TrackedEvent]) -> None:
        self.tracked.append((shop.slug, [e.type for e in events]))


class DuplicateKind:
    @hookimpl
    def cloudcat_job_handlers(self) -> dict[str, Any]:
        return {"catalog.sync": lambda job: None}


@pytest.fixture
def extras() -> Extras:
    return Extras()


@pytest.fixture
def extras_services(settings: Settings, db: RawDatabase, extras: Extras) -> Services:
    return build_services(settings, db, create_plugin_manager(extra=[("extras", extras)]))


@pytest.fixture
def extras_client(settings: Settings, extras_services: Services) -> Iterator[GraphQLClient]:
    with TestClient(create_app(settings, extras_services)) as http:
        yield GraphQLClient(http)


def _enable(client: GraphQLClient, shop: str, name: str) -> None:
    client.data(
        "mutation($s: ID!, $n: String!) { setPluginEnabled(shopId: $s, name: $n, enabled: true) { enabled } }",
        {"s": shop, "n": name},
    )


def test_plugin_routes_are_mounted_under_the_plugin_name(extras_client: GraphQLClient) -> None:
    response = extras_client.http.get("/plugins/extras/hello/cat")
    assert response.status_code == 200 and response.text == "hello cat"


def test_storefront_contribution_is_gated_per_shop(extras_client: GraphQLClient) -> None:
    extras_client.sign_up("a@example.com")
    shop = extras_client.create_shop("banner")
    headers = {"x-cloudcat-storefront-key": extras_client.storefront_key(shop)}
    path = "/storefront/graphql"
    assert extras_client.code("{ banner }", path=path, headers=headers) == "FORBIDDEN"
    _enable(extras_client, shop, "event_store")
    assert extras_client.data("{ banner }", path=path, headers=headers) == {
        "banner": "Welcome to Banner"
    }


def test_job_handlers_are_collected_and_kinds_are_unique(
    extras_services: Services, settings: Settings, db: RawDatabase
) -> None:
    handlers = collect_handlers(extras_services)
    assert {"catalog.sync", "extras.noop"} <= set(handlers)
    clash = build_services(settings, db, create_plugin_manager(extra=[("dup", DuplicateKind())]))
    with pytest.raises(DuplicateJobKind, match=r"catalog\.sync"):
        collect_handlers(clash)


def test_collector_stores_events_in_enabled_sinks_and_tells_observers(
    extras_client: GraphQLClient, extras: Extras, db: RawDatabase
) -> None:
    extras_client.sign_up("a@example.com")
    on, off = extras_client.create_shop("on"), extras_client.create_shop("off")
    for shop in (on, off):
        _enable(extras_client, shop, "event_store")
    _enable(extras_client, on, "extras_sink")
    events = {
        "events": [
            {"id": "evt-00000001", "type": "page_view", "anonymousId": "anon-1", "url": "/"},
            {"type": "no_such_type", "anonymousId": "anon-1"},
            {"id": "evt-00000002", "type": "add_to_cart", "anonymousId": "anon-1"},
        ]
    }
    for shop in (on, off):
        key = extras_client.storefront_key(shop)
        response = extras_client.http.post(
            "/collect", json=events, headers={"x-cloudcat-storefront-key": key}
        )
        assert response.status_code == 202
        body = response.json()
        assert body["accepted"] == 2
        assert [r["index"] for r in body["rejected"]] == [1]
        assert "no_such_type" in body["rejected"][0]["reason"]
    # The observer ran for the shop with the extras plugin enabled only.
    assert extras.tracked == [("on", ["page_view", "add_to_cart"])]
    stored = {(str(e["shop_id"]), e.get("type")) for e in db.events.find()}
    assert (off, "add_to_cart") in stored and (on, "page_view") in stored


def test_collector_refuses_bad_requests_clearly(extras_client: GraphQLClient) -> None:
    extras_client.sign_up("a@example.com")
    key = extras_client.storefront_key(extras_client.create_shop("c"))
    headers = {"x-cloudcat-storefront-key": key}
    no_events = extras_client.http.post("/collect", json={"events": []}, headers=headers)
    assert no_events.status_code == 400
    no_key = extras_client.http.post("/collect", json={"events": [{"type": "page_view"}]})
    assert no_key.status_code == 401


def test_site_home_uses_the_enabled_theme(extras_client: GraphQLClient) -> None:
    extras_client.sign_up("a@example.com")
    shop = extras_client.create_shop("site")
    missing = extras_client.http.get("/s/nowhere/")
    assert missing.status_code == 404
    unpublished = extras_client.http.get("/s/site/")
    assert unpublished.status_code == 404 and "not published" in unpublished.text
    _enable(extras_client, shop, "default_theme")
    page = extras_client.http.get("/s/site/")
    assert page.status_code == 200 and "Site" in page.text
