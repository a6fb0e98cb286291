"""What the site shows is escaped everywhere, and one shop's site never shows another's."""

from __future__ import annotations

from bson import Decimal128

from cloudcat.core import site_version
from cloudcat.core.documents import Category, Product, Shop
from cloudcat.core.tenancy import ShopPlugins
from cloudcat.core.testing.client import GraphQLClient
from tests.conftest import make_shop
from tests.fakes.feed import FeedServer
from tests.site_shop import Page, site_shop

SCRIPT = "<script>alert(1)</script>"


def _no_injected_markup(html: str) -> None:
    assert SCRIPT not in html
    assert "<img src=x onerror" not in html
    assert "javascript:" not in html


def test_script_in_titles_settings_and_paths_is_escaped(
    client: GraphQLClient, shop: Shop, shop_plugins: ShopPlugins, feed_server: FeedServer
) -> None:
    site_shop(shop_plugins, shop, feed_server, count=2)
    product = Product.objects(shop_id=shop.id, external_id="demo-001").first()
    assert product is not None
    Product.objects(id=product.id).update_one(
        set__owned__title=f"Tea {SCRIPT}",
        set__owned__description='"><img src=x onerror=alert(2)>',
        set__image_urls=["javascript:alert(3)"],
        set__url="javascript:alert(4)",
    )
    Category.objects(shop_id=shop.id, external_id="tea").update_one(set__name=f"Menu {SCRIPT}")
    Shop.objects(id=shop.id).update_one(set__name=f"Shop {SCRIPT}")
    shop_plugins.configure(
        shop.id, "default_theme", {"headline": f"Hi {SCRIPT}", "accent_color": "#123456"}
    )
    site_version.bump(shop.id, "test")

    for path in (
        "/s/tea-house/",
        f"/s/tea-house/products/{product.handle}",
        "/s/tea-house/collections/tea",
        f"/s/tea-house/search?q={SCRIPT}",
        f"/s/tea-house/{SCRIPT}",
        f"/s/tea-house/products/{SCRIPT}",
    ):
        response = client.http.get(path)
        _no_injected_markup(response.text)
        page = Page(response.text)
        assert page.all(
            "script", src="/s/tea-house/assets/default_theme/theme.js"
        )  # only the theme's own
        assert [a for t, a in page.tags if t == "script" and not a.get("src")] == [
            a for t, a in page.tags if t == "script" and a.get("type") == "application/ld+json"
        ]
    home = Page(client.http.get("/s/tea-house/").text)
    assert f"Tea {SCRIPT}" in home.text_of("card-title")  # shown as text
    assert f"Hi {SCRIPT}" in home.text_of("hero-text")
    assert f"Menu {SCRIPT}" in home.text_of("site-nav")
    product_page = client.http.get(f"/s/tea-house/products/{product.handle}")
    assert "<\\/script>" not in product_page.text and "\\u003cscript" in product_page.text


def test_theme_settings_are_validated_before_they_reach_css(
    shop: Shop, shop_plugins: ShopPlugins
) -> None:
    from cloudcat.core.errors import BadInput

    try:
        shop_plugins.configure(shop.id, "default_theme", {"accent_color": "red;}</style><script>"})
    except BadInput as refused:
        assert "accent_color" in str(refused.fields) or refused.fields
    else:
        raise AssertionError("a colour that is not #rgb/#rrggbb was accepted")


def test_one_shop_never_shows_another_shops_products(
    client: GraphQLClient, shop: Shop, shop_plugins: ShopPlugins, feed_server: FeedServer
) -> None:
    site_shop(shop_plugins, shop, feed_server, count=2)
    other = make_shop("coffee-house", "Coffee House")
    shop_plugins.set_enabled(other.id, "default_theme", True)
    Product(
        shop_id=other.id,
        source="feed",
        external_id="c1",
        title="Coffee only",
        currency="CNY",
        price=Decimal128("9.90"),
        handle="coffee-only-c1",
    ).save()
    ours = Product.objects(shop_id=shop.id, external_id="demo-001").first()
    assert ours is not None

    coffee = Page(client.http.get("/s/coffee-house/").text)
    assert coffee.text_of("card-title") == ["Coffee only"]
    assert client.http.get(f"/s/coffee-house/products/{ours.handle}").status_code == 404
    assert client.http.get(f"/s/coffee-house/products/{ours.id}").status_code == 404
    assert client.http.get("/s/tea-house/products/coffee-only-c1").status_code == 404
    assert "Coffee only" not in client.http.get("/s/tea-house/search?q=Coffee").text
    assert "coffee-only" not in client.http.get("/s/tea-house/sitemap.xml").text
    assert client.http.get("/s/coffee-house/collections/tea").status_code == 404
