"""Listing products: filters, sorts and keyset pagination, for the admin and the storefront.

The storefront sees published products only: active on the marketplace and not hidden by the
seller. Every query is scoped by the shop.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

import strawberry
from bson import ObjectId
from starlette.concurrency import run_in_threadpool

from cloudcat.core.documents import Product as ProductDoc
from cloudcat.schema.catalog.keyset import SortKey, encode_cursor, fetch_page
from cloudcat.schema.catalog.types import ListingStatus, Product
from cloudcat.schema.pagination import Connection, Edge, PageInfo, check_page_size

MAX_SEARCH_LENGTH = 200


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


def product_query(
    shop_id: ObjectId, filter: ProductFilter | None, *, storefront: bool
) -> dict[str, Any]:
    """The MongoDB condition of `filter` in shop `shop_id`."""
    filter = filter or ProductFilter()
    conditions: list[dict[str, Any]] = [{"shop_id": shop_id}]
    if storefront:
        conditions += [{"status": "active"}, {"owned.published": {"$ne": False}}]
    else:
        statuses = filter.status or [ListingStatus.ACTIVE, ListingStatus.DELISTED]
        conditions.append({"status": {"$in": [status.value for status in statuses]}})
        if filter.published is not None:
            published = {"status": "active", "owned.published": {"$ne": False}}
            conditions.append(published if filter.published else {"$nor": [published]})
    if filter.source:
        conditions.append({"source": filter.source})
    if filter.category_id:
        conditions.append({"category_ids": filter.category_id})
    if filter.search and filter.search.strip():
        conditions.append(search_condition(filter.search))
    return {"$and": conditions}


def connection_of(
    rows: list[dict[str, Any]], size: int, after: str | None, sort: SortKey
) -> Connection[Product]:
    """A connection of products from `size + 1` fetched rows."""
    edges = [
        Edge(cursor=encode_cursor(sort, raw), node=Product.from_raw(raw)) for raw in rows[:size]
    ]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=len(rows) > size,
            has_previous_page=after is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
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
    size = check_page_size(first, max_page)
    key = sort_key(sort)
    query = product_query(shop_id, filter, storefront=storefront)
    collection = ProductDoc._get_collection()
    rows = await run_in_threadpool(fetch_page, collection, query, key, size, after)
    return connection_of(rows, size, after, key)


async def product_by_id(
    shop_id: ObjectId, product_id: str, *, storefront: bool = False
) -> Product | None:
    """One product of the shop by id (a published one for the storefront), or None."""
    if not ObjectId.is_valid(product_id):
        return None
    query: dict[str, Any] = {"_id": ObjectId(product_id), "shop_id": shop_id}
    if storefront:
        query.update({"status": "active", "owned.published": {"$ne": False}})
    raw = await run_in_threadpool(ProductDoc._get_collection().find_one, query)
    return Product.from_raw(raw) if raw is not None else None
