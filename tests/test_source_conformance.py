"""Every built-in marketplace source (and the test market of tests/catalog_sources.py) passes
the partner kit's source conformance suite, each against its loopback fake over real sockets."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest

from cloudcat.core.documents import Shop
from cloudcat.core.documents.base import utcnow
from cloudcat.core.oauth import OAuthFlows, TokenSet
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.providers import MarketplaceSource
from cloudcat.core.services import Services, build_services
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.tenancy import ShopPlugins
from cloudcat.core.testing.fixtures import EnablePlugin
from cloudcat.core.testing.sources import SourceConformance, SourceFactory
from cloudcat.plugins.feed import source as feed_module
from cloudcat.plugins.taobao.source import TaobaoSource
from cloudcat.plugins.woocommerce import source as woocommerce_module
from tests.catalog_sources import MARKETS, Market, MarketPlugin, RejectedRecord, product
from tests.fakes.feed import FeedServer
from tests.fakes.shopify import ShopifyFake
from tests.fakes.taobao import TaobaoFake
from tests.fakes.woocommerce import WooCommerceFake

THROTTLED = b'{"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED"}}]}'
"""Shopify's answer when the query's cost exceeds the bucket (HTTP 200, no data)."""


def maker(shop_plugins: ShopPlugins, shop: Shop, name: str) -> Callable[[], MarketplaceSource]:
    """Build source `name` of `shop` afresh (one sync run) from its stored config."""

    def make() -> MarketplaceSource:
        built = shop_plugins.provider(shop, name)
        assert isinstance(built, MarketplaceSource)
        return built

    return make


class TestMarketSource(SourceConformance):
    """The in-process test market, paged two products at a time, with one unreadable one."""

    @pytest.fixture
    def market(self) -> Iterator[Market]:
        MARKETS.clear()
        MARKETS["conformance"] = market = Market(page_size=2)
        for n in range(7):
            market.put(product(f"P{n}", f"Tea {n}", f"{10 + n}.00", variants=n % 2))
        market.extra_items.append(RejectedRecord("P-bad", "the price is missing"))
        yield market
        MARKETS.clear()

    @pytest.fixture
    def services(self, settings: Settings, db: RawDatabase) -> Services:
        return build_services(
            settings, db, create_plugin_manager(extra=[("market", MarketPlugin())])
        )

    @pytest.fixture
    def shop_plugins(self, services: Services) -> ShopPlugins:
        """The plugin state of `services`, which know the market."""
        return services.shop_plugins

    @pytest.fixture
    def source_factory(
        self, market: Market, enabled_plugin: EnablePlugin, shop_plugins: ShopPlugins, shop: Shop
    ) -> SourceFactory:
        def rate_limit() -> None:
            market.rate_limited_after_pages = 0

        def expire() -> None:
            market.auth_expired = True

        def delete(external_id: str) -> None:
            del market.products[external_id]

        enabled_plugin("market", {"market": "conformance"})
        return SourceFactory(
            make=maker(shop_plugins, shop, "market"),
            products=set(market.products),
            rejected={"P-bad"},
            delete_product=delete,
            expire_authorization=expire,
            exhaust_rate_limit=rate_limit,
        )


class TestFeedSource(SourceConformance):
    """A JSON feed of 1,200 rows (checkpoints every 500), two of them unreadable; a host that
    starts asking for credentials, or keeps answering 429."""

    @pytest.fixture
    def source_factory(
        self, enabled_plugin: EnablePlugin, shop_plugins: ShopPlugins, shop: Shop
    ) -> Iterator[SourceFactory]:
        rows: list[dict[str, Any]] = [
            {"id": f"F{n:04d}", "title": f"Tea {n}", "price": f"{1 + n % 50}.50"}
            for n in range(1200)
        ]
        rows[10]["price"] = "priceless"
        del rows[700]["title"]
        bad = {rows[10]["id"], rows[700]["id"]}
        with FeedServer() as server:
            url = server.serve_json("/feed.json", rows)

            def delete(external_id: str) -> None:
                server.serve_json("/feed.json", [r for r in rows if r["id"] != external_id])

            assert len(rows) > feed_module.CHECKPOINT_EVERY
            enabled_plugin("feed", {"url": url})
            yield SourceFactory(
                make=maker(shop_plugins, shop, "feed"),
                products={r["id"] for r in rows} - bad,
                rejected=bad,
                delete_product=delete,
                expire_authorization=lambda: setattr(
                    server, "require_authorization", "Bearer rotated"
                ),
                exhaust_rate_limit=lambda: server.fail_next(
                    "/feed.json", 429, times=50, retry_after="0"
                ),
            )


class TestShopifySource(SourceConformance):
    """The Shopify fake's 30 products over GraphQL cursor pages, two of them corrupt."""

    @pytest.fixture
    def source_factory(
        self, enabled_plugin: EnablePlugin, shop_plugins: ShopPlugins, shop: Shop
    ) -> Iterator[SourceFactory]:
        with ShopifyFake(products=30, restore_rate=1000.0) as fake:
            numbers = fake.product_ids()
            fake.corrupt_product(numbers[3], "price")
            fake.corrupt_product(numbers[17], "no_variants")
            config = {"shop": fake.shop, "client_id": fake.client_id, "endpoint": fake.base_url}
            enabled_plugin("shopify", config, {"client_secret": fake.client_secret})
            flows = OAuthFlows(shop_plugins)
            flows.store(shop.id, "shopify", TokenSet(access_token=fake.access_token))
            bad = {str(numbers[3]), str(numbers[17])}
            yield SourceFactory(
                make=maker(shop_plugins, shop, "shopify"),
                products={str(n) for n in numbers} - bad,
                rejected=bad,
                delete_product=lambda ref: fake.delete_product(int(ref)),
                expire_authorization=lambda: fake.revoke_token(fake.access_token),
                exhaust_rate_limit=lambda: fake.fail_next(
                    200, times=50, retry_after="0", body=THROTTLED
                ),
            )


class TestWooCommerceSource(SourceConformance):
    """The WooCommerce fake's 30 products, seven a page, two of them corrupt."""

    @pytest.fixture
    def source_factory(
        self,
        enabled_plugin: EnablePlugin,
        shop_plugins: ShopPlugins,
        shop: Shop,
        monkeypatch: pytest.MonkeyPatch,
    ) -> Iterator[SourceFactory]:
        monkeypatch.setattr(woocommerce_module, "PAGE_SIZE", 7)
        with WooCommerceFake(products=30, seed=11) as fake:
            ids = fake.product_ids()
            fake.corrupt_product(ids[2], "price")
            fake.corrupt_product(ids[9], "name")
            enabled_plugin(
                "woocommerce",
                {"site_url": fake.base_url, "consumer_key": fake.consumer_key},
                {"consumer_secret": fake.consumer_secret, "webhook_secret": fake.webhook_secret},
            )
            bad = {str(ids[2]), str(ids[9])}
            yield SourceFactory(
                make=maker(shop_plugins, shop, "woocommerce"),
                products={str(n) for n in ids} - bad,
                rejected=bad,
                delete_product=lambda ref: fake.delete_product(int(ref)),
                expire_authorization=lambda: fake.revoke_key(fake.consumer_key),
                exhaust_rate_limit=lambda: fake.fail_next(429, times=50, retry_after="0"),
            )


class TestTaobaoSource(SourceConformance):
    """The Taobao fake's 24 items, eight a page, one malformed; its sessions and call bans."""

    @pytest.fixture
    def source_factory(
        self,
        enabled_plugin: EnablePlugin,
        shop_plugins: ShopPlugins,
        shop: Shop,
        monkeypatch: pytest.MonkeyPatch,
    ) -> Iterator[SourceFactory]:
        monkeypatch.setattr(TaobaoSource, "page_size", 8)
        base_time = datetime.now().astimezone() - timedelta(hours=1)
        with TaobaoFake(items=24, skus=2, trades=6, base_time=base_time) as fake:
            ids = sorted(fake.seller.items)
            fake.malform_item(ids[4], price="十九块九")
            config = {
                "app_key": fake.app_key,
                "gateway_url": fake.gateway_url,
                "oauth_url": fake.oauth_url,
                "calls_per_second": 1000.0,
                "burst": 50,
            }
            enabled_plugin("taobao", config, {"app_secret": fake.app_secret})
            token = fake.issue_session(user_id=fake.seller.user_id)
            OAuthFlows(shop_plugins).store(
                shop.id,
                "taobao",
                TokenSet(
                    access_token=token,
                    expires_at=utcnow() + timedelta(days=1),
                    account_id=str(fake.seller.user_id),
                    account_name=fake.seller.nick,
                ),
            )
            yield SourceFactory(
                make=maker(shop_plugins, shop, "taobao"),
                products={str(n) for n in ids} - {str(ids[4])},
                rejected={str(ids[4])},
                delete_product=lambda ref: fake.delete_item(int(ref)),
                expire_authorization=lambda: fake.expire_session(token),
                exhaust_rate_limit=lambda: fake.throttle(1, ban_seconds=300),
            )
