"""Buy links, the WeChat guide, the mobile theme for in-app browsers, and the footprints
snippet that posts to /collect."""

from __future__ import annotations

from cloudcat.core.documents import Product, Shop
from cloudcat.core.site.footprints import issue_site_key
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.tenancy import ShopPlugins
from cloudcat.core.testing.client import GraphQLClient
from tests.fakes.feed import FeedServer
from tests.site_shop import Page, site_shop

WECHAT = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI"
)
WEIBO = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Mobile/15E148 Weibo (iPhone14,2__weibo__14.1.0)"


def _product(shop: Shop) -> Product:
    found = Product.objects(shop_id=shop.id, external_id="demo-001").first()
    assert found is not None
    return found


def test_wechat_gets_the_open_in_browser_guide_instead_of_the_link(
    client: GraphQLClient, shop: Shop, shop_plugins: ShopPlugins, feed_server: FeedServer
) -> None:
    site_shop(shop_plugins, shop, feed_server, count=2)
    path = f"/s/tea-house/products/{_product(shop).handle}"

    browser = Page(client.http.get(path).text)
    assert browser.all("a", class_="buy") and not browser.text_of("wechat-guide")

    wechat = Page(client.http.get(path, headers={"user-agent": WECHAT}).text)
    assert not wechat.all("a", class_="buy")
    assert wechat.text_of("wechat-title") == ["微信内无法直接打开购买链接"]
    copies = [a["value"] for a in wechat.all("input", class_="copy")]
    assert copies[0].startswith("https://item.taobao.com/item.htm?id=600000000001&utm_source=")
    assert copies[1] == "demo-001"


def test_in_app_browsers_get_the_mobile_theme_when_the_shop_enabled_it(
    client: GraphQLClient, shop: Shop, shop_plugins: ShopPlugins, feed_server: FeedServer
) -> None:
    site_shop(shop_plugins, shop, feed_server, count=3)
    path = f"/s/tea-house/products/{_product(shop).handle}"
    # Without the mobile theme, in-app browsers get the default theme.
    plain = Page(client.http.get(path, headers={"user-agent": WEIBO}).text)
    assert (
        plain.all("link", rel="stylesheet")[0]["href"]
        == "/s/tea-house/assets/default_theme/theme.css"
    )

    shop_plugins.set_enabled(shop.id, "mobile_theme", True)
    for agent in (WEIBO, WECHAT):
        mobile = Page(client.http.get(path, headers={"user-agent": agent}).text)
        assert (
            mobile.all("link", rel="stylesheet")[0]["href"]
            == "/s/tea-house/assets/mobile_theme/mobile.css"
        )
        assert mobile.all("body")[0]["class"].startswith("mobile")
        assert [r["value"] for r in mobile.all("input", name="sku")] == [
            "demo-001-1",
            "demo-001-2",
            "demo-001-3",
        ]
    # Desktop browsers keep the default theme; pages the mobile theme lacks fall back to it.
    desktop = Page(client.http.get(path).text)
    assert (
        desktop.all("link", rel="stylesheet")[0]["href"]
        == "/s/tea-house/assets/default_theme/theme.css"
    )
    collection = client.http.get("/s/tea-house/collections/tea", headers={"user-agent": WEIBO})
    assert collection.status_code == 200
    assert Page(collection.text).all("body")[0]["class"].startswith("mobile")
    assert (
        client.http.get("/s/tea-house/assets/mobile_theme/mobile.css")
        .headers["content-type"]
        .startswith("text/css")
    )
    assert client.http.get("/s/tea-house/assets/mobile_theme/../theme.py").status_code == 404


def test_the_snippet_is_on_every_page_with_the_site_key_and_its_events_are_collected(
    client: GraphQLClient,
    db: RawDatabase,
    shop: Shop,
    shop_plugins: ShopPlugins,
    feed_server: FeedServer,
) -> None:
    site_shop(shop_plugins, shop, feed_server, count=2)
    product = _product(shop)
    path = f"/s/tea-house/products/{product.handle}"
    without = client.http.get(path)
    assert not Page(without.text).all("script", src="/s/tea-house/footprints.js")
    assert "script-src 'self';" in without.headers["content-security-policy"]  # no inline

    key = issue_site_key(shop, shop.id)
    shop_plugins.set_enabled(shop.id, "event_store", True)  # bumps the site version
    for page_path in ("/s/tea-house/", path, "/s/tea-house/nowhere"):
        tags = Page(client.http.get(page_path).text).all("script", src="/s/tea-house/footprints.js")
        assert len(tags) == 1 and tags[0]["data-key"] == key
        assert tags[0]["data-collect"] == "/collect"
    product_tag = Page(client.http.get(path).text).all("script", src="/s/tea-house/footprints.js")
    assert product_tag[0]["data-item"] == str(product.id)
    buy = Page(client.http.get(path).text).all("a", class_="buy")[0]
    assert buy["data-cc-buy"] == str(product.id)
    script = client.http.get("/s/tea-house/footprints.js")
    assert script.headers["content-type"].startswith("text/javascript")
    for event in (
        "page_view",
        "view_item",
        "select_item",
        "click_buy",
        "x-cloudcat-storefront-key",
    ):
        assert event in script.text

    # What the snippet posts is accepted by the collector with that key.
    events = [
        {"type": kind, "anonymousId": "v1", "properties": {"item_id": str(product.id)}}
        for kind in ("page_view", "view_item", "select_item", "click_buy")
    ]
    answer = client.http.post(
        "/collect", json={"events": events}, headers={"x-cloudcat-storefront-key": key}
    )
    assert answer.status_code == 202 and answer.json()["accepted"] == 4
    stored = sorted(e["type"] for e in db.events.find({"shop_id": shop.id}))
    assert stored == ["click_buy", "page_view", "select_item", "view_item"]
