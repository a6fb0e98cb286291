"""The demo shop of `cloudcat dev`: a user, a shop, and plugins, filled through a real sync.

The catalog comes from the bundled `catalog.json` (240 products with SKUs, images, categories
and promotions in Chinese and English, written by `make_catalog.py`), served by the development
server and read by the feed source plugin over HTTP, the same path a seller's own feed takes.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from cloudcat.core import accounts
from cloudcat.core.demo.content import seed_demo_content
from cloudcat.core.documents import Shop, User
from cloudcat.core.job_handlers import CATALOG_SYNC, start_catalog_sync
from cloudcat.core.jobs import schedule
from cloudcat.core.operator import set_operator
from cloudcat.core.services import Services

DEMO_EMAIL = "demo@cloudcat.dev"
DEMO_PASSWORD = "cloudcat-demo"
DEMO_OPERATOR_EMAIL = "operator@cloudcat.dev"
DEMO_OPERATOR_PASSWORD = "cloudcat-operator"
DEMO_SLUG = "demo"
CATALOG_FILE = Path(__file__).with_name("catalog.json")


def seed_demo(services: Services, catalog_url: str) -> Shop:
    """Create the demo user and shop (and the demo operator) if missing, enable its plugins,
    give it its content (home page, articles, menu), queue a catalog sync and schedule one
    every 15 minutes.

    Safe to run at every start: existing data is kept, and the sync is idempotent.
    """
    user = User.objects(email=DEMO_EMAIL).first() or accounts.create_user(
        DEMO_EMAIL, DEMO_PASSWORD, "Demo seller"
    )
    if User.objects(email=DEMO_OPERATOR_EMAIL).first() is None:
        accounts.create_user(DEMO_OPERATOR_EMAIL, DEMO_OPERATOR_PASSWORD, "Demo operator")
        set_operator(DEMO_OPERATOR_EMAIL, True)
    shop = Shop.objects(slug=DEMO_SLUG).first() or accounts.create_shop(
        user,
        DEMO_SLUG,
        accounts.ShopFields(name="云猫演示店 CloudCat Demo", currency="CNY", locale="zh-CN"),
    )
    shop_plugins = services.shop_plugins
    shop_plugins.configure(shop.id, "feed", {"url": catalog_url, "format": "json"})
    shop_plugins.configure(
        shop.id, "default_theme", {"headline": "欢迎光临 · Welcome to the CloudCat demo"}
    )
    for name in ("feed", "default_theme", "event_store"):
        shop_plugins.set_enabled(shop.id, name, True)
    seed_demo_content(shop.id)
    start_catalog_sync(services.db, shop.id, "feed")
    every = timedelta(minutes=15)
    payload = {"source": "feed"}
    schedule(
        services.db,
        shop.id,
        CATALOG_SYNC,
        payload,
        every.total_seconds(),
        name="feed",
        start_at=datetime.now(UTC) + every,
    )
    return shop
