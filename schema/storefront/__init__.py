"""The public storefront schema: read-only published data of the shop the key belongs to.

Only published products appear (active on the marketplace and not hidden by the seller), with
their variants, prices and the prices of running promotions. Pages are capped at
`STOREFRONT_MAX_PAGE` (or the server's `page_size_max`, if smaller).
"""

from __future__ import annotations

import strawberry

from cloudcat.schema.catalog.commerce import category_connection
from cloudcat.schema.catalog.products import (
    ProductFilter,
    ProductSort,
    product_by_id,
    product_connection,
)
from cloudcat.schema.catalog.types import Category, Product
from cloudcat.schema.context import AppInfo
from cloudcat.schema.pagination import Connection
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


@strawberry.type
class StorefrontQuery(SearchQuery):
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

    @strawberry.field(description="Active categories and collections, by sort order.")
    async def categories(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[Category]:
        shop = info.context.storefront()
        return await category_connection(
            shop.id, first, after, None, _max_page(info), storefront=True
        )
