"""Shared fixtures. The partner kit's (`cloudcat.core.testing.fixtures`) give one real database
server per test session, one database per test, settings, services, the app and clients; the
project's own tests add the ones below (their `owner` is a signed-up client, their `shop` is
made without the API)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from cloudcat.core.accounts import ShopFields, create_shop, create_user
from cloudcat.core.documents import Shop
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.secrets import SecretBox
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.tenancy import ShopPlugins
from cloudcat.core.testing import LOOPBACK_NETWORKS, TEST_SECRET_KEY
from tests.fakes.feed import FeedServer
from tests.graphql_client import GraphQLClient

pytest_plugins = ["cloudcat.core.testing.fixtures"]

__all__ = ["LOOPBACK_NETWORKS", "TEST_PASSWORD", "TEST_SECRET_KEY", "make_shop"]

TEST_PASSWORD = "correct horse battery"


def make_shop(
    slug: str, name: str | None = None, *, currency: str | None = None, locale: str | None = None
) -> Shop:
    """A new shop `slug` (named `name`, else the slug in title case) owned by a new user
    ``<slug>@example.com``; currency and locale default to the shop defaults (CNY, zh-CN)."""
    owner = create_user(f"{slug}@example.com", TEST_PASSWORD)
    fields = ShopFields(name=name or slug.title(), currency=currency, locale=locale)
    return create_shop(owner, slug, fields)


@pytest.fixture
def shop(db: RawDatabase) -> Shop:
    """The shop most tests work in: ``tea-house`` (Tea House, CNY), with its owner."""
    return make_shop("tea-house", "Tea House")


@pytest.fixture
def shop_plugins(db: RawDatabase) -> ShopPlugins:
    """Plugin state over the installed plugins (entry points) and this test's database."""
    return ShopPlugins(create_plugin_manager(), db, SecretBox(TEST_SECRET_KEY), "http://x")


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
