"""Built-in plugin: Taobao/Tmall through the Taobao Open Platform (TOP).

The marketplace source (`source.TaobaoSource`) reads a seller's items with SKUs, shop
categories, promotions and sold trades, and follows their changes by TMC messages; it builds on
request signing (`signing`), the gateway client with its typed errors (`client`, `errors`),
the seller's one-click authorization (`oauth`), the per-shop settings (`config`) and the
mapping of TOP's answers to catalog records (`records`).
"""

from __future__ import annotations

from collections.abc import Sequence

from cloudcat.core.plugin_api import MarketplaceSource, hookimpl
from cloudcat.plugins.taobao.source import TaobaoSource


@hookimpl
def cloudcat_marketplace_sources() -> Sequence[type[MarketplaceSource]]:
    """Register the Taobao source."""
    return [TaobaoSource]
