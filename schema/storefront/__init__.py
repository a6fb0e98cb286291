"""The public storefront schema: read-only published data of the shop the key belongs to.

Only published products appear (active on the marketplace and not hidden by the seller), with
their variants, prices and the prices of running promotions; collections (the shop's active
categories and collections) with their products; running promotions. Pages are capped at
`STOREFRONT_MAX_PAGE` (or the server's `page_size_max`, if smaller), and every list pages by a
keyset cursor (sort value and id), so a cursor stays valid however the list grows.

Answers may depend only on the shop, the document, its variables, the caller's locale and the
shop's published data: the response cache (`cloudcat.core.web.storefront_cache`) keys on exactly
those. `StorefrontQuery` is the catalog's `CatalogQuery`; other parts of the storefront
(content, search) join it as more base classes.
"""

from __future__ import annotations

from typing import Any

import strawberry
from bson import ObjectId
from starlette.concurrency import run_in_threadpool

from cloudcat.core.catalog.handles import find_by_handle
from cloudcat.core.documents import Category as CategoryDoc
from cloudcat.schema.catalog.commerce import (
    Promotion,
    PromotionFilter,
    category_connection,
    promotion_connection,
)
from cloudcat.schema.catalog.products import (
    ProductFilter,
    ProductSort,
    product_by_id,
    product_connection,
)
from cloudcat.schema.catalog.types import Category, Product
from cloudcat.schema.context import AppInfo
from cloudcat.schema.pagination import Connection
from cloudcat.schema.storefront.content import ContentQuery
from cloudcat.schema.storefront.search import SearchQuery

STOREFRONT_MAX_PAGE = 50


@strawberry.type(name="Shop", description="The public face of a shop.")
class StorefrontShop:
    slug: str
    name: str
    currency: str
    locale: str
    timezone: str


def _max_page(info: AppInfo) -> int:
    return min(STOREFRONT_MAX_PAGE, info.context.services.settings.page_size_max)


@strawberry.type(description="A category or collection of the shop, with its products.")
class Collection(Category):
    @strawberry.field(description="Its published products (at most 50 a page).")
    async def products(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        sort: ProductSort | None = None,
    ) -> Connection[Product]:
        shop = info.context.storefront()
        filter = ProductFilter(category_id=self.external_id)
        return await product_connection(
            shop.id, first, after, filter, sort, _max_page(info), storefront=True
        )


def _find_collection(shop_id: ObjectId, id: str) -> dict[str, Any] | None:
    """An active category of the shop by its id, or else by its external id."""
    query: dict[str, Any] = {"shop_id": shop_id, "status": "active"}
    collection = CategoryDoc._get_collection()
    if ObjectId.is_valid(id) and len(id) == 24:
        found = collection.find_one({**query, "_id": ObjectId(id)})
        if found is not None:
            return found
    doc: dict[str, Any] | None = collection.find_one({**query, "external_id": id})
    return doc


@strawberry.type
class CatalogQuery:
    @strawberry.field(description="The shop the storefront key belongs to.")
    def shop(self, info: AppInfo) -> StorefrontShop:
        shop = info.context.storefront()
        return StorefrontShop(
            slug=shop.slug,
            name=shop.name,
            currency=shop.currency,
            locale=shop.locale,
            timezone=shop.timezone,
        )

    @strawberry.field(description="Published products (at most 50 a page), oldest first.")
    async def products(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        search: str | None = None,
        category_id: str | None = None,
        sort: ProductSort | None = None,
    ) -> Connection[Product]:
        shop = info.context.storefront()
        filter = ProductFilter(search=search, category_id=category_id)
        return await product_connection(
            shop.id, first, after, filter, sort, _max_page(info), storefront=True
        )

    @strawberry.field(description="One published product by id, or null.")
    async def product(self, info: AppInfo, id: strawberry.ID) -> Product | None:
        shop = info.context.storefront()
        return await product_by_id(shop.id, id, storefront=True)

    @strawberry.field(description="One published product by its handle (or its id), or null.")
    async def product_by_handle(self, info: AppInfo, handle: str) -> Product | None:
        shop = info.context.storefront()
        raw = await run_in_threadpool(find_by_handle, shop.id, handle)
        return Product.from_raw(raw) if raw is not None else None

    @strawberry.field(description="Active categories and collections, by sort order.")
    async def categories(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[Category]:
        shop = info.context.storefront()
        return await category_connection(
            shop.id, first, after, None, _max_page(info), storefront=True
        )

    @strawberry.field(
        description="Active categories and collections with their products, by sort order."
    )
    async def collections(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[Collection]:
        shop = info.context.storefront()
        return await category_connection(
            shop.id, first, after, None, _max_page(info), storefront=True, node=Collection
        )

    @strawberry.field(description="One active category or collection by id or external id.")
    async def collection(self, info: AppInfo, id: strawberry.ID) -> Collection | None:
        shop = info.context.storefront()
        raw = await run_in_threadpool(_find_collection, shop.id, str(id))
        return Collection.from_raw(raw) if raw is not None else None

    @strawberry.field(
        description="The promotions running now (at most 50 a page), those starting last first."
    )
    async def promotions(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[Promotion]:
        shop = info.context.storefront()
        return await promotion_connection(
            shop.id, first, after, PromotionFilter(running=True), _max_page(info)
        )


@strawberry.type
class StorefrontQuery(CatalogQuery, SearchQuery, ContentQuery):
    """The storefront's Query: the catalog, search and content."""
