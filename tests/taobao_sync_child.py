"""A Taobao sync in a child process, for tests that kill it half-way.

    python -m tests.taobao_sync_child URI DATABASE SHOP_ID PAGE_SIZE [INTERVAL BATCH]

Builds the shop's enabled ``taobao`` source the way a worker does (config and tokens decrypted
with the test secret key) and runs a full sync with item listing pages of PAGE_SIZE, storing a
checkpoint after every page (or at most one per INTERVAL seconds, writing records BATCH at a
time, so that some are stored after the last checkpoint). The gateway it calls (a
`TaobaoFake` of the parent test) is named in the shop's Taobao settings.
"""

from __future__ import annotations

import sys

from bson import ObjectId

from cloudcat.core.catalog.engine import run_sync
from cloudcat.core.documents import Shop
from cloudcat.core.http import configure_outgoing_http
from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.providers import MarketplaceSource
from cloudcat.core.secrets import SecretBox
from cloudcat.core.storage.database import connect
from cloudcat.core.tenancy import ShopPlugins
from cloudcat.plugins.taobao.source import TaobaoSource
from tests.conftest import LOOPBACK_NETWORKS, TEST_SECRET_KEY


def main(argv: list[str]) -> None:
    """Run the sync the arguments describe."""
    uri, database, shop_id, page_size, *pacing = argv
    interval, batch = (float(pacing[0]), int(pacing[1])) if pacing else (0.0, 500)
    db = connect(uri, database)
    configure_outgoing_http(allow_private_networks=LOOPBACK_NETWORKS)  # the parent's fakes
    shop = Shop.objects(id=ObjectId(shop_id)).get()
    TaobaoSource.page_size = int(page_size)
    shop_plugins = ShopPlugins(create_plugin_manager(), db, SecretBox(TEST_SECRET_KEY), "http://x")
    source = shop_plugins.provider(shop, "taobao")
    assert isinstance(source, MarketplaceSource)
    run_sync(shop, source, kind="full", checkpoint_interval=interval, batch_size=batch)


if __name__ == "__main__":
    main(sys.argv[1:])
