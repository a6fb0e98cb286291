"""Built-in plugin: WooCommerce as a marketplace source (REST API v3 and signed webhooks).

The source is `source.WooCommerceSource`; the modules beside it speak WooCommerce's REST API
v3: `client` (key authentication, page headers, variations, retries), `webhooks` (signature
verification and the creation ping), `models` (products and variations read into typed values)
and `errors`.
"""

from __future__ import annotations

from collections.abc import Sequence

from cloudcat.core.plugin_api import MarketplaceSource, hookimpl
from cloudcat.plugins.woocommerce.source import WooCommerceSource


@hookimpl
def cloudcat_marketplace_sources() -> Sequence[type[MarketplaceSource]]:
    """Register the WooCommerce source."""
    return [WooCommerceSource]
