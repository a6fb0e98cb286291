"""Content blocks made ready to draw: each block's settings plus what it shows (a product
grid's products, a countdown's end, an article list's articles, images as image sets).

A block that is malformed or names nothing the shop has stays in the list with empty data;
the theme decides how to draw it, and types it does not draw are skipped when rendering.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bson import ObjectId

from cloudcat.core.content import reads
from cloudcat.core.content.grids import grid_product_ids
from cloudcat.core.documents import Promotion
from cloudcat.core.media import image_set
from cloudcat.core.site import catalog
from cloudcat.core.site.formatting import iso_time
from cloudcat.core.site.links import safe_url

MAX_GRID = 48
MAX_ARTICLES = 24


def _limit(value: Any, default: int, ceiling: int) -> int:
    return max(1, min(ceiling, value)) if isinstance(value, int) else default


def image_view(shop_id: Any, ref: Any) -> dict[str, Any] | None:
    """Image ref `ref` (a media id or an https URL) as ``{src, srcset, webp_srcset, width,
    height, alt}`` for a template, or None when it names nothing this shop can show."""
    found = image_set(shop_id, ref) if isinstance(ref, str) else None
    if found is None:
        return None
    return {
        "src": found.src,
        "srcset": found.srcset,
        "webp_srcset": found.webp_srcset,
        "width": found.width,
        "height": found.height,
        "alt": found.alt,
    }


def _product_grid(settings: dict[str, Any], shop: catalog.SiteShop) -> dict[str, Any]:
    wanted = {**settings, "limit": _limit(settings.get("limit"), 12, MAX_GRID)}
    ids = [ObjectId(i) for i in grid_product_ids(shop.id, wanted)]
    return {"products": catalog.list_products(shop, ids=ids)}


def _countdown(settings: dict[str, Any], shop: catalog.SiteShop) -> dict[str, Any]:
    ends_at = settings.get("ends_at")
    promotion_id = settings.get("promotion_id")
    if isinstance(promotion_id, str) and promotion_id:
        doc = Promotion._get_collection().find_one(
            {"shop_id": shop.id, "external_id": promotion_id, "status": "active"},
            {"ends_at": 1, "name": 1},
        )
        if doc is not None:
            return {"ends_at": iso_time(doc.get("ends_at")), "name": doc.get("name", "")}
    if isinstance(ends_at, datetime):
        return {"ends_at": iso_time(ends_at), "name": ""}
    return {"ends_at": str(ends_at) if isinstance(ends_at, str) else "", "name": ""}


def _article_list(
    settings: dict[str, Any], shop: catalog.SiteShop, locale: str, default_locale: str
) -> dict[str, Any]:
    tag = settings.get("tag") if isinstance(settings.get("tag"), str) else None
    found = reads.published_pages(
        shop.id,
        "article",
        locale,
        default_locale,
        limit=_limit(settings.get("limit"), 6, MAX_ARTICLES),
        tag=tag or None,
    )
    return {"articles": [article_view(page, shop) for page in found]}


def article_view(page: Any, shop: catalog.SiteShop) -> dict[str, Any]:
    """What an article list shows of one published article."""
    return {
        "title": page.title,
        "excerpt": page.excerpt or "",
        "url": f"{shop.base}/articles/{page.handle}",
        "cover": image_view(shop.id, page.cover),
        "published_at": iso_time(page.published_at),
    }


def resolve_blocks(
    blocks: Any, shop: catalog.SiteShop, locale: str, default_locale: str
) -> list[dict[str, Any]]:
    """`blocks` (a page's list of ``{id, type, settings}``) with each block's data added."""
    resolved: list[dict[str, Any]] = []
    for block in blocks if isinstance(blocks, list) else []:
        if not isinstance(block, dict) or not isinstance(block.get("type"), str):
            continue
        settings = block.get("settings") if isinstance(block.get("settings"), dict) else {}
        assert isinstance(settings, dict)
        kind = block["type"]
        data: dict[str, Any] = {}
        if kind == "product_grid":
            data = _product_grid(settings, shop)
        elif kind == "countdown":
            data = _countdown(settings, shop)
        elif kind == "article_list":
            data = _article_list(settings, shop, locale, default_locale)
        elif kind == "hero":
            data = {
                "image": image_view(shop.id, settings.get("image")),
                "link": safe_url(settings.get("link")),
            }
        elif kind == "gallery":
            images = settings.get("images") if isinstance(settings.get("images"), list) else []
            data = {"images": [_gallery_image(item, shop) for item in images or []]}
        elif kind == "coupon":
            data = {"link": safe_url(settings.get("link"))}
        resolved.append(
            {"id": str(block.get("id", "")), "type": kind, "settings": settings, "data": data}
        )
    return resolved


def _gallery_image(item: Any, shop: catalog.SiteShop) -> dict[str, Any]:
    if not isinstance(item, dict):
        return {"image": None, "alt": "", "link": ""}
    return {
        "image": image_view(shop.id, item.get("image")),
        "alt": str(item.get("alt") or ""),
        "link": safe_url(item.get("link")),
    }


def generated_home(shop: catalog.SiteShop, name: str, headline: str) -> list[dict[str, Any]]:
    """The home page of a shop that published none: a hero, its collections and a grid of its
    products (as blocks, drawn like a published page's)."""
    return [
        {"id": "hero", "type": "hero", "settings": {"heading": name, "subheading": headline}},
        {"id": "collections", "type": "collections", "settings": {}},
        {
            "id": "products",
            "type": "product_grid",
            "settings": {"source": "rule", "rule": {"sort": "manual"}, "limit": 24},
        },
    ]
