"""The demo shop gets a published home page, two articles and a menu in zh-CN and en, once."""

from __future__ import annotations

from cloudcat.core.content.documents import ContentPage
from cloudcat.core.content.reads import menu, published_page, published_pages
from cloudcat.core.demo import seed_demo
from cloudcat.core.services import Services


def test_the_demo_shop_has_its_content_in_both_locales(services: Services) -> None:
    shop = seed_demo(services, "http://127.0.0.1:9/demo-catalog.json")
    seed_demo(services, "http://127.0.0.1:9/demo-catalog.json")  # kept, not doubled
    assert ContentPage.objects(shop_id=shop.id).count() == 3
    zh = published_page(shop.id, "home", "home", "zh-CN", "zh-CN")
    en = published_page(shop.id, "home", "home", "en", "zh-CN")
    assert zh is not None and en is not None
    assert zh.locale == "zh-CN" and en.locale == "en" and en.alternates == ["en", "zh-CN"]
    assert [b["type"] for b in en.blocks] == [
        "hero", "product_grid", "countdown", "rich_text", "article_list",
    ]  # fmt: skip
    assert en.blocks[1]["settings"]["collection_id"] == "green-tea"
    articles = published_pages(shop.id, "article", "en", "zh-CN", limit=10)
    assert len(articles) == 2 and all(a.locale == "en" and a.body_html for a in articles)
    items = menu(shop.id, "main", "zh-CN", "zh-CN")
    assert items is not None and items[0]["label"] == "首页"
