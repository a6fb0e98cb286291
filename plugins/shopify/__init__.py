"""Built-in plugin: Shopify as a marketplace source (GraphQL Admin API, OAuth, webhooks).

The source is `source.ShopifySource`; the modules beside it speak Shopify's protocol: `client`
(GraphQL Admin API with cost-based throttling), `oauth` (install and token exchange), `hmac`
(install/callback query and webhook signatures), `domains` (shop addresses), `webhooks`
(verified deliveries), `models` (products read into typed values) and `errors`.
"""

from __future__ import annotations

from collections.abc import Sequence

from cloudcat.core.plugin_api import MarketplaceSource, hookimpl
from cloudcat.plugins.shopify.source import ShopifySource


@hookimpl
def cloudcat_marketplace_sources() -> Sequence[type[MarketplaceSource]]:
    """Register the Shopify source."""
    return [ShopifySource]
