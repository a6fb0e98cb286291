"""Batch loads for catalog fields, so listing products never queries once per row.

Keys are (shop id, source, external id): every query is scoped by the shop. The functions run
in a worker thread (pymongo is blocking) and are wrapped in per-request DataLoaders by
`cloudcat.schema.context.Loaders`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from bson import ObjectId

from cloudcat.core.documents import Category, Promotion
from cloudcat.core.documents.base import utcnow

CatalogKey = tuple[ObjectId, str, str]
"""(shop id, source, external id)."""


def _grouped(keys: Sequence[CatalogKey]) -> dict[tuple[ObjectId, str], list[str]]:
    groups: dict[tuple[ObjectId, str], list[str]] = defaultdict(list)
    for shop_id, source, external_id in keys:
        groups[(shop_id, source)].append(external_id)
    return groups


def load_categories(keys: Sequence[CatalogKey]) -> list[dict[str, Any] | None]:
    """The category documents of `keys` (None where there is none)."""
    found: dict[CatalogKey, dict[str, Any]] = {}
    collection = Category._get_collection()
    for (shop_id, source), ids in _grouped(keys).items():
        query = {"shop_id": shop_id, "source": source, "external_id": {"$in": ids}}
        for doc in collection.find(query):
            found[(shop_id, source, doc["external_id"])] = doc
    return [found.get(key) for key in keys]


def running_promotions_query(shop_id: ObjectId, source: str) -> dict[str, Any]:
    """Active item promotions of (shop, source) whose time window holds now (a missing start
    or end is no bound: `$not` of the opposite bound also matches null), as one flat condition."""
    now = utcnow()
    return {
        "shop_id": shop_id,
        "source": source,
        "status": "active",
        "level": "item",
        "starts_at": {"$not": {"$gt": now}},
        "ends_at": {"$not": {"$lte": now}},
    }


def load_running_promotions(keys: Sequence[CatalogKey]) -> list[list[dict[str, Any]]]:
    """For each product key, the running promotion documents that list the product."""
    found: dict[CatalogKey, list[dict[str, Any]]] = defaultdict(list)
    collection = Promotion._get_collection()
    for (shop_id, source), ids in _grouped(keys).items():
        query = running_promotions_query(shop_id, source)
        query["items.product_id"] = {"$in": ids}
        wanted = set(ids)
        for doc in collection.find(query).sort("_id", 1):
            for item in doc.get("items") or []:
                if item.get("product_id") in wanted:
                    found[(shop_id, source, item["product_id"])].append(doc)
    return [found.get(key, []) for key in keys]
