"""The default theme: its settings (validated before they reach CSS), its look in the shop's
language, and the site's price formats."""

from __future__ import annotations

from decimal import Decimal

import pytest
from bson import Decimal128

from cloudcat.core import site_version
from cloudcat.core.documents import Shop
from cloudcat.core.errors import BadInput
from cloudcat.core.site.formatting import format_price
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.tenancy import ShopPlugins
from cloudcat.core.testing.client import GraphQLClient
from tests.conftest import make_shop
from tests.site_shop import Page


def test_an_empty_shop_in_english_with_its_accent_colour_logo_and_font(
    client: GraphQLClient, db: RawDatabase, shop_plugins: ShopPlugins
) -> None:
    shop = make_shop("tea-house", "Tea House", locale="en")
    config = {
        "accent_color": "#0a7",
        "logo": "https://img.example/logo.png",
        "font": "serif",
        "headline": "Spring tea & more",
    }
    shop_plugins.configure(shop.id, "default_theme", config)
    shop_plugins.set_enabled(shop.id, "default_theme", True)

    page = Page(client.http.get("/s/tea-house/").text)

    assert page.all("html") == [{"lang": "en"}]
    assert "No products yet" in page.texts and "Spring tea & more" in page.texts
    assert any("--accent: #0a7;" in text for text in page.texts)
    assert page.all("img", class_="logo")[0]["src"] == "https://img.example/logo.png"
    assert page.all("body")[0]["class"] == "font-serif"


def test_settings_reject_anything_but_a_hex_colour_an_image_and_a_known_font(
    db: RawDatabase, shop_plugins: ShopPlugins
) -> None:
    shop = make_shop("tea-house", "Tea House", locale="en")
    for colour in ["red", "#12345", "#fff;}body{display:none", "</style>"]:
        with pytest.raises(BadInput) as caught:
            shop_plugins.configure(shop.id, "default_theme", {"accent_color": colour})
        assert [f.path for f in caught.value.fields] == [["config", "accent_color"]]
    for field, value in (("logo", "javascript:alert(1)"), ("font", "x;}</style>")):
        with pytest.raises(BadInput) as caught:
            shop_plugins.configure(shop.id, "default_theme", {field: value})
        assert [f.path for f in caught.value.fields] == [["config", field]]


def test_a_theme_setting_change_shows_on_the_next_request(
    client: GraphQLClient, shop: Shop, shop_plugins: ShopPlugins
) -> None:
    shop_plugins.set_enabled(shop.id, "default_theme", True)
    assert "Autumn sale" not in client.http.get("/s/tea-house/").text
    shop_plugins.configure(shop.id, "default_theme", {"headline": "Autumn sale"})
    site_version.bump(shop.id, "theme settings")  # what the admin's configure mutation does
    assert "Autumn sale" in Page(client.http.get("/s/tea-house/").text).texts


def test_prices_are_formatted_per_currency() -> None:
    assert format_price(Decimal("1234.5"), "CNY") == "¥1,234.50"
    assert format_price(Decimal128("1500.00"), "JPY") == "¥1,500"
    assert format_price("9.9", "CHF") == "CHF 9.90"
    assert format_price("n/a", "EUR") == ""
