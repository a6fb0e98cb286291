"""The default theme renders a shop's home page from its products, escaped, in its language."""

from __future__ import annotations

from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

import pytest
from bson import Decimal128

from cloudcat.core.documents import Shop
from cloudcat.core.errors import BadInput
from cloudcat.core.plugin_api import StorefrontPage
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.tenancy import ShopPlugins, shop_info
from cloudcat.plugins.default_theme.theme import DefaultTheme, format_price
from tests.conftest import make_shop

PRODUCTS: list[dict[str, Any]] = [
    {
        "title": "龙井 <script>alert('x')</script>",
        "price": Decimal128("1299.5"),
        "currency": "CNY",
        "image_urls": ["https://img.example/lj.jpg"],
        "url": "https://item.example/1?a=1&b=2",
    },
    {
        "title": "Tea & cups",
        "price": Decimal("12"),
        "currency": "USD",
        "image_urls": ["javascript:alert(1)"],
        "url": "javascript:alert(2)",
    },
]


class Collector(HTMLParser):
    """Collects the tags, attributes and text of a page, as a browser would parse it."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.text.append(data.strip())

    def attrs(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def render(
    shop_plugins: ShopPlugins, shop: Shop, config: dict[str, Any], products: list[dict[str, Any]]
) -> Collector:
    shop_plugins.configure(shop.id, "default_theme", config)
    shop_plugins.set_enabled(shop.id, "default_theme", True)
    theme = shop_plugins.provider(shop, "default_theme")
    assert isinstance(theme, DefaultTheme)
    html = theme.render_home(StorefrontPage(shop_info(shop), products, "http://x/s/" + shop.slug))
    assert "<script>" not in html
    page = Collector()
    page.feed(html)
    page.close()
    return page


def test_home_page_lists_products_escaped(db: RawDatabase, shop_plugins: ShopPlugins) -> None:
    shop = make_shop("tea-house", "Tea <House>", locale="zh-CN")

    page = render(shop_plugins, shop, {"headline": "春茶 & more"}, PRODUCTS)

    assert page.attrs("html") == [{"lang": "zh-CN"}]
    assert page.text[0] == "Tea <House>"  # the title, decoded by the parser: it was escaped
    assert "春茶 & more" in page.text
    assert "龙井 <script>alert('x')</script>" in page.text
    assert "¥1,299.50" in page.text and "$12.00" in page.text
    assert page.attrs("a") == [{"href": "https://item.example/1?a=1&b=2", "rel": "noopener"}]
    images = page.attrs("img")
    assert [img["src"] for img in images] == ["https://img.example/lj.jpg"]
    assert "javascript" not in str(page.tags)


def test_empty_shop_in_english_with_an_accent_colour(
    db: RawDatabase, shop_plugins: ShopPlugins
) -> None:
    shop = make_shop("tea-house", "Tea House", locale="en")

    page = render(shop_plugins, shop, {"accent_color": "#0a7"}, [])

    assert page.attrs("html") == [{"lang": "en"}]
    assert "No products yet" in page.text
    assert any("--accent: #0a7;" in text for text in page.text)
    assert page.attrs("li") == []


def test_config_rejects_anything_but_a_hex_colour(
    db: RawDatabase, shop_plugins: ShopPlugins
) -> None:
    shop = make_shop("tea-house", "Tea House", locale="en")
    for colour in ["red", "#12345", "#fff;}body{display:none", "</style>"]:
        with pytest.raises(BadInput) as caught:
            shop_plugins.configure(shop.id, "default_theme", {"accent_color": colour})
        assert [f.path for f in caught.value.fields] == [["config", "accent_color"]]


def test_prices_are_formatted_per_currency() -> None:
    assert format_price(Decimal("1234.5"), "CNY") == "¥1,234.50"
    assert format_price(Decimal128("1500.00"), "JPY") == "¥1,500"
    assert format_price("9.9", "CHF") == "CHF 9.90"
    assert format_price("n/a", "EUR") == "EUR n/a"
