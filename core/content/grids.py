"""The products a `product_grid` block shows: a collection's, or those a rule picks.

Published products only (`cloudcat.core.catalog.queries.published_products`), in the block's
order, at most its limit. A rule may keep only products of running item promotions.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from bson import ObjectId

from cloudcat.core.catalog.queries import published_products
from cloudcat.core.documents import Product, Promotion

SORTS: dict[str, list[tuple[str, int]]] = {
    "manual": [("owned.sort_order", 1), ("_id", 1)],
    "newest": [("_id", -1)],
    "price_asc": [("price_min", 1), ("_id", 1)],
    "price_desc": [("price_min", -1), ("_id", -1)],
}


def _promoted(shop_id: ObjectId, now: datetime) -> dict[str, set[str]]:
    """External ids of the products in running item promotions, per source."""
    query = {
        "shop_id": shop_id,
        "status": "active",
        "level": "item",
        "starts_at": {"$not": {"$gt": now}},
        "ends_at": {"$not": {"$lte": now}},
    }
    found: dict[str, set[str]] = {}
    for doc in Promotion._get_collection().find(query, {"source": 1, "items.product_id": 1}):
        ids = found.setdefault(doc["source"], set())
        ids.update(item["product_id"] for item in doc.get("items") or [])
    return found


def grid_product_ids(
    shop_id: ObjectId, settings: Mapping[str, Any], *, now: datetime | None = None
) -> list[str]:
    """The ids of the published products the grid `settings` (a `product_grid` block's)
    shows, in its order, at most its `limit`."""
    limit = int(settings.get("limit") or 12)
    rule = settings.get("rule") or {}
    sort = SORTS["manual"]
    query = published_products(shop_id)
    if settings.get("source") == "collection":
        query["category_ids"] = str(settings.get("collection_id") or "")
    else:
        sort = SORTS.get(str(rule.get("sort")), sort)
        if rule.get("category_id"):
            query["category_ids"] = str(rule["category_id"])
    products = Product._get_collection()
    if settings.get("source") != "collection" and rule.get("on_promotion"):
        ids: list[ObjectId] = []
        for source, external in _promoted(shop_id, now or datetime.now(UTC)).items():
            wanted = {**query, "source": source, "external_id": {"$in": sorted(external)}}
            ids.extend(doc["_id"] for doc in products.find(wanted, {"_id": 1}))
        if not ids:
            return []
        query["_id"] = {"$in": ids}
    rows = products.find(query, {"_id": 1}).sort(sort).limit(limit)
    return [str(doc["_id"]) for doc in rows]
