"""Built-in plugin: a product feed (JSON or CSV at an http(s) URL) as a marketplace source."""

from __future__ import annotations

from collections.abc import Sequence

from cloudcat.core.plugin_api import MarketplaceSource, hookimpl
from cloudcat.plugins.feed.source import FeedSource


@hookimpl(trylast=True)
def cloudcat_marketplace_sources() -> Sequence[type[MarketplaceSource]]:
    """Register the feed source."""
    return [FeedSource]
