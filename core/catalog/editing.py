"""Editing what CloudCat owns of a product: the seller's own copy, SEO texts, order, publishing.

These fields live in the product's `owned` sub-document, which no sync ever writes, so an edit
here survives every later sync while the marketplace-owned fields keep following the source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bson import ObjectId

from cloudcat.core import site_version
from cloudcat.core.documents import Product
from cloudcat.core.documents.base import utcnow
from cloudcat.core.errors import BadInput, FieldError, NotFound
from cloudcat.core.storage.retry import call_with_retries

LIMITS = {"title": 500, "description": 200_000, "seo_title": 200, "seo_description": 1000}
INPUT_NAMES = {"seo_title": "seoTitle", "seo_description": "seoDescription"}
MAX_SORT_ORDER = 1_000_000


@dataclass
class OwnedChanges:
    """The owned fields to change; None leaves a field as it is, "" clears a text."""

    title: str | None = None
    description: str | None = None
    seo_title: str | None = None
    seo_description: str | None = None
    sort_order: int | None = None
    published: bool | None = None

    def validated(self) -> dict[str, Any]:
        """The fields to set, checked; `BadInput` naming every bad field."""
        problems: list[FieldError] = []
        values: dict[str, Any] = {}
        for name, limit in LIMITS.items():
            value = getattr(self, name)
            if value is None:
                continue
            if len(value) > limit:
                field = INPUT_NAMES.get(name, name)
                problems.append(FieldError([field], f"at most {limit:,} characters"))
            values[name] = value.strip()
        if self.sort_order is not None:
            if not -MAX_SORT_ORDER <= self.sort_order <= MAX_SORT_ORDER:
                problems.append(FieldError(["sortOrder"], f"between ±{MAX_SORT_ORDER:,}"))
            values["sort_order"] = self.sort_order
        if self.published is not None:
            values["published"] = self.published
        if problems:
            raise BadInput("some fields are not valid", problems)
        return values


def update_owned_content(shop_id: ObjectId, product_id: str, changes: OwnedChanges) -> Product:
    """Change the CloudCat-owned content of one product of `shop_id`; return the product.

    Raises `NotFound` for a product of another shop (or none), `BadInput` for bad values.
    """
    values = changes.validated()
    if not ObjectId.is_valid(product_id):
        raise NotFound("no such product in this shop")
    query = {"_id": ObjectId(product_id), "shop_id": shop_id}
    update: dict[str, Any] = {
        "$set": {**{f"owned.{k}": v for k, v in values.items()}, "owned.updated_at": utcnow()},
        "$inc": {"revision": 1},
    }
    collection = Product._get_collection()
    result = call_with_retries(lambda: collection.update_one(query, update))
    if result.matched_count == 0:
        raise NotFound("no such product in this shop")
    site_version.bump(shop_id, "product edited")
    product: Product | None = Product.objects(shop_id=shop_id, id=ObjectId(product_id)).first()
    if product is None:
        raise NotFound("no such product in this shop")
    return product
