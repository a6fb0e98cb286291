"""The partner kit's pytest plugin: load it with
``pytest_plugins = ["cloudcat.core.testing.fixtures"]`` in your conftest.py.

Fixtures: a real database, settings, services, the app, HTTP clients, a shop with its owner, and
a plugin enabled and configured in that shop.

Every fixture is function-scoped except `mongo_uri` (one database server per session): each test
gets its own database (dropped afterwards), so tests never see each other's data. Override any
of them in your own conftest.py (a fixture of the same name closer to the test wins).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from cloudcat.core.accounts import ShopFields, create_shop, create_user
from cloudcat.core.app import create_app
from cloudcat.core.documents import Shop, User
from cloudcat.core.http import configure_outgoing_http
from cloudcat.core.providers import Provider
from cloudcat.core.services import Services, build_services
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase, connect, ensure_indexes
from cloudcat.core.storage.embedded import EmbeddedDatabase
from cloudcat.core.tenancy import ShopPlugins
from cloudcat.core.testing import LOOPBACK_NETWORKS, OWNER_EMAIL, OWNER_PASSWORD, TEST_SECRET_KEY
from cloudcat.core.testing.client import GraphQLClient

# The conformance suites' checks read best with pytest's assertion messages.
pytest.register_assert_rewrite("cloudcat.core.testing.sources", "cloudcat.core.testing.themes")


class EnablePlugin(Protocol):
    """The `enabled_plugin` fixture: configure and enable a plugin in `shop`, get its provider."""

    def __call__(
        self,
        name: str,
        config: Mapping[str, Any] | None = None,
        secrets: Mapping[str, str | None] | None = None,
    ) -> Provider: ...


@pytest.fixture(autouse=True)
def loopback_fakes_reachable() -> Iterator[None]:
    """Let outgoing requests reach loopback fakes, also in tests that build no services."""
    configure_outgoing_http(allow_private_networks=LOOPBACK_NETWORKS)
    yield
    configure_outgoing_http()


@pytest.fixture(scope="session")
def mongo_uri() -> Iterator[str]:
    """A real MongoDB-compatible server: CLOUDCAT_TEST_MONGODB_URI, else embedded SecantusDB."""
    configured = os.environ.get("CLOUDCAT_TEST_MONGODB_URI")
    if configured:
        yield configured
        return
    with EmbeddedDatabase(":memory:") as server:
        yield server.uri


@pytest.fixture
def database_name() -> str:
    """A fresh database name for this test."""
    return f"test_{uuid.uuid4().hex[:12]}"


@pytest.fixture
def db(mongo_uri: str, database_name: str) -> Iterator[RawDatabase]:
    """This test's own database, with every document's indexes; dropped afterwards."""
    database = connect(mongo_uri, database_name)
    ensure_indexes()
    yield database
    database.client.drop_database(database_name)


@pytest.fixture
def settings(mongo_uri: str, database_name: str, tmp_path: Path) -> Settings:
    """Test settings on this test's database; the public URL is where TestClient's requests
    (and OAuth callbacks) go."""
    return Settings(
        environment="test",
        secret_key=TEST_SECRET_KEY,
        mongodb_uri=mongo_uri,
        database_name=database_name,
        data_dir=tmp_path,
        public_url="http://testserver",
        http_allow_private_networks=LOOPBACK_NETWORKS,
    )


@pytest.fixture
def services(settings: Settings, db: RawDatabase) -> Services:
    """The services of one app, with every installed plugin (entry points) registered."""
    return build_services(settings, db)


@pytest.fixture
def app(settings: Settings, services: Services) -> Starlette:
    """The whole web app over `services`."""
    return create_app(settings, services)


@pytest.fixture
def make_client(app: Starlette) -> Iterator[Callable[[], GraphQLClient]]:
    """Make HTTP clients of the app, each with its own cookie jar (one per person)."""
    opened: list[TestClient] = []

    def make() -> GraphQLClient:
        client = TestClient(app)
        opened.append(client)
        return GraphQLClient(client)

    yield make
    for client in opened:
        client.close()


@pytest.fixture
def client(make_client: Callable[[], GraphQLClient]) -> GraphQLClient:
    """One person's HTTP client of the app (GraphQL helpers; `.http` is the TestClient)."""
    return make_client()


@pytest.fixture
def owner(db: RawDatabase) -> User:
    """A user account (`OWNER_EMAIL` / `OWNER_PASSWORD`) that owns `shop`."""
    return create_user(OWNER_EMAIL, OWNER_PASSWORD, "Shop Owner")


@pytest.fixture
def shop(owner: User) -> Shop:
    """The shop "tea-house" (Tea House, CNY), owned by `owner`."""
    return create_shop(owner, "tea-house", ShopFields(name="Tea House", currency="CNY"))


@pytest.fixture
def shop_plugins(services: Services) -> ShopPlugins:
    """Per-shop plugin state (enable, configure, build providers) of `services`."""
    return services.shop_plugins


@pytest.fixture
def enabled_plugin(shop: Shop, shop_plugins: ShopPlugins) -> EnablePlugin:
    """Configure (config and secrets, validated like the admin does) and enable a plugin in
    `shop`, and return its provider built for that shop: ``enabled_plugin("my_source",
    config={"url": ...}, secrets={"token": ...})``."""

    def enable(
        name: str,
        config: Mapping[str, Any] | None = None,
        secrets: Mapping[str, str | None] | None = None,
    ) -> Provider:
        shop_plugins.configure(shop.id, name, config or {}, secrets)
        shop_plugins.set_enabled(shop.id, name, True)
        return shop_plugins.provider(shop, name)

    return enable
