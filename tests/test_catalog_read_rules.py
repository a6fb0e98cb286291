"""The catalog's read rules use the indexes: a small shop's first pages read about a page of
documents, however big another shop in the same collection is.

The embedded database's `explain` (like MongoDB's) reports `totalDocsExamined`: a collection
scan examines every product of every shop, an index lookup only the small shop's candidates.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from bson import Decimal128, ObjectId

from cloudcat.core.catalog.queries import is_published, merge, published_products
from cloudcat.core.documents import Product
from cloudcat.core.storage.database import RawDatabase
from cloudcat.schema.catalog.keyset import after_filter, encode_cursor
from cloudcat.schema.catalog.products import (
    ProductFilter,
    ProductSort,
    ProductSortField,
    SortDirection,
    product_query,
    sort_key,
)
from cloudcat.schema.catalog.types import ListingStatus

BIG_SHOP_PRODUCTS = 2_000
SMALL_SHOP_PRODUCTS = 30
PAGE = 20


def _product(shop_id: ObjectId, index: int, **changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "shop_id": shop_id,
        "source": "feed",
        "external_id": f"p{index}",
        "title": f"Product {index:05d}",
        "status": "active",
        "currency": "CNY",
        "price": Decimal128(str(index % 90 + 10)),
        "price_min": Decimal128(str(index % 90 + 10)),
        "category_ids": ["c1"],
        "owned": {"published": True, "sort_order": index % 7},
    }
    doc.update(changes)
    return doc


@pytest.fixture
def shops(db: RawDatabase) -> tuple[ObjectId, ObjectId]:
    """(big shop, small shop): the big one holds `BIG_SHOP_PRODUCTS` products."""
    big, small = ObjectId(), ObjectId()
    products = db[Product._get_collection_name()]
    for start in range(0, BIG_SHOP_PRODUCTS, 1000):
        products.insert_many(
            [_product(big, i) for i in range(start, min(start + 1000, BIG_SHOP_PRODUCTS))]
        )
    products.insert_many(
        [
            _product(small, i, **({"status": "delisted"} if i % 10 == 9 else {}))
            for i in range(SMALL_SHOP_PRODUCTS)
        ]
    )
    return big, small


def _examined(db: RawDatabase, query: dict[str, Any], sort: list[tuple[str, int]]) -> int:
    """The documents the server examines to answer a page of `query` in `sort` order."""
    answer = db.command(
        {
            "explain": {
                "find": Product._get_collection_name(),
                "filter": query,
                "sort": dict(sort),
                "limit": PAGE + 1,
            },
            "verbosity": "executionStats",
        }
    )
    stats = answer["executionStats"]
    assert stats["nReturned"] <= SMALL_SHOP_PRODUCTS
    return int(stats["totalDocsExamined"])


ADMIN_FILTERS = [
    ProductFilter(),
    ProductFilter(status=[ListingStatus.DELISTED]),
    ProductFilter(published=True),
    ProductFilter(source="feed"),
    ProductFilter(category_id="c1"),
    ProductFilter(source="feed", published=True),
    ProductFilter(category_id="c1", status=[ListingStatus.ACTIVE]),
]


def test_the_storefront_pages_read_the_shop_not_the_collection(
    db: RawDatabase, shops: tuple[ObjectId, ObjectId]
) -> None:
    _, small = shops
    for field, direction in itertools.product(ProductSortField, SortDirection):
        key = sort_key(ProductSort(field=field, direction=direction))
        for filter in (None, ProductFilter(category_id="c1")):
            query = product_query(small, filter, storefront=True)
            assert "$and" not in query
            assert _examined(db, query, key.order()) <= SMALL_SHOP_PRODUCTS
    key = sort_key(None)
    first = db[Product._get_collection_name()].find_one({"shop_id": small}, sort=key.order())
    assert first is not None
    query = merge(
        product_query(small, None, storefront=True), after_filter(key, encode_cursor(key, first))
    )
    assert _examined(db, query, key.order()) <= SMALL_SHOP_PRODUCTS


def test_the_admin_catalog_list_reads_the_shop_not_the_collection(
    db: RawDatabase, shops: tuple[ObjectId, ObjectId]
) -> None:
    _, small = shops
    for filter, field in itertools.product(ADMIN_FILTERS, ProductSortField):
        key = sort_key(ProductSort(field=field))
        query = product_query(small, filter, storefront=False)
        assert _examined(db, query, key.order()) <= SMALL_SHOP_PRODUCTS


def test_the_site_home_and_the_published_rule(
    db: RawDatabase, shops: tuple[ObjectId, ObjectId]
) -> None:
    """The site's home list reads the shop only; queries and rows agree on "published"."""
    _, small = shops
    query = published_products(small)
    assert _examined(db, query, [("owned.sort_order", 1), ("_id", 1)]) <= SMALL_SHOP_PRODUCTS
    products = db[Product._get_collection_name()]
    products.update_one(
        {"shop_id": small, "external_id": "p0"}, {"$set": {"owned.published": False}}
    )
    rows = list(products.find({"shop_id": small}))
    listed = {row["_id"] for row in products.find(published_products(small))}
    assert listed == {row["_id"] for row in rows if is_published(row)}
    assert len(listed) == SMALL_SHOP_PRODUCTS - 3 - 1  # three delisted, one hidden
    hidden = {
        row["_id"]
        for row in products.find(
            product_query(small, ProductFilter(published=False), storefront=False)
        )
    }
    assert hidden == {row["_id"] for row in rows if not is_published(row)}
