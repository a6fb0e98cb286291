"""Storefront search: `search(query, ...)` (ranked published products, facets, did-you-mean)
and `searchSuggestions(prefix)`, as the `SearchQuery` mixin of the storefront Query.

Results come from `cloudcat.core.search` in rank order; the page's products are then read in
one flat, indexed query (published ones of the key's shop only). Cursors are opaque positions
in the ranking.
"""

from __future__ import annotations

import base64
import binascii
from decimal import Decimal
from typing import Any

import strawberry
from bson import ObjectId
from starlette.concurrency import run_in_threadpool

from cloudcat.core.catalog.queries import published_products
from cloudcat.core.documents import Product as ProductDoc
from cloudcat.core.errors import BadInput, FieldError
from cloudcat.core.search import SearchResult as Found
from cloudcat.core.search import search_products, suggest
from cloudcat.schema.catalog.types import Product
from cloudcat.schema.context import AppInfo
from cloudcat.schema.pagination import PageInfo, check_page_size
from cloudcat.schema.types import Money

SEARCH_MAX_PAGE = 50
MAX_OFFSET = 1000
"""How deep a shopper may page into one ranking."""
SUGGESTIONS_MAX = 20


@strawberry.type(description="How many matching products are in one category.")
class CategoryFacet:
    category_id: str = strawberry.field(description="The category's external id.")
    count: int


@strawberry.type(description="How many matching products cost within one range.")
class PriceRangeFacet:
    min: Money
    max: Money | None = strawberry.field(description="Null: no upper bound.")
    count: int


@strawberry.type(description="Counts over the matching products, each with the other filter.")
class SearchFacets:
    categories: list[CategoryFacet]
    price_ranges: list[PriceRangeFacet]


@strawberry.type(description="One page of search results, best first.")
class SearchResult:
    products: list[Product]
    total: int = strawberry.field(description="All matching products (with the filters).")
    facets: SearchFacets
    suggestion: str | None = strawberry.field(
        description="The query with its misspelt words corrected (did you mean), or null."
    )
    page_info: PageInfo


def encode_position(offset: int) -> str:
    """The cursor of the result at `offset` (0-based) of a ranking."""
    return base64.urlsafe_b64encode(f"rank:{offset}".encode()).decode()


def decode_position(cursor: str) -> int:
    """The offset a cursor of `encode_position` stands for; `BadInput` (field ``after``)."""
    try:
        raw = base64.urlsafe_b64decode(cursor.encode()).decode()
        if not raw.startswith("rank:"):
            raise ValueError(cursor)
        offset = int(raw[5:])
        if not 0 <= offset < MAX_OFFSET:
            raise ValueError(cursor)
        return offset
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise BadInput("that cursor is not valid", [FieldError(["after"], "bad cursor")]) from exc


def _check_prices(price_min: Decimal | None, price_max: Decimal | None) -> None:
    problems = [
        FieldError([name], "must not be negative")
        for name, value in (("priceMin", price_min), ("priceMax", price_max))
        if value is not None and (not value.is_finite() or value < 0)
    ]
    if price_min is not None and price_max is not None and not problems and price_min > price_max:
        problems.append(FieldError(["priceMax"], "must not be below priceMin"))
    if problems:
        raise BadInput("the price range is not valid", problems)


def _load(shop_id: ObjectId, product_ids: list[str]) -> list[dict[str, Any]]:
    """The published products of `product_ids` in shop `shop_id`, in the given order."""
    if not product_ids:
        return []
    query = {**published_products(shop_id), "_id": {"$in": [ObjectId(p) for p in product_ids]}}
    found = {str(raw["_id"]): raw for raw in ProductDoc._get_collection().find(query)}
    return [found[pid] for pid in product_ids if pid in found]


def _result(found: Found, raws: list[dict[str, Any]], offset: int, currency: str) -> SearchResult:
    def money(value: Decimal | None) -> Money | None:
        return None if value is None else Money(amount=value, currency_code=currency)

    end = offset + len(found.product_ids)
    return SearchResult(
        products=[Product.from_raw(raw) for raw in raws],
        total=found.total,
        facets=SearchFacets(
            categories=[CategoryFacet(category_id=c, count=n) for c, n in found.facets.categories],
            price_ranges=[
                PriceRangeFacet(
                    min=Money(amount=low, currency_code=currency), max=money(high), count=n
                )
                for low, high, n in found.facets.price_ranges
            ],
        ),
        suggestion=found.suggestion,
        page_info=PageInfo(
            has_next_page=end < found.total,
            has_previous_page=offset > 0,
            start_cursor=encode_position(offset) if found.product_ids else None,
            end_cursor=encode_position(end - 1) if found.product_ids else None,
        ),
    )


@strawberry.type
class SearchQuery:
    """The storefront's search fields (a base of the storefront Query)."""

    @strawberry.field(
        description="Published products matching `query` (Chinese, pinyin or its initials, "
        "English with typos, a word being typed), best first, with facets and a did-you-mean."
    )
    async def search(
        self,
        info: AppInfo,
        query: str,
        first: int | None = None,
        after: str | None = None,
        category_id: str | None = None,
        price_min: Decimal | None = None,
        price_max: Decimal | None = None,
    ) -> SearchResult:
        shop = info.context.storefront()
        size = check_page_size(
            first, min(SEARCH_MAX_PAGE, info.context.services.settings.page_size_max)
        )
        offset = decode_position(after) + 1 if after else 0
        _check_prices(price_min, price_max)

        def run() -> tuple[Found, list[dict[str, Any]]]:
            found = search_products(
                shop.id,
                query,
                category_id=category_id or None,
                price_min=price_min,
                price_max=price_max,
                limit=size,
                offset=offset,
            )
            return found, _load(shop.id, found.product_ids)

        found, raws = await run_in_threadpool(run)
        return _result(found, raws, offset, shop.currency)

    @strawberry.field(description="Words of the shop's products completing `prefix` (at most 20).")
    async def search_suggestions(
        self, info: AppInfo, prefix: str, first: int | None = None
    ) -> list[str]:
        shop = info.context.storefront()
        limit = 8 if first is None else first
        if not 1 <= limit <= SUGGESTIONS_MAX:
            raise BadInput(
                f"`first` must be between 1 and {SUGGESTIONS_MAX}",
                [FieldError(["first"], f"between 1 and {SUGGESTIONS_MAX}")],
            )
        return await run_in_threadpool(suggest, shop.id, prefix, limit)


__all__ = ["SearchQuery", "SearchResult", "decode_position", "encode_position"]
