"""The catalog's read rules, in one place: which products are published, and how a list is asked.

A product is **published** (shown by the storefront API and the shop's site) when it is active on
its marketplace and the seller has not hidden it (`owned.published`, set true when a product is
first stored). Every condition here is built flat, ``{"shop_id": ..., "status": ..., ...}`` with
equalities where one value is meant, never wrapped in ``$and``: that is the shape the compound
indexes of `cloudcat.core.documents.catalog.Product` serve, on the embedded database (whose
planner only uses an index for a flat filter whose fields are an index's leading fields) and on
MongoDB alike. `merge` joins a keyset page condition to a listing condition the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from bson import ObjectId

PUBLISHED_STATUS = "active"
PUBLISHED: dict[str, Any] = {"status": PUBLISHED_STATUS, "owned.published": True}
"""The condition a published product meets (besides its shop)."""

ADMIN_STATUSES = ("active", "delisted")
"""What the admin lists when no status is asked for (deleted products are kept, not shown)."""

MAX_SEARCH_LENGTH = 200


def is_published(raw: Mapping[str, Any]) -> bool:
    """Whether a stored product document is published (the rule `PUBLISHED` queries for)."""
    owned = raw.get("owned") or {}
    return raw.get("status") == PUBLISHED_STATUS and owned.get("published") is True


def published_products(shop_id: ObjectId) -> dict[str, Any]:
    """The condition selecting the published products of shop `shop_id`."""
    return {"shop_id": shop_id, **PUBLISHED}


def _one_or_in(values: list[str]) -> Any:
    """An equality for one value (the shape an index prefix serves best), else `$in`."""
    return values[0] if len(values) == 1 else {"$in": values}


def search_condition(text: str) -> dict[str, Any]:
    """Titles (the marketplace's or the seller's) containing `text`, or an exact id or SKU."""
    text = text.strip()[:MAX_SEARCH_LENGTH]
    pattern = {"$regex": re.escape(text), "$options": "i"}
    return {
        "$or": [
            {"title": pattern},
            {"owned.title": pattern},
            {"external_id": text},
            {"variants.sku": text},
        ]
    }


def product_listing(
    shop_id: ObjectId,
    *,
    statuses: Iterable[str] | None = None,
    published: bool | None = None,
    source: str | None = None,
    category_id: str | None = None,
    search: str | None = None,
) -> dict[str, Any]:
    """The flat condition of a product list of shop `shop_id` where every given filter holds.

    `statuses` defaults to `ADMIN_STATUSES`; `published` True keeps published products only
    (the storefront's list), False only the others.
    """
    wanted = list(dict.fromkeys(statuses or ADMIN_STATUSES))
    query: dict[str, Any] = {"shop_id": shop_id}
    if published:
        wanted = [status for status in wanted if status == PUBLISHED_STATUS]
        query["owned.published"] = True
    elif published is False and PUBLISHED_STATUS in wanted:
        # Not published: any other status, or active but hidden by the seller.
        others = [status for status in wanted if status != PUBLISHED_STATUS]
        query["$or"] = [
            {"status": {"$in": others}},
            {"status": PUBLISHED_STATUS, "owned.published": False},
        ]
        wanted = []
    if wanted or "$or" not in query:
        query["status"] = _one_or_in(wanted) if wanted else {"$in": []}
    if source:
        query["source"] = source
    if category_id:
        query["category_ids"] = category_id
    if search and search.strip():
        return merge(query, search_condition(search))
    return query


def merge(query: dict[str, Any], condition: Mapping[str, Any]) -> dict[str, Any]:
    """`query` and `condition` both holding, kept flat: fields join side by side, and only two
    conditions on one field (or two `$or`s) are put under `$and`."""
    merged = dict(query)
    clashes: list[dict[str, Any]] = []
    for field, value in condition.items():
        if field in merged:
            clashes.append({field: value})
        else:
            merged[field] = value
    if clashes:
        merged["$and"] = [*merged.get("$and", []), *clashes]
    return merged
