"""A sync run in a child process, for tests that kill it half-way.

    python -m tests.sync_child URI DATABASE SHOP_ID COUNT VERSION PAGE_SIZE PAGE_DELAY

Builds `Market.generated(COUNT, VERSION)` (pages of PAGE_SIZE, each taking PAGE_DELAY seconds)
and runs a full sync of it into the shop, storing a checkpoint after every page.
"""

from __future__ import annotations

import sys

from bson import ObjectId

from cloudcat.core.catalog.engine import run_sync
from cloudcat.core.documents import Shop
from cloudcat.core.plugin_api import ProviderContext
from cloudcat.core.storage.database import connect
from cloudcat.core.tenancy import shop_info
from tests.catalog_sources import MARKETS, Market, MarketConfig, MarketSource


def main(argv: list[str]) -> None:
    """Run the sync the arguments describe."""
    uri, database, shop_id, count, version, page_size, delay = argv
    db = connect(uri, database)
    shop = Shop.objects(id=ObjectId(shop_id)).get()
    market = Market.generated(int(count), int(version))
    market.page_size, market.page_delay = int(page_size), float(delay)
    MARKETS["child"] = market
    context = ProviderContext(shop_info(shop), MarketConfig(market="child"), db, "http://x")
    run_sync(shop, MarketSource(context), kind="full", checkpoint_interval=0)


if __name__ == "__main__":
    main(sys.argv[1:])
