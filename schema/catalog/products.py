"""Listing products: filters, sorts and keyset pagination, for the admin and the storefront.

The storefront sees published products only: active on the marketplace and not hidden by the
seller. Every query is scoped by the shop.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry
from bson import ObjectId
from starlette.concurrency import run_in_threadpool

from cloudcat.core.catalog.queries import PUBLISHED, product_listing
from cloudcat.core.documents import Product as ProductDoc
from cloudcat.schema.catalog.keyset import SortKey, keyset_page
from cloudcat.schema.catalog.types import ListingStatus, Product
from cloudcat.schema.pagination import Connection


@strawberry.enum(description="What to sort products by.")
class ProductSortField(Enum):
    CREATED = "created"
    TITLE = "title"
    PRICE = "price"
    UPDATED = "updated"
    POSITION = "position"


@strawberry.enum
class SortDirection(Enum):
    ASC = "asc"
    DESC = "desc"


@strawberry.input(description="A sort order; ties are broken by creation order.")
class ProductSort:
    field: ProductSortField = ProductSortField.CREATED
    direction: SortDirection = SortDirection.ASC


@strawberry.input(description="Which products to list; every given condition must hold.")
class ProductFilter:
    status: list[ListingStatus] | None = strawberry.field(
        default=None, description="Default: active and delisted (the admin), active (storefront)."
    )
    source: str | None = None
    category_id: str | None = strawberry.field(
        default=None, description="A category's external id."
    )
    search: str | None = strawberry.field(
        default=None, description="Part of the title, or an exact external id or SKU."
    )
    published: bool | None = None


SORT_FIELDS = {
    ProductSortField.CREATED: ("_id", "id"),
    ProductSortField.TITLE: ("title", "str"),
    ProductSortField.PRICE: ("price_min", "decimal"),
    ProductSortField.UPDATED: ("updated_at", "datetime"),
    ProductSortField.POSITION: ("owned.sort_order", "int"),
}


def sort_key(sort: ProductSort | None) -> SortKey:
    """The keyset sort of `sort` (creation order by default)."""
    sort = sort or ProductSort()
    field, kind = SORT_FIELDS[sort.field]
    return SortKey(field, sort.direction is SortDirection.DESC, kind)


def product_query(
    shop_id: ObjectId, filter: ProductFilter | None, *, storefront: bool
) -> dict[str, Any]:
    """The MongoDB condition of `filter` in shop `shop_id` (published ones on the storefront)."""
    filter = filter or ProductFilter()
    statuses = [status.value for status in filter.status] if filter.status else None
    return product_listing(
        shop_id,
        statuses=[ListingStatus.ACTIVE.value] if storefront else statuses,
        published=True if storefront else filter.published,
        source=filter.source,
        category_id=filter.category_id,
        search=filter.search,
    )


async def product_connection(
    shop_id: ObjectId,
    first: int | None,
    after: str | None,
    filter: ProductFilter | None,
    sort: ProductSort | None,
    max_page: int,
    *,
    storefront: bool = False,
) -> Connection[Product]:
    """One page of the shop's products."""
    query = product_query(shop_id, filter, storefront=storefront)
    collection = ProductDoc._get_collection()
    return await keyset_page(
        collection, query, sort_key(sort), first, after, max_page, Product.from_raw
    )


async def product_by_id(
    shop_id: ObjectId, product_id: str, *, storefront: bool = False
) -> Product | None:
    """One product of the shop by id (a published one for the storefront), or None."""
    if not ObjectId.is_valid(product_id):
        return None
    query: dict[str, Any] = {"_id": ObjectId(product_id), "shop_id": shop_id}
    if storefront:
        query.update(PUBLISHED)
    raw = await run_in_threadpool(ProductDoc._get_collection().find_one, query)
    return Product.from_raw(raw) if raw is not None else None
