"""Shared fixtures: one real database server per test session, one database per test."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from cloudcat.core.accounts import ShopFields, create_shop, create_user
from cloudcat.core.app import create_app
from cloudcat.core.documents import Shop
from cloudcat.core.http import configure_outgoing_http
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.secrets import SecretBox
from cloudcat.core.services import Services, build_services
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase, connect, ensure_indexes
from cloudcat.core.storage.embedded import EmbeddedDatabase
from cloudcat.core.tenancy import ShopPlugins
from tests.fakes.feed import FeedServer
from tests.graphql_client import GraphQLClient

TEST_SECRET_KEY = "test-secret-key-" + "x" * 32
TEST_PASSWORD = "correct horse battery"


def make_shop(
    slug: str, name: str | None = None, *, currency: str | None = None, locale: str | None = None
) -> Shop:
    """A new shop `slug` (named `name`, else the slug in title case) owned by a new user
    ``<slug>@example.com``; currency and locale default to the shop defaults (CNY, zh-CN)."""
    owner = create_user(f"{slug}@example.com", TEST_PASSWORD)
    fields = ShopFields(name=name or slug.title(), currency=currency, locale=locale)
    return create_shop(owner, slug, fields)


LOOPBACK_NETWORKS = ["127.0.0.0/8", "::1"]
"""Where the tests' fakes listen: outgoing requests may reach them (tests/test_netguard.py
proves the guard with an empty allow-list)."""


@pytest.fixture(autouse=True)
def loopback_fakes_reachable() -> Iterator[None]:
    """Let outgoing requests reach the loopback fakes, also in tests that build no services."""
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
    return f"test_{uuid.uuid4().hex[:12]}"


@pytest.fixture
def db(mongo_uri: str, database_name: str) -> Iterator[RawDatabase]:
    """This test's own database, with every document's indexes; dropped afterwards."""
    database = connect(mongo_uri, database_name)
    ensure_indexes()
    yield database
    database.client.drop_database(database_name)


@pytest.fixture
def shop(db: RawDatabase) -> Shop:
    """The shop most tests work in: ``tea-house`` (Tea House, CNY), with its owner."""
    return make_shop("tea-house", "Tea House")


@pytest.fixture
def shop_plugins(db: RawDatabase) -> ShopPlugins:
    """Plugin state over the installed plugins (entry points) and this test's database."""
    return ShopPlugins(create_plugin_manager(), db, SecretBox(TEST_SECRET_KEY), "http://x")


@pytest.fixture
def settings(mongo_uri: str, database_name: str, tmp_path: object) -> Settings:
    return Settings(
        environment="test",
        secret_key=TEST_SECRET_KEY,
        mongodb_uri=mongo_uri,
        database_name=database_name,
        data_dir=tmp_path,
        public_url="http://testserver",  # where TestClient's requests (and OAuth callbacks) go
        http_allow_private_networks=LOOPBACK_NETWORKS,
    )


@pytest.fixture
def services(settings: Settings, db: RawDatabase) -> Services:
    return build_services(settings, db)


@pytest.fixture
def app(settings: Settings, services: Services) -> Starlette:
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
    return make_client()


@pytest.fixture
def owner(make_client: Callable[[], GraphQLClient]) -> GraphQLClient:
    """A client signed up as ``owner@example.com`` (who then creates shops through the API)."""
    client = make_client()
    client.sign_up("owner@example.com")
    return client


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A product feed served over a real socket (see `tests.fakes.feed`)."""
    with FeedServer() as server:
        yield server
