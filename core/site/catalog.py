"""The catalog as the site shows it: published products (with running promotions' prices),
categories, one product by handle. Read only; every query is scoped to one shop and shaped for
the catalog's indexes (`cloudcat.core.catalog.queries`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from bson import ObjectId

from cloudcat.core.catalog.queries import product_listing, published_products
from cloudcat.core.documents import Category, Product
from cloudcat.core.site.formatting import decimal, format_price, iso_time
from cloudcat.core.site.links import buy_link, safe_url
from cloudcat.schema.catalog.loaders import load_running_promotions
from cloudcat.schema.catalog.types import promotion_prices

SORTS: dict[str, list[tuple[str, int]]] = {
    "manual": [("owned.sort_order", 1), ("_id", 1)],
    "newest": [("_id", -1)],
    "price_asc": [("price_min", 1), ("_id", 1)],
    "price_desc": [("price_min", -1), ("_id", 1)],
}


@dataclass(frozen=True)
class SiteShop:
    """What product views need of their shop: its id, slug, currency and the site's base."""

    id: ObjectId
    slug: str
    currency: str
    base: str


def product_handle(raw: dict[str, Any]) -> str:
    """The product's URL handle (its id until the catalog gave it one)."""
    return str(raw.get("handle") or raw["_id"])


def _images(raw: dict[str, Any]) -> list[str]:
    return [url for url in (safe_url(u) for u in raw.get("image_urls") or []) if url]


def _promotion(raw: dict[str, Any], promotions: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The best running promotion of product `raw`: its lowest price, the price per variant
    and its name and end (empty when none runs)."""
    best: dict[str, Any] = {}
    for doc in promotions:
        found = promotion_prices(doc, raw["external_id"])
        if found is None or found.lowest is None:
            continue
        if best and best["lowest"] <= found.lowest:
            continue
        best = {
            "lowest": found.lowest,
            "price": found.price.amount if found.price else None,
            "variants": {v.variant_id: v.price.amount for v in found.variant_prices},
            "name": found.name,
            "id": found.promotion_id,
            "ends_at": iso_time(found.ends_at),
        }
    return best


def _variant_view(
    variant: dict[str, Any], currency: str, promo: dict[str, Any], fallback_image: str
) -> dict[str, Any]:
    price = decimal(variant.get("price"))
    sale = promo.get("variants", {}).get(variant.get("external_id")) or promo.get("price")
    if sale is not None and price is not None and sale >= price:
        sale = None
    stock = variant.get("stock")
    options = [
        {"name": str(o.get("name", "")), "value": str(o.get("value", ""))}
        for o in variant.get("options") or []
    ]
    title = variant.get("title") or " / ".join(o["value"] for o in options) or variant.get("sku")
    return {
        "id": str(variant.get("external_id", "")),
        "title": str(title or ""),
        "sku": str(variant.get("sku") or ""),
        "options": options,
        "price": price,
        "price_text": format_price(price, currency),
        "sale_text": format_price(sale, currency) if sale is not None else "",
        "compare_text": format_price(variant.get("compare_at_price"), currency),
        "stock": stock,
        "available": stock is None or stock > 0,
        "image": safe_url(variant.get("image_url")) or fallback_image,
    }


def product_view(
    raw: dict[str, Any], shop: SiteShop, promotions: Sequence[dict[str, Any]] = ()
) -> dict[str, Any]:
    """What templates show of one product: texts, prices (with a running promotion's), its
    SKUs, images, its page on the site and its buy link."""
    currency = str(raw.get("currency") or shop.currency)
    owned = raw.get("owned") or {}
    title = str(owned.get("title") or raw.get("title") or "")
    description = str(owned.get("description") or raw.get("description") or "")
    images = _images(raw)
    promo = _promotion(raw, promotions)
    price = decimal(raw.get("price_min")) or decimal(raw.get("price")) or Decimal(0)
    high = decimal(raw.get("price_max")) or price
    sale = promo.get("lowest")
    if sale is not None and sale >= price:
        sale = None
    variants = [
        _variant_view(v, currency, promo, images[0] if images else "")
        for v in raw.get("variants") or []
    ]
    stock = raw.get("stock")
    if variants:
        stocks = [v["stock"] for v in variants]
        stock = None if any(s is None for s in stocks) else sum(stocks)
    handle = product_handle(raw)
    return {
        "id": str(raw["_id"]),
        "external_id": str(raw.get("external_id", "")),
        "handle": handle,
        "title": title,
        "description": description,
        "seo_title": str(owned.get("seo_title") or title),
        "seo_description": str(owned.get("seo_description") or description[:300]),
        "url": f"{shop.base}/products/{handle}",
        "image": images[0] if images else "",
        "images": images,
        "currency": currency,
        "price": price,
        "price_text": format_price(price, currency),
        "price_max_text": format_price(high, currency) if high != price else "",
        "sale": sale,
        "sale_text": format_price(sale, currency) if sale is not None else "",
        "compare_text": format_price(raw.get("compare_at_price"), currency),
        "promotion": {k: promo[k] for k in ("id", "name", "ends_at")} if sale else None,
        "stock": stock,
        "available": stock is None or stock > 0,
        "options": [
            {"name": str(o.get("name", "")), "values": [str(v) for v in o.get("values") or []]}
            for o in raw.get("options") or []
        ],
        "variants": variants,
        "category_ids": [str(c) for c in raw.get("category_ids") or []],
        "buy_url": buy_link(str(raw.get("url") or ""), shop.slug),
        "updated_at": raw.get("updated_at"),
    }


def product_views(raws: Iterable[dict[str, Any]], shop: SiteShop) -> list[dict[str, Any]]:
    """The views of `raws`, with the promotions running now (one query for them all)."""
    raws = list(raws)
    keys = [(shop.id, r["source"], r["external_id"]) for r in raws]
    promotions = load_running_promotions(keys) if keys else []
    return [product_view(r, shop, p) for r, p in zip(raws, promotions, strict=True)]


def list_products(
    shop: SiteShop,
    *,
    category_id: str | None = None,
    sort: str = "manual",
    limit: int = 24,
    offset: int = 0,
    ids: Sequence[ObjectId] | None = None,
) -> list[dict[str, Any]]:
    """Published products of the shop (of one category, or of `ids` in their order)."""
    collection = Product._get_collection()
    if ids is not None:
        query = published_products(shop.id)
        query["_id"] = {"$in": list(ids)}
        found = {doc["_id"]: doc for doc in collection.find(query)}
        return product_views([found[i] for i in ids if i in found], shop)
    query = product_listing(shop.id, statuses=["active"], published=True, category_id=category_id)
    cursor = collection.find(query).sort(SORTS.get(sort, SORTS["manual"]))
    return product_views(cursor.skip(offset).limit(limit), shop)


def count_products(shop: SiteShop, category_id: str | None = None) -> int:
    """How many published products the shop (or one of its categories) has."""
    query = product_listing(shop.id, statuses=["active"], published=True, category_id=category_id)
    return int(Product._get_collection().count_documents(query))


def find_product(shop_id: ObjectId, handle: str) -> dict[str, Any] | None:
    """The stored product of handle `handle` (or of id `handle`), whatever its status."""
    collection = Product._get_collection()
    doc = collection.find_one({"shop_id": shop_id, "handle": handle})
    if doc is None and ObjectId.is_valid(handle):
        doc = collection.find_one({"shop_id": shop_id, "_id": ObjectId(handle)})
    return doc


def categories(shop_id: ObjectId) -> list[dict[str, Any]]:
    """The shop's active categories and collections, in the seller's order."""
    query = {"shop_id": shop_id, "status": "active"}
    docs = Category._get_collection().find(query).sort([("sort_order", 1), ("_id", 1)])
    return [
        {
            "id": str(doc["external_id"]),
            "name": str(doc.get("name", "")),
            "parent_id": doc.get("parent_id"),
            "image": safe_url(doc.get("image_url")),
            "kind": doc.get("kind", "category"),
        }
        for doc in docs
    ]
