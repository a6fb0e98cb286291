"""A demo-like shop for the site tests: part of the demo catalog (products with SKUs,
categories and promotions) served by the fake feed host and stored by a real sync, with a
theme enabled; and an HTML parser to read the pages as a browser would."""

from __future__ import annotations

import copy
import json
from html.parser import HTMLParser
from typing import Any

from cloudcat.core.catalog.engine import run_sync
from cloudcat.core.demo import CATALOG_FILE
from cloudcat.core.documents import Shop
from cloudcat.core.plugin_api import MarketplaceSource
from cloudcat.core.tenancy import ShopPlugins
from tests.fakes.feed import FeedServer


def demo_catalog(count: int = 24) -> dict[str, Any]:
    """The first `count` demo products with the categories and promotions, each product with
    a picture on an outside https host (as a seller's own feed names them)."""
    data = json.loads(CATALOG_FILE.read_text())
    chosen = [
        {**product, "image": [f"https://img.example.com/{product['id']}.jpg"]}
        for product in data["products"][:count]
    ]
    ids = {p["id"] for p in chosen}
    promotions = []
    for promotion in data["promotions"]:
        items = [item for item in promotion.get("items", []) if item["product"] in ids]
        if items:
            promotions.append({**promotion, "items": items})
    return {"categories": data["categories"], "products": chosen, "promotions": promotions}


def sync_feed(
    shop_plugins: ShopPlugins, shop: Shop, feed_server: FeedServer, catalog: dict[str, Any]
) -> None:
    """Serve `catalog` as the shop's feed and sync it (a real sync through the feed source)."""
    path = f"/{shop.slug}.json"
    url = feed_server.serve_json(path, copy.deepcopy(catalog))
    shop_plugins.configure(shop.id, "feed", {"url": url, "format": "json"})
    shop_plugins.set_enabled(shop.id, "feed", True)
    source = shop_plugins.provider(shop, "feed")
    assert isinstance(source, MarketplaceSource)
    run_sync(shop, source, checkpoint_interval=0)


def site_shop(
    shop_plugins: ShopPlugins,
    shop: Shop,
    feed_server: FeedServer,
    *,
    count: int = 24,
    themes: tuple[str, ...] = ("default_theme",),
) -> dict[str, Any]:
    """Sync part of the demo catalog into `shop` and enable `themes`; return the catalog."""
    catalog = demo_catalog(count)
    for theme in themes:
        shop_plugins.set_enabled(shop.id, theme, True)
    sync_feed(shop_plugins, shop, feed_server, catalog)
    return catalog


class Page(HTMLParser):
    """A parsed page: tags with attributes, and the text (with the classes it sits in)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.texts: list[str] = []
        self._stack: list[str] = []
        self.by_class: dict[str, list[str]] = {}
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.tags.append((tag, values))
        if tag not in ("meta", "link", "img", "input", "br", "source"):
            self._stack.append(values.get("class", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("meta", "link", "img", "input", "br", "source") and self._stack:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        text = data.strip()
        if not text:
            return
        self.texts.append(text)
        for classes in set(" ".join(self._stack).split()):
            self.by_class.setdefault(classes, []).append(text)

    def all(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        """The attributes of every `tag` whose attributes include `wanted`."""
        key = {k.rstrip("_").replace("_", "-"): v for k, v in wanted.items()}
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in key.items())]

    def text_of(self, css_class: str) -> list[str]:
        """The texts inside elements of class `css_class`, in order."""
        return self.by_class.get(css_class, [])

    def meta(self, name: str) -> str | None:
        """The content of ``<meta name|property=name>``."""
        for t, a in self.tags:
            if t == "meta" and (a.get("name") == name or a.get("property") == name):
                return a.get("content")
        return None
