"""The plugin machinery end to end: catalog, per-shop enablement and config, secrets,
observer isolation, GraphQL contributions, refusals."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import strawberry
from pydantic import BaseModel, Field, HttpUrl
from starlette.applications import Starlette
from starlette.testclient import TestClient

from cloudcat.core.app import create_app
from cloudcat.core.documents import Shop, ShopPlugin
from cloudcat.core.plugin_api import (
    ChannelPublisher,
    GraphQLContribution,
    OutgoingMessage,
    PublishResult,
    SecretStr,
    ShopInfo,
    hookimpl,
    require_plugin_enabled,
)
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.services import Services, build_services
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase
from cloudcat.schema.build import SchemaBuildError, build_admin_schema
from cloudcat.schema.context import AppInfo
from tests.graphql_client import GraphQLClient


class PigeonConfig(BaseModel):
    loft_url: HttpUrl
    birds: int = Field(default=3, ge=1, le=10)
    api_key: SecretStr


class Pigeon(ChannelPublisher):
    name = "pigeon"
    title = "Carrier pigeon"
    description = "Publishes by bird."
    version = "1.2.3"
    config_model = PigeonConfig

    def publish(self, message: OutgoingMessage) -> PublishResult:
        return PublishResult(external_id=f"bird-{message.id}")


@strawberry.type
class PigeonQuery:
    @strawberry.field
    def pigeon_count(self, info: AppInfo, shop_id: strawberry.ID) -> int:
        require_plugin_enabled(info, shop_id, "pigeon")
        return 3


class PigeonPlugin:
    """A test plugin: a provider, an observer that records or raises, a GraphQL field."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, dict[str, Any]]] = []
        self.fail = False

    @hookimpl
    def cloudcat_channel_publishers(self) -> list[type[ChannelPublisher]]:
        return [Pigeon]

    @hookimpl
    def cloudcat_catalog_changed(self, shop: ShopInfo, change: dict[str, Any]) -> None:
        if self.fail:
            raise RuntimeError("the loft is on fire")
        self.seen.append((shop.slug, change))

    @hookimpl
    def cloudcat_admin_graphql(self) -> GraphQLContribution:
        return GraphQLContribution(query=PigeonQuery)


@pytest.fixture
def pigeon() -> PigeonPlugin:
    return PigeonPlugin()


@pytest.fixture
def pigeon_client(
    settings: Settings, db: RawDatabase, pigeon: PigeonPlugin
) -> Iterator[Callable[[], GraphQLClient]]:
    plugins = create_plugin_manager(extra=[("pigeon_plugin", pigeon)])
    services = build_services(settings, db, plugins)
    app = create_app(settings, services)
    app.state.pigeon = pigeon
    clients: list[TestClient] = []

    def make() -> GraphQLClient:
        clients.append(TestClient(app))
        return GraphQLClient(clients[-1])

    yield make
    for client in clients:
        client.close()


CONFIGURE = """
mutation($s: ID!, $c: JSON!, $x: JSON) {
  configurePlugin(shopId: $s, name: "pigeon", config: $c, secrets: $x) {
    config secretsSet enabled health
  }
}"""


def test_catalog_lists_built_in_and_added_plugins_with_schema(
    pigeon_client: Callable[[], GraphQLClient],
) -> None:
    client = pigeon_client()
    client.sign_up("a@example.com")
    plugins = client.data(
        "{ plugins { name kind title version package distribution configSchema secretFields } }"
    )["plugins"]
    by_name = {p["name"]: p for p in plugins}
    assert {"feed", "webhook", "default_theme", "event_store", "pigeon"} <= set(by_name)
    assert by_name["feed"]["distribution"] == "cloudcat"
    pigeon = by_name["pigeon"]
    assert pigeon["kind"] == "CHANNEL_PUBLISHER" and pigeon["version"] == "1.2.3"
    assert pigeon["secretFields"] == ["api_key"]
    properties = pigeon["configSchema"]["properties"]
    assert properties["api_key"]["writeOnly"] is True
    assert properties["birds"]["maximum"] == 10
    themes = client.data("{ plugins(kind: THEME) { name } }")["plugins"]
    assert [p["name"] for p in themes] == ["default_theme", "mobile_theme"]
    assert [p["name"] for p in client.data('{ plugins(search: "BIRD") { name } }')["plugins"]] == [
        "pigeon"
    ]


def test_invalid_config_names_each_field_and_stores_nothing(
    pigeon_client: Callable[[], GraphQLClient],
) -> None:
    client = pigeon_client()
    client.sign_up("a@example.com")
    shop = client.create_shop("loft")
    error = client.error(CONFIGURE, {"s": shop, "c": {"loft_url": "not a url", "birds": 99}})
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    paths = sorted(tuple(f["path"]) for f in error["extensions"]["fields"])
    assert paths == [("config", "api_key"), ("config", "birds"), ("config", "loft_url")]
    # Each carries a code and its numbers, which the admin says in the seller's language.
    coded = {f["path"][-1]: (f.get("code"), f.get("params")) for f in error["extensions"]["fields"]}
    assert coded["birds"] == ("less_than_equal", {"le": 10})
    assert coded["loft_url"][0] == "url_parsing" and coded["api_key"][0] == "missing"
    assert ShopPlugin.objects(name="pigeon").count() == 0
    misplaced = client.error(CONFIGURE, {"s": shop, "c": {"api_key": "oops"}})
    assert misplaced["extensions"]["fields"][0]["path"] == ["config", "api_key"]
    unknown = client.code(
        'mutation($s: ID!) { configurePlugin(shopId: $s, name: "nope", config: {}) { name } }',
        {"s": shop},
    )
    assert unknown == "NOT_FOUND"


def services_of(client: GraphQLClient) -> Services:
    """The services of the app `client` talks to."""
    app = client.http.app
    assert isinstance(app, Starlette)
    services: Services = app.state.services
    return services


def test_secrets_are_write_only_and_encrypted_at_rest(
    pigeon_client: Callable[[], GraphQLClient], db: RawDatabase
) -> None:
    client = pigeon_client()
    client.sign_up("a@example.com")
    shop = client.create_shop("loft")
    good = {"loft_url": "https://loft.example/api", "birds": 4}
    result = client.data(CONFIGURE, {"s": shop, "c": good, "x": {"api_key": "s3cret-value"}})
    state = result["configurePlugin"]
    assert state["config"] == {"loft_url": "https://loft.example/api", "birds": 4}
    assert state["secretsSet"] == ["api_key"]
    raw = db.shop_plugins.find_one({"name": "pigeon"})
    assert raw is not None and "s3cret-value" not in repr(raw)
    # Changing the config without passing the secret keeps it.
    again = client.data(CONFIGURE, {"s": shop, "c": {**good, "birds": 5}})["configurePlugin"]
    assert again["secretsSet"] == ["api_key"] and again["config"]["birds"] == 5
    # The provider gets the decrypted value.
    services = services_of(client)
    services.shop_plugins.set_enabled(shop, "pigeon", True)
    provider = services.shop_plugins.provider(Shop.objects.get(id=shop), "pigeon")
    assert isinstance(provider.config, PigeonConfig)
    assert provider.config.api_key.get_secret_value() == "s3cret-value"
    # Clearing a required secret is refused: the stored one survives.
    refused = client.error(CONFIGURE, {"s": shop, "c": good, "x": {"api_key": None}})
    assert refused["extensions"]["fields"][0]["path"] == ["config", "api_key"]
    assert client.data(CONFIGURE, {"s": shop, "c": good})["configurePlugin"]["secretsSet"] == [
        "api_key"
    ]


def test_observers_reach_only_enabled_shops_and_failures_are_isolated(
    pigeon_client: Callable[[], GraphQLClient], pigeon: PigeonPlugin
) -> None:
    client = pigeon_client()
    client.sign_up("a@example.com")
    on, off = client.create_shop("on"), client.create_shop("off")
    client.data(
        'mutation($s: ID!) { setPluginEnabled(shopId: $s, name: "pigeon", enabled: true) { enabled } }',
        {"s": on},
    )
    services = services_of(client)
    for shop_id in (on, off):
        shop = Shop.objects.get(id=shop_id)
        services.shop_plugins.call_observers(shop, "cloudcat_catalog_changed", change={"n": 1})
    assert pigeon.seen == [("on", {"n": 1})]
    pigeon.fail = True
    shop = Shop.objects.get(id=on)
    services.shop_plugins.call_observers(shop, "cloudcat_catalog_changed", change={"n": 2})
    state = client.data(
        'query($s: ID!) { shop(id: $s) { plugins(search: "pigeon") { health lastError } } }',
        {"s": on},
    )["shop"]["plugins"][0]
    assert state["health"] == "ERROR" and "the loft is on fire" in state["lastError"]


def test_plugin_graphql_fields_are_gated_per_shop(
    pigeon_client: Callable[[], GraphQLClient],
) -> None:
    client = pigeon_client()
    client.sign_up("a@example.com")
    shop = client.create_shop("loft")
    query = "query($s: ID!) { pigeonCount(shopId: $s) }"
    assert client.code(query, {"s": shop}) == "FORBIDDEN"
    client.data(
        'mutation($s: ID!) { setPluginEnabled(shopId: $s, name: "pigeon", enabled: true) { enabled } }',
        {"s": shop},
    )
    assert client.data(query, {"s": shop}) == {"pigeonCount": 3}
    # Another account cannot reach the field for this shop, even with the plugin enabled.
    stranger = pigeon_client()
    stranger.sign_up("stranger@example.com")
    stranger.create_shop("elsewhere")
    assert stranger.code(query, {"s": shop}) == "NOT_FOUND"


def test_a_field_contributed_twice_refuses_the_schema(settings: Settings) -> None:
    plugins = create_plugin_manager(
        entry_points=False, extra=[("one", PigeonPlugin()), ("two", _OnlyGraphQL())]
    )
    with pytest.raises(SchemaBuildError, match=r"pigeon_?[cC]ount"):
        build_admin_schema(settings, plugins)


class _OnlyGraphQL:
    @hookimpl
    def cloudcat_admin_graphql(self) -> GraphQLContribution:
        return GraphQLContribution(query=PigeonQuery)


class _Future(Pigeon):
    name = "future_pigeon"
    requires_cloudcat = ">=99"


class _FuturePlugin:
    @hookimpl
    def cloudcat_channel_publishers(self) -> list[type[ChannelPublisher]]:
        return [_Future]


class _UnknownHookPlugin:
    @hookimpl
    def cloudcat_no_such_hook(self) -> None:
        return None


def test_incompatible_or_broken_plugins_are_refused_whole(
    settings: Settings, db: RawDatabase
) -> None:
    plugins = create_plugin_manager(
        extra=[
            ("future", _FuturePlugin()),
            ("weird", _UnknownHookPlugin()),
            ("dup", PigeonPlugin()),
            ("dup2", PigeonPlugin()),
        ]
    )
    assert "requires CloudCat >=99" in plugins.refused["future"]
    assert "cloudcat_no_such_hook" in plugins.refused["weird"]
    assert "already taken" in plugins.refused["dup2"]
    assert "future_pigeon" not in plugins.providers
    assert not plugins.manager.has_plugin("future")
    client = TestClient(create_app(settings, build_services(settings, db, plugins)))
    gql = GraphQLClient(client)
    gql.sign_up("a@example.com")
    refused = gql.data("{ refusedPlugins { package reason } }")["refusedPlugins"]
    assert {r["package"] for r in refused} == {"future", "weird", "dup2"}
    client.close()
