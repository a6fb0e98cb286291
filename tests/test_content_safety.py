"""Content safety: script in rich text, titles, blocks and menus is sanitized on the way in;
preview tokens expire, resist tampering and stay in their shop; reads never write and use
indexes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from bson import ObjectId

from cloudcat.core.content.documents import ContentMenu, ContentPage
from cloudcat.core.content.menus import save_menu
from cloudcat.core.content.pages import create_page, save_draft
from cloudcat.core.content.publishing import publish_now
from cloudcat.core.content.reads import (
    configure_preview_key,
    menu,
    moved_handle,
    preview_page,
    preview_token,
    published_page,
    published_pages,
)
from cloudcat.core.documents import Shop
from cloudcat.core.errors import BadInput
from cloudcat.core.storage.database import RawDatabase
from cloudcat.core.testing import TEST_SECRET_KEY
from tests.conftest import make_shop

SCRIPT = "<script>alert('x')</script>"


@pytest.fixture(autouse=True)
def preview_key() -> None:
    configure_preview_key(TEST_SECRET_KEY)


def test_script_is_removed_from_rich_text_titles_blocks_and_articles(shop: Shop) -> None:
    data = {
        "title": f"{SCRIPT}Spring <b>sale</b>",
        "seo_title": "<img src=x onerror=alert(1)>SEO",
        "body_html": f'<p onclick="alert(1)">Hello <a href="javascript:alert(1)">x</a></p>{SCRIPT}'
        '<img src="https://cdn.example.com/a.png" onerror="alert(1)">',
        "excerpt": f"{SCRIPT}short",
        "blocks": [
            {"type": "rich_text", "settings": {"html": f"<h2>Hi</h2>{SCRIPT}<iframe src=x></iframe>"}},
            {"type": "hero", "settings": {"heading": f"{SCRIPT}Big", "button_label": "<i>Go</i>"}},
            {"type": "gallery", "settings": {"images": [{"image": "https://cdn.example.com/b.png", "alt": '"><script>x</script>'}]}},
        ],
    }  # fmt: skip
    page = create_page(shop.id, "article", "zh-CN", data)
    draft = page["locales"]["zh-CN"]["draft"]
    stored = json.dumps(draft)
    assert "<script" not in stored and "onerror" not in stored and "onclick" not in stored
    assert "javascript:" not in stored and "iframe" not in stored
    assert draft["title"] == "Spring sale" and draft["seo_title"] == "SEO"
    assert draft["excerpt"] == "short"
    assert draft["body_html"].startswith("<p>Hello <a")
    assert '<img src="https://cdn.example.com/a.png">' in draft["body_html"]
    assert draft["blocks"][0]["settings"]["html"] == "<h2>Hi</h2>"
    assert draft["blocks"][1]["settings"]["heading"] == "Big"
    assert draft["blocks"][1]["settings"]["button_label"] == "Go"
    assert draft["blocks"][2]["settings"]["images"][0]["alt"] == '">'


@pytest.mark.parametrize(
    ("settings", "field"),
    [
        ({"link": "javascript:alert(1)"}, "link"),
        ({"link": "//evil.example.com/x"}, "link"),
        ({"link": 'https://a.example.com/"onmouseover="x'}, "link"),
        ({"image": "http://insecure.example.com/a.png"}, "image"),
        ({"image": "data:image/png;base64,AAAA"}, "image"),
    ],
)
def test_unsafe_links_and_images_are_refused(
    shop: Shop, settings: dict[str, Any], field: str
) -> None:
    with pytest.raises(BadInput) as refused:
        create_page(
            shop.id,
            "landing",
            "zh-CN",
            {"title": "T", "blocks": [{"type": "hero", "settings": settings}]},
        )
    assert refused.value.fields[0].path == ["data", "blocks", 0, "settings", field]


def test_menu_labels_lose_markup(shop: Shop) -> None:
    saved = save_menu(
        shop.id, "footer", "en", [{"label": f"{SCRIPT}About<b>!</b>", "url": "/pages/about"}]
    )
    assert saved == [{"label": "About!", "url": "/pages/about", "children": []}]
    with pytest.raises(BadInput):
        save_menu(shop.id, "footer", "en", [{"label": SCRIPT, "url": "/"}])  # nothing left


def test_a_preview_token_shows_the_draft_until_it_expires(shop: Shop) -> None:
    page = create_page(shop.id, "landing", "zh-CN", {"title": "Live", "blocks": []}, handle="p")
    publish_now(shop.id, page["_id"], "zh-CN")
    save_draft(shop.id, page["_id"], "zh-CN", {"title": "Draft", "blocks": []})
    now = datetime.now(UTC)
    token = preview_token(shop.id, page["_id"], "zh-CN", now + timedelta(minutes=10))
    shown = preview_page(token, now, shop_id=shop.id)
    assert shown is not None and shown.title == "Draft" and shown.locale == "zh-CN"
    assert preview_page(token, now + timedelta(minutes=11)) is None  # expired
    assert preview_page(token, now, shop_id=make_shop("elsewhere").id) is None  # other shop
    live = published_page(shop.id, "landing", "p", "zh-CN", "zh-CN")
    assert live is not None and live.title == "Live"  # the draft never went live
    # No en draft: nothing to preview.
    assert (
        preview_page(preview_token(shop.id, page["_id"], "en", now + timedelta(minutes=5)), now)
        is None
    )


def test_a_tampered_or_foreign_key_token_is_refused(shop: Shop) -> None:
    page = create_page(shop.id, "landing", "zh-CN", {"title": "Draft", "blocks": []})
    now = datetime.now(UTC)
    token = preview_token(shop.id, page["_id"], "zh-CN", now + timedelta(hours=1))
    payload, signature = token.split(".")
    other = make_shop("other")
    forged_payload = preview_token(other.id, page["_id"], "zh-CN", now + timedelta(hours=1)).split(
        "."
    )[0]
    for bad in (
        f"{forged_payload}.{signature}",  # another shop, this signature
        f"{payload}.{signature[:-2]}AA",
        f"{payload}x.{signature}",
        "not-a-token",
        "",
        "a.b.c",
    ):
        assert preview_page(bad, now) is None, bad
    configure_preview_key("another secret key of at least thirty-two characters")
    assert preview_page(token, now) is None  # signed with another app secret


def test_reads_never_write_and_use_indexes(db: RawDatabase, shop: Shop) -> None:
    page = create_page(shop.id, "article", "zh-CN", {"title": "A", "blocks": []}, tags=["t"])
    publish_now(shop.id, page["_id"], "zh-CN")
    save_menu(shop.id, "main", "zh-CN", [{"label": "Home", "url": "/"}])
    before = {
        name: list(db[name].find())
        for name in ("content_pages", "content_menus", "content_revisions")
    }
    published_page(shop.id, "article", "a", "en", "zh-CN")
    published_pages(shop.id, "article", "en", "zh-CN", limit=5, tag="t")
    moved_handle(shop.id, "article", "old")
    menu(shop.id, "main", "en", "zh-CN")
    after = {name: list(db[name].find()) for name in before}
    assert after == before
    s = ObjectId()
    pages = ContentPage._get_collection()
    for query in (
        {"shop_id": s, "kind": "landing", "handle": "a"},
        {"shop_id": s, "kind": "landing", "previous_handles": "a"},
        {"shop_id": s, "kind": "article", "live": True},
        {"shop_id": s, "kind": "article", "tags": "t", "live": True},
        {"shop_id": s, "next_publish_at": {"$gt": datetime.now(UTC)}},
    ):
        assert "IXSCAN" in json.dumps(pages.find(query).explain(), default=str), query
    plan = ContentMenu._get_collection().find({"shop_id": s, "handle": "main"}).explain()
    assert "IXSCAN" in json.dumps(plan, default=str)
