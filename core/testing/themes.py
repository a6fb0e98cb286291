"""The conformance suite of themes: the `Theme` contract, checked on a real site.

Subclass `ThemeConformance` in a test module (the name must start with ``Test``) and give it a
``theme_name`` fixture (and, optionally, ``theme_config``)::

    from cloudcat.core.testing.themes import ThemeConformance

    class TestMyTheme(ThemeConformance):
        @pytest.fixture
        def theme_name(self) -> str:
            return "my_theme"

The suite stores a small catalog in the partner kit's ``shop`` (a product with three SKUs and
a running promotion, a delisted product, a category), enables the theme alone and asks the
real app for every page. Checks: every page template renders (home, collection, product,
search with and without results, the friendly 404, the "no longer available" page of a
delisted product, with the right statuses) as a page with a language, a title, a canonical
link and a phone viewport; the product page offers each SKU (``input[name=sku]`` valued by
the SKU's id) with its price and links to the marketplace with the tracking parameters (the
"open in browser" guide inside WeChat instead); script in a product title, a category name, a
search or the address is shown as text, never run; every declared block type has a template
that draws with empty data, and an unknown block type is skipped.
"""

from __future__ import annotations

from datetime import timedelta
from html.parser import HTMLParser
from typing import Any

import pytest
from bson import Decimal128

from cloudcat.core import site_version
from cloudcat.core.documents import Category, Product, Shop
from cloudcat.core.documents.base import utcnow
from cloudcat.core.documents.catalog import OptionValue, Variant
from cloudcat.core.documents.promotions import Promotion, PromotionItem, VariantPrice
from cloudcat.core.providers import THEME_TEMPLATES, Theme
from cloudcat.core.site.rendering import environment
from cloudcat.core.site.texts import TEXTS
from cloudcat.core.tenancy import ShopPlugins
from cloudcat.core.testing.client import GraphQLClient

SCRIPT = "<script>alert('theme')</script>"
WECHAT_AGENT = "Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.47"
SKUS = (
    ("sku-s", "Small", "10.00", 5),
    ("sku-m", "Medium", "12.00", 0),
    ("sku-l", "Large", "15.50", None),
)


class _Tags(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.text.append(data.strip())

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [
            a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())
        ]


def _catalog(shop: Shop) -> dict[str, Product]:
    """A category, a product with three SKUs (one sold out) reduced by a running promotion,
    and a delisted product."""
    Category(shop_id=shop.id, source="kit", external_id="cat-1", name=f"Teas {SCRIPT}").save()
    variants = [
        Variant(
            external_id=vid,
            title=title,
            options=[OptionValue(name="Size", value=title)],
            price=Decimal128(price),
            stock=stock,
            sku=vid.upper(),
        )
        for vid, title, price, stock in SKUS
    ]
    listed = Product(
        shop_id=shop.id,
        source="kit",
        external_id="p-1",
        handle="kit-tea-p-1",
        title=f"Kit tea {SCRIPT}",
        description="A tea for the theme kit.",
        currency="CNY",
        price=Decimal128("10.00"),
        image_urls=["https://img.example/kit-tea.jpg"],
        url="https://item.example/p-1?x=1",
        category_ids=["cat-1"],
        variants=variants,
    )
    listed.save()
    gone = Product(
        shop_id=shop.id,
        source="kit",
        external_id="p-2",
        handle="gone-tea-p-2",
        title="Gone tea",
        currency="CNY",
        price=Decimal128("9.00"),
        status="delisted",
    )
    gone.save()
    now = utcnow()
    Promotion(
        shop_id=shop.id,
        source="kit",
        external_id="promo-1",
        name="Kit sale",
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(days=3),
        currency="CNY",
        items=[
            PromotionItem(
                product_id="p-1",
                price=Decimal128("8.00"),
                variant_prices=[VariantPrice(variant_id="sku-s", price=Decimal128("8.00"))],
            )
        ],
    ).save()
    site_version.bump(shop.id, "theme kit catalog")
    return {"listed": listed, "gone": gone}


class ThemeConformance:
    """The theme checks; subclass with a ``theme_name`` fixture."""

    @pytest.fixture
    def theme_config(self) -> dict[str, Any]:
        """The theme's settings for the checks (override for a theme that needs some)."""
        return {}

    @pytest.fixture
    def themed_shop(
        self, theme_name: str, theme_config: dict[str, Any], shop: Shop, shop_plugins: ShopPlugins
    ) -> dict[str, Product]:
        for name in shop_plugins.enabled_names(shop.id):
            shop_plugins.set_enabled(shop.id, name, False)
        shop_plugins.configure(shop.id, theme_name, theme_config)
        shop_plugins.set_enabled(shop.id, theme_name, True)
        return _catalog(shop)

    def _get(self, client: GraphQLClient, shop: Shop, path: str, **headers: str) -> Any:
        return client.http.get(f"/s/{shop.slug}/{path}", headers=headers, follow_redirects=False)

    def test_every_page_renders_with_its_status_and_head(
        self, client: GraphQLClient, shop: Shop, themed_shop: dict[str, Product]
    ) -> None:
        pages = {
            "": 200,
            "collections/cat-1": 200,
            f"products/{themed_shop['listed'].handle}": 200,
            "search?q=Kit": 200,
            "search?q=nothing-like-this": 200,
            "no/such/page": 404,
            f"products/{themed_shop['gone'].handle}": 404,
        }
        for path, status in pages.items():
            response = self._get(client, shop, path)
            assert response.status_code == status, path
            page = _Tags(response.text)
            assert page.find("html") and page.find("html")[0].get("lang"), path
            assert page.find("title"), path
            assert page.find("link", rel="canonical"), path
            viewports = [m.get("content", "") for m in page.find("meta", name="viewport")]
            assert any("width=device-width" in v for v in viewports), path
        gone = _Tags(self._get(client, shop, f"products/{themed_shop['gone'].handle}").text)
        assert TEXTS["zh"]["unavailable"] in gone.text
        missing = _Tags(self._get(client, shop, "no/such/page").text)
        assert TEXTS["zh"]["not_found"] in missing.text

    def test_the_product_page_offers_each_sku_and_a_tracked_buy_link(
        self, client: GraphQLClient, shop: Shop, themed_shop: dict[str, Product]
    ) -> None:
        path = f"products/{themed_shop['listed'].handle}"
        page = _Tags(self._get(client, shop, path).text)
        assert [i["value"] for i in page.find("input", name="sku")] == [s[0] for s in SKUS]
        text = " ".join(page.text)
        for _, title, price, _ in SKUS:
            assert title in text and f"¥{price}" in text
        assert "¥8.00" in text  # the running promotion's price
        links = [a.get("href", "") for a in page.find("a")]
        tracked = [h for h in links if h.startswith("https://item.example/p-1?x=1&")]
        assert tracked and "utm_source=cloudcat" in tracked[0] and "cc_vid=" in tracked[0]
        wechat = _Tags(self._get(client, shop, path, **{"user-agent": WECHAT_AGENT}).text)
        assert not [a for a in wechat.find("a") if a.get("href", "").startswith("https://item.")]
        assert TEXTS["zh"]["wechat_title"] in wechat.text

    def test_script_is_shown_as_text_never_run(
        self, client: GraphQLClient, shop: Shop, themed_shop: dict[str, Product]
    ) -> None:
        for path in (
            "",
            "collections/cat-1",
            f"products/{themed_shop['listed'].handle}",
            f"search?q={SCRIPT}",
            f"{SCRIPT}",
        ):
            html = self._get(client, shop, path).text
            assert SCRIPT not in html, path
            inline = [a for t, a in _Tags(html).tags if t == "script" and not a.get("src")]
            assert all(a.get("type") == "application/ld+json" for a in inline), path

    def test_declared_blocks_draw_and_unknown_blocks_are_skipped(
        self, theme_name: str, shop_plugins: ShopPlugins
    ) -> None:
        installed = shop_plugins.plugins.providers[theme_name].cls
        assert issubclass(installed, Theme)
        fallback = shop_plugins.plugins.providers["default_theme"].cls
        assert issubclass(fallback, Theme)
        env = environment(installed, fallback.template_dir)
        for template in THEME_TEMPLATES:
            env.get_template(template)  # the theme's own or the default theme's
        page = env.from_string("{% for b in blocks %}[{{ render_block(b) }}]{% endfor %}")
        context = {
            "block_types": installed.block_types,
            "t": TEXTS["en"],
            "base": "/s/x",
            "categories": [],
            "settings": {},
        }
        for kind in sorted(installed.block_types):
            block = {"id": "b", "type": kind, "settings": {}, "data": {}}
            page.render({**context, "blocks": [block]})  # draws without error
        unknown = {"id": "u", "type": "no_such_block", "settings": {"html": SCRIPT}, "data": {}}
        assert page.render({**context, "blocks": [unknown]}) == "[]"
