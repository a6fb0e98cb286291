"""Shared fixtures: one real database server per test session, one database per test."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from cloudcat.core.app import create_app
from cloudcat.core.http import configure_outgoing_http
from cloudcat.core.services import Services, build_services
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase, connect, ensure_indexes
from cloudcat.core.storage.embedded import EmbeddedDatabase
from tests.graphql_client import GraphQLClient

TEST_SECRET_KEY = "test-secret-key-" + "x" * 32
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
