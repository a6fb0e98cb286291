"""The demo shop of `cloudcat dev`: a user, a shop, and plugins, filled through a real sync.

The catalog comes from the bundled `catalog.json` (240 products with SKUs, categories and
promotions in Chinese and English, written by `make_catalog.py`), served by the development
server (`demo_feed`) and read by the feed source plugin over HTTP, the same path a seller's own
feed takes. Its pictures are drawn at the first run (`images.py`) and stored in the demo shop's
media library; the served feed points at them, so the demo needs no outside host.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cloudcat.core import accounts
from cloudcat.core.demo.images import card_urls, ensure_demo_images, product_cards
from cloudcat.core.documents import Shop, User
from cloudcat.core.job_handlers import CATALOG_SYNC, start_catalog_sync
from cloudcat.core.jobs import schedule
from cloudcat.core.media import media_store
from cloudcat.core.media.images import Limits
from cloudcat.core.operator import set_operator
from cloudcat.core.services import Services

DEMO_EMAIL = "demo@cloudcat.dev"
DEMO_PASSWORD = "cloudcat-demo"
DEMO_OPERATOR_EMAIL = "operator@cloudcat.dev"
DEMO_OPERATOR_PASSWORD = "cloudcat-operator"
DEMO_SLUG = "demo"
CATALOG_FILE = Path(__file__).with_name("catalog.json")


def seed_demo(services: Services, catalog_url: str) -> Shop:
    """Create the demo user and shop (and the demo operator) if missing, draw its product
    pictures into its media library if missing, enable its plugins, queue a catalog sync and
    schedule one every 15 minutes.

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
    settings = services.settings
    limits = Limits(settings.media_max_bytes, settings.media_max_pixels)
    ensure_demo_images(media_store(settings), shop.id, limits)
    shop_plugins = services.shop_plugins
    shop_plugins.configure(shop.id, "feed", {"url": catalog_url, "format": "json"})
    shop_plugins.configure(
        shop.id, "default_theme", {"headline": "欢迎光临 · Welcome to the CloudCat demo"}
    )
    for name in ("feed", "default_theme", "event_store"):
        shop_plugins.set_enabled(shop.id, name, True)
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


def demo_feed(base_url: str) -> bytes:
    """The demo catalog as the development server serves it: `catalog.json` with each product's
    pictures (absolute URLs under `base_url`) from the demo shop's media library. Read only;
    products have no pictures while the demo shop or its cards do not exist yet."""
    feed = json.loads(CATALOG_FILE.read_text(encoding="utf-8"))
    shop = Shop.objects(slug=DEMO_SLUG).first()
    urls = card_urls(shop.id, base_url) if shop is not None else {}
    for row in feed["products"]:
        number = int(row["id"].removeprefix("demo-"))
        row["image"] = [urls[name] for name in product_cards(number) if name in urls]
    return json.dumps(feed, ensure_ascii=False).encode()
