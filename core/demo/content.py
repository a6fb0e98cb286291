"""The demo shop's content: a published home page, two articles and the main menu, in zh-CN
and en, so `make dev`'s site has pages to show. Seeded once (kept when already there)."""

from __future__ import annotations

from typing import Any

from bson import ObjectId

from cloudcat.core.content.documents import ContentPage
from cloudcat.core.content.menus import save_menu
from cloudcat.core.content.pages import create_page, save_draft
from cloudcat.core.content.publishing import publish_now

RUNNING_PROMOTION = "everyday-deals"  # in the bundled catalog, running until 2035
GRID_COLLECTION = "green-tea"

HOME: dict[str, dict[str, Any]] = {
    "zh-CN": {
        "title": "云猫演示店",
        "seo_description": "精选茶叶、茶具与手工艺品。",
        "hero": ("好茶，好器，好生活", "春茶上新，限时九折", "去逛逛",
                 "选购绿茶", "天天特惠倒计时"),
        "text": "<h2>关于我们</h2><p>我们从产地直采茶叶，与手艺人合作茶具与器物。</p>",
        "articles": "茶事札记",
    },
    "en": {
        "title": "CloudCat Demo",
        "seo_description": "Fine tea, teaware and crafts.",
        "hero": ("Good tea, good ware", "Spring teas are in: 10% off", "Shop now",
                 "Green tea", "Everyday deals end in"),
        "text": "<h2>About us</h2><p>We buy our teas at the source and work with craftspeople.</p>",
        "articles": "From the tea journal",
    },
}  # fmt: skip

ARTICLES: list[dict[str, dict[str, Any]]] = [
    {
        "zh-CN": {
            "title": "如何冲泡一杯好龙井",
            "excerpt": "水温八十度，玻璃杯，三分钟。",
            "body_html": "<p>龙井宜用八十度左右的水，玻璃杯冲泡，可观茶叶舒展。</p>"
            "<ol><li>温杯</li><li>投茶三克</li><li>注水，静候三分钟</li></ol>",
        },
        "en": {
            "title": "How to brew a good Longjing",
            "excerpt": "80 °C water, a glass, three minutes.",
            "body_html": "<p>Brew Longjing with water around 80 °C in a glass to watch the "
            "leaves unfold.</p><ol><li>Warm the glass</li><li>Add 3 g of tea</li>"
            "<li>Pour and wait three minutes</li></ol>",
        },
    },
    {
        "zh-CN": {
            "title": "乌龙茶的焙火",
            "excerpt": "轻焙清香，重焙醇厚。",
            "body_html": "<p>焙火决定了乌龙茶的性格：轻焙清香，重焙醇厚。</p>",
        },
        "en": {
            "title": "Roasting oolong",
            "excerpt": "Light roasts are fragrant, dark roasts mellow.",
            "body_html": "<p>The roast gives an oolong its character: light roasts are "
            "fragrant, dark roasts mellow.</p>",
        },
    },
]

MENU = {
    "zh-CN": [("首页", "/"), ("绿茶", f"/collections/{GRID_COLLECTION}"), ("文章", "/articles")],
    "en": [
        ("Home", "/"),
        ("Green tea", f"/collections/{GRID_COLLECTION}"),
        ("Journal", "/articles"),
    ],
}


def _home_data(locale: str) -> dict[str, Any]:
    texts = HOME[locale]
    heading, subheading, button, grid, countdown = texts["hero"]
    blocks = [
        {"type": "hero", "settings": {
            "heading": heading, "subheading": subheading,
            "link": f"/collections/{GRID_COLLECTION}", "button_label": button,
        }},
        {"type": "product_grid", "settings": {
            "heading": grid, "source": "collection", "collection_id": GRID_COLLECTION, "limit": 8,
        }},
        {"type": "countdown", "settings": {
            "heading": countdown, "promotion_id": RUNNING_PROMOTION,
        }},
        {"type": "rich_text", "settings": {"html": texts["text"]}},
        {"type": "article_list", "settings": {"heading": texts["articles"], "limit": 4}},
    ]  # fmt: skip
    return {"title": texts["title"], "seo_description": texts["seo_description"], "blocks": blocks}


def _publish_in_both(shop_id: ObjectId, kind: str, data: dict[str, dict[str, Any]]) -> None:
    """Create a page of `kind` from its zh-CN and en data and publish both locales."""
    page = create_page(
        shop_id, kind, "zh-CN", data["zh-CN"], tags=["tea"] if kind == "article" else None
    )
    save_draft(shop_id, page["_id"], "en", data["en"])
    for locale in ("zh-CN", "en"):
        publish_now(shop_id, page["_id"], locale, by="demo")


def seed_demo_content(shop_id: ObjectId) -> None:
    """Give the demo shop its home page, two articles and main menu, unless it has a home
    page already (the seller's edits are kept across restarts)."""
    if ContentPage.objects(shop_id=shop_id, kind="home").first() is not None:
        return
    for article in ARTICLES:
        _publish_in_both(shop_id, "article", article)
    _publish_in_both(shop_id, "home", {locale: _home_data(locale) for locale in HOME})
    for locale, links in MENU.items():
        save_menu(shop_id, "main", locale, [{"label": label, "url": url} for label, url in links])
