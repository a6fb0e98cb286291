"""Product listing shared by both schemas: search, status filter, keyset pagination."""

from __future__ import annotations

import re

from bson import ObjectId
from starlette.concurrency import run_in_threadpool

from cloudcat.core.documents import Product as ProductDoc
from cloudcat.schema.pagination import Connection, build_connection, check_page_size, page_filter
from cloudcat.schema.types import Product


def _fetch(
    shop_id: ObjectId, size: int, after: str | None, search: str | None, statuses: list[str]
) -> list[ProductDoc]:
    query: dict[str, object] = {"shop_id": shop_id, "status": {"$in": statuses}}
    query.update(page_filter(after))
    if search:
        query["title"] = {"$regex": re.escape(search.strip()), "$options": "i"}
    return list(ProductDoc.objects(__raw__=query).order_by("id").limit(size + 1))


async def product_connection(
    shop_id: ObjectId,
    first: int | None,
    after: str | None,
    search: str | None,
    statuses: list[str],
    max_page: int,
) -> Connection[Product]:
    size = check_page_size(first, max_page)
    rows = await run_in_threadpool(_fetch, shop_id, size, after, search, statuses)
    return build_connection(rows, size, after, Product.from_doc, lambda doc: doc.id)


async def product_by_id(shop_id: ObjectId, product_id: str) -> Product | None:
    if not ObjectId.is_valid(product_id):
        return None
    doc = await run_in_threadpool(
        lambda: ProductDoc.objects(shop_id=shop_id, id=ObjectId(product_id)).first()
    )
    return Product.from_doc(doc) if doc is not None else None
